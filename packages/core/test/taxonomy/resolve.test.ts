import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SecurityEventError } from '../../src/errors';
import { DEFAULT_BASE_RISK, MAX_EVENT_TYPE_LENGTH, createTaxonomy } from '../../src/taxonomy';

const taxonomy = createTaxonomy();

function errorOf(fn: () => unknown): SecurityEventError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SecurityEventError);
    return error as SecurityEventError;
  }
  throw new Error('expected a SecurityEventError, nothing was thrown');
}

describe('resolve: names and aliases', () => {
  it('returns the registered entry for a dotted name', () => {
    const definition = taxonomy.resolve('auth.login_failure');
    expect(definition).toMatchObject({
      name: 'auth.login_failure',
      owasp: 'authn_login_fail',
      category: 'auth',
      defaultOutcome: 'failure',
    });
  });

  it.each([
    ['authn_login_fail', 'auth.login_failure'],
    ['AUTHN_login_success', 'auth.login_success'],
    ['Authz_Fail', 'authz.access_denied'],
    ['authn_login_fail:joebob1', 'auth.login_failure'],
    ['AUTHN_login_success:joebob1', 'auth.login_success'],
    ['authn_login_successafterfail:joebob1,2', 'auth.login_success_after_failure'],
    ['input_validation_fail:(zip,date_of_birth),joebob1', 'input.validation_failure'],
    ['malicious_attack_tool:127.0.0.1,nikto,Mozilla/5.00 (Nikto/2.1.6) (Evasions:None)', 'malicious.attack_tool'],
    ['upload_delete:joebob1,', 'upload.deleted'],
  ])('accepts the OWASP form %j as %s', (eventType, name) => {
    expect(taxonomy.resolve(eventType).name).toBe(name);
  });

  it('parse() hands back the OWASP arguments verbatim, without keeping them in the type', () => {
    expect(taxonomy.parse('authn_login_fail:joebob1')).toEqual({
      definition: taxonomy.resolve('auth.login_failure'),
      owaspArgs: 'joebob1',
    });
    expect(taxonomy.parse('authz_change:joebob1,user,admin').owaspArgs).toBe('joebob1,user,admin');
    expect(taxonomy.parse('authn_login_fail')).toEqual({ definition: taxonomy.resolve('auth.login_failure') });
    expect(taxonomy.parse('auth.login_failure')).toEqual({ definition: taxonomy.resolve('auth.login_failure') });
  });

  it('get() finds names and tokens but never makes an entry up', () => {
    expect(taxonomy.get('auth.logout')?.name).toBe('auth.logout');
    expect(taxonomy.get('SYS_CRASH')?.name).toBe('system.crash');
    expect(taxonomy.get('auth.never_registered')).toBeUndefined();
    expect(taxonomy.get('authn_login_fail:joebob1')).toBeUndefined();
    expect(taxonomy.get(42 as unknown as string)).toBeUndefined();
  });
});

describe('resolve: well-formed names nobody registered', () => {
  it('makes up an entry with the default base risk and the category of the first segment', () => {
    const definition = taxonomy.resolve('billing.refund_issued');
    expect(definition).toMatchObject({
      name: 'billing.refund_issued',
      category: 'billing',
      baseRisk: DEFAULT_BASE_RISK,
      defaultOutcome: 'unknown',
      description: 'billing.refund_issued',
      synthetic: true,
      ecs: { kind: 'event', category: [], type: ['info'] },
      ocsf: { classUid: 0, className: 'Base Event', categoryUid: 0, activityId: 99, activityName: 'Other' },
    });
    expect(Object.isFrozen(definition)).toBe(true);
    expect(DEFAULT_BASE_RISK).toBe(3);
  });

  it('borrows the class of a known category, with the generic activity', () => {
    const definition = taxonomy.resolve('auth.webauthn_ceremony');
    expect(definition.ecs).toEqual({ kind: 'event', category: ['authentication'], type: ['info'] });
    expect(definition.ocsf).toEqual({
      classUid: 3002,
      className: 'Authentication',
      categoryUid: 3,
      activityId: 99,
      activityName: 'Other',
    });
  });

  it('accepts more than two segments, digits and underscores', () => {
    expect(taxonomy.resolve('payments.card.3ds_challenge_failed').category).toBe('payments');
    expect(taxonomy.resolve('a.b').name).toBe('a.b');
    expect(taxonomy.resolve(`a.${'b'.repeat(MAX_EVENT_TYPE_LENGTH - 2)}`).synthetic).toBe(true);
  });
});

