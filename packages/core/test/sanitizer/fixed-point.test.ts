import { describe, expect, it } from 'vitest';
import { createSanitizer } from '../../src/sanitizer';

describe('redaction to a fixed point', () => {
  it('stops at a whole-value marker only when no rule rewrites that marker', () => {
    const sanitizer = createSanitizer({
      rules: [
        { id: 'rewrites-a', family: 'b', pattern: /\[REDACTED:a\]/ },
        { id: 'makes-a', family: 'a', pattern: /^classified$/ },
      ],
    });
    // `[REDACTED:a]` only appears after `rewrites-a` has run, so the second pass must still happen.
    expect(sanitizer.sanitizeString('classified')).toBe('[REDACTED:b]');
    expect(sanitizer.sanitize({ note: 'classified' })).toEqual({ note: '[REDACTED:b]' });
  });

  it('returns a whole-value e-mail as its marker, and that marker unchanged', () => {
    const sanitizer = createSanitizer();
    expect(sanitizer.sanitizeString('user7@example.com')).toBe('[REDACTED:email]');
    expect(sanitizer.sanitizeString('[REDACTED:email]')).toBe('[REDACTED:email]');
  });
});
