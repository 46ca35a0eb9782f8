import { writeSync } from 'node:fs';
import { serializeBatch } from '../sinks/serialize-event';
import type { QueueEntry } from './queue-entry';

/** Writes every byte of `data` synchronously (writeSync may write less than asked on pipes). */
export function writeAllSync(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
}

/**
 * The last resort for HIGH/CRITICAL events when no spill file can take them: JSON lines written
 * synchronously to a file descriptor (stderr by default). Returns false when even that failed.
 */
export function fallbackWrite(fd: number, entries: readonly QueueEntry[]): boolean {
  try {
    writeAllSync(fd, Buffer.from(serializeBatch(entries.map((entry) => entry.event)), 'utf8'));
    return true;
  } catch {
    return false;
  }
}
