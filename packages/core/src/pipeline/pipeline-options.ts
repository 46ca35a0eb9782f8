import { SecurityLogConfigError } from '../errors';
import { SEVERITIES, type Severity } from '../event';
import { DEFAULT_QUEUE_LIMITS, type QueueLimits } from './bounded-queue';
import { DEFAULT_CIRCUIT_BREAKER, type CircuitBreakerOptions } from './circuit-breaker';
import { DEFAULT_FLOOD_CONTROL, type FloodControlOptions } from './flood-control';
import { DEFAULT_RETRY, type RetryOptions } from './retry-policy';
import { DEFAULT_SHUTDOWN, type ShutdownOptions } from './shutdown-hooks';
import { DEFAULT_MAX_PENDING_BYTES, DEFAULT_SPILL_DIR, type SpillOptions } from './spill-file';

const DEFAULT_LINGER_MS = 5;
// setTimeout fires at once for anything longer.
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The delivery options of `createSecurityLogger`, every one optional. */
export interface PipelineOptions {
  /** Events per sink write. Default 256. */
  maxBatch?: number;
  /**
   * Milliseconds the first queued event waits for others to share its sink write (a full batch,
   * `logDurable()`, `flush()` and `close()` do not wait). Default 5; 0 writes on the next event-loop turn.
   */
  lingerMs?: number;
  /** Shorthand for `retry.retries`. */
  retries?: number;
  retry?: Partial<RetryOptions>;
  /** A sink write that has not settled after this long fails (and is retried). Default 10,000 ms; Infinity disables. */
  timeoutMs?: number;
  circuitBreaker?: Partial<CircuitBreakerOptions> | false;
  queue?: Partial<QueueLimits>;
  /** Where HIGH/CRITICAL events go when a sink's queue is full or it gave them up; false turns spilling off. */
  spill?: Partial<SpillOptions> | false;
  /** Descriptor for the synchronous last-resort write when no spill file can take HIGH/CRITICAL. Default 2 (stderr); false: none. */
  fallbackFd?: number | false;
  /** Per (event_type, actor) throttling. Off by default; `true` takes the defaults. */
  floodControl?: Partial<FloodControlOptions> | boolean;
  shutdown?: Partial<ShutdownOptions>;
}

export interface ResolvedPipelineOptions {
  maxBatch: number;
  lingerMs: number;
  retry: RetryOptions;
  timeoutMs: number;
  circuitBreaker: CircuitBreakerOptions | false;
  queue: QueueLimits;
  spill: SpillOptions | false;
  fallbackFd: number | false;
  floodControl: FloodControlOptions | false;
  shutdown: ShutdownOptions;
}

function check(value: unknown, path: string, { min = 0, max = Infinity, integer = true, infinite = false } = {}): number {
  const ok =
    typeof value === 'number' &&
    value >= min &&
    value <= max &&
    (Number.isFinite(value) ? !integer || Number.isInteger(value) : infinite && value === Infinity);
  if (!ok) {
    throw new SecurityLogConfigError(
      'OPTION_INVALID',
      path,
      `expected a${integer ? 'n integer' : ' number'} >= ${min}${max < Infinity ? ` and <= ${max}` : ''}${infinite ? ' or Infinity' : ''}, got ${String(value)}`,
    );
  }
  return value;
}

function section<T extends object>(value: Partial<T> | undefined, defaults: T, path: string): T {
  if (value !== undefined && (value === null || typeof value !== 'object')) {
    throw new SecurityLogConfigError('OPTION_INVALID', path, 'expected an object');
  }
  return { ...defaults, ...value };
}

/** Fills defaults and rejects values that cannot work, naming the option at fault. */
export function resolvePipelineOptions(options: PipelineOptions): ResolvedPipelineOptions {
  const maxBatch = check(options.maxBatch ?? 256, 'maxBatch', { min: 1 });
  const lingerMs = check(options.lingerMs ?? DEFAULT_LINGER_MS, 'lingerMs', { integer: false, max: MAX_TIMER_MS });

  const retry = section<RetryOptions>(options.retry, DEFAULT_RETRY, 'retry');
  if (options.retries !== undefined && options.retry?.retries === undefined) retry.retries = options.retries;
  check(retry.retries, 'retry.retries');
  check(retry.baseMs, 'retry.baseMs', { integer: false });
  check(retry.maxMs, 'retry.maxMs', { integer: false });

  const timeoutMs = check(options.timeoutMs ?? 10_000, 'timeoutMs', { min: 1, integer: false, infinite: true });

  let circuitBreaker: CircuitBreakerOptions | false = false;
  if (options.circuitBreaker !== false) {
    circuitBreaker = section(options.circuitBreaker, DEFAULT_CIRCUIT_BREAKER, 'circuitBreaker');
    check(circuitBreaker.failureThreshold, 'circuitBreaker.failureThreshold', { min: 1 });
    check(circuitBreaker.cooldownMs, 'circuitBreaker.cooldownMs', { integer: false });
  }

  const queue = section(options.queue, DEFAULT_QUEUE_LIMITS, 'queue');
  check(queue.maxEvents, 'queue.maxEvents', { min: 1 });
  check(queue.maxBytes, 'queue.maxBytes', { min: 1 });

  let spill: SpillOptions | false = false;
  if (options.spill !== false) {
    const adopt = options.spill?.dir !== undefined;
    spill = section(options.spill, { dir: DEFAULT_SPILL_DIR, maxPendingBytes: DEFAULT_MAX_PENDING_BYTES, adopt }, 'spill');
    if (typeof spill.dir !== 'string' || spill.dir === '') {
      throw new SecurityLogConfigError('OPTION_INVALID', 'spill.dir', 'expected a directory path');
    }
    check(spill.maxPendingBytes, 'spill.maxPendingBytes', { min: 1 });
  }

  const fallbackFd = options.fallbackFd === false ? false : check(options.fallbackFd ?? 2, 'fallbackFd');

  let floodControl: FloodControlOptions | false = false;
  if (options.floodControl !== undefined && options.floodControl !== false) {
    floodControl = section(options.floodControl === true ? {} : options.floodControl, DEFAULT_FLOOD_CONTROL, 'floodControl');
    check(floodControl.rate, 'floodControl.rate', { integer: false });
    check(floodControl.burst, 'floodControl.burst', { min: 1 });
    check(floodControl.intervalMs, 'floodControl.intervalMs', { min: 1, integer: false });
    check(floodControl.maxKeys, 'floodControl.maxKeys', { min: 1 });
    if (!Array.isArray(floodControl.exempt) || !floodControl.exempt.every((s: Severity) => SEVERITIES.includes(s))) {
      throw new SecurityLogConfigError('OPTION_INVALID', 'floodControl.exempt', `expected severities among ${SEVERITIES.join(', ')}`);
    }
  }

  const shutdown = section(options.shutdown, DEFAULT_SHUTDOWN, 'shutdown');
  check(shutdown.deadlineMs, 'shutdown.deadlineMs', { integer: false });

  return { maxBatch, lingerMs, retry, timeoutMs, circuitBreaker, queue, spill, fallbackFd, floodControl, shutdown };
}
