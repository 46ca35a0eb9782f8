import { describe, expect, it } from 'vitest';
import type { AlertRule } from '../src';
import { bruteForce as harnessRule, harness, loginFailure } from './harness';

const bruteForce: AlertRule = { ...harnessRule, suppress: { for: '5m' } };

describe('alerts and the rules', () => {
  it('never feed a rule that does not name alert types, even one matching everything', async () => {
    const everything: AlertRule = {
      id: 'any-event-burst',
      type: 'threshold',
      severity: 'LOW',
      match: { eventType: '*' },
      groupBy: 'actor.ip',
      window: '60s',
      condition: { gt: 6 },
    };
    const h = harness({ rules: [bruteForce, everything] });
    for (let index = 0; index < 6; index++) h.log(loginFailure('203.0.113.7'));
    await h.flush();
    // 6 failures + 1 alert event from the same IP would make 7; the alert is not counted.
    expect(h.alerts.map((alert) => alert.ruleId)).toEqual(['brute-force-ip']);
    expect(h.events.filter((event) => event.event_type === 'alert.threshold')).toHaveLength(1);
  });

  it('feed a rule that matches alert.* explicitly, but never the rule that raised them', async () => {
    const repeatOffender: AlertRule = {
      id: 'repeat-offender',
      type: 'threshold',
      severity: 'CRITICAL',
      alertType: 'alert.repeat_offender',
      match: { eventType: 'alert.threshold', where: { 'metadata.rule_id': 'brute-force-ip' } },
      groupBy: 'actor.ip',
      window: '1h',
      condition: { gte: 2 },
    };
    const selfFeeding: AlertRule = { ...repeatOffender, id: 'self-feeding', alertType: 'alert.self_feeding', match: { eventType: 'alert.*' }, condition: { gte: 1 } };
    const h = harness({ rules: [bruteForce, repeatOffender, selfFeeding] });
    for (let burst = 0; burst < 2; burst++) {
      for (let index = 0; index < 6; index++) h.log(loginFailure('203.0.113.7'));
      await h.flush();
      h.clock.advance(5 * 60_000);
    }
    await h.flush();
    expect(h.alerts.map((alert) => `${alert.ruleId}:${alert.key}`)).toEqual([
      'brute-force-ip:actor.ip=203.0.113.7',
      'self-feeding:actor.ip=203.0.113.7',
      'brute-force-ip:actor.ip=203.0.113.7',
      'repeat-offender:actor.ip=203.0.113.7',
    ]);
    expect(h.events.filter((event) => event.event_type === 'alert.repeat_offender')).toHaveLength(1);
    // self-feeding saw the second brute-force alert and the repeat-offender alert, inside its hold.
    expect(h.engine.stats().suppressed).toBe(2);
  });
});
