import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AlertRuleError, createAlertEngine, loadRules, validateRules } from '../src';
import { bruteForce } from './harness';

/** As a rule file would hold it. */
const good: Record<string, unknown> = { ...bruteForce };

function issuesOf(input: unknown) {
  try {
    validateRules(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AlertRuleError);
    return (error as AlertRuleError).issues;
  }
  throw new Error('expected the rules to be rejected');
}

describe('rule validation at start-up', () => {
  it('accepts a good rule file, as JSON text or objects', () => {
    expect(loadRules(JSON.stringify({ rules: [good] }))).toEqual([good]);
    expect(validateRules([good])).toEqual([good]);
  });

  it('names the rule and the path of a misspelt field, with a suggestion', () => {
    const { window: _, ...rest } = good;
    expect(() => createAlertEngine({ rules: [{ ...rest, windw: '60s' }] })).toThrow(
      'rule "brute-force-ip": rules[0].windw: unknown field "windw"; did you mean "window"?',
    );
    expect(issuesOf([{ ...rest, windw: '60s' }])).toEqual([
      { ruleId: 'brute-force-ip', path: 'rules[0].windw', message: 'unknown field "windw"; did you mean "window"?' },
      { ruleId: 'brute-force-ip', path: 'rules[0].window', message: 'is required' },
    ]);
  });

  it('names an unknown operator in a field condition, and in a count condition', () => {
    expect(issuesOf([{ ...good, match: { eventType: 'auth.login_failure', where: { 'actor.ip': { regex: '^10\\.' } } } }])).toEqual([
      {
        ruleId: 'brute-force-ip',
        path: 'rules[0].match.where["actor.ip"].regex',
        message: 'unknown operator "regex"; expected one of eq, ne, in, notIn, gt, gte, lt, lte, exists, startsWith, endsWith',
      },
    ]);
    expect(issuesOf([{ ...good, condition: { gtt: 5 } }])).toEqual([
      { ruleId: 'brute-force-ip', path: 'rules[0].condition.gtt', message: 'unknown operator "gtt"; expected "gt" or "gte" (did you mean "gt"?)' },
    ]);
  });

  it('names a misspelt event field in groupBy, distinct and where', () => {
    const issues = issuesOf([
      { ...good, groupBy: ['actor.ipp'], distinct: 'actor.idd', match: { eventType: 'auth.login_failure', where: { outcom: 'failure' } } },
    ]);
    expect(issues.map((issue) => `${issue.path}: ${issue.message}`)).toEqual([
      'rules[0].groupBy[0]: unknown event field "actor.ipp"; did you mean "actor.ip"?',
      'rules[0].match.where.outcom: unknown event field "outcom"; did you mean "outcome"?',
      'rules[0].distinct: unknown event field "actor.idd"; did you mean "actor.id"?',
    ]);
  });

  it('reports every problem of every rule at once', () => {
    const issues = issuesOf({
      rules: [
        good,
        { ...good, id: 'brute-force-ip', severity: 'URGENT', window: 'a minute' },
        { id: 'spike', type: 'anomal', severity: 'LOW' },
        { id: 'seq', type: 'sequence', severity: 'LOW', window: '5m', steps: [{ match: { eventType: 'auth.login_failure' }, count: 0 }] },
      ],
    });
    expect(issues.map((issue) => `${issue.ruleId}|${issue.path}|${issue.message}`)).toEqual([
      'brute-force-ip|rules[1].id|duplicates the id of rules[0]',
      'brute-force-ip|rules[1].severity|must be one of LOW, MEDIUM, HIGH, CRITICAL, got "URGENT"',
      'brute-force-ip|rules[1].window|must be a positive duration such as "60s", "5m", "24h" or a number of milliseconds, got "a minute"',
      'spike|rules[2].type|must be one of threshold, risk, anomaly, sequence, got "anomal"; did you mean "anomaly"?',
      'seq|rules[3].steps|must be an array of 2 to 16 steps',
    ]);
  });

  it('rejects bad operands, bad event type patterns and bad suppression', () => {
    const issues = issuesOf([
      {
        ...good,
        match: { eventType: ['auth.login_failure', 'Auth Login'], outcome: 'failed', where: { risk_score: { gte: '7' } } },
        suppress: { for: '10m', max: '1m', backof: 2 },
        alertType: 'threshold.brute',
      },
    ]);
    expect(issues.map((issue) => issue.path)).toEqual([
      'rules[0].suppress.backof',
      'rules[0].suppress.max',
      'rules[0].alertType',
      'rules[0].match.eventType[1]',
      'rules[0].match.outcome',
      'rules[0].match.where.risk_score.gte',
    ]);
  });

  it('reports JSON syntax errors and a wrong top level as rule errors', () => {
    expect(() => loadRules('{"rules": [')).toThrow(AlertRuleError);
    expect(() => loadRules('{"rules": [')).toThrow(/^\(file\): is not valid JSON/);
    expect(() => loadRules('"rules"')).toThrow('(root): must be an array of rules or { "rules": [...] }');
    expect(issuesOf({ rules: [], version: 2 })).toEqual([{ path: 'version', message: 'unknown field "version"; a rule file holds only "rules"' }]);
  });

  it('never throws anything but an AlertRuleError, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          validateRules(value);
        } catch (error) {
          if (!(error instanceof AlertRuleError) || error.issues.length === 0) throw error;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but an AlertRuleError for mutations of a good rule', () => {
    const keys = ['id', 'type', 'severity', 'match', 'groupBy', 'window', 'condition', 'suppress', 'distinct', 'where', 'eventType', '__proto__'];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
        const rule = JSON.parse(JSON.stringify(good)) as Record<string, unknown>;
        Object.defineProperty(rule, key, { value, enumerable: true, configurable: true, writable: true });
        try {
          const [accepted] = validateRules([rule]);
          // Whatever passes validation must also build an engine that runs.
          createAlertEngine({ rules: [accepted] }).process({
            schema: 'seclog/1',
            event_id: '0190f0a0-0000-7000-8000-000000000000',
            timestamp: '2026-01-05T09:00:00.000Z',
            severity: 'LOW',
            event_type: 'auth.login_failure',
            outcome: 'failure',
            message: 'x',
            service: 's',
            actor: { id: 'a', type: 'user', ip: '10.0.0.1' },
            correlation_id: 'c',
            risk_score: 1,
            risk_reasons: [],
            metadata: {},
          });
        } catch (error) {
          if (!(error instanceof AlertRuleError)) throw error;
        }
      }),
      { numRuns: 500 },
    );
  });
});
