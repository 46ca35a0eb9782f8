import { describe, expect, it } from 'vitest';
import type { AlertRule } from '../src';
import { harness, loginFailure, START } from './harness';

/** The canonical rule: more than 5 auth.login_failure from the same IP in 60 s. */
const bruteForce: AlertRule = {
  id: 'brute-force-ip',
  type: 'threshold',
  severity: 'HIGH',
  description: 'Many failed logins from one IP',
  match: { eventType: 'auth.login_failure' },
  groupBy: 'actor.ip',
  window: '60s',
  condition: { gt: 5 },
  suppress: { for: '10m', backoff: 2, max: '1h' },
};

describe('brute force from one IP', () => {
  it('raises exactly one alert, at the 6th failure', async () => {
    const h = harness({ rules: [bruteForce] });
    const logged = [];
    for (let index = 0; index < 6; index++) {
      logged.push(h.log(loginFailure('203.0.113.7', `user-${index}`)));
      h.clock.advance(5_000);
    }
    await h.flush();

    expect(h.alerts).toHaveLength(1);
    const [alert] = h.alerts;
    expect(alert).toMatchObject({
      ruleId: 'brute-force-ip',
      ruleType: 'threshold',
      alertType: 'alert.threshold',
      severity: 'HIGH',
      key: 'actor.ip=203.0.113.7',
      group: { 'actor.ip': '203.0.113.7' },
      count: 6,
      threshold: 6,
      window: '60s',
      windowMs: 60_000,
      firstEventId: logged[0]!.event_id,
      lastEventId: logged[5]!.event_id,
      timestamp: new Date(START + 25_000).toISOString(),
      suppressed: 0,
      correlationId: logged[5]!.correlation_id,
    });
    expect(alert!.reason).toBe('6 auth.login_failure events within 60s for actor.ip=203.0.113.7 (more than 5)');
    expect(h.paged).toEqual([alert]);
    expect(h.errors).toEqual([]);
  });

  it('logs the alert back as an alert.threshold security event that explains itself', async () => {
    const h = harness({ rules: [bruteForce] });
    for (let index = 0; index < 6; index++) h.log(loginFailure('203.0.113.7'));
    await h.flush();

    const logged = h.events.filter((event) => event.event_type.startsWith('alert.'));
    expect(logged).toHaveLength(1);
    const [event] = logged;
    expect(event).toMatchObject({
      event_type: 'alert.threshold',
      severity: 'HIGH',
      service: 'auth-service',
      target: 'actor.ip=203.0.113.7',
      message: h.alerts[0]!.reason,
      actor: { id: 'alice', ip: '203.0.113.7' },
      metadata: {
        alert_id: h.alerts[0]!.id,
        rule_id: 'brute-force-ip',
        rule_type: 'threshold',
        group_key: 'actor.ip=203.0.113.7',
        count: 6,
        threshold: 6,
        window: '60s',
        first_event_id: h.alerts[0]!.firstEventId,
        last_event_id: h.alerts[0]!.lastEventId,
        reason: h.alerts[0]!.reason,
      },
    });
  });

  it('raises nothing for 5 failures', async () => {
    const h = harness({ rules: [bruteForce] });
    for (let index = 0; index < 5; index++) h.log(loginFailure('203.0.113.7'));
    await h.flush();
    expect(h.alerts).toEqual([]);
    expect(h.engine.stats()).toMatchObject({ events: 5, alerts: 0, suppressed: 0 });
  });

  it('holds back a 7th failure inside the suppression window, and counts it on the next alert', async () => {
    const h = harness({ rules: [bruteForce] });
    for (let index = 0; index < 7; index++) h.log(loginFailure('203.0.113.7'));
    await h.flush();
    expect(h.alerts).toHaveLength(1);
    expect(h.engine.stats().suppressed).toBe(1);

    // After the 10 minute hold, a fresh burst alerts again and reports what was held back.
    h.clock.advance(10 * 60_000);
    for (let index = 0; index < 6; index++) h.log(loginFailure('203.0.113.7'));
    await h.flush();
    expect(h.alerts).toHaveLength(2);
    expect(h.alerts[1]).toMatchObject({ suppressed: 1, timestamp: new Date(START + 10 * 60_000).toISOString() });
  });

  it('doubles the hold on each repeat (backoff) up to the maximum', async () => {
    const h = harness({ rules: [bruteForce] });
    // A steady attack: one failure per second for two hours.
    for (let second = 0; second < 2 * 3_600; second++) {
      h.log(loginFailure('203.0.113.7'));
      h.clock.advance(1_000);
    }
    await h.flush();
    const fired = h.alerts.map((alert) => (Date.parse(alert.timestamp) - START) / 1_000);
    // First at the 6th failure (t=5 s), then after holds of 10, 20 and 40 minutes; the next hold
    // is capped at 60 minutes and outlasts the attack.
    expect(fired).toEqual([5, 5 + 600, 5 + 600 + 1_200, 5 + 600 + 1_200 + 2_400]);
    expect(h.alerts.map((alert) => alert.suppressed)).toEqual([0, 599, 1_199, 2_399]);
  });

  it('goes back to the first hold after a quiet spell longer than resetAfter', async () => {
    const h = harness({ rules: [{ ...bruteForce, suppress: { for: '10m', backoff: 2, max: '1h', resetAfter: '30m' } }] });
    const burst = () => {
      for (let index = 0; index < 6; index++) h.log(loginFailure('203.0.113.7'));
    };
    burst(); // alert, hold 10 min
    h.clock.advance(10 * 60_000);
    burst(); // repeat within 30 min: alert, hold 20 min
    h.clock.advance(15 * 60_000);
    burst(); // held
    h.clock.advance(40 * 60_000);
    burst(); // 55 min after the last alert: alert, hold back to 10 min
    h.clock.advance(10 * 60_000);
    burst(); // alert
    await h.flush();
    expect(h.alerts.map((alert) => (Date.parse(alert.timestamp) - START) / 60_000)).toEqual([0, 10, 65, 75]);
  });

  it('keeps IPs apart and ignores failures too far apart', async () => {
    const h = harness({ rules: [bruteForce] });
    for (let index = 0; index < 5; index++) {
      h.log(loginFailure('203.0.113.7'));
      h.log(loginFailure('198.51.100.9'));
    }
    h.clock.advance(60_000);
    h.log(loginFailure('203.0.113.7'));
    await h.flush();
    expect(h.alerts).toEqual([]);
  });
});
