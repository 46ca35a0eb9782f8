/** Reported to `onError` for what the pipeline itself decided or could not do; never thrown at the app. */
export type DeliveryErrorCode =
  /** A sink's write did not settle within `timeoutMs`. */
  | 'SINK_TIMEOUT'
  /** The queue reached its bound and events are being shed (reported once per episode). */
  | 'QUEUE_FULL'
  /** The spill file cannot be opened or written; HIGH/CRITICAL events went to the synchronous fallback. */
  | 'SPILL_UNAVAILABLE'
  /** Neither the spill file nor the fallback could take HIGH/CRITICAL events: they are lost (and counted). */
  | 'EVENTS_LOST'
  /** A spilled record could not be read back (torn or edited line); it is skipped. */
  | 'SPILL_CORRUPT'
  /** `close()` hit its deadline; what was still queued is spilled (HIGH/CRITICAL) or shed. */
  | 'SHUTDOWN_DEADLINE'
  /** `logDurable()` could not make the event durable (it reached only the fallback, or was lost). */
  | 'NOT_DURABLE';

export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  readonly code: DeliveryErrorCode;

  constructor(code: DeliveryErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
