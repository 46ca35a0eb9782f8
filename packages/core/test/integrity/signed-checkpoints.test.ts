import { createHash, createPublicKey } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCheckpoint, parseCheckpoint } from '../../src/integrity/checkpoint';
import { checkpointFile } from '../../src/integrity/checkpoint-file';
import { CheckpointRefusedError, createLocalSigner } from '../../src/integrity/checkpoint-signer';
import { remoteSigner, RemoteSignerError } from '../../src/integrity/remote-signer';
import { parseNote, verifyNote } from '../../src/integrity/signed-note';
import { startSignerServer } from '../../src/integrity/signer-server';
import { formatVerifierKey, generateSigningKeys, keyHash, loadPublicKey, rawPublicKey } from '../../src/integrity/signing-keys';

const HEAD = 'ab'.repeat(32);
const at = Date.UTC(2026, 10, 27, 12, 0, 0);

describe('signed checkpoints', () => {
  const keys = generateSigningKeys();
  const publicKey = loadPublicKey(keys.publicKeyPem);

  it('writes a C2SP signed note with origin, size, base64 head and time', async () => {
    const signer = createLocalSigner({ privateKey: keys.privateKeyPem, origin: 'auth.example/security', now: () => at });
    const note = await signer.sign({ size: 42, head: HEAD });
    const [body, signatureLine] = note.split('\n\n');
    expect(body).toBe(`auth.example/security\n42\n${Buffer.from(HEAD, 'hex').toString('base64')}\ntime 2026-11-27T12:00:00.000Z`);
    expect(signatureLine).toMatch(/^\u2014 auth\.example\/security [A-Za-z0-9+/]+=*\n$/);
    const parsed = parseNote(note);
    expect(verifyNote(parsed, publicKey)).toBe(true);
    expect(parseCheckpoint(parsed.text)).toEqual({ origin: 'auth.example/security', size: 42, head: HEAD, time: '2026-11-27T12:00:00.000Z' });
  });

  it('uses the C2SP key hash: SHA-256(name, newline, 0x01, key), first 4 bytes', () => {
    const expected = createHash('sha256')
      .update(Buffer.concat([Buffer.from('log\n'), Buffer.from([1]), rawPublicKey(publicKey)]))
      .digest()
      .subarray(0, 4);
    expect(keyHash('log', publicKey)).toEqual(expected);
    const vkey = formatVerifierKey('log', publicKey);
    expect(vkey).toMatch(/^log\+[0-9a-f]{8}\+/);
    expect(loadPublicKey(vkey).equals(publicKey)).toBe(true);
    // Base64 keys often contain "+", the separator of the verifier key form.
    for (let i = 0; i < 30; i++) {
      const other = loadPublicKey(generateSigningKeys().publicKeyPem);
      expect(loadPublicKey(formatVerifierKey('name', other)).equals(other)).toBe(true);
    }
    expect(() => loadPublicKey(vkey.replace(/^log\+[0-9a-f]{2}/, 'log+zz'))).toThrow();
    expect(() => loadPublicKey(vkey.replace(/^log/, 'lag'))).toThrow(/hash does not match/);
  });

  it('rejects any change to the note text or signature, and other keys', async () => {
    const signer = createLocalSigner({ privateKey: keys.privateKeyPem, origin: 'o', now: () => at });
    const note = await signer.sign({ size: 7, head: HEAD });
    const other = createPublicKey(generateSigningKeys().publicKeyPem);
    expect(verifyNote(parseNote(note), other)).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: note.length - 1 }), fc.integer({ min: 1, max: 255 }), (index, flip) => {
        const bytes = Buffer.from(note, 'utf8');
        if (index >= bytes.length) return;
        bytes[index] = bytes[index]! ^ flip;
        const changed = bytes.toString('utf8');
        if (changed === note) return;
        let valid = false;
        try {
          valid = verifyNote(parseNote(changed), publicKey);
        } catch {
          valid = false;
        }
        expect(valid).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses to sign a rolled-back or forked history', async () => {
    const signer = createLocalSigner({ privateKey: keys.privateKeyPem, origin: 'o' });
    await signer.sign({ size: 10, head: HEAD });
    await expect(signer.sign({ size: 9, head: HEAD })).rejects.toThrow(CheckpointRefusedError);
    await expect(signer.sign({ size: 10, head: 'cd'.repeat(32) })).rejects.toThrow(CheckpointRefusedError);
    await expect(signer.sign({ size: 0, head: HEAD })).rejects.toThrow(CheckpointRefusedError);
    await expect(signer.sign({ size: 10, head: HEAD })).resolves.toContain('\n10\n');
    expect(() => formatCheckpoint({ origin: 'a\nb', size: 1, head: HEAD, time: '' })).toThrow();
  });

  it('signs over a socket: only size and head travel, the signer keeps its own copy', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seclog-signer-'));
    const server = await startSignerServer({
      signer: createLocalSigner({ privateKey: keys.privateKeyPem, origin: 'remote.example/log', now: () => at }),
      listen: { path: join(dir, 'signer.sock') },
      store: checkpointFile(join(dir, 'signer.checkpoints')),
    });
    const client = remoteSigner({ connect: { path: server.address } });
    try {
      const first = await client.sign({ size: 3, head: HEAD });
      const second = await client.sign({ size: 5, head: 'cd'.repeat(32) });
      expect(verifyNote(parseNote(first), publicKey)).toBe(true);
      expect(parseCheckpoint(parseNote(second).text).size).toBe(5);
      await expect(client.sign({ size: 4, head: HEAD })).rejects.toThrow(/refused.*size 5 was already signed/);
      const kept = (await readFile(join(dir, 'signer.checkpoints'), 'utf8')).trim().split('\n');
      expect(kept.map((line) => (JSON.parse(line) as { note: string }).note)).toEqual([first, second]);
    } finally {
      await client.close!();
      await server.close();
    }
  });

  it('listens on TCP loopback as well, and reports an unreachable signer as a typed error', async () => {
    const server = await startSignerServer({
      signer: createLocalSigner({ privateKey: keys.privateKeyPem, origin: 'tcp' }),
      listen: { port: 0 },
    });
    const port = Number(server.address.split(':').pop());
    const client = remoteSigner({ connect: { port } });
    try {
      expect(await client.sign({ size: 1, head: HEAD })).toContain('tcp\n1\n');
    } finally {
      await client.close!();
      await server.close();
    }
    const gone = remoteSigner({ connect: { port }, timeoutMs: 500 });
    await expect(gone.sign({ size: 2, head: HEAD })).rejects.toThrow(RemoteSignerError);
  });
});
