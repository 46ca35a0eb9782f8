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
});
