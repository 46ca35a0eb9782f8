import { describe, expect, it } from 'vitest';
import { createSanitizer, sanitize } from '../../src/sanitizer';

const sanitizer = createSanitizer();

describe('redaction by key name', () => {
  it.each([
    'password', 'Password', 'PASSWORD', 'passwd', 'pwd', 'pass', 'newPassword', 'db_password', 'password_confirmation',
    'apiKey', 'api_key', 'API-KEY', 'X-API-Key', 'x_api_key', 'Authorization', 'proxy-authorization', 'cookie', 'Set-Cookie',
    'client_secret', 'clientSecret', 'webhookSecret', 'private_key', 'privateKey', 'token', 'access_token', 'refreshToken',
    'id_token', 'X-Auth-Token', 'x-csrf-token', 'secret', 'ssn', 'SSN', 'cvv', 'cvc', 'pin', 'otp', 'card_number', 'creditCard',
    'sessionId', 'session_id', 'jwt', 'credentials', 'aws_secret_access_key', 'passphrase', 'secretKey', 'signing_key',
  ])('%s is sensitive', (key) => {
    expect(sanitizer.isSensitiveKey(key)).toBe(true);
    expect(sanitize({ [key]: 'value-123' })).toEqual({ [key]: '[REDACTED]' });
  });

  it.each([
    'token_type', 'tokenType', 'password_policy', 'passwordPolicy', 'password_last_changed', 'passwordless', 'tokens_used',
    'max_tokens', 'secret_name', 'secretArn', 'publicKey', 'idempotencyKey', 'cacheKey', 'key', 'pageToken', 'next_page_token',
    'authMethod', 'author', 'pincode', 'spinner', 'mapping', 'keyboard', 'apiKeyId', 'cookieConsent', 'expires_in', 'username',
  ])('%s is not sensitive (its value is useful and not a secret)', (key) => {
    expect(sanitizer.isSensitiveKey(key)).toBe(false);
    expect(sanitize({ [key]: 'plain' })).toEqual({ [key]: 'plain' });
  });

  it('hides whole subtrees, numbers and bigints under a sensitive key', () => {
    expect(sanitize({ credentials: { user: 'bob', pass: 'x' }, pin: 1234, cvv: 123n, cookies: ['a=b'] })).toEqual({
      credentials: '[REDACTED]',
      pin: '[REDACTED]',
      cvv: '[REDACTED]',
      cookies: '[REDACTED]',
    });
  });

  it('keeps booleans and null under sensitive names: they carry no secret', () => {
    expect(sanitize({ hasPassword: true, password: null, token: false })).toEqual({ hasPassword: true, password: null, token: false });
  });

  it('redacts the header objects frameworks hand over', () => {
    const headers = { host: 'api.example.com', authorization: 'Bearer abc.def.ghi', cookie: 'sid=1', 'user-agent': 'curl/8.5.0', 'x-api-key': 'k' };
    expect(sanitize({ headers })).toEqual({
      headers: { host: 'api.example.com', authorization: '[REDACTED]', cookie: '[REDACTED]', 'user-agent': 'curl/8.5.0', 'x-api-key': '[REDACTED]' },
    });
  });

  it('redacts Map entries by key too', () => {
    expect(sanitize(new Map<unknown, unknown>([['Authorization', 'Basic x'], [42, 'answer']]))).toEqual({ Authorization: '[REDACTED]', 42: 'answer' });
  });

  it('runs value rules on keys, and keeps colliding keys apart', () => {
    expect(sanitize({ 'alice@example.com': 1, 'bob@example.com': 2 })).toEqual({ '[REDACTED:email]': 1, '[REDACTED:email]#2': 2 });
  });
});
