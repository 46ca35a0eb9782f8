import type { Logger } from 'pino';
import pino from 'pino';
import { keepRecord } from './security-level';

type Internals = Record<symbol, unknown>;
const sym = pino.symbols as unknown as Record<string, symbol>;

/**
 * Writes an already-serialised record through the logger's own stream, with the level, time and
 * bindings pino would have written, instead of letting pino serialise the event a second time.
 * Only offered when nothing in the logger would change the record: no mixin, no serializer or
 * redaction on the record's keys, no nested key, no stream hook (app-log formatters are already
 * bypassed by the child).
 */
export interface FastWriter {
  /**
   * Writes one line per item, serialised by `toJson`, in as few stream writes as possible;
   * `false` when the stream asks the caller to wait for `drain`.
   */
  write<T>(items: readonly T[], toJson: (item: T) => string): boolean;
  /** Resolves on the stream's next `drain` (or its end, so a dead stream never hangs delivery). */
  drained(): Promise<void>;
}

/** Characters per stream write at most: bounds what one write holds in memory at once. */
const MAX_CHUNK = 1 << 20;
const MAX_OUTSTANDING = 4 * MAX_CHUNK;

/**
 * `bytes`: the stream takes Buffers (the file destination this sink opened in buffer mode, which
 * nothing but this writer writes to).
 */
export function fastWriter(logger: Logger<string>, levelValue: number, recordKeys: Set<string>, bytes = false): FastWriter | undefined {
  const internals = logger as unknown as Internals;
  const formatters = internals[sym.formattersSym!] as { log?: unknown };
  const hooks = internals[sym.hooksSym!] as { streamWrite?: unknown };
  const serializers = Object.keys(internals[sym.serializersSym!] as object);
  const stringifiers = internals[sym.stringifiersSym!] as Record<string | symbol, unknown>;
  const touched = [...serializers, ...Object.keys(stringifiers)].some((key) => recordKeys.has(key));
  if (
    internals[sym.mixinSym!] ||
    (formatters.log && formatters.log !== keepRecord) ||
    hooks.streamWrite ||
    internals[sym.nestedKeySym!] ||
    stringifiers[sym.wildcardFirstSym!] ||
    touched
  ) {
    return undefined;
  }
  const levelPrefix = (internals[sym.lsCacheSym!] as Record<number, string>)[levelValue]!;
  const time = internals[sym.timeSym!] as () => string;
  const chindings = String(internals[sym.chindingsSym!] ?? '');
  const end = String(internals[sym.endSym!]);
  const stream = internals[sym.streamSym!] as {
    write(chunk: string | Buffer): unknown;
    on?(event: string, listener: () => void): unknown;
    once?(event: string, listener: () => void): unknown;
    off?(event: string, listener: () => void): unknown;
  } & Record<string | symbol, unknown>;
  // pino's file destination asks for a drain as soon as 16 KiB wait, and drains only once it has
  // written everything: waiting for it after every batch would leave one batch per round trip to
  // the disk. Up to MAX_OUTSTANDING characters are handed over before its backpressure is obeyed.
  let outstanding = 0;
  stream.on?.('drain', () => (outstanding = 0));
  const send = (chunk: string | Buffer): boolean => {
    outstanding += chunk.length;
    // Only an explicit `false` is backpressure: pino.multistream returns nothing.
    return stream.write(chunk) !== false || outstanding < MAX_OUTSTANDING;
  };
  const needsMetadata = stream[Symbol.for('pino.metadata')] === true;
  const timeSliceIndex = Number(internals[sym.timeSliceIndexSym!] ?? 0);
  const line = (json: string, t: string = time()): string => levelPrefix + t + chindings + ',' + json.slice(1, -1) + end;
  // Each line is encoded once, straight into the Buffer that is written: a batch joined into one
  // string costs a pass to flatten it, and the destination's own encoding and bookkeeping more.
  const writeBytes = <T>(items: readonly T[], toJson: (item: T) => string): boolean => {
    let flowing = true;
    let lines: string[] = [];
    let size = 0;
    const sendLines = () => {
      const chunk = Buffer.allocUnsafe(size);
      let offset = 0;
      for (const text of lines) offset += chunk.write(text, offset);
      flowing = send(chunk) && flowing;
      lines = [];
      size = 0;
    };
    for (const item of items) {
      const text = line(toJson(item));
      lines.push(text);
      size += Buffer.byteLength(text);
      if (size >= MAX_CHUNK) sendLines();
    }
    if (size > 0) sendLines();
    return flowing;
  };
  const write = <T>(items: readonly T[], toJson: (item: T) => string): boolean => {
    if (bytes) return writeBytes(items, toJson);
    let flowing = true;
    if (needsMetadata) {
      // pino.multistream routes each write by these, as pino's own write() sets them: one line per write.
      for (const item of items) {
        const t = time();
        stream.lastLevel = levelValue;
        stream.lastObj = undefined;
        stream.lastMsg = undefined;
        stream.lastTime = t.slice(timeSliceIndex);
        stream.lastLogger = logger;
        flowing = send(line(toJson(item), t)) && flowing;
      }
      return flowing;
    }
    // One write per batch, not per line: pino's file destination then writes a whole batch per
    // system call instead of 16 KiB per event-loop turn, which could not keep up with a busy service.
    let chunk = '';
    for (const item of items) {
      chunk += line(toJson(item));
      if (chunk.length >= MAX_CHUNK) {
        flowing = send(chunk) && flowing;
        chunk = '';
      }
    }
    if (chunk !== '') flowing = send(chunk) && flowing;
    return flowing;
  };
  const drained = () =>
    new Promise<void>((resolve) => {
      if (typeof stream.once !== 'function') return resolve();
      const done = () => {
        for (const event of ['drain', 'close', 'error']) stream.off?.(event, done);
        resolve();
      };
      for (const event of ['drain', 'close', 'error']) stream.once(event, done);
    });
  return { write, drained };
}
