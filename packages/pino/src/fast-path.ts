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
  /** Writes one record; `false` when the stream asks the caller to wait for `drain`. */
  write(json: string): boolean;
  /** Resolves on the stream's next `drain` (or its end, so a dead stream never hangs delivery). */
  drained(): Promise<void>;
}

export function fastWriter(logger: Logger<string>, levelValue: number, recordKeys: Set<string>): FastWriter | undefined {
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
    write(line: string): unknown;
    once?(event: string, listener: () => void): unknown;
    off?(event: string, listener: () => void): unknown;
  } & Record<string | symbol, unknown>;
  const needsMetadata = stream[Symbol.for('pino.metadata')] === true;
  const timeSliceIndex = Number(internals[sym.timeSliceIndexSym!] ?? 0);
  const write = (json: string): boolean => {
    const t = time();
    if (needsMetadata) {
      // pino.multistream routes by these, as pino's own write() sets them.
      stream.lastLevel = levelValue;
      stream.lastObj = undefined;
      stream.lastMsg = undefined;
      stream.lastTime = t.slice(timeSliceIndex);
      stream.lastLogger = logger;
    }
    // Only an explicit `false` is backpressure: pino.multistream returns nothing.
    return stream.write(levelPrefix + t + chindings + ',' + json.slice(1, -1) + end) !== false;
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