describe('resolve: refused input', () => {
  it.each([[''], [undefined], [null], [42], [{}], [['auth.login_failure']], [Symbol('x')]])(
    'EVENT_TYPE_MISSING for %s',
    (value) => {
      const error = errorOf(() => taxonomy.resolve(value as unknown as string));
      expect(error.code).toBe('EVENT_TYPE_MISSING');
    },
  );

  it.each([
    ['Auth.Login_Failure'],
    ['auth'],
    ['auth.'],
    ['.login'],
    ['auth..login'],
    ['1auth.login'],
    ['_auth.login'],
    ['auth.login failure'],
    ['auth.login-failure'],
    [' auth.login_failure'],
    ['auth.login_failure\n'],
    ['auth.login_failure:args'],
    ['authn_not_in_vocabulary'],
    ['authn_not_in_vocabulary:joebob1'],
    ['authn_login_fail extra'],
    [':joebob1'],
    ['auth.lögin'],
    [`a.${'b'.repeat(MAX_EVENT_TYPE_LENGTH - 1)}`],
    [`authn_login_fail:${'x'.repeat(2000)}`],
  ])('EVENT_TYPE_MALFORMED for %j', (value) => {
    const error = errorOf(() => taxonomy.resolve(value));
    expect(error.code).toBe('EVENT_TYPE_MALFORMED');
    expect(error.name).toBe('SecurityEventError');
  });

  it('never echoes the raw value: control characters escaped, length bounded', () => {
    const hostile = `auth.x\r\n{"severity":"LOW"}\u2028\u202e\u001b[31m${'A'.repeat(10_000)}`;
    const error = errorOf(() => taxonomy.resolve(hostile));
    expect(error.code).toBe('EVENT_TYPE_MALFORMED');
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).not.toMatch(/[\r\n\u2028\u2029\u202e\u001b]/);
    expect(error.message).toContain('\\u000d\\u000a');
    expect(error.message).toContain('\\"severity\\"');
    expect(error.message).toContain('more characters');
  });

  it('property: any string resolves or throws a SecurityEventError with a code, and never leaks it raw', () => {
    const codes = new Set(['EVENT_TYPE_MISSING', 'EVENT_TYPE_MALFORMED']);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.stringMatching(/^[a-zA-Z_.:0-9]{0,40}$/),
          fc.constantFrom('authn_login_fail', 'auth.login_failure', 'AUTHZ_FAIL').chain((base) =>
            fc.string().map((tail) => base + tail),
          ),
        ),
        (value) => {
          try {
            const definition = taxonomy.resolve(value);
            expect(typeof definition.name).toBe('string');
            expect(definition.baseRisk).toBeGreaterThanOrEqual(0);
            expect(definition.baseRisk).toBeLessThanOrEqual(10);
          } catch (error) {
            expect(error).toBeInstanceOf(SecurityEventError);
            expect(codes).toContain((error as SecurityEventError).code);
            expect((error as Error).message).toMatch(/^[\x20-\x7e…]*$/);
            expect((error as Error).message.length).toBeLessThan(400);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('property: every well-formed dotted name resolves to itself', () => {
    const segment = fc.stringMatching(/^[a-z0-9_]{1,12}$/);
    const name = fc
      .tuple(fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/), fc.array(segment, { minLength: 1, maxLength: 4 }))
      .map(([first, rest]) => [first, ...rest].join('.'));
    fc.assert(
      fc.property(name, (value) => {
        const definition = taxonomy.resolve(value);
        expect(definition.name).toBe(value);
        expect(definition.category).toBe(value.split('.')[0]);
      }),
    );
  });

  it('rejects pathological input without backtracking: 100 KB strings are refused at once', () => {
    for (const value of ['a.'.repeat(50_000), `${'a'.repeat(100_000)}.`, `authn_${'_'.repeat(100_000)}`]) {
      expect(errorOf(() => taxonomy.resolve(value)).code).toBe('EVENT_TYPE_MALFORMED');
    }
  });
});
