/**
 * The hand-written redaction many services start with, the bench's reference: sensitive key
 * names by one regex, emails and card-like digit runs in string values by two more.
 */
const SENSITIVE_KEY = /pass(word)?|secret|token|authorization|api[-_]?key|cookie/i;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const CARD = /\b(?:\d[ -]?){12,18}\d\b/g;

export function threeRegexRedact(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(EMAIL, '[REDACTED]').replace(CARD, '[REDACTED]');
  if (Array.isArray(value)) return value.map(threeRegexRedact);
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) copy[key] = SENSITIVE_KEY.test(key) ? '[REDACTED]' : threeRegexRedact(inner);
    return copy;
  }
  return value;
}
