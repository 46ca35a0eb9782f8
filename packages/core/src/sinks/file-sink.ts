import { access, chmod, mkdir, open, rename, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SecurityLogConfigError } from '../errors';
import type { SecurityEvent } from '../event';
import { checkFormat, formatEvent, type FormatOptions } from '../formats/format-event';
import type { OutputFormat } from '../formats/output-format';
import { checkpointFile, type CheckpointStore } from '../integrity/checkpoint-file';
import type { CheckpointSigner } from '../integrity/checkpoint-signer';
import { Checkpointer } from '../integrity/checkpointer';
import { HashChain } from '../integrity/hash-chain';
import { parseByteSize } from './rotation/byte-size';
import { findChainTail } from './rotation/chain-tail';
import { gzipFile } from './rotation/compress-file';
import { requireDuration } from './rotation/duration';
import { applyRetention } from './rotation/retention';
import { rotatedName } from './rotation/rotated-name';
import type { Sink } from './sink';

export interface FileSinkIntegrityOptions {
  /** Id of a new chain; default a UUIDv7. An existing log's chain is always continued. */
  chain?: string;
  /** Signs checkpoints: `remoteSigner(...)` in production, `createLocalSigner(...)` for development. */
  signer?: CheckpointSigner;
  /** Where signed checkpoints go: a path or a store. Default `<path>.checkpoints`; `false` when the signer keeps them. */
  checkpoints?: string | CheckpointStore | false;
  /** Default: every 1000 records and every 5 minutes (if records were added), at each rotation and on close. */
  checkpointEvery?: { records?: number; interval?: string | number };
}

export interface FileSinkOptions {
  path: string;
  name?: string;
  /** Record shape written: `seclog` (default), `ecs`, `ocsf` or `otel`. */
  format?: OutputFormat;
  /** Where ECS/OCSF mappings come from when `format` needs them. */
  taxonomy?: FormatOptions['taxonomy'];
  /**
   * `'critical'` (default): fsync after any write holding a CRITICAL event, at rotation and on close.
   * `'always'`: after every write. CRITICAL events are fsynced before their write settles either way.
   */
  fsync?: 'always' | 'critical';
  /** Start a new file once the live one would pass `size` (`'100MB'`) or is older than `interval` (`'1d'`). */
  rotate?: { size?: string | number; interval?: string | number };
  /** Delete rotated files older than this (`'365d'`, the default). `false` keeps them forever. Never by count. */
  retain?: string | number | false;
  /** Gzip rotated files (`name.<stamp>.gz`, still verifiable). Default false. */
  compress?: boolean;
  /** Hash-chain every record (`integrity.{chain,seq,prev,hash}`); with a signer, also signed checkpoints. */
  integrity?: boolean | FileSinkIntegrityOptions;
  /** Milliseconds since the epoch, for rotation, retention and checkpoint timing; injectable for tests. */
  now?: () => number;
  /** Failures of background work (compression, retention, checkpoints). Default: a line on stderr. */
  onError?: (error: unknown) => void;
}

const DEFAULT_RETAIN = '365d';
const DEFAULT_CHECKPOINT_RECORDS = 1000;
const DEFAULT_CHECKPOINT_INTERVAL = '5m';
const MAX_TIMER_MS = 2 ** 31 - 1;

const reportToStderr = (error: unknown) =>
  process.stderr.write(`[seclog] file sink: ${error instanceof Error ? error.message : String(error)}\n`);

interface LiveFile {
  handle: FileHandle;
  size: number;
  openedAt: number;
}

/**
 * JSON lines appended to a file (append mode, mode 0640, directory created), with rotation by size
 * and age, retention by age only, rotated files made read-only (0440) and optionally gzipped, and an
 * optional hash chain that continues across rotations and restarts.
 */
