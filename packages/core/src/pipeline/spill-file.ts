import { closeSync, fdatasync, fsyncSync, ftruncateSync, mkdirSync, openSync, read, readSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SecurityEvent } from '../event';
import { writeAllSync } from './fallback-write';
import { Fifo } from './fifo';
import { markOwnSpillFile } from './orphan-spills';
import { SEVERITY_RANK, type QueueEntry } from './queue-entry';

export interface SpillOptions {
  /** Directory for spill files, created with mode 0700. Default `<os tmpdir>/seclog-spill`. */
  dir: string;
  /**
   * Spilled lines held in memory until the next tick writes them. Past this many bytes (a burst of
   * HIGH/CRITICAL overflow that never yields to the event loop) they are written at once, so memory
   * stays bounded. Default 1 MiB.
   */
  maxPendingBytes: number;
  /**
   * Take over, and replay first, the spill files a dead process left in `dir` for the same service
   * and sink. Default: true when `dir` is given, false for the shared default directory.
   */
  adopt: boolean;
}

export const DEFAULT_SPILL_DIR = join(tmpdir(), 'seclog-spill');
export const DEFAULT_MAX_PENDING_BYTES = 1024 * 1024;

export interface SpillHooks {
  /** Lines are in the file and fdatasync has returned (error set when it failed). */
  durable(entries: readonly QueueEntry[], error: unknown): void;
  /** The file could not be opened or written: these entries are not in it. */
  unwritable(entries: readonly QueueEntry[], error: unknown): void;
  /** A line could not be read back. */
  corrupt(error: unknown, offset: number): void;
}

const READ_CHUNK = 256 * 1024;

function readAt(fd: number, buffer: Buffer, position: number): Promise<number> {
  return new Promise((resolve, reject) => {
    read(fd, buffer, 0, buffer.length, position, (error, bytesRead) => (error ? reject(error) : resolve(bytesRead)));
  });
}

/**
 * A sink's append-only spill journal: one `{"seq":n,"event":{...}}` JSON line per HIGH/CRITICAL
 * event the sink could not take, fdatasynced, and read back in order (`fill`/`shift`) once the sink
 * recovers. Writes are synchronous but batched (one write per tick), so order in the file is the
 * order of spilling; the file is truncated once everything in it was delivered, and removed on close
 * when empty.
 */
export class SpillFile {
  private fd: number | undefined;
  private broken: unknown;
  private pendingText = '';
  private pendingEntries: QueueEntry[] = [];
  private scheduled = false;
  private syncs = 0;
  private syncWaiters: (() => void)[] = [];
  /** Bytes appended to the file. */
  private written = 0;
  /** Bytes parsed into `buffer`. */
  private readOffset = 0;
  /** Bytes whose records were delivered. */
  private committed = 0;
  /** The chunk in `buffer`: where it ends and how many of its records are not delivered yet. */
  private chunkEnd = 0;
  private chunkLeft = 0;
  private readonly buffer = new Fifo<QueueEntry>();
  /** Records written to the file since it was created. */
  recordsWritten = 0;

  constructor(
    readonly path: string,
    private readonly options: SpillOptions,
    private readonly hooks: SpillHooks,
  ) {}

  get available(): boolean {
    return this.broken === undefined;
  }

  /** Records in the file that have not been read back yet. */
  hasUnread(): boolean {
    return this.readOffset < this.written;
  }

  /** Bytes of records written but not yet delivered. */
  get backlogBytes(): number {
    return this.written - this.committed;
  }

