import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SecurityLogConfigError } from '../../src/errors';
import {
  DEFAULT_SIGNAL_WEIGHTS,
  MAX_SIGNALS,
  createRiskScorer,
  scoreRisk,
  severityFromScore,
  type RiskInput,
  type RiskOptions,
} from '../../src/risk';
import { createTaxonomy } from '../../src/taxonomy';

const ANONYMOUS = { id: 'anonymous', type: 'anonymous' } as const;
const USER = { id: 'user-42', type: 'user' } as const;

describe('base risk', () => {
  it.each<[RiskInput, number, string[]]>([
    [{ eventType: 'auth.login_success' }, 1, ['base:auth.login_success=1']],
    [{ eventType: 'auth.login_failure' }, 5, ['base:auth.login_failure=5']],
    [{ eventType: 'authn_login_fail:joebob1' }, 5, ['base:auth.login_failure=5']],
    [{ eventType: 'auth.impossible_travel' }, 9, ['base:auth.impossible_travel=9']],
    [{ eventType: 'billing.refund_issued' }, 3, ['base:billing.refund_issued=3', 'type:unregistered']],
    [{ eventType: 'Not A Type' }, 3, ['type:invalid', 'base:default=3']],
    [{ eventType: '' }, 3, ['type:invalid', 'base:default=3']],
  ])('%j scores %d', (input, score, reasons) => {
    expect(scoreRisk(input)).toEqual({ score, reasons });
  });

  it('takes base scores from options, by name or OWASP token', () => {
    expect(scoreRisk({ eventType: 'auth.login_failure' }, { baseScores: { 'auth.login_failure': 8 } })).toEqual({
      score: 8,
      reasons: ['base:auth.login_failure=8'],
    });
    expect(scoreRisk({ eventType: 'auth.login_failure' }, { baseScores: { authn_login_fail: 2 } }).score).toBe(2);
  });

  it('reads base risks from the taxonomy it is given', () => {
    const taxonomy = createTaxonomy([{ name: 'vault.secret_read', baseRisk: 8 }]);
    expect(scoreRisk({ eventType: 'vault.secret_read' }, { taxonomy })).toEqual({
      score: 8,
      reasons: ['base:vault.secret_read=8'],
    });
    expect(scoreRisk({ eventType: 'vault.secret_read' }).reasons).toContain('type:unregistered');
  });
});

