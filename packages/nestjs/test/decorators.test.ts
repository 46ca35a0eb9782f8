import { SecurityEventError } from '@seclog/core';
import { SecurityEvent } from '@seclog/nestjs';
import { describe, expect, it } from 'vitest';

describe('@SecurityEvent', () => {
  it('refuses a malformed event type when the class is defined, not on every request', () => {
    expect(() => SecurityEvent('Login Failed\r\nforged: yes')).toThrow(SecurityEventError);
    expect(() => SecurityEvent('')).toThrow(expect.objectContaining({ code: 'EVENT_TYPE_MISSING' }));
  });

  it('accepts built-in names, OWASP tokens and well-formed names of the app', () => {
    expect(() => SecurityEvent('auth.password_change')).not.toThrow();
    expect(() => SecurityEvent('authn_login_fail')).not.toThrow();
    expect(() => SecurityEvent('billing.refund_issued')).not.toThrow();
  });
});
