import { open, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ChainPosition } from '../../integrity/hash-chain';
import { readLineBatches } from '../../integrity/read-log-lines';
import { rotatedAt } from './rotated-name';

/** Bytes read from the end of a plain file before falling back to reading all of it. */
const TAIL_BYTES = 256 * 1024;

function positionOf(line: string): ChainPosition | undefined {
  try {
    const integrity = (JSON.parse(line) as { integrity?: { chain?: unknown; seq?: unknown; hash?: unknown } }).integrity;
    if (typeof integrity?.chain === 'string' && Number.isSafeInteger(integrity.seq) && typeof integrity.hash === 'string') {
      return { chain: integrity.chain, seq: (integrity.seq as number) + 1, head: integrity.hash };
    }
  } catch {
    // A torn or damaged line: the chain resumes from the last record that can be read.
  }
  return undefined;
}

async function lastPositionInTail(path: string): Promise<ChainPosition | undefined> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await fh.read(buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n');
    // When the tail starts mid-file its first piece is a fragment of a line.
    for (let i = lines.length - 1; i >= (length < size ? 1 : 0); i--) {
      const position = positionOf(lines[i]!);
      if (position) return position;
    }
    return undefined;
  } finally {
    await fh.close();
  }
}

async function lastPositionInFile(path: string): Promise<ChainPosition | undefined> {
  if (!path.endsWith('.gz')) {
    const fromTail = await lastPositionInTail(path);
    if (fromTail) return fromTail;
  }
  let last: ChainPosition | undefined;
  for await (const batch of readLineBatches(path)) {
    for (const line of batch.lines) last = positionOf(line) ?? last;
  }
  return last;
}

/** Files rotated within the same millisecond are told apart by a counter after the stamp. */
function rotationCounter(name: string): number {
  return Number(/Z-(\d+)(?:\.gz)?$/.exec(name)?.[1] ?? 0);
}

/**
 * Where the chain of an existing log stands: after the last readable record of the live file, or,
 * when that has none, of the newest rotated file. Undefined for a new log.
 */
export async function findChainTail(livePath: string): Promise<ChainPosition | undefined> {
  const live = await lastPositionInFile(livePath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (live) return live;
  const dir = dirname(livePath);
  const rotated = (await readdir(dir))
    .map((name) => ({ name, at: rotatedAt(livePath, name) }))
    .filter((entry): entry is { name: string; at: number } => entry.at !== undefined && !entry.name.endsWith('.partial'))
    .sort((a, b) => b.at - a.at || rotationCounter(b.name) - rotationCounter(a.name));
  for (const entry of rotated) {
    const position = await lastPositionInFile(join(dir, entry.name));
    if (position) return position;
  }
  return undefined;
}

