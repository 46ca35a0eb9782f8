import { describe, expect, it } from 'vitest';
import type { AlertRule } from '../src';
import { bruteForce, harness, loginFailure, START } from './harness';

const spraying: AlertRule = {
  id: 'password-spraying',
  type: 'threshold',
  severity: 'HIGH',
  description: 'One IP failing logins for many different accounts',
  match: { eventType: 'auth.login_failure' },
  groupBy: 'actor.ip',
  distinct: 'actor.id',
  window: '10m',
  condition: { gt: 10 },
};

const accountAttack: AlertRule = {
  id: 'distributed-account-attack',
  type: 'threshold',
  severity: 'CRITICAL',
  match: { eventType: 'auth.login_failure' },
  groupBy: 'actor.id',
  window: '10m',
  condition: { gte: 20 },
};

const rules = [bruteForce, spraying, accountAttack];

describe('password spraying across users', () => {
  it('alerts once when one IP fails logins for more than 10 distinct accounts in 10 minutes', async () => {
    const h = harness({ rules });
    const logged = [];
    // One attempt per account every 20 s: too slow for the per-IP brute-force rule.
    for (let index = 0; index < 15; index++) {
      logged.push(h.log(loginFailure('198.51.100.23', `employee-${index}`)));
      h.clock.advance(20_000);
    }
    await h.flush();

    expect(h.alerts.map((alert) => alert.ruleId)).toEqual(['password-spraying']);
    expect(h.alerts[0]).toMatchObject({
      key: 'actor.ip=198.51.100.23',
      distinct: 11,
      firstEventId: logged[0]!.event_id,
      lastEventId: logged[10]!.event_id,
      timestamp: new Date(START + 10 * 20_000).toISOString(),
      reason: '11 distinct actor.id values in auth.login_failure events within 10m for actor.ip=198.51.100.23 (more than 10)',
    });
  });

  it('does not count one account failing again and again as spraying', async () => {
    const h = harness({ rules: [spraying] });
    for (let index = 0; index < 40; index++) {
      h.log(loginFailure('198.51.100.23', index % 2 === 0 ? 'alice' : 'bob'));
      h.clock.advance(10_000);
    }
    await h.flush();
    expect(h.alerts).toEqual([]);
  });

  it('forgets accounts tried longer ago than the window', async () => {
    const h = harness({ rules: [spraying] });
    // 15 accounts, one per minute: never more than 10 within any 10 minutes.
    for (let index = 0; index < 15; index++) {
      h.log(loginFailure('198.51.100.23', `employee-${index}`));
      h.clock.advance(60_000);
    }
    await h.flush();
    expect(h.alerts).toEqual([]);
  });
});

describe('distributed attack on one account', () => {
  it('alerts per account when many IPs each stay under the per-IP threshold', async () => {
    const h = harness({ rules });
    for (let index = 0; index < 25; index++) {
      h.log(loginFailure(`203.0.113.${index + 1}`, 'cfo'));
      h.clock.advance(10_000);
    }
    await h.flush();
    expect(h.alerts.map((alert) => [alert.ruleId, alert.key, alert.count])).toEqual([
      ['distributed-account-attack', 'actor.id=cfo', 20],
    ]);
    expect(h.alerts[0]!.timestamp).toBe(new Date(START + 19 * 10_000).toISOString());
    expect(h.paged).toHaveLength(1);
  });
});

describe('slow attack under the threshold', () => {
  it('raises nothing for one failure every 15 s from one IP over an hour', async () => {
    const h = harness({ rules });
    for (let index = 0; index < 240; index++) {
      h.log(loginFailure('192.0.2.200', `guess-${index % 5}`));
      h.clock.advance(15_000);
    }
    await h.flush();
    expect(h.alerts).toEqual([]);
    expect(h.engine.stats()).toMatchObject({ events: 240, alerts: 0, suppressed: 0 });
  });
});

describe('events the rules cannot attribute', () => {
  it('does not lump failures without an IP together, and counts them', async () => {
    const h = harness({ rules: [bruteForce] });
    for (let index = 0; index < 10; index++) h.log({ eventType: 'auth.login_failure', actor: 'alice' });
    await h.flush();
    expect(h.alerts).toEqual([]);
    expect(h.engine.stats().ungrouped).toBe(10);
  });

  it('keeps groups apart even when values contain the key separators', async () => {
    const h = harness({
      rules: [{ ...bruteForce, id: 'by-reason', groupBy: ['metadata.a', 'metadata.b'], match: { eventType: 'auth.login_failure' } }],
    });
    for (let index = 0; index < 3; index++) {
      h.log({ eventType: 'auth.login_failure', metadata: { a: 'x,metadata.b=y', b: 'z' } });
      h.log({ eventType: 'auth.login_failure', metadata: { a: 'x', b: 'y,metadata.b=z' } });
    }
    await h.flush();
    expect(h.alerts).toEqual([]);
  });
});
