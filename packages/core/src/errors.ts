/** Thrown by `log()` for input that cannot become an event at all (never for bad metadata). */
export type SecurityEventErrorCode =
  | 'EVENT_TYPE_MISSING'
  | 'EVENT_TYPE_MALFORMED'
  | 'EVENT_TYPE_CONFLICT'
  | 'LOGGER_CLOSED';

export class SecurityEventError extends Error {
  override readonly name = 'SecurityEventError';
  readonly code: SecurityEventErrorCode;

  constructor(code: SecurityEventErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Thrown at start-up for options that cannot work: an unknown transport target, a bad option. */
export type SecurityLogConfigErrorCode =
  | 'TRANSPORT_NOT_FOUND'
  | 'TRANSPORT_INVALID'
  | 'OPTION_INVALID'
  | 'CONFIG_FILE_INVALID';

export class SecurityLogConfigError extends Error {
  override readonly name = 'SecurityLogConfigError';
  readonly code: SecurityLogConfigErrorCode;
  /** The option path or transport target at fault, e.g. `transports[0].target`. */
  readonly path: string;

  constructor(code: SecurityLogConfigErrorCode, path: string, message: string, options?: { cause?: unknown }) {
    super(`${path}: ${message}`, options);
    this.code = code;
    this.path = path;
  }
}
