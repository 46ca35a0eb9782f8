import { once } from 'node:events';
import { checkFormat, formatEvent, SecurityLogConfigError, type OutputFormat, type SecurityEvent, type Sink } from '@seclog/core';
import winston, { type Logger, type LoggerOptions } from 'winston';
import { assertFormatsKeepFields } from './format-collisions';
import { SECURITY_RECORD } from './record-marker';
import { addSecurityLevel, DEFAULT_SECURITY_LEVEL_NAME } from './security-level';

export interface WinstonSinkOptions {
  /** A ready winston logger (yours, with its transports); it gains the security level. */
  logger?: Logger;
  /** Without `logger`: the file a built logger writes JSON lines to (directory created). */
  destination?: string;
  /** Without `logger`: more options for the built logger (levels, defaultMeta, transports...). */
  winston?: LoggerOptions;
  /** Priority of the security level (smaller is more severe). Default 0.5, between error and warn. */
  level?: number;
  /** Name of the security level. Default `'security'`. */
  levelName?: string;
  /** Record shape. Default `'seclog'`. */
  format?: OutputFormat;
  /** Sink name in stats and errors. Default `'winston'`. */
  name?: string;
}

const PROBE: SecurityEvent = {
  schema: 'seclog/1',
  event_id: '00000000-0000-7000-8000-000000000000',
  timestamp: '2000-01-01T00:00:00.000Z',
  severity: 'LOW',
  event_type: 'auth.login_success',
  outcome: 'success',
  message: 'probe',
  service: 'probe',
  actor: { id: 'probe', type: 'user', ip: '127.0.0.1', user_agent: 'probe', session_id: 'probe-session' },
  target: '/probe',
  correlation_id: 'probe',
  risk_score: 1,
  risk_reasons: [],
  metadata: {},
};

function buildLogger(options: WinstonSinkOptions): Logger {
  if (typeof options.destination !== 'string' || options.destination.length === 0) {
    throw new SecurityLogConfigError('OPTION_INVALID', 'destination', 'winstonSink needs a `logger` or a `destination` file path');
  }
  // The file transport is added once the configuration has passed every check (see winstonSink).
  return winston.createLogger({
    format: winston.format.json(),
    ...options.winston,
    transports: [options.winston?.transports ?? []].flat(),
  });
}

/** Ends a logger this sink built, resolving once its file transports have written everything. */
async function endLogger(logger: Logger): Promise<void> {
  const finished = logger.transports.map((transport) => once(transport, 'finish'));
  logger.end();
  await Promise.all(finished);
}

/**
 * Writes security events through winston at a dedicated `security` level, the event's fields at
 * the top level of the record. The event is already sanitised: this sink never sanitises again.
 */
export function winstonSink(options: WinstonSinkOptions = {}): Sink {
  const format = checkFormat(options.format);
  const levelName = options.levelName ?? DEFAULT_SECURITY_LEVEL_NAME;
  const owned = !options.logger;
  const logger = options.logger ?? buildLogger(options);
  addSecurityLevel(logger, levelName, options.level);
  assertFormatsKeepFields(logger, formatEvent(PROBE, format) as unknown as Record<string, unknown>, levelName);
  // Opened only now: a refused configuration leaves no file or directory behind.
  if (owned) logger.add(new winston.transports.File({ filename: options.destination! }));

  const write = (event: SecurityEvent) => {
    // `level` is winston's; no format writes a top-level `level`, so nothing is overwritten.
    logger.log({ ...(formatEvent(event, format) as unknown as Record<string, unknown>), level: levelName, [SECURITY_RECORD]: true } as unknown as winston.LogEntry);
  };
  return {
    name: options.name ?? 'winston',
    write,
    writeBatch(events) {
      for (const event of events) write(event);
    },
    async close() {
      if (owned) await endLogger(logger);
    },
  };
}
