import { coreGlobalStore } from '../global-store';
import { SecurityEventError, SecurityLogConfigError } from '../errors';
import type { LogInput, SecurityEvent } from '../event';
import { estimateEventBytes } from '../pipeline/event-bytes';
import { FloodControl } from '../pipeline/flood-control';
import { claimOrphanSpills, spillFilePath } from '../pipeline/orphan-spills';
import { resolvePipelineOptions, type PipelineOptions } from '../pipeline/pipeline-options';
import { createEntry, SEVERITY_RANK, type DurableTicket, type QueueEntry } from '../pipeline/queue-entry';
import type { ShedStats } from '../pipeline/shed-stats';
import { registerShutdown, unregisterShutdown, type ShutdownParticipant } from '../pipeline/shutdown-hooks';
import type { RiskOptions } from '../risk';
import { createSanitizer, type Sanitizer, type SanitizerOptions } from '../sanitizer';
import type { Sink } from '../sinks/sink';
import { streamSink } from '../sinks/stream-sink';
import { defaultTaxonomy, type Taxonomy } from '../taxonomy';
import { createEventBuilder } from './build-event';
import { SinkChannel, type ErrorHandler, type SinkStats } from './sink-channel';
import { resolveTransport } from './transport-registry';
import type { TransportConfig } from './transport-types';

export interface SecurityLoggerOptions extends PipelineOptions {
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
  /** Delivery failures and pipeline decisions land here (never in the app as exceptions). Default: a line on stderr. */
  onError?: ErrorHandler;
  /** Milliseconds since the epoch; injectable for tests. Also drives flood control and the circuit breaker. */
  now?: () => number;
}

export interface LoggerStats {
  /** Events `log()`/`logDurable()` built, suppressed ones included. */
  logged: number;
  /** Events held back by flood control. */
  suppressed: number;
  sinks: Record<string, SinkStats>;
}

export interface SecurityLogger {
  readonly service: string;
  /** Builds, sanitises, scores and queues one event; synchronous, no I/O; returns it frozen. */
  log(input: LogInput): SecurityEvent;
  /**
   * Like `log()`, and the promise resolves once every sink holds the event durably: accepted and
   * the sink's `flush()` resolved (a file sink fdatasyncs), or written to the sink's spill file and
   * fdatasynced. Never shed, never suppressed. Rejects with `DeliveryError` `NOT_DURABLE` when the
   * event reached only the synchronous fallback, and with `SecurityEventError` where `log()` throws.
   */
  logDurable(input: LogInput): Promise<SecurityEvent>;
  /** Resolves when every transport has loaded; rejects with the configuration error of one that failed. */
  ready(): Promise<void>;
  /** Resolves once everything logged so far was delivered, shed (and counted), or durably spilled. */
  flush(): Promise<void>;
  /**
   * Drains within `shutdown.deadlineMs`, then closes every sink; HIGH/CRITICAL still pending at the
   * deadline go to the spill file synchronously. Events logged afterwards are reported to `onError`.
   */
  close(): Promise<void>;
  stats(): LoggerStats;
}

const defaultErrorHandler: ErrorHandler = (error, info) => {
  const code = (error as { code?: unknown })?.code;
  process.stderr.write(
    `[seclog] ${info.sink}${typeof code === 'string' ? ` ${code}` : ''} (${info.events} events, attempt ${info.attempt}${info.dropped ? ', given up' : ''}): ${String((error as Error)?.message ?? error)}\n`,
  );
};

function isSanitizer(value: unknown): value is Sanitizer {
  return typeof (value as Sanitizer | undefined)?.sanitize === 'function';
}

let instances = 0;

