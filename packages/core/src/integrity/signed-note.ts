import { sign, verify, type KeyObject } from 'node:crypto';
import { keyHash } from './signing-keys';

/** One signature line of a note: `— name base64(keyhash || signature)`. */
export interface NoteSignature {
  name: string;
  keyHash: Buffer;
  signature: Buffer;
}

export interface ParsedNote {
  /** The signed text, ending in a newline. */
  text: string;
  signatures: NoteSignature[];
}

/** Thrown for text that is not a well-formed C2SP signed note. */
export class SignedNoteError extends Error {
  override readonly name = 'SignedNoteError';
}

const SIGNATURE_PREFIX = '\u2014 ';

/** Signs `text` (which must end in a newline) with Ed25519, in C2SP signed-note form. */
export function signNote(text: string, name: string, privateKey: KeyObject, publicKey: KeyObject): string {
  if (!text.endsWith('\n') || text.includes('\n\n')) throw new SignedNoteError('note text must end in one newline and hold no blank line');
  if (/[\s+]/.test(name) || name === '') throw new SignedNoteError('a key name must be non-empty, without spaces or "+"');
  const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
  const encoded = Buffer.concat([keyHash(name, publicKey), signature]).toString('base64');
  return `${text}\n${SIGNATURE_PREFIX}${name} ${encoded}\n`;
}

export function parseNote(note: string): ParsedNote {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new SignedNoteError('a signed note is text, a blank line, then signature lines');
  const text = note.slice(0, split + 1);
  const signatures = note
    .slice(split + 2, -1)
    .split('\n')
    .map((line) => {
      if (!line.startsWith(SIGNATURE_PREFIX)) throw new SignedNoteError('a signature line starts with an em dash and a space');
      const [name, encoded, extra] = line.slice(SIGNATURE_PREFIX.length).split(' ');
      if (!name || !encoded || extra !== undefined) throw new SignedNoteError('a signature line is "— name signature"');
      const bytes = Buffer.from(encoded, 'base64');
      // Node's decoder skips stray characters; a signature must be exactly canonical base64.
      if (bytes.toString('base64') !== encoded) throw new SignedNoteError('a signature is not canonical base64');
      if (bytes.length < 5) throw new SignedNoteError('a signature is too short');
      return { name, keyHash: bytes.subarray(0, 4), signature: bytes.subarray(4) };
    });
  return { text, signatures };
}

/**
 * True when at least one signature line names a key whose hash matches `publicKey` and its
 * Ed25519 signature over the note text verifies.
 */
export function verifyNote(note: ParsedNote, publicKey: KeyObject): boolean {
  const data = Buffer.from(note.text, 'utf8');
  return note.signatures.some(
    (entry) =>
      keyHash(entry.name, publicKey).equals(entry.keyHash) &&
      entry.signature.length === 64 &&
      verify(null, data, publicKey, entry.signature),
  );
}
