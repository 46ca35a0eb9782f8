import type { KeyObject } from 'node:crypto';
import { formatCheckpoint, type Checkpoint } from './checkpoint';
import { isChainHash } from './chain-hash';
import { signNote } from './signed-note';
import { loadPrivateKey, loadPublicKey } from './signing-keys';

/** What a writer asks a signer for: a signature over the chain's size and head, nothing else. */
export interface CheckpointRequest {
  size: number;
  head: string;
}

/**
 * Signs checkpoints. The writer holds one of these; with `remoteSigner` it never sees the key.
 * `sign` resolves to the signed note text.
 */
export interface CheckpointSigner {
  sign(request: CheckpointRequest): Promise<string>;
  close?(): Promise<void>;
}

export interface LocalSignerOptions {
  /** PKCS#8 PEM or a key object. */
  privateKey: string | Buffer | KeyObject;
  /** Names the log in every checkpoint, e.g. `auth.example.com/security-log`. */
  origin: string;
  /** Key name in the signature line. Default: the origin. */
  keyName?: string;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
}

export class CheckpointRefusedError extends Error {
  override readonly name = 'CheckpointRefusedError';
}

/**
 * Signs in this process. Meant for development and for the `seclog signer` process itself: an
 * application that holds its own signing key can forge its own history. Refuses to sign a size
 * smaller than one it already signed, or the same size with another head, so a compromised writer
 * cannot get a rolled-back history signed.
 */
export function createLocalSigner(options: LocalSignerOptions): CheckpointSigner {
  const privateKey = typeof options.privateKey === 'object' && 'asymmetricKeyType' in options.privateKey
    ? options.privateKey
    : loadPrivateKey(options.privateKey as string | Buffer);
  const publicKey = loadPublicKey(privateKey);
  const keyName = options.keyName ?? options.origin;
  const now = options.now ?? Date.now;
  let last: CheckpointRequest | undefined;

  return {
    async sign(request) {
      if (!request || !Number.isSafeInteger(request.size) || request.size < 1 || !isChainHash(request.head)) {
        throw new CheckpointRefusedError('a checkpoint request needs a positive integer size and a 64-hex-digit head');
      }
      if (last && (request.size < last.size || (request.size === last.size && request.head !== last.head))) {
        throw new CheckpointRefusedError(`refusing to sign size ${request.size}: size ${last.size} was already signed`);
      }
      last = { size: request.size, head: request.head };
      const checkpoint: Checkpoint = { origin: options.origin, size: request.size, head: request.head, time: new Date(now()).toISOString() };
      return signNote(formatCheckpoint(checkpoint), keyName, privateKey, publicKey);
    },
  };
}
