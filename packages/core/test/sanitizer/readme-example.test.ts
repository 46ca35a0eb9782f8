import { expect, it } from 'vitest';
import { createSanitizer, neutralize, sanitize } from '../../src/index';

// The `## Sanitizer` example of the package README, through the package entry point.
it('does what the README example says', () => {
  expect(
    sanitize({
      user: 'alice@example.com',
      headers: { authorization: 'Bearer eyJhbGciOi...', 'user-agent': 'curl/8.5.0' },
      note: 'paid with 4111 1111 1111 1111\r\nFAKE LOG LINE',
      ip: '203.0.113.7',
    }),
  ).toEqual({
    user: '[REDACTED:email]',
    headers: { authorization: '[REDACTED]', 'user-agent': 'curl/8.5.0' },
    note: 'paid with [REDACTED:card]\\r\\nFAKE LOG LINE',
    ip: '203.0.113.7',
  });

  const strict = createSanitizer({
    rules: [{ id: 'employee-id', family: 'employee_id', pattern: /\bEMP-[0-9]{6}\b/, trigger: 'EMP-' }],
    sensitiveKeys: ['mothersMaidenName', /^x-internal-/i],
    safeKeys: ['sessionId'],
    disableRules: ['iban'],
    allowKeys: ['reason', 'attempts', 'http.method'],
    limits: { maxStringLength: 2048 },
  });
  expect(strict.sanitize({ reason: 'EMP-123456 locked out', http: { method: 'POST', body: '…' }, extra: 1 })).toEqual({
    reason: '[REDACTED:employee_id] locked out',
    http: { method: 'POST', body: '[REDACTED:not_allowed]' },
    extra: '[REDACTED:not_allowed]',
  });
  expect(strict.sanitizeString('password=hunter22')).toBe('password=[REDACTED:credential]');
  expect(strict.isSensitiveKey('X-API-Key')).toBe(true);
  expect(neutralize('admin\nlogin ok\u202e')).toBe('admin\\nlogin ok\\u202e');
});