export function createSecurityLogger(options: SecurityLoggerOptions): SecurityLogger {
  if (!options || typeof options.service !== 'string' || options.service.trim() === '') {
    throw new SecurityLogConfigError('OPTION_INVALID', 'service', 'a non-empty service name is required');
  }
  const config = resolvePipelineOptions(options);
  const userOnError = options.onError ?? defaultErrorHandler;
  // An error handler that throws must reach neither the app nor the pipeline.
  const onError: ErrorHandler = (error, info) => {
    try {
      userOnError(error, info);
    } catch {
      // ignored on purpose
    }
  };
  const now = options.now ?? Date.now;
  const sinks: Sink[] = [...(options.sinks ?? [])];
  const readiness: Promise<void>[] = [];
  (options.transports ?? []).forEach((config, index) => {
    const { sink, ready } = resolveTransport(config, index);
    sinks.push(sink);
    readiness.push(ready);
  });
  if (sinks.length === 0) sinks.push(streamSink(process.stdout, { name: 'stdout' }));

  const buildEvent = createEventBuilder({
    service: options.service,
    sanitizer: isSanitizer(options.sanitizer) ? options.sanitizer : createSanitizer(options.sanitizer),
    taxonomy: options.taxonomy ?? defaultTaxonomy,
    risk: options.risk ?? {},
    now,
  });
  const storage = coreGlobalStore().contextStorage;
  const selfActor = { id: options.service, type: 'service' as const };
  // Microseconds since the epoch to start with: records spilled by an earlier process sort first.
  let seq = Date.now() * 1000;
  const internalEntry = (input: LogInput, ticket?: DurableTicket): QueueEntry => {
    const event = buildEvent(input, undefined);
    return createEntry(event, seq++, estimateEventBytes(event), true, ticket);
  };

  const hooks = {
    onError,
    dropSummary: (sink: string, shed: ShedStats, since: number) =>
      internalEntry({
        eventType: 'seclog.events_dropped',
        actor: selfActor,
        message: `${shed.total} security events dropped by sink ${sink} under load`,
        metadata: {
          sink,
          dropped: shed.total,
          by_severity: shed.bySeverity,
          by_reason: shed.byReason,
          since: new Date(since).toISOString(),
        },
      }),
  };
  const instance = ++instances;
  const used = new Set<string>();
  const channels = sinks.map((sink, index) => {
    let name = sink.name ?? `sink[${index}]`;
    if (used.has(name)) name = `${name}#${index}`;
    used.add(name);
    const spill = config.spill
      ? {
          ...config.spill,
          path: spillFilePath(config.spill.dir, options.service, instance, index, name),
          orphans: config.spill.adopt ? claimOrphanSpills(config.spill.dir, options.service, index, name) : [],
        }
      : undefined;
    return new SinkChannel(sink, name, hooks, { ...config, spill, now });
  });

  const ready = Promise.all(readiness).then(() => undefined);
  // Reported once here; callers who await ready() still see the rejection.
  ready.catch((error: unknown) => onError(error, { sink: 'transports', events: 0, attempt: 1, dropped: false }));

  const dispatch = (entry: QueueEntry) => {
    for (const channel of channels) channel.push(entry);
  };

  const flood = config.floodControl ? new FloodControl(config.floodControl, now) : undefined;
  let summaryTimer: NodeJS.Timeout | undefined;
  const reportSuppressed = (): boolean => {
    const report = flood?.takeReport();
    if (!report) return false;
    dispatch(
      internalEntry({
        eventType: 'seclog.events_suppressed',
        actor: selfActor,
        message: `${report.total} repeated security events suppressed`,
        metadata: { suppressed: report.total, keys: report.keys, top: report.top, since: report.since, until: report.until },
      }),
    );
    return true;
  };
  const onSuppressed = () => {
    if (summaryTimer || !config.floodControl) return;
    summaryTimer = setInterval(() => {
      if (!reportSuppressed()) {
        clearInterval(summaryTimer);
        summaryTimer = undefined;
      }
    }, config.floodControl.intervalMs);
    summaryTimer.unref?.();
  };

  let logged = 0;
  let closed = false;
  let closing: Promise<void> | undefined;
  let loggedAtExitFlush = -1;

  const refuse = () =>
    new SecurityEventError('LOGGER_CLOSED', 'event logged after close(); not delivered');

  const flush = async () => {
    reportSuppressed();
    await Promise.all(channels.map((channel) => channel.flush()));
  };

  const participant: ShutdownParticipant = {
    handleSignals: config.shutdown.handleSignals,
    close: () => logger.close(),
    flushBeforeExit() {
      if (closed || logged === loggedAtExitFlush || !channels.some((channel) => channel.hasPending())) return undefined;
      loggedAtExitFlush = logged;
      let timer: NodeJS.Timeout | undefined;
      // Referenced: keeps the process alive for the flush, but no longer than the deadline.
      const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, config.shutdown.deadlineMs)));
      return Promise.race([flush(), deadline]).finally(() => clearTimeout(timer));
    },
    emergency() {
      closed = true;
      for (const channel of channels) channel.emergency();
    },
  };
  registerShutdown(participant);

  const logger: SecurityLogger = {
    service: options.service,
    log(input) {
      const event = buildEvent(input, storage.getStore());
      logged++;
      if (closed) {
        onError(refuse(), { sink: 'logger', events: 1, attempt: 1, dropped: true });
        return event;
      }
      const rank = SEVERITY_RANK[event.severity];
      if (flood && !flood.allow(event, rank)) {
        onSuppressed();
        return event;
      }
      dispatch(createEntry(event, seq++, estimateEventBytes(event), false));
      return event;
    },
    logDurable(input) {
      let event: SecurityEvent;
      try {
        event = buildEvent(input, storage.getStore());
      } catch (error) {
        return Promise.reject(error);
      }
      logged++;
      if (closed) return Promise.reject(refuse());
      return new Promise<SecurityEvent>((resolve, reject) => {
        const ticket: DurableTicket = { remaining: channels.length, settled: false, resolve: () => resolve(event), reject };
        dispatch(createEntry(event, seq++, estimateEventBytes(event), true, ticket));
      });
    },
    ready: () => ready,
    flush,
    close() {
      closing ??= (async () => {
        closed = true;
        clearInterval(summaryTimer);
        reportSuppressed();
        await Promise.all(channels.map((channel) => channel.close(config.shutdown.deadlineMs)));
        unregisterShutdown(participant);
      })();
      return closing;
    },
    stats() {
      const perSink: Record<string, SinkStats> = {};
      for (const channel of channels) perSink[channel.name] = channel.stats();
      return { logged, suppressed: flood?.total ?? 0, sinks: perSink };
    },
  };
  return logger;
}
