import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSanitizer, DEFAULT_RULES, type RedactionRule } from '../../src/sanitizer';
import { createTriggerScan, MAX_SCAN_SETS } from '../../src/sanitizer/trigger-scan';

/** ASCII the default triggers use, plus characters outside ASCII that alias ASCII pairs in a 7-bit table. */
const alphabet = fc.constantFrom('a', 'b', 'A', 'e', 'y', 'J', '-', '.', '/', '@', '=', '_', '1', ' ', '\u00e1', '\u0161', '\u2028', '\ud83d', '\ude00', '\u0080');
const literal = fc.string({ unit: alphabet, minLength: 0, maxLength: 5 });

describe('createTriggerScan (one pass for every substring trigger)', () => {
  it('sets exactly the bits of the sets that have a literal in the text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(literal, { maxLength: 5 }), { minLength: 1, maxLength: MAX_SCAN_SETS }),
        fc.string({ unit: alphabet, maxLength: 40 }),
        (sets, text) => {
          const expected = sets.reduce((bits, set, i) => (set.some((l) => l !== '' && text.includes(l)) ? bits | (1 << i) : bits), 0);
          expect(createTriggerScan(sets)(text)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds the default triggers anywhere, including at the very end and overlapping each other', () => {
    const scan = createTriggerScan([['ssn'], ['sid'], ['@'], ['eyJ', 'wd']]);
    expect(scan('xssid')).toBe(0b0010);
    expect(scan('ssnsid')).toBe(0b0011);
    expect(scan('a@')).toBe(0b0100);
    expect(scan('pwd')).toBe(0b1000);
    expect(scan('ey')).toBe(0);
    expect(scan('')).toBe(0);
  });

  it('refuses more sets than it has bits', () => {
    expect(() => createTriggerScan(Array.from({ length: MAX_SCAN_SETS + 1 }, () => ['x']))).toThrow(RangeError);
  });
});

/** The default rules without any prefilter: every rule runs on every text, whatever its length. */
const unfiltered = createSanitizer({
  disableRules: DEFAULT_RULES.map((rule) => rule.id),
  rules: DEFAULT_RULES.map(({ trigger: _trigger, minLength: _minLength, ...rule }) => rule),
});
const filtered = createSanitizer();

/** Fragments of every default rule's secrets and triggers, with separators, so prefilters are exercised at their edges. */
const fragment = fc.constantFrom(
  'alice@example.com', '@', '.', '4111 1111 1111 1111', '4111', '123-45-6789', '123456789', 'ssn', 'SSN ', 'social security ',
  'DE89 3704 0044 0532 0130 00', 'GB82WEST12345698765432', 'password', 'PASSWORD', 'apiKey', 'api_key', 'token', 'secret', 'sid',
  'session_id', 'credentials', '=', ': ', '"', "'", ' ', '-', '_', '/', '?', '&', 'key=', 'Bearer ', 'bearer', 'Basic dXNlcjpwYXNz',
  'Authorization: ', 'https://', 'u:p@h', '://', 'eyJhbGciOiJIUzI1NiJ9', '.eyJzdWIiOiIxIn0', '.sig', 'AKIAIOSFODNN7EXAMPLE', 'AKIA',
  'aws_secret_access_key=', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'ghp_', 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB',
  'xoxb-', 'xoxb-1234567890-abcdefghij', 'sk_live_', 'sk_live_0123456789abcdefABCD', 'AIza', 'AIzaSyA-0123456789abcdefghijklmnopqrstu',
  'ya29.', 'GOCSPX-', '1//0', '-----BEGIN PRIVATE KEY-----', 'MIIEvQIBADANBg', '-----END PRIVATE KEY-----', 'hooks.slack.com',
  'https://hooks.slack.com/services/T000/B000/XXXXXXXXXXXXXXXXXXXXXXXX', '\u00e9', '\u2028', '\n', 'x', '7',
);
const text = fc.array(fragment, { maxLength: 16 }).map((parts) => parts.join(''));

describe('the prefilters never let through what the rules would redact', () => {
  it('redacts exactly what the default rules redact with no trigger and no minimum length', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(filtered.sanitizeString(value)).toBe(unfiltered.sanitizeString(value));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps every corpus-style secret out when rules past the 32 the scan covers test their own triggers', () => {
    const many: RedactionRule[] = Array.from({ length: 40 }, (_, i) => ({
      id: `code-${i}`,
      family: 'code',
      pattern: new RegExp(`CODE${i}-[0-9]+`),
      trigger: `CODE${i}-`,
    }));
    const sanitizer = createSanitizer({ rules: many });
    for (let i = 0; i < 40; i++) {
      expect(sanitizer.sanitizeString(`ticket CODE${i}-123 and alice@example.com`)).toBe('ticket [REDACTED:code] and [REDACTED:email]');
    }
    expect(sanitizer.sanitizeString('CODE39 stays')).toBe('CODE39 stays');
  });
});
