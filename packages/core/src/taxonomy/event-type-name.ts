import { SecurityEventError } from '../errors';

/** Longest dotted name accepted; longer input is refused before any pattern runs on it. */
export const MAX_EVENT_TYPE_LENGTH = 100;

/** Longest `token:args` string accepted for an OWASP token with its cheat-sheet arguments. */
export const MAX_OWASP_EVENT_LENGTH = 1024;

/**
 * Lowercase `category.action`, optionally more segments. Every segment is separated by a mandatory
 * dot, so the pattern cannot backtrack: matching is linear in the input.
 */
const DOTTED_NAME = /^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$/;

/** `prefix_rest`, the shape of an OWASP vocabulary token (compared in lower case). */
const OWASP_TOKEN = /^[a-z][a-z0-9]*_[a-z0-9_]+$/;

export function isDottedName(value: string): boolean {
  return value.length <= MAX_EVENT_TYPE_LENGTH && DOTTED_NAME.test(value);
}

export function isOwaspTokenShape(value: string): boolean {
  return value.length <= MAX_EVENT_TYPE_LENGTH && OWASP_TOKEN.test(value);
}

/** How much of a rejected value an error message shows. */
const QUOTED_PREFIX = 48;

/**
 * Renders attacker-controlled text for an error message: at most a short prefix, every character
 * outside printable ASCII escaped, so the message cannot forge log lines or hide behind bidi controls.
 */
export function quoteUntrusted(value: string): string {
  const shown = value.slice(0, QUOTED_PREFIX).replace(/[^\x20-\x7e]|["\\]/g, (c) =>
    c === '"' || c === '\\' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const rest = value.length - QUOTED_PREFIX;
  return rest > 0 ? `"${shown}"… (${rest} more characters)` : `"${shown}"`;
}

export function missingEventType(value: unknown): SecurityEventError {
  const what = typeof value === 'string' ? 'an empty string' : value === null ? 'null' : typeof value;
  return new SecurityEventError('EVENT_TYPE_MISSING', `eventType is required and must be a non-empty string, got ${what}`);
}

export function malformedEventType(value: string): SecurityEventError {
  return new SecurityEventError(
    'EVENT_TYPE_MALFORMED',
    `eventType ${quoteUntrusted(value)} is malformed: expected a lowercase dotted name such as ` +
      `"auth.login_failure" (letters, digits, underscores, at most ${MAX_EVENT_TYPE_LENGTH} characters) ` +
      'or a token of the OWASP logging vocabulary such as "authn_login_fail"',
  );
}
