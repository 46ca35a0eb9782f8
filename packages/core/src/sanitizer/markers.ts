/** Every visible trace the sanitizer leaves. Each starts with `[`, a character no value rule starts a secret with. */
export const REDACTED = '[REDACTED]';
export const NOT_ALLOWED = '[REDACTED:not_allowed]';
export const CIRCULAR = '[CIRCULAR]';
export const UNREADABLE = '[UNREADABLE]';
export const TRUNCATED_KEY = '[TRUNCATED]';
export const TRUNCATED_DEPTH = '[TRUNCATED:depth]';
export const TRUNCATED_SIZE = '[TRUNCATED:size]';
export const REDACTED_PREFIX = '[REDACTED';

export function redactedMarker(family: string): string {
  return `[REDACTED:${family}]`;
}

export function moreKeysMarker(count: number): string {
  return `[TRUNCATED:${count} more keys]`;
}

export function moreItemsMarker(count: number): string {
  return `[TRUNCATED:${count} more items]`;
}

/** `total` is the length of the original string. */
export function moreCharsMarker(total: number): string {
  return `…[TRUNCATED:${total} chars total]`;
}
