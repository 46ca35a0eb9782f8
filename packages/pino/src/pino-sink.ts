import { checkFormat, formatEvent, SecurityLogConfigError, type OutputFormat, type SecurityEvent, type Sink } from '@seclog/core';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { fastWriter } from './fast-path';
import { assertNoCollision, recordKeys } from './record-keys';
import { DEFAULT_SECURITY_LEVEL, DEFAULT_SECURITY_LEVEL_NAME, withSecurityLevel } from './security-level';

export interface PinoSinkOptions<CustomLevels extends string = never> {
  /** A ready pino logger (yours, with its transports); security events go through a child of it. */
  logger?: Logger<CustomLevels, boolean>;
  /** Without `logger`: a file path (created with its directory), a file descriptor, or a stream. */
  destination?: string | number | DestinationStream;
  /** Without `logger`: options for the logger built on `destination`. */
  pino?: LoggerOptions;
  /** Numeric value of the security level. Default 45 (between warn and error). */
  level?: number;
  /** Name of the security level. Default `'security'`. */
  levelName?: string;
  /** Record shape. Default `'seclog'`. */
  format?: OutputFormat;
  /** Sink name in stats and errors. Default `'pino'`. */
  name?: string;
}

/** The security-level child of `base`, refused when pino's own fields would clash with the event's. */
function securityChild(base: Logger, levelName: string, level: number | undefined, format: OutputFormat): { logger: Logger<string>; levelValue: number } {
  const logger = withSecurityLevel(base, levelName, level);
  const levelValue = logger.levels.values[levelName]!;
  assertNoCollision(logger, levelValue, format);
  return { logger, levelValue };
}

const NOWHERE: DestinationStream = { write: () => undefined };

function buildLogger(options: PinoSinkOptions<string>, format: OutputFormat, levelName: string): { logger: Logger; owned?: DestinationStream; bytes: boolean } {
  const { destination } = options;
  if (destination === undefined) {
    throw new SecurityLogConfigError('OPTION_INVALID', 'destination', 'pinoSink needs a `logger` or a `destination`');
  }
  // OCSF records carry their own `time`; pino's would be a second, different one.
  const timestamp = format === 'ocsf' && options.pino?.timestamp === undefined ? { timestamp: false } : {};
  // Declared up front so that `pino.level` may name the security level itself.
  const value = options.level ?? DEFAULT_SECURITY_LEVEL;
  const taken = pino.levels.labels[value];
  if (taken !== undefined) {
    throw new SecurityLogConfigError('OPTION_INVALID', 'level', `level value ${value} is already pino's "${taken}" level; choose another value`);
  }
  const customLevels = { [levelName]: value, ...options.pino?.customLevels };
  const configured = (stream: DestinationStream): Logger => {
    try {
      return pino({ ...timestamp, ...options.pino, customLevels }, stream);
    } catch (error) {
      throw new SecurityLogConfigError('OPTION_INVALID', 'pino', String((error as Error).message), { cause: error });
    }
  };
  if (typeof destination === 'object') {
    if (typeof destination?.write !== 'function') {
      throw new SecurityLogConfigError('OPTION_INVALID', 'destination', 'must be a file path, a file descriptor or a writable stream');
    }
    return { logger: configured(destination), bytes: false };
  }
  // The whole configuration is checked on a logger that writes nowhere before the file is opened:
  // a refused configuration leaves no file or directory behind.
  const checked = securityChild(configured(NOWHERE), levelName, options.level, format);
  // Only this sink writes to a destination it opens: when every record takes the fast path, the
  // destination takes Buffers, so each record is encoded once.
  const bytes = fastWriter(checked.logger, checked.levelValue, recordKeys(format)) !== undefined;
  const owned = pino.destination({ dest: destination, mkdir: typeof destination === 'string', sync: false, ...(bytes && { contentMode: 'buffer' as const }) });
  return { logger: configured(owned), owned, bytes };
}

function waitFlushed(logger: Pick<Logger, 'flush'>): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      logger.flush((error?: Error) => (error ? reject(error) : resolve()));
    } catch (error) {
      // A file destination that has not opened yet has nothing to flush.
      if (/not ready/i.test(String((error as Error).message))) resolve();
      else reject(error as Error);
    }
  });
}

function endStream(stream: DestinationStream): Promise<void> {
  const closable = stream as DestinationStream & { end?: () => void; once?: (event: string, fn: () => void) => void };
  if (typeof closable.end !== 'function') return Promise.resolve();
  return new Promise((resolve) => {
    closable.once?.('close', () => resolve());
    closable.end!();
  });
}

/**
 * Writes security events through pino at a dedicated level, the event's fields at the top level
 * of each record. The event is already sanitised by the logger: this sink never sanitises again.
 */
export function pinoSink<CustomLevels extends string = never>(options: PinoSinkOptions<CustomLevels> = {}): Sink {
  const format = checkFormat(options.format);
  const levelName = options.levelName ?? DEFAULT_SECURITY_LEVEL_NAME;
  if (!/^[a-z][a-z0-9_]*$/i.test(levelName)) {
    throw new SecurityLogConfigError('OPTION_INVALID', 'levelName', `not a usable pino level name: ${JSON.stringify(levelName)}`);
  }
  const { logger: base, owned, bytes } = options.logger
    ? { logger: options.logger as unknown as Logger, owned: undefined, bytes: false }
    : buildLogger(options as PinoSinkOptions<string>, format, levelName);
  const { logger, levelValue } = securityChild(base, levelName, options.level, format);

  const fast = fastWriter(logger, levelValue, recordKeys(format), bytes);
  const logAtLevel = (logger as unknown as Record<string, (obj: object) => void>)[levelName]!.bind(logger);
  const serialise = format === 'seclog' ? (event: SecurityEvent) => JSON.stringify(event) : (event: SecurityEvent) => JSON.stringify(formatEvent(event, format));
  // On the fast path the stream's backpressure reaches core's queue, which sheds LOW events first.
  const writeBatch = fast
    ? (events: readonly SecurityEvent[]): void | Promise<void> => {
        if (!fast.write(events, serialise)) return fast.drained();
      }
    : (events: readonly SecurityEvent[]): void => {
        for (const event of events) logAtLevel(formatEvent(event, format));
      };

  return {
    name: options.name ?? 'pino',
    write: (event) => writeBatch([event]),
    writeBatch,
    flush: () => waitFlushed(logger),
    async close() {
      await waitFlushed(logger);
      if (owned) await endStream(owned);
    },
  };
}
