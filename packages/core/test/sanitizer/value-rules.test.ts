import { describe, expect, it } from 'vitest';
import { createSanitizer } from '../../src/sanitizer';

const { sanitizeString } = createSanitizer();

describe('value rules keep the readable part of a match', () => {
  it.each([
    ['postgres://app:S3cret@db.internal:5432/app', 'postgres://app:[REDACTED:url_credentials]@db.internal:5432/app'],
    ['https://api.example.com/x?page=2&access_token=abc123&sort=asc', 'https://api.example.com/x?page=2&access_token=[REDACTED:url_secret]&sort=asc'],
    ['{"user":"bob","password":"correct horse"}', '{"user":"bob","password":"[REDACTED:credential]"}'],
    ['login user=bob password=hunter22 ip=10.0.0.1', 'login user=bob password=[REDACTED:credential] ip=10.0.0.1'],
    ['Authorization: Bearer abcdefghijklmnop1234', 'Authorization: Bearer [REDACTED:authorization]'],
    ['retry with bearer abcdefghijklmnop1234 failed', 'retry with bearer [REDACTED:bearer] failed'],
    ['SSN: 123456789', 'SSN: [REDACTED:ssn]'],
  ])('%s', (input, expected) => {
    expect(sanitizeString(input)).toBe(expected);
  });
});

describe('checksums and validity rules decide, not shapes alone', () => {
  it('cards: Luhn and issuer ranges', () => {
    expect(sanitizeString('4111 1111 1111 1111')).toBe('[REDACTED:card]');
    expect(sanitizeString('4111 1111 1111 1112')).toBe('4111 1111 1111 1112');
    expect(sanitizeString('1234 5678 9012 3452')).toBe('1234 5678 9012 3452');
    expect(sanitizeString('378282246310005')).toBe('[REDACTED:card]');
    expect(sanitizeString('card 4111 1111 1111 1111 12 29')).toBe('card [REDACTED:card] 12 29');
    expect(sanitizeString('scores 45 67 89 12 34 56 78 90')).toBe('scores 45 67 89 12 34 56 78 90');
  });

  it('SSNs: SSA rules', () => {
    for (const invalid of ['000-12-3456', '666-12-3456', '912-34-5678', '123-00-4567', '123-45-0000', '078-05-1120']) {
      expect(sanitizeString(invalid)).toBe(invalid);
    }
    expect(sanitizeString('123-45-6789')).toBe('[REDACTED:ssn]');
    expect(sanitizeString('123 45 6789')).toBe('[REDACTED:ssn]');
    expect(sanitizeString('123-45 6789')).toBe('123-45 6789');
  });

  it('IBANs: country length and mod-97', () => {
    expect(sanitizeString('GB82 WEST 1234 5698 7654 32')).toBe('[REDACTED:iban]');
    expect(sanitizeString('GB82 WEST 1234 5698 7654 33')).toBe('GB82 WEST 1234 5698 7654 33');
    expect(sanitizeString('GB82WEST123456987654')).toBe('GB82WEST123456987654');
  });

  it('Basic credentials must decode to user:password', () => {
    expect(sanitizeString('Basic dXNlcjpwYXNz')).toBe('Basic [REDACTED:basic_auth]');
    expect(sanitizeString('Basic information')).toBe('Basic information');
  });

  it('a PEM private key cut off before its END line is redacted to the end of the string', () => {
    expect(sanitizeString('key -----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg\nabc')).toBe('key [REDACTED:private_key]');
    expect(sanitizeString('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----')).toBe(
      '-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----',
    );
  });

  it('markers never re-trigger a rule', () => {
    const once = sanitizeString('password=[REDACTED:credential] https://u:[REDACTED:url_credentials]@h Bearer [REDACTED:jwt]');
    expect(sanitizeString(once)).toBe(once);
    expect(once).toBe('password=[REDACTED:credential] https://u:[REDACTED:url_credentials]@h Bearer [REDACTED:jwt]');
  });
});

describe('repeated values', () => {
  it('answers repeated clean strings from memory, and still redacts a repeated secret every time', () => {
    const s = createSanitizer();
    for (let i = 0; i < 3; i++) {
      expect(s.sanitizeString('Mozilla/5.0 (X11; Linux x86_64)')).toBe('Mozilla/5.0 (X11; Linux x86_64)');
      expect(s.sanitizeString('bob@example.com')).toBe('[REDACTED:email]');
    }
  });

  it('keeps memory bounded: thousands of distinct values still sanitise correctly', () => {
    const s = createSanitizer();
    for (let i = 0; i < 10_000; i++) expect(s.sanitizeString(`order-${i}`)).toBe(`order-${i}`);
    expect(s.sanitizeString('user1@example.com')).toBe('[REDACTED:email]');
  });
});