  append(entry: QueueEntry): void {
    this.pendingText += `{"seq":${entry.seq},"event":${JSON.stringify(entry.event)}}\n`;
    this.pendingEntries.push(entry);
    if (this.pendingText.length > this.options.maxPendingBytes) {
      this.writePending();
    } else if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.writePending();
      });
    }
  }

  /** Writes what is pending now; durability is confirmed later through `hooks.durable`. */
  writePending(): void {
    const entries = this.pendingEntries;
    if (entries.length === 0) return;
    const text = this.pendingText;
    this.pendingEntries = [];
    this.pendingText = '';
    let fd: number;
    try {
      fd = this.open();
      const data = Buffer.from(text, 'utf8');
      writeAllSync(fd, data);
      this.written += data.length;
      this.recordsWritten += entries.length;
    } catch (error) {
      this.broken ??= error;
      this.hooks.unwritable(entries, error);
      return;
    }
    this.syncs++;
    fdatasync(fd, (error) => {
      this.hooks.durable(entries, error ?? undefined);
      if (--this.syncs === 0) for (const wake of this.syncWaiters.splice(0)) wake();
    });
  }

  /**
   * For a dying process: writes `extra` and whatever is pending, then fsyncs, all synchronously.
   * Returns the entries that could not be written.
   */
  writeNow(extra: readonly QueueEntry[]): readonly QueueEntry[] {
    for (const entry of extra) {
      this.pendingText += `{"seq":${entry.seq},"event":${JSON.stringify(entry.event)}}\n`;
      this.pendingEntries.push(entry);
    }
    const entries = this.pendingEntries;
    if (entries.length === 0) return [];
    const text = this.pendingText;
    this.pendingEntries = [];
    this.pendingText = '';
    try {
      const fd = this.open();
      const data = Buffer.from(text, 'utf8');
      writeAllSync(fd, data);
      this.written += data.length;
      this.recordsWritten += entries.length;
      fsyncSync(fd);
    } catch (error) {
      this.broken ??= error;
      return entries;
    }
    this.hooks.durable(entries, undefined);
    return [];
  }

  /** Sequence number of the next record read back, or Infinity when none is buffered. */
  headSeq(): number {
    return this.buffer.peek()?.seq ?? Infinity;
  }

  shift(): QueueEntry | undefined {
    return this.buffer.shift();
  }

  get buffered(): number {
    return this.buffer.length;
  }

  /** Reads the next chunk of records into the buffer; false when nothing could be read. */
  async fill(): Promise<boolean> {
    const fd = this.fd;
    if (fd === undefined || this.readOffset >= this.written) return false;
    const start = this.readOffset;
    let length = Math.min(READ_CHUNK, this.written - start);
    for (;;) {
      const chunk = Buffer.allocUnsafe(length);
      let bytesRead: number;
      try {
        bytesRead = await readAt(fd, chunk, start);
      } catch (error) {
        this.hooks.corrupt(error, start);
        return false;
      }
      // The file may have been truncated meanwhile (everything delivered): nothing to parse.
      if (this.readOffset !== start) return false;
      const lastNewline = chunk.lastIndexOf(10, bytesRead - 1);
      if (lastNewline < 0) {
        if (bytesRead < length || start + length >= this.written) return false;
        length = Math.min(length * 2, this.written - start);
        continue;
      }
      const end = start + lastNewline + 1;
      const records = this.parse(chunk, lastNewline, start);
      // Given-up batches are appended after newer overflow: within a chunk, restore acceptance order.
      records.sort((a, b) => a.seq - b.seq);
      for (const record of records) this.buffer.push(record);
      this.readOffset = this.chunkEnd = end;
      this.chunkLeft = records.length;
      if (records.length === 0) this.commit(0);
      return true;
    }
  }

  /** `count` records of the buffered chunk were delivered; once all are, so is the chunk, and once the whole file is, it is emptied. */
  commit(count: number): void {
    this.chunkLeft -= count;
    if (this.chunkLeft > 0) return;
    this.committed = this.chunkEnd;
    if (this.committed >= this.written && this.pendingEntries.length === 0 && this.fd !== undefined) {
      try {
        ftruncateSync(this.fd, 0);
        this.written = this.readOffset = this.committed = this.chunkEnd = 0;
      } catch (error) {
        this.hooks.corrupt(error, this.committed);
      }
    }
  }

  /** Forgets the buffered chunk; it is read (and delivered, at least once) again later. */
  rewind(): void {
    this.buffer.takeAll();
    this.readOffset = this.chunkEnd = this.committed;
    this.chunkLeft = 0;
  }

  /** Resolves once pending lines are written and every fdatasync has returned. */
  async settle(): Promise<void> {
    this.writePending();
    if (this.syncs === 0) return;
    await new Promise<void>((resolve) => this.syncWaiters.push(resolve));
  }

  /** Closes the file; removes it when nothing undelivered is left in it. Returns true when removed. */
  async close(): Promise<boolean> {
    await this.settle();
    const fd = this.fd;
    if (fd === undefined) return true;
    this.fd = undefined;
    const empty = this.committed >= this.written;
    try {
      closeSync(fd);
      if (empty) unlinkSync(this.path);
    } catch {
      return false;
    }
    return empty;
  }

  /**
   * Appends the records of spill files a dead process left (already claimed), so they are replayed
   * first; removes them. Returns the number of files taken over.
   */
  adopt(paths: readonly string[]): number {
    let adopted = 0;
    for (const path of paths) {
      try {
        const fd = this.open();
        const source = openSync(path, 'r');
        const chunk = Buffer.allocUnsafe(1024 * 1024);
        let last = 10;
        try {
          for (let n = readSync(source, chunk); n > 0; n = readSync(source, chunk)) {
            writeAllSync(fd, chunk.subarray(0, n));
            this.written += n;
            last = chunk[n - 1]!;
          }
        } finally {
          closeSync(source);
        }
        // A line torn by the crash becomes one corrupt record instead of swallowing the next.
        if (last !== 10) {
          writeAllSync(fd, Buffer.from('\n'));
          this.written += 1;
        }
        fsyncSync(fd);
        unlinkSync(path);
        adopted++;
      } catch (error) {
        this.hooks.corrupt(error, 0);
      }
    }
    return adopted;
  }

  /** For a dying process: closes the file, removing it when nothing undelivered is in it. */
  closeNow(): void {
    const fd = this.fd;
    if (fd === undefined) return;
    this.fd = undefined;
    try {
      closeSync(fd);
      if (this.committed >= this.written && this.pendingEntries.length === 0) unlinkSync(this.path);
    } catch {
      // Nothing more can be done for a process on its way out.
    }
  }

  private open(): number {
    if (this.broken !== undefined) throw this.broken;
    if (this.fd === undefined) {
      mkdirSync(this.options.dir, { recursive: true, mode: 0o700 });
      markOwnSpillFile(this.path);
      this.fd = openSync(this.path, 'a+', 0o600);
    }
    return this.fd;
  }

  private parse(chunk: Buffer, lastNewline: number, base: number): QueueEntry[] {
    const records: QueueEntry[] = [];
    let lineStart = 0;
    while (lineStart <= lastNewline) {
      const lineEnd = chunk.indexOf(10, lineStart);
      const line = chunk.toString('utf8', lineStart, lineEnd);
      try {
        const record = JSON.parse(line) as { seq: number; event: SecurityEvent };
        records.push({
          event: record.event,
          seq: record.seq,
          bytes: line.length,
          rank: SEVERITY_RANK[record.event.severity] ?? 2,
          keep: true,
          ticket: undefined,
          fromSpill: true,
        });
      } catch (error) {
        this.hooks.corrupt(error, base + lineStart);
      }
      lineStart = lineEnd + 1;
    }
    return records;
  }
}
