/**
 * Marks a winston record as a finished security record (sanitised by core, shaped by the format), so
 * `sanitizeFormat()` in the same logger lets it through untouched. A symbol: serialisers skip it.
 */
export const SECURITY_RECORD = Symbol.for('seclog.security-record');
