import { coreGlobalStore } from '../global-store';
import { SecurityEventError, SecurityLogConfigError } from '../errors';
import type { LogInput, SecurityEvent } from '../event';
import type { RiskOptions } from '../risk';
import { createSanitizer, type Sanitizer, type SanitizerOptions } from '../sanitizer';
import type { Sink } from '../sinks/sink';
import { streamSink } from '../sinks/stream-sink';
import { defaultTaxonomy, type Taxonomy } from '../taxonomy';
import { createEventBuilder } from './build-event';
import { SinkChannel, type ErrorHandler, type SinkStats } from './sink-channel';
import { resolveTransport } from './transport-registry';
import type { TransportConfig } from './transport-types';

export interface SecurityLoggerOptions {
  /** Name of the emitting service, written on every event. */
  service: string;
  sinks?: Sink[];
  /** Sinks chosen by configuration; see `registerTransport`. */
  transports?: TransportConfig[];
  /** Extra sanitiser rules, keys, allow-list and limits, or a ready sanitiser. */
  sanitizer?: SanitizerOptions | Sanitizer;
  /** Base scores, modifiers and severity bands. */
  risk?: RiskOptions;
  /** Defaults to the built-in catalogue plus whatever was registered with `registerEventType`. */
  taxonomy?: Taxonomy;
  /** Delivery failures land here (never in the app as exceptions). Default: a line on stderr. */
  onError?: ErrorHandler;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
  /** Events per sink write. Default 256. */
  maxBatch?: number;
  /** Retries of a failed delivery before its events are counted as failed. Default 3. */
  retries?: number;
}

export interface LoggerStats {
  logged: number;
  sinks: Record<string, SinkStats>;
}

export interface SecurityLogger {
  readonly service: string;
  /** Builds, sanitises, scores and queues one event; synchronous, no I/O; returns it frozen. */
  log(input: LogInput): SecurityEvent;
  /** Resolves when every transport has loaded; rejects with the configuration error of one that failed. */
  ready(): Promise<void>;
  /** Resolves once everything logged so far has reached every sink. */
  flush(): Promise<void>;
  /** Flushes, then closes every sink. Events logged afterwards are reported to `onError`, not delivered. */
  close(): Promise<void>;
  stats(): LoggerStats;
}

const defaultErrorHandler: ErrorHandler = (error, info) => {
  process.stderr.write(
    `[seclog] delivery to ${info.sink} failed (attempt ${info.attempt}${info.dropped ? ', dropped' : ''}): ${String((error as Error)?.message ?? error)}\n`,
  );
};

function isSanitizer(value: unknown): value is Sanitizer {
  return typeof (value as Sanitizer | undefined)?.sanitize === 'function';
}

export function createSecurityLogger(options: SecurityLoggerOptions): SecurityLogger {
  if (!options || typeof options.service !== 'string' || options.service.trim() === '') {
    throw new SecurityLogConfigError('OPTION_INVALID', 'service', 'a non-empty service name is required');
  }
  const onError = options.onError ?? defaultErrorHandler;
  const sinks: Sink[] = [...(options.sinks ?? [])];
  const readiness: Promise<void>[] = [];
  (options.transports ?? []).forEach((config, index) => {
    const { sink, ready } = resolveTransport(config, index);
    sinks.push(sink);
    readiness.push(ready);
  });
  if (sinks.length === 0) sinks.push(streamSink(process.stdout, { name: 'stdout' }));

  const channelOptions = {
    maxBatch: options.maxBatch ?? 256,
    retries: options.retries ?? 3,
    retryBaseMs: 50,
    retryMaxMs: 5_000,
  };
  const channels = sinks.map(
    (sink, index) => new SinkChannel(sink, sink.name ?? `sink[${index}]`, onError, channelOptions),
  );
  const ready = Promise.all(readiness).then(() => undefined);
  // Reported once here; callers who await ready() still see the rejection.
  ready.catch((error: unknown) => onError(error, { sink: 'transports', events: 0, attempt: 1, dropped: false }));

  const buildEvent = createEventBuilder({
    service: options.service,
    sanitizer: isSanitizer(options.sanitizer) ? options.sanitizer : createSanitizer(options.sanitizer),
    taxonomy: options.taxonomy ?? defaultTaxonomy,
    risk: options.risk ?? {},
    now: options.now ?? Date.now,
  });
  const storage = coreGlobalStore().contextStorage;
  let logged = 0;
  let closed = false;

  return {
    service: options.service,
    log(input) {
      const event = buildEvent(input, storage.getStore());
      logged++;
      if (closed) {
        onError(new SecurityEventError('LOGGER_CLOSED', 'event logged after close(); not delivered'), {
          sink: 'logger',
          events: 1,
          attempt: 1,
          dropped: true,
        });
        return event;
      }
      for (const channel of channels) channel.push(event);
      return event;
    },
    ready: () => ready,
    async flush() {
      await Promise.all(channels.map((channel) => channel.flush()));
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(channels.map((channel) => channel.close()));
    },
    stats() {
      const perSink: Record<string, SinkStats> = {};
      for (const channel of channels) perSink[channel.name] = channel.stats();
      return { logged, sinks: perSink };
    },
  };
}
