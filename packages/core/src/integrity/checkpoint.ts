import { isChainHash } from './chain-hash';

/**
 * What a checkpoint says: the log named `origin` held `size` records and the last of them hashed
 * to `head`, as seen by the signer at `time`.
 */
export interface Checkpoint {
  origin: string;
  /** Number of records in the chain (the last one has seq `size - 1`). */
  size: number;
  /** Chain hash of record `size - 1`, lowercase hex. */
  head: string;
  /** ISO 8601, from the signer's clock. */
  time: string;
}

export class CheckpointFormatError extends Error {
  override readonly name = 'CheckpointFormatError';
}

/**
 * The note text, in C2SP tlog-checkpoint layout: origin, decimal size, base64 head hash, then an
 * extension line `time <ISO 8601>`. The head is the chain head, not a Merkle root.
 */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  if (!checkpoint.origin || /[\n\r]/.test(checkpoint.origin)) throw new CheckpointFormatError('origin must be one non-empty line');
  if (!Number.isSafeInteger(checkpoint.size) || checkpoint.size < 1) throw new CheckpointFormatError('size must be a positive integer');
  if (!isChainHash(checkpoint.head)) throw new CheckpointFormatError('head must be 64 lowercase hex digits');
  const head = Buffer.from(checkpoint.head, 'hex').toString('base64');
  return `${checkpoint.origin}\n${checkpoint.size}\n${head}\ntime ${checkpoint.time}\n`;
}

export function parseCheckpoint(text: string): Checkpoint {
  const lines = text.split('\n');
  const [origin, size, head, timeLine] = lines;
  if (!origin || !size || !head || !/^[1-9][0-9]*$/.test(size)) throw new CheckpointFormatError('not a checkpoint: origin, size, head expected');
  const headBytes = Buffer.from(head, 'base64');
  if (headBytes.length !== 32 || headBytes.toString('base64') !== head) throw new CheckpointFormatError('checkpoint head is not a base64 SHA-256 hash');
  const time = timeLine?.startsWith('time ') ? timeLine.slice(5) : '';
  return { origin, size: Number(size), head: headBytes.toString('hex'), time };
}
