import { describe, expect, it } from 'vitest';
import type { AlertRule, AnomalyRule } from '../src';
import { harness, loginFailure, loginSuccess, START } from './harness';

const trafficSpike: AnomalyRule = {
  id: 'auth-traffic-spike',
  type: 'anomaly',
  severity: 'HIGH',
  match: { eventType: '*' },
  groupBy: 'service',
  interval: '1m',
  baseline: { method: 'ewma', alpha: 0.3 },
  sensitivity: 3,
  warmup: 5,
  minEvents: 10,
};

const NORMAL = [20, 22, 19, 21, 20, 18, 22, 20, 21, 19];

type H = ReturnType<typeof harness>;

/** Plays `count` events spread over one minute, starting at minute `minute`. */
function minuteOf(h: H, minute: number, count: number, make: (index: number) => Parameters<H['log']>[0]) {
  h.clock.set(START + minute * 60_000);
  for (let index = 0; index < count; index++) {
    h.log(make(index));
    h.clock.advance(Math.floor(60_000 / count));
  }
}

const login = (index: number) => (index % 4 === 0 ? loginFailure(`10.0.0.${index}`) : loginSuccess(`10.0.0.${index}`));

describe('traffic spike (anomaly)', () => {
  it('learns the normal rate, then alerts once early in the spike minute', async () => {
    const h = harness({ rules: [trafficSpike] });
    NORMAL.forEach((count, minute) => minuteOf(h, minute, count, login));
    await h.flush();
    expect(h.alerts).toEqual([]);

    minuteOf(h, 10, 100, login);
    await h.flush();
    expect(h.alerts).toHaveLength(1);
    const [alert] = h.alerts;
    const details = alert!.details as { expected: number; spread: number; observed: number; learned_intervals: number };
    expect(alert).toMatchObject({ ruleId: 'auth-traffic-spike', alertType: 'alert.anomaly', key: 'service=auth-service', window: '1m' });
    expect(details.expected).toBeGreaterThan(19);
    expect(details.expected).toBeLessThan(21);
    expect(details.learned_intervals).toBe(10);
    // It fires at the first event over the bound, not at the end of the minute.
    expect(alert!.count).toBe(Math.floor(details.expected + 3 * details.spread) + 1);
    expect(Date.parse(alert!.timestamp) - (START + 10 * 60_000)).toBe((alert!.count! - 1) * 600);
    expect(alert!.reason).toMatch(/^\d+ all events in 1m for service=auth-service \(expected about [\d.]+ ± [\d.]+, alert above [\d.]+\)$/);
  });

  it('keeps the anomalous minute out of the baseline, so a second spike alerts too', async () => {
    const h = harness({ rules: [trafficSpike] });
    NORMAL.forEach((count, minute) => minuteOf(h, minute, count, login));
    minuteOf(h, 10, 100, login);
    minuteOf(h, 11, 20, login);
    minuteOf(h, 12, 100, login);
    await h.flush();
    expect(h.alerts.map((alert) => Math.floor((Date.parse(alert.timestamp) - START) / 60_000))).toEqual([10, 12]);
    // Had the first spike been learned, the EWMA would expect about 44 a minute.
    expect((h.alerts[1]!.details as { expected: number }).expected).toBeLessThan(21);
  });

  it('does not alert during warm-up', async () => {
    const h = harness({ rules: [trafficSpike] });
    [20, 21, 19].forEach((count, minute) => minuteOf(h, minute, count, login));
    minuteOf(h, 3, 100, login);
    await h.flush();
    expect(h.alerts).toEqual([]);
  });

  it('never alerts below the absolute floor, however quiet the baseline', async () => {
    const h = harness({ rules: [trafficSpike] });
    for (let minute = 0; minute < 10; minute++) minuteOf(h, minute, 1, login);
    minuteOf(h, 10, 9, login);
    await h.flush();
    // Far above a baseline of 1, but under the floor of 10: no alert, and not learned either.
    expect(h.alerts).toEqual([]);
    minuteOf(h, 11, 12, login);
    await h.flush();
    expect(h.alerts.map((alert) => alert.count)).toEqual([10]);
  });

  it('does not count its own alert events as traffic', async () => {
    const h = harness({ rules: [trafficSpike] });
    NORMAL.forEach((count, minute) => minuteOf(h, minute, count, login));
    minuteOf(h, 10, 100, login);
    await h.flush();
    const counted = h.engine.stats().events;
    expect(h.events.filter((event) => event.event_type === 'alert.anomaly')).toHaveLength(1);
    // The engine saw the alert event but no rule took it in.
    expect(counted).toBe(NORMAL.reduce((a, b) => a + b, 0) + 100 + 1);
    expect(h.alerts).toHaveLength(1);
  });
});

describe('failure spike with a median/MAD baseline', () => {
  const failureSpike: AlertRule = {
    id: 'login-failure-spike',
    type: 'anomaly',
    severity: 'MEDIUM',
    match: { eventType: 'auth.login_failure' },
    groupBy: 'service',
    interval: '1m',
    baseline: { method: 'mad', size: 30 },
    warmup: 5,
    minEvents: 10,
  };

  it('is robust to one odd minute in training, and fires on the real spike', async () => {
    const h = harness({ rules: [failureSpike] });
    const training = [5, 6, 4, 5, 30, 5, 6, 5, 4, 6];
    training.forEach((count, minute) => minuteOf(h, minute, count, (index) => loginFailure(`10.1.0.${index}`)));
    await h.flush();
    // Minute 4 (30 failures) came during warm-up, so it was learned: the median shrugs it off.
    expect(h.alerts).toEqual([]);
    minuteOf(h, 10, 40, (index) => loginFailure(`10.1.0.${index}`));
    await h.flush();
    expect(h.alerts).toHaveLength(1);
    const details = h.alerts[0]!.details as { expected: number; method: string };
    expect(details).toMatchObject({ expected: 5, method: 'mad' });
  });
});

describe('falling success ratio', () => {
  const ratioRule: AlertRule = {
    id: 'login-success-ratio',
    type: 'anomaly',
    severity: 'HIGH',
    measure: 'success_ratio',
    match: { eventType: ['auth.login_success', 'auth.login_failure'] },
    groupBy: 'service',
    interval: '1m',
    warmup: 5,
    minEvents: 10,
  };

  it('alerts when the share of successful logins drops far below normal', async () => {
    const h = harness({ rules: [ratioRule] });
    // 90% success for ten minutes.
    for (let minute = 0; minute < 10; minute++) {
      minuteOf(h, minute, 20, (index) => (index % 10 === 0 ? loginFailure('10.2.0.1') : loginSuccess('10.2.0.1')));
    }
    await h.flush();
    expect(h.alerts).toEqual([]);
    // Then 6 successes and 14 failures: judged from the 10th event on.
    minuteOf(h, 10, 20, (index) => (index < 6 ? loginSuccess('10.2.0.1') : loginFailure('10.2.0.1')));
    await h.flush();
    expect(h.alerts).toHaveLength(1);
    expect(h.alerts[0]).toMatchObject({ count: 10, details: { observed: 0.6, expected: 0.9, spread: 0.05 } });
    expect(h.alerts[0]!.reason).toBe(
      'success ratio of auth.login_success|auth.login_failure for service=auth-service fell to 0.6 in 1m (6 of 10; expected about 0.9 ± 0.05, alert below 0.75)',
    );
  });
});
