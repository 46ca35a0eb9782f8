import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSanitizer, neutralize, sanitize } from '../../src/sanitizer';

describe('neutralize', () => {
  it('turns line breaks into visible escapes, so one record stays one line', () => {
    expect(neutralize('ok\r\nFAKE 2026-01-01 admin login success')).toBe('ok\\r\\nFAKE 2026-01-01 admin login success');
    expect(neutralize('a\u2028b\u2029c\u0085d')).toBe('a\\u2028b\\u2029c\\x85d');
  });

  it('escapes NUL, ANSI escape sequences and other controls, keeping TAB', () => {
    expect(neutralize('x\0y')).toBe('x\\x00y');
    expect(neutralize('\x1b[2J\x1b[31mred')).toBe('\\x1b[2J\\x1b[31mred');
    expect(neutralize('\x9b31m')).toBe('\\x9b31m');
    expect(neutralize('a\tb\x7f\x08')).toBe('a\tb\\x7f\\x08');
  });

  it('exposes bidi controls that would reorder what a reader sees', () => {
    expect(neutralize('user\u202egnp.exe')).toBe('user\\u202egnp.exe');
    expect(neutralize('\u2066\u2067\u2068\u2069\u200e\u200f\u061c')).toBe('\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c');
  });

  it('is idempotent and returns clean strings untouched', () => {
    const once = neutralize('a\nb\u202e\x1b');
    expect(neutralize(once)).toBe(once);
    const clean = 'nothing to do: café 🚀';
    expect(neutralize(clean)).toBe(clean);
  });

  it('applies to keys as well as values, deep inside objects', () => {
    expect(sanitize({ 'evil\nkey': { inner: 'v\r\n' } })).toEqual({ 'evil\\nkey': { inner: 'v\\r\\n' } });
  });

  it('is part of sanitizeString', () => {
    expect(createSanitizer().sanitizeString('GET /\r\nX-Injected: 1')).toBe('GET /\\r\\nX-Injected: 1');
  });

  it('escapes exactly the unsafe characters, whatever their number and position (property)', () => {
    const UNSAFE_ALL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
    const hex = (code: number) => (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
    const oracle = (text: string) =>
      text.replace(UNSAFE_ALL, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : hex(c.charCodeAt(0))));
    const unit = fc.constantFrom('a', ' ', '\t', '\n', '\r', '\0', '\x1b', '\x7f', '\x85', '\x9f', '\xa0', '\u061c', '\u200e', '\u2028', '\u202e', '\u2066', '\u2069', '\u206a', '\ud83d', '\ude00', '\\');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text) => {
        expect(neutralize(text)).toBe(oracle(text));
      }),
      { numRuns: 2000 },
    );
    // Long inputs cross the points where the output is flattened.
    for (const unitText of ['\n\u202e\x1b[', 'abc\ndef', 'x'.repeat(20_000) + '\n']) {
      const long = unitText.repeat(Math.ceil(40_000 / unitText.length));
      expect(neutralize(long)).toBe(oracle(long));
    }
  });
});
