import { describe, expect, it } from 'vitest';
import { SecurityLogConfigError } from '../../src/errors';
import { createSanitizer, DEFAULT_RULES, type RedactionRule } from '../../src/sanitizer';

describe('extra rules', () => {
  const employeeId: RedactionRule = {
    id: 'employee-id',
    family: 'employee_id',
    pattern: /\bEMP-[0-9]{6}\b/,
    trigger: 'EMP-',
  };

  it('run after the defaults, with their own marker', () => {
    const s = createSanitizer({ rules: [employeeId] });
    expect(s.sanitize({ note: 'EMP-123456 mailed bob@example.com' })).toEqual({ note: '[REDACTED:employee_id] mailed [REDACTED:email]' });
  });

  it('replace only the `secret` group and honour validate', () => {
    const s = createSanitizer({
      rules: [{ id: 'pin', family: 'pin', pattern: /\bPIN (?<secret>[0-9]{4})\b/, validate: (pin) => pin !== '0000' }],
    });
    expect(s.sanitizeString('PIN 4821 then PIN 0000')).toBe('PIN [REDACTED:pin] then PIN 0000');
  });

  it('may take full control of a match with replace', () => {
    const s = createSanitizer({ rules: [{ id: 'last4', family: 'acct', pattern: /ACCT[0-9]{8}/, replace: (m, marker) => `${marker}${m.slice(-4)}` }] });
    expect(s.sanitizeString('ACCT12345678')).toBe('[REDACTED:acct]5678');
  });

  it('cannot smuggle a line break in through replace', () => {
    const s = createSanitizer({ rules: [{ id: 'nl', family: 'nl', pattern: /NL/, replace: () => 'a\nb' }] });
    expect(s.sanitizeString('x NL y')).toBe('x a\\nb y');
  });

  it('fail closed when their validate throws', () => {
    const s = createSanitizer({ rules: [{ id: 'x', family: 'x', pattern: /X-[0-9]+/, validate: () => { throw new Error('bug'); } }] });
    expect(s.sanitizeString('id X-42')).toBe('id [REDACTED:x]');
  });

  it('skip strings without their trigger', () => {
    const s = createSanitizer({ rules: [{ ...employeeId, pattern: /[0-9]{6}/, trigger: 'EMP-' }] });
    expect(s.sanitizeString('order 123456')).toBe('order 123456');
    expect(s.sanitizeString('EMP- 123456')).toBe('EMP- [REDACTED:employee_id]');
  });
});

describe('disableRules', () => {
  it('switches default rules off by id or by family', () => {
    expect(createSanitizer({ disableRules: ['us-ssn'] }).sanitizeString('123-45-6789')).toBe('123-45-6789');
    expect(createSanitizer({ disableRules: ['ssn'] }).sanitizeString('SSN: 123456789')).toBe('SSN: 123456789');
    expect(createSanitizer({ disableRules: ['card'] }).sanitize({ n: 4111111111111111 })).toEqual({ n: 4111111111111111 });
  });
});

describe('sensitiveKeys and safeKeys', () => {
  it('adds names (normalised) and patterns (on the key as written)', () => {
    const s = createSanitizer({ sensitiveKeys: ['Mothers-Maiden-Name', /^x-internal-/i] });
    expect(s.sanitize({ mothersMaidenName: 'Smith', 'X-Internal-Route': 'r', route: 'r' })).toEqual({
      mothersMaidenName: '[REDACTED]',
      'X-Internal-Route': '[REDACTED]',
      route: 'r',
    });
  });

  it('safeKeys keeps a name readable, while value rules still apply', () => {
    const s = createSanitizer({ safeKeys: ['session_id'] });
    expect(s.sanitize({ sessionId: 's-1', note: 'x' })).toEqual({ sessionId: 's-1', note: 'x' });
    expect(s.sanitize({ sessionId: 'alice@example.com' })).toEqual({ sessionId: '[REDACTED:email]' });
  });
});

describe('allowKeys (allow-list mode)', () => {
  const s = createSanitizer({ allowKeys: ['reason', 'attempts', 'http.method', 'http.status', 'items.sku'] });

  it('keeps listed top-level keys with their whole subtree, marks the rest', () => {
    expect(s.sanitize({ reason: { code: 'bad_password', detail: 'x' }, attempts: 3, email: 'a@b.co', note: 'hi' })).toEqual({
      reason: { code: 'bad_password', detail: 'x' },
      attempts: 3,
      email: '[REDACTED:not_allowed]',
      note: '[REDACTED:not_allowed]',
    });
  });

  it('follows dotted paths, skipping array indices', () => {
    expect(
      s.sanitize({ http: { method: 'POST', status: 401, headers: { a: 1 } }, items: [{ sku: 'A1', price: 3 }, { sku: 'B2' }] }),
    ).toEqual({
      http: { method: 'POST', status: 401, headers: '[REDACTED:not_allowed]' },
      items: [{ sku: 'A1', price: '[REDACTED:not_allowed]' }, { sku: 'B2' }],
    });
  });

  it('matches names case- and separator-insensitively and still redacts secrets inside', () => {
    const out = createSanitizer({ allowKeys: ['Request-Info'] }).sanitize({ request_info: { password: 'x', ok: 'alice@example.com' } });
    expect(out).toEqual({ request_info: { password: '[REDACTED]', ok: '[REDACTED:email]' } });
  });
});

describe('invalid options fail at creation with a typed error', () => {
  it.each([
    [{ limits: { maxDepth: 0 } }, 'sanitizer.limits.maxDepth'],
    [{ limits: { maxStringLength: 63 } }, 'sanitizer.limits.maxStringLength'],
    [{ limits: { maxKeys: 1.5 } }, 'sanitizer.limits.maxKeys'],
    [{ rules: [{ id: 'a', family: 'a', pattern: 'abc' as unknown as RegExp }] }, 'sanitizer.rules[0].pattern'],
    [{ rules: [{ id: 'a', family: 'has space', pattern: /a/ }] }, 'sanitizer.rules[0].family'],
    [{ rules: [{ id: 'email', family: 'email2', pattern: /a/ }] }, 'sanitizer.rules'],
    [{ disableRules: ['no-such-rule'] }, 'sanitizer.disableRules'],
    [{ allowKeys: [''] }, 'sanitizer.allowKeys[0]'],
  ])('%j -> %s', (options, path) => {
    let caught: unknown;
    try {
      createSanitizer(options as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SecurityLogConfigError);
    expect(caught).toMatchObject({ code: 'OPTION_INVALID', path });
  });

  it('accepts every default rule id and family in disableRules', () => {
    const all = DEFAULT_RULES.map((rule) => rule.id);
    expect(createSanitizer({ disableRules: all }).sanitizeString('alice@example.com 4111 1111 1111 1111')).toBe(
      'alice@example.com 4111 1111 1111 1111',
    );
  });
});

describe('DEFAULT_RULES', () => {
  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(DEFAULT_RULES)).toBe(true);
    expect(DEFAULT_RULES.every((rule) => Object.isFrozen(rule))).toBe(true);
    expect(new Set(DEFAULT_RULES.map((rule) => rule.id)).size).toBe(DEFAULT_RULES.length);
  });
});