describe('modifiers', () => {
  it.each<[string, RiskInput, number, string | undefined]>([
    ['failure the type does not imply', { eventType: 'auth.password_change', outcome: 'failure' }, 4, 'outcome:failure+1'],
    ['failure the type implies', { eventType: 'auth.login_failure', outcome: 'failure' }, 5, undefined],
    ['success', { eventType: 'auth.password_change', outcome: 'success' }, 3, undefined],
    ['unknown outcome', { eventType: 'auth.password_change', outcome: 'unknown' }, 3, undefined],
    ['invalid outcome falls back to the default', { eventType: 'auth.password_change', outcome: 'boom' as never }, 3, undefined],
    ['anonymous actor', { eventType: 'auth.login_failure', actor: ANONYMOUS }, 6, 'actor:anonymous+1'],
    ['identified user', { eventType: 'auth.login_failure', actor: USER }, 5, undefined],
    ['service actor', { eventType: 'auth.login_failure', actor: { id: 'billing', type: 'service' } }, 5, undefined],
    ['no actor', { eventType: 'auth.login_failure' }, 5, undefined],
  ])('%s', (_label, input, score, reason) => {
    const result = scoreRisk(input);
    expect(result.score).toBe(score);
    if (reason === undefined) expect(result.reasons).toHaveLength(1);
    else expect(result.reasons).toEqual([expect.stringMatching(/^base:/), reason]);
  });

  it.each([
    '/admin',
    '/api/admin/users',
    'ADMIN',
    '/administration/settings',
    '/users/7/roles',
    '/settings/permissions',
    'PUT /org/acl',
    'sudo',
    '/root',
    'iam:policy',
    '/superuser/login',
  ])('privileged target %j adds 2', (target) => {
    const result = scoreRisk({ eventType: 'auth.login_failure', target });
    expect(result).toEqual({ score: 7, reasons: ['base:auth.login_failure=5', 'target:privileged+2'] });
  });

  it.each(['/login', '/badminton', '/chroot', '/api/orders/42', '/rolex', '/permissionless', ''])(
    'ordinary target %j adds nothing',
    (target) => {
      expect(scoreRisk({ eventType: 'auth.login_failure', target }).score).toBe(5);
    },
  );

  it('replaces the privileged patterns with configured strings and expressions', () => {
    const options: RiskOptions = { privilegedTargets: ['/Billing', /^\/vault\//g] };
    expect(scoreRisk({ eventType: 'auth.login_failure', target: '/api/billing/export' }, options).score).toBe(7);
    expect(scoreRisk({ eventType: 'auth.login_failure', target: '/admin' }, options).score).toBe(5);
    // A `g` flag must not make the same target match only every other time.
    for (let i = 0; i < 3; i++) {
      expect(scoreRisk({ eventType: 'auth.login_failure', target: '/vault/keys' }, options).score).toBe(7);
    }
  });

  it('scales modifiers by the configured weights, and drops a modifier weighted 0', () => {
    const options: RiskOptions = { weights: { privilegedTarget: 3, anonymous: 0, failure: 2 } };
    expect(scoreRisk({ eventType: 'auth.password_change', outcome: 'failure', actor: ANONYMOUS, target: '/admin' }, options)).toEqual({
      score: 8,
      reasons: ['base:auth.password_change=3', 'outcome:failure+2', 'target:privileged+3'],
    });
  });
});

describe('off-hours window', () => {
  const night: RiskOptions = { offHours: { start: 20, end: 6 } };

  it('is off unless configured', () => {
    expect(scoreRisk({ eventType: 'auth.login_success', timestamp: '2026-11-27T23:00:00Z' }).score).toBe(1);
  });

  it.each([
    ['2026-11-27T23:00:00Z', true],
    ['2026-11-27T20:00:00Z', true],
    ['2026-11-27T05:59:59Z', true],
    ['2026-11-27T06:00:00Z', false],
    ['2026-11-27T12:00:00Z', false],
    ['2026-11-27T19:59:59Z', false],
  ])('UTC window 20–6: %s off-hours=%s', (timestamp, off) => {
    const result = scoreRisk({ eventType: 'auth.login_success', timestamp }, night);
    expect(result.score).toBe(off ? 2 : 1);
    expect(result.reasons.includes('time:off_hours+1')).toBe(off);
  });

  it('accepts Date objects and a window that does not wrap midnight', () => {
    const options: RiskOptions = { offHours: { start: 12, end: 14 } };
    expect(scoreRisk({ eventType: 'auth.login_success', timestamp: new Date('2026-11-27T13:30:00Z') }, options).score).toBe(2);
    expect(scoreRisk({ eventType: 'auth.login_success', timestamp: new Date('2026-11-27T14:00:00Z') }, options).score).toBe(1);
  });

  it('reads hours in an IANA time zone', () => {
    const tokyo: RiskOptions = { offHours: { start: 20, end: 6, timeZone: 'Asia/Tokyo' } };
    // 12:00 UTC is 21:00 in Tokyo; 02:00 UTC is 11:00 there.
    expect(scoreRisk({ eventType: 'auth.login_success', timestamp: '2026-11-27T12:00:00Z' }, tokyo).score).toBe(2);
    expect(scoreRisk({ eventType: 'auth.login_success', timestamp: '2026-11-27T02:00:00Z' }, tokyo).score).toBe(1);
  });

  it('follows daylight-saving changes of the time zone', () => {
    // New York springs forward at 07:00 UTC on 8 March 2026: 01:59 EST is followed by 03:00 EDT.
    const scorer = createRiskScorer({ offHours: { start: 3, end: 4, timeZone: 'America/New_York' } });
    expect(scorer({ eventType: 'auth.login_success', timestamp: '2026-03-08T06:59:00Z' }).score).toBe(1);
    expect(scorer({ eventType: 'auth.login_success', timestamp: '2026-03-08T07:00:00Z' }).score).toBe(2);
    expect(scorer({ eventType: 'auth.login_success', timestamp: '2026-03-09T08:00:00Z' }).score).toBe(1);
  });

  it('reads hours at a fixed UTC offset', () => {
    const newYorkWinter: RiskOptions = { offHours: { start: 20, end: 6, utcOffsetMinutes: -300 } };
    expect(scoreRisk({ eventType: 'auth.login_success', timestamp: '2026-11-28T03:00:00Z' }, newYorkWinter).score).toBe(2);
    expect(scoreRisk({ eventType: 'auth.login_success', timestamp: '2026-11-27T15:00:00Z' }, newYorkWinter).score).toBe(1);
  });

  it('counts weekends in the local time zone when asked', () => {
    // Friday 23:00 UTC is Saturday noon in Auckland.
    const input = { eventType: 'auth.login_success', timestamp: '2026-11-27T23:00:00Z' };
    expect(scoreRisk(input, { offHours: { start: 0, end: 6, weekends: true } }).score).toBe(1);
    expect(scoreRisk(input, { offHours: { start: 0, end: 6, weekends: true, timeZone: 'Pacific/Auckland' } }).score).toBe(2);
    expect(scoreRisk(input, { offHours: { start: 0, end: 6, timeZone: 'Pacific/Auckland' } }).score).toBe(1);
  });

  it('ignores a missing timestamp and reports an unreadable one', () => {
    expect(scoreRisk({ eventType: 'auth.login_success' }, night).reasons).toEqual(['base:auth.login_success=1']);
    expect(scoreRisk({ eventType: 'auth.login_success', timestamp: 'yesterday' }, night)).toEqual({
      score: 1,
      reasons: ['base:auth.login_success=1', 'time:invalid'],
    });
  });
});

describe('signals', () => {
  it('weighs known signals, defaults and configured', () => {
    expect(scoreRisk({ eventType: 'auth.login_failure', signals: ['tor_exit'] })).toEqual({
      score: 7,
      reasons: ['base:auth.login_failure=5', 'signal:tor_exit+2'],
    });
    expect(DEFAULT_SIGNAL_WEIGHTS.tor_exit).toBe(2);
    expect(scoreRisk({ eventType: 'auth.login_failure', signals: ['tor_exit'] }, { signals: { tor_exit: 4 } }).score).toBe(9);
    expect(scoreRisk({ eventType: 'auth.login_failure', signals: ['vpn'] }, { signals: { vpn: 1.5 } }).score).toBe(6.5);
  });

  it('lets a negative weight lower the score', () => {
    expect(scoreRisk({ eventType: 'auth.login_failure', signals: ['trusted_network'] }, { signals: { trusted_network: -2 } })).toEqual({
      score: 3,
      reasons: ['base:auth.login_failure=5', 'signal:trusted_network-2'],
    });
  });

  it('counts an unknown signal a little, or not at all when so configured', () => {
    expect(scoreRisk({ eventType: 'auth.login_failure', signals: ['odd_header'] })).toEqual({
      score: 5.5,
      reasons: ['base:auth.login_failure=5', 'signal:odd_header+0.5'],
    });
    expect(scoreRisk({ eventType: 'auth.login_failure', signals: ['odd_header'] }, { unknownSignalWeight: 0 })).toEqual({
      score: 5,
      reasons: ['base:auth.login_failure=5'],
    });
  });

  it('counts a repeated signal once and names on the prototype as plain unknown signals', () => {
    expect(scoreRisk({ eventType: 'auth.login_failure', signals: ['tor_exit', 'tor_exit'] }).score).toBe(7);
    expect(scoreRisk({ eventType: 'auth.login_failure', signals: ['constructor', 'toString'] }).score).toBe(6);
  });

  it('never echoes an invalid signal name', () => {
    const result = scoreRisk({
      eventType: 'auth.login_failure',
      signals: ['bad name', '\u001b[31mred', '', '__proto__', 42 as never, 'x'.repeat(65)],
    });
    expect(result).toEqual({ score: 5, reasons: ['base:auth.login_failure=5', 'signal:invalid'] });
  });

  it(`scores at most ${MAX_SIGNALS} distinct signals`, () => {
    const signals = Array.from({ length: 100 }, (_, i) => `s${i}`);
    const result = scoreRisk({ eventType: 'auth.login_success', signals }, { signals: {}, unknownSignalWeight: 0.1 });
    expect(result.reasons.filter((r) => r.startsWith('signal:s'))).toHaveLength(MAX_SIGNALS);
    expect(result.reasons).toContain('signal:truncated');
    expect(result.score).toBe(4.2);
  });
});

describe('bounds and the caller override', () => {
  it('clamps the computed score to 0–10 and says so', () => {
    const high = scoreRisk({
      eventType: 'auth.impossible_travel',
      actor: ANONYMOUS,
      target: '/admin',
      signals: ['tor_exit', 'known_bad_ip'],
    });
    expect(high.score).toBe(10);
    expect(high.reasons.at(-1)).toBe('clamped:10');
    const low = scoreRisk({ eventType: 'auth.login_success', signals: ['trusted'] }, { signals: { trusted: -5 } });
    expect(low).toEqual({ score: 0, reasons: ['base:auth.login_success=1', 'signal:trusted-5', 'clamped:0'] });
  });

  it('honours riskScore and still explains what it would have computed', () => {
    expect(scoreRisk({ eventType: 'auth.login_failure', actor: ANONYMOUS, riskScore: 7 })).toEqual({
      score: 7,
      reasons: ['override:7', 'base:auth.login_failure=5', 'actor:anonymous+1', 'computed:6'],
    });
    expect(scoreRisk({ eventType: 'auth.login_success', riskScore: 0 }).score).toBe(0);
    expect(scoreRisk({ eventType: 'auth.login_success', riskScore: 7.25 }).score).toBe(7.3);
  });

  it.each([
    [12, 10],
    [-3, 0],
  ])('clamps the override %d to %d', (riskScore, score) => {
    const result = scoreRisk({ eventType: 'auth.login_failure', riskScore });
    expect(result.score).toBe(score);
    expect(result.reasons.slice(0, 2)).toEqual([`override:${score}`, 'override:clamped']);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, '7', {}])('ignores the override %s and says so', (riskScore) => {
    expect(scoreRisk({ eventType: 'auth.login_failure', riskScore: riskScore as number })).toEqual({
      score: 5,
      reasons: ['base:auth.login_failure=5', 'override:invalid'],
    });
  });
});

describe('severities', () => {
  it('reaches all four from ordinary inputs', () => {
    const severity = (input: RiskInput) => severityFromScore(scoreRisk(input).score);
    expect(severity({ eventType: 'auth.login_success', actor: USER, target: '/login' })).toBe('LOW');
    expect(severity({ eventType: 'auth.login_failure', actor: USER, target: '/login' })).toBe('MEDIUM');
    expect(severity({ eventType: 'auth.login_failure', actor: ANONYMOUS, target: '/admin/login' })).toBe('HIGH');
    expect(severity({ eventType: 'auth.login_failure', actor: ANONYMOUS, target: '/admin/login', signals: ['tor_exit'] })).toBe(
      'CRITICAL',
    );
  });
});

describe('options', () => {
  it.each<[string, RiskOptions, string]>([
    ['bands out of order', { bands: { critical: 4, high: 7, medium: 9 } }, 'risk.bands'],
    ['an off-hours start of 24', { offHours: { start: 24, end: 6 } }, 'risk.offHours.start'],
    ['a fractional off-hours end', { offHours: { start: 20, end: 6.5 } }, 'risk.offHours.end'],
    ['an empty off-hours window', { offHours: { start: 6, end: 6 } }, 'risk.offHours'],
    ['an unknown time zone', { offHours: { start: 20, end: 6, timeZone: 'Mars/Olympus_Mons' } }, 'risk.offHours.timeZone'],
    ['a time zone and an offset', { offHours: { start: 20, end: 6, timeZone: 'UTC', utcOffsetMinutes: 60 } }, 'risk.offHours'],
    ['an offset beyond 14 hours', { offHours: { start: 20, end: 6, utcOffsetMinutes: 900 } }, 'risk.offHours.utcOffsetMinutes'],
    ['a NaN weight', { weights: { failure: Number.NaN } }, 'risk.weights.failure'],
    ['a weight above 10', { weights: { privilegedTarget: 11 } }, 'risk.weights.privilegedTarget'],
    ['a base score above 10', { baseScores: { 'auth.login_failure': 11 } }, 'risk.baseScores.auth.login_failure'],
    ['a signal name with spaces', { signals: { 'tor exit': 2 } }, 'risk.signals'],
    ['a string signal weight', { signals: { tor_exit: '2' as never } }, 'risk.signals.tor_exit'],
    ['a string unknown-signal weight', { unknownSignalWeight: 'x' as never }, 'risk.unknownSignalWeight'],
  ])('refuses %s, naming the option', (_label, options, path) => {
    let caught: unknown;
    try {
      createRiskScorer(options);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SecurityLogConfigError);
    expect(caught).toMatchObject({ code: 'OPTION_INVALID', path });
  });

  it('scoreRisk with an options object gives what createRiskScorer gives for it', () => {
    const options: RiskOptions = { signals: { vpn: 1 }, offHours: { start: 22, end: 5 } };
    const scorer = createRiskScorer(options);
    const input: RiskInput = { eventType: 'data.export', actor: ANONYMOUS, signals: ['vpn'], timestamp: '2026-11-27T23:30:00Z' };
    expect(scoreRisk(input, options)).toEqual(scorer(input));
    expect(scorer(input)).toEqual({
      score: 8,
      reasons: ['base:data.export=5', 'actor:anonymous+1', 'time:off_hours+1', 'signal:vpn+1'],
    });
  });
});

describe('properties', () => {
  const eventType = fc.oneof(
    fc.constantFrom('auth.login_failure', 'authn_login_fail:bob', 'auth.impossible_travel', 'http.error_response', 'x.y'),
    fc.string(),
    fc.anything(),
  );
  const input = fc.record(
    {
      eventType,
      outcome: fc.oneof(fc.constantFrom('success', 'failure', 'unknown'), fc.anything()),
      actor: fc.oneof(
        fc.record({ id: fc.string(), type: fc.constantFrom('user', 'service', 'ip', 'anonymous') }, { requiredKeys: [] }),
        fc.anything(),
      ),
      target: fc.oneof(fc.string(), fc.constantFrom('/admin', '/login'), fc.anything()),
      timestamp: fc.oneof(fc.date(), fc.string(), fc.anything()),
      riskScore: fc.oneof(fc.double(), fc.integer({ min: -20, max: 20 }), fc.anything()),
      signals: fc.oneof(fc.array(fc.oneof(fc.string(), fc.constantFrom('tor_exit', 'known_bad_ip'))), fc.anything()),
    },
    { requiredKeys: [] },
  );
  const options: RiskOptions = { offHours: { start: 21, end: 7, timeZone: 'Europe/Paris', weekends: true } };

  it('any input: a score in [0, 10] with one decimal, reasons non-empty and printable, same input same output', () => {
    const fresh = createRiskScorer(options);
    fc.assert(
      fc.property(fc.oneof(input, fc.anything()), (value) => {
        const result = scoreRisk(value as RiskInput, options);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(10);
        expect(Math.round(result.score * 10) / 10).toBe(result.score);
        expect(Object.is(result.score, -0)).toBe(false);
        expect(result.reasons.length).toBeGreaterThan(0);
        for (const reason of result.reasons) expect(reason).toMatch(/^[a-z_]+:[\x21-\x7e]{1,110}$/);
        expect(scoreRisk(value as RiskInput, options)).toEqual(result);
        expect(fresh(value as RiskInput)).toEqual(result);
      }),
      { numRuns: 1500 },
    );
  });

  it('a time-zone scorer used over many instants agrees with a fresh scorer for each', () => {
    const zoned: RiskOptions = { offHours: { start: 19, end: 8, timeZone: 'America/New_York', weekends: true } };
    const reused = createRiskScorer(zoned);
    fc.assert(
      fc.property(
        fc.array(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }), {
          minLength: 1,
          maxLength: 20,
        }),
        (dates) => {
          for (const timestamp of [...dates].sort((a, b) => a.getTime() - b.getTime())) {
            const input = { eventType: 'auth.login_success', timestamp };
            expect(reused(input)).toEqual(createRiskScorer(zoned)(input));
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it('a signal with a positive weight never lowers the score', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(...Object.keys(DEFAULT_SIGNAL_WEIGHTS)), (value, signal) => {
        const base = { ...value, riskScore: undefined, signals: [] } as RiskInput;
        const flagged = { ...base, signals: [signal] };
        expect(scoreRisk(flagged).score).toBeGreaterThanOrEqual(scoreRisk(base).score);
      }),
    );
  });
});
