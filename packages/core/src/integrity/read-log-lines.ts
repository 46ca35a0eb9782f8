import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';

export interface LineBatch {
  lines: string[];
  /** 1-based line number of `lines[0]` in its file. */
  firstLine: number;
  /** True for the file's final batch when its last line has no terminating newline. */
  unterminated: boolean;
}

/** A plain or gzip-compressed (`.gz`) log file, decoded as UTF-8. */
export function openLogStream(path: string): Readable {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  if (!path.endsWith('.gz')) return raw;
  const gunzip = createGunzip({ chunkSize: 1 << 20 });
  raw.on('error', (error) => gunzip.destroy(error));
  return raw.pipe(gunzip);
}

/**
 * The lines of a log file in batches (one per chunk read), without their newlines. Batching keeps
 * the per-line cost of a million-line verify to a string split.
 */
export async function* readLineBatches(path: string): AsyncGenerator<LineBatch> {
  const stream = openLogStream(path);
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let lineNumber = 1;
  try {
    for await (const chunk of stream) {
      const text = carry + decoder.write(chunk as Buffer);
      const lines = text.split('\n');
      carry = lines.pop()!;
      if (lines.length === 0) continue;
      yield { lines, firstLine: lineNumber, unterminated: false };
      lineNumber += lines.length;
    }
    carry += decoder.end();
    if (carry !== '') yield { lines: [carry], firstLine: lineNumber, unterminated: true };
  } finally {
    stream.destroy();
  }
}