export function fileSink(options: FileSinkOptions): Sink {
  const path = options.path;
  if (typeof path !== 'string' || path === '') throw new SecurityLogConfigError('OPTION_INVALID', 'path', 'a file path is required');
  const format = checkFormat(options.format, 'format');
  const fsync = options.fsync ?? 'critical';
  if (fsync !== 'always' && fsync !== 'critical') {
    throw new SecurityLogConfigError('OPTION_INVALID', 'fsync', `expected 'always' or 'critical', got ${JSON.stringify(fsync)}`);
  }
  const maxSize = options.rotate?.size === undefined ? Infinity : parseByteSize(options.rotate.size, 'rotate.size');
  const maxAge = options.rotate?.interval === undefined ? Infinity : requireDuration(options.rotate.interval, 'rotate.interval');
  const retainMs = options.retain === false ? Infinity : requireDuration(options.retain ?? DEFAULT_RETAIN, 'retain');
  const now = options.now ?? Date.now;
  const onError = options.onError ?? reportToStderr;
  const integrity = options.integrity === true ? {} : options.integrity || undefined;
  const formatOptions: FormatOptions = options.taxonomy ? { taxonomy: options.taxonomy } : {};
  const toRecord = (event: SecurityEvent): object => (format === 'seclog' ? event : formatEvent(event, format, formatOptions));

  let checkpointer: Checkpointer | undefined;
  let checkpointStore: CheckpointStore | undefined;
  let timer: NodeJS.Timeout | undefined;
  let intervalMs = Infinity;
  if (integrity?.signer) {
    const every = integrity.checkpointEvery ?? {};
    const records = every.records ?? DEFAULT_CHECKPOINT_RECORDS;
    if (!Number.isSafeInteger(records) || records < 1) {
      throw new SecurityLogConfigError('OPTION_INVALID', 'integrity.checkpointEvery.records', 'expected a positive integer');
    }
    intervalMs = requireDuration(every.interval ?? DEFAULT_CHECKPOINT_INTERVAL, 'integrity.checkpointEvery.interval');
    const destination = integrity.checkpoints ?? `${path}.checkpoints`;
    checkpointStore =
      destination === false ? { append: async () => undefined } : typeof destination === 'string' ? checkpointFile(destination) : destination;
    checkpointer = new Checkpointer(integrity.signer, checkpointStore, { records, intervalMs }, now, onError);
  }

  let chain: HashChain | undefined;
  let live: Promise<LiveFile> | undefined;
  let closed = false;
  const background = new Set<Promise<unknown>>();
  // A delivery retried after a partial failure must not write the same event twice.
  const written = new WeakSet<SecurityEvent>();

  const track = (work: Promise<unknown>) => {
    const settled = work.catch(onError).finally(() => background.delete(settled));
    background.add(settled);
  };
  const backgroundDone = async () => {
    while (background.size > 0) await Promise.all([...background]);
  };

  const openLive = async (): Promise<LiveFile> => {
    const handle = await open(path, 'a+', 0o640);
    let { size } = await handle.stat();
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      // A line torn by a crash stays as evidence; the next record starts on a line of its own.
      if (last[0] !== 0x0a) {
        await handle.appendFile('\n');
        size++;
      }
    }
    return { handle, size, openedAt: now() };
  };

  const start = async (): Promise<LiveFile> => {
    await mkdir(dirname(path), { recursive: true });
    if (integrity) {
      const tail = await findChainTail(path);
      chain = new HashChain(tail ?? (integrity.chain ? { chain: integrity.chain } : {}));
      if (tail) checkpointer?.resumeAt(tail.seq);
    }
    const file = await openLive();
    if (retainMs !== Infinity) track(applyRetention(path, retainMs, now()));
    if (checkpointer) {
      // Checkpoints of an idle log; busy logs get theirs from the writes themselves.
      // Timers overflow past 2^31-1 ms (and then fire at once); a longer interval is checked at writes.
      timer = setInterval(() => checkpointer!.consider(chain!.current), Math.min(intervalMs, MAX_TIMER_MS));
      timer.unref();
    }
    return file;
  };

  const rotate = async (file: LiveFile): Promise<LiveFile> => {
    await file.handle.datasync();
    await file.handle.close();
    const at = now();
    let target = rotatedName(path, at, 0);
    try {
      for (let counter = 1; (await exists(target)) || (await exists(`${target}.gz`)); counter++) target = rotatedName(path, at, counter);
      await rename(path, target);
      await chmod(target, 0o440);
    } catch (error) {
      // Keep writing to the same file rather than to a closed handle; the next write tries again.
      live = openLive();
      throw error;
    }
    if (chain) checkpointer?.consider(chain.current, true);
    const next = await openLive();
    track(
      (async () => {
        if (options.compress) await gzipFile(target);
        if (retainMs !== Infinity) await applyRetention(path, retainMs, now());
      })(),
    );
    return next;
  };

  const append = async (file: LiveFile, text: string, bytes: number) => {
    const before = file.size;
    try {
      await file.handle.appendFile(text, 'utf8');
      file.size += bytes;
    } catch (error) {
      // Take back a partial write so the retry does not leave half a record in the file.
      await file.handle.truncate(before).catch(() => undefined);
      throw error;
    }
  };

  const writeBatch = async (batch: readonly SecurityEvent[]) => {
    if (closed) throw new Error(`file sink ${path} is closed`);
    const events = batch.filter((event) => !written.has(event));
    if (events.length === 0) return;
    let file = await (live ??= start().catch((error: unknown) => {
      live = undefined;
      throw error;
    }));
    if (file.size > 0 && now() - file.openedAt >= maxAge) live = Promise.resolve((file = await rotate(file)));

    const sealed = chain?.sealAll(events.map(toRecord));
    const lines = sealed ? sealed.map((entry) => entry.line) : events.map((event) => JSON.stringify(toRecord(event)) + '\n');
    let critical = fsync === 'always';
    let from = 0;
    let text = '';
    let bytes = 0;
    const commit = async (to: number) => {
      if (to === from) return;
      await append(file, text, bytes);
      for (let i = from; i < to; i++) written.add(events[i]!);
      if (sealed) chain!.commit(sealed[to - 1]!.record.integrity);
      from = to;
      text = '';
      bytes = 0;
    };
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const size = Buffer.byteLength(line);
      if (file.size + bytes + size > maxSize && file.size + bytes > 0) {
        await commit(i);
        live = Promise.resolve((file = await rotate(file)));
      }
      text += line;
      bytes += size;
      if (events[i]!.severity === 'CRITICAL') critical = true;
    }
    await commit(lines.length);
    if (critical) await file.handle.datasync();
    if (chain) checkpointer?.consider(chain.current);
  };

  // One write at a time even when several loggers share this sink: the size count, rotation and
  // the hash chain all assume batches land in the order they were accepted.
  let writing: Promise<void> = Promise.resolve();
  const serialWriteBatch = (batch: readonly SecurityEvent[]): Promise<void> => {
    const next = writing.then(() => writeBatch(batch));
    writing = next.catch(() => undefined);
    return next;
  };

  return {
    name: options.name ?? `file:${path}`,
    write: (event) => serialWriteBatch([event]),
    writeBatch: serialWriteBatch,
    async flush() {
      if (live) await (await live).handle.datasync();
      await backgroundDone();
      await checkpointer?.settled();
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      if (chain) checkpointer?.consider(chain.current, true);
      await checkpointer?.settled();
      await backgroundDone();
      await checkpointStore?.close?.();
      if (!live) return;
      const file = await live;
      live = undefined;
      await file.handle.datasync();
      await file.handle.close();
    },
  };
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
