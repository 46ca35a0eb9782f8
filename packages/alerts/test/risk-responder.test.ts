import { describe, expect, it } from 'vitest';
import type { Alert, AlertRule } from '../src';
import { harness } from './harness';

const riskyUser: AlertRule = {
  id: 'risky-user',
  type: 'risk',
  severity: 'HIGH',
  match: { eventType: '*' },
  groupBy: 'actor.id',
  window: '1h',
  condition: { gte: 20 },
  responder: 'revokeSessions',
  suppress: false,
};

const step = (user: string, riskScore: number) => ({ eventType: 'authz.access_denied', actor: user, target: '/admin', riskScore });

describe('a risky user whose accumulated score triggers the responder', () => {
  it('runs the responder once per crossing and logs its success as a security event', async () => {
    const revoked: string[] = [];
    const h = harness({
      rules: [riskyUser],
      responders: { revokeSessions: async (alert: Alert) => void revoked.push(alert.actor.id) },
    });
    // 5 + 6 + 5 = 16, then 5 -> 21 crosses; 3 more stay above without a second run.
    for (const score of [5, 6, 5, 5, 6, 6]) {
      h.log(step('mallory', score));
      h.clock.advance(60_000);
    }
    h.log(step('bob', 6));
    await h.flush();

    expect(revoked).toEqual(['mallory']);
    expect(h.alerts).toHaveLength(1);
    expect(h.alerts[0]).toMatchObject({
      ruleId: 'risky-user',
      alertType: 'alert.risk_accumulation',
      key: 'actor.id=mallory',
      sum: 21,
      count: 4,
      threshold: 20,
      responder: { name: 'revokeSessions', mode: 'run' },
      reason: 'risk of all events for actor.id=mallory added up to 21 within 1h (at least 20)',
    });
    const actions = h.events.filter((event) => event.event_type === 'alert.responder_action');
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      outcome: 'success',
      actor: { id: 'mallory' },
      metadata: { responder: 'revokeSessions', rule_id: 'risky-user', alert_id: h.alerts[0]!.id },
    });
    // The risk of the alert and responder events themselves never adds to the user's score.
    expect(h.engine.stats().alerts).toBe(1);
  });

  it('runs again only after the sum fell below the threshold and crossed it anew', async () => {
    let runs = 0;
    const h = harness({ rules: [riskyUser], responders: { revokeSessions: () => void runs++ } });
    for (const score of [10, 10]) h.log(step('mallory', score));
    h.clock.advance(61 * 60_000); // both scores leave the window
    for (const score of [4, 4]) h.log(step('mallory', score)); // 8: below, re-armed
    for (const score of [6, 6]) h.log(step('mallory', score)); // 20: second crossing
    await h.flush();
    expect(runs).toBe(2);
    expect(h.alerts.map((alert) => alert.sum)).toEqual([20, 20]);
  });

  it('logs a failed response as a failure event with the error, as severe as the alert', async () => {
    const h = harness({
      rules: [riskyUser],
      responders: {
        revokeSessions: async () => {
          throw new Error('identity provider unreachable');
        },
      },
    });
    h.log(step('mallory', 10));
    h.log(step('mallory', 10));
    await h.flush();
    const [action] = h.events.filter((event) => event.event_type === 'alert.responder_action');
    expect(action).toMatchObject({
      outcome: 'failure',
      severity: 'HIGH',
      metadata: { responder: 'revokeSessions', error: 'identity provider unreachable' },
    });
    expect(h.engine.stats().responders).toEqual({ succeeded: 0, failed: 1 });
  });

  it('rejects a rule naming a responder the engine does not have', () => {
    expect(() => harness({ rules: [riskyUser], responders: { revokeSession: () => undefined } })).toThrow(
      'rule "risky-user": rules[0].responder: unknown responder "revokeSessions"; did you mean "revokeSession"?',
    );
  });
});
