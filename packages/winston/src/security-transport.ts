import type { ActorInput, LogInput, Outcome, SecurityLogger } from '@seclog/core';
import TransportStream from 'winston-transport';

type Info = Record<string | symbol, unknown>;

export interface SecurityTransportOptions extends TransportStream.TransportStreamOptions {
  /** The @seclog logger that receives the records. */
  securityLogger: SecurityLogger;
  /** Event type for records that carry none in `eventType`. Default `'app.log_record'`. */
  eventType?: string;
}

const OUTCOMES: readonly unknown[] = ['success', 'failure', 'unknown'];
/** Record fields that map onto the event; the rest becomes (sanitised) metadata. */
const MAPPED = new Set(['level', 'message', 'eventType', 'actor', 'target', 'outcome', 'riskScore', 'correlationId']);

function toLogInput(info: Info, fallbackType: string): LogInput {
  const metadata: Record<string, unknown> = { level: info.level };
  for (const key of Object.keys(info)) if (!MAPPED.has(key)) metadata[key] = info[key];
  const input: LogInput = {
    eventType: typeof info.eventType === 'string' ? info.eventType : fallbackType,
    metadata,
  };
  if (typeof info.message === 'string') input.message = info.message;
  if (typeof info.actor === 'string' || (typeof info.actor === 'object' && info.actor !== null)) input.actor = info.actor as string | ActorInput;
  if (typeof info.target === 'string') input.target = info.target;
  if (OUTCOMES.includes(info.outcome)) input.outcome = info.outcome as Outcome;
  if (typeof info.riskScore === 'number') input.riskScore = info.riskScore;
  if (typeof info.correlationId === 'string') input.correlationId = info.correlationId;
  return input;
}

/**
 * A winston transport that feeds winston records into @seclog (sanitised, scored, delivered to its
 * sinks). As winston expects of a transport: `log()` never throws, a failure is reported with
 * `emit('warn', error)`, `logged` is emitted, and the callback is always called.
 */
export class SecurityTransport extends TransportStream {
  private readonly securityLogger: SecurityLogger;
  private readonly eventType: string;

  constructor(options: SecurityTransportOptions) {
    super(options);
    this.securityLogger = options.securityLogger;
    this.eventType = options.eventType ?? 'app.log_record';
  }

  override log(info: Info, callback: () => void): void {
    try {
      this.securityLogger.log(toLogInput(info, this.eventType));
    } catch (error) {
      this.emit('warn', error);
    }
    setImmediate(() => this.emit('logged', info));
    callback();
  }
}
