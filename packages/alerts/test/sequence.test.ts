import { describe, expect, it } from 'vitest';
import type { AlertRule } from '../src';
import { harness, loginFailure, loginSuccess, START } from './harness';

const takeover: AlertRule = {
  id: 'possible-account-takeover',
  type: 'sequence',
  severity: 'CRITICAL',
  groupBy: 'actor.id',
  window: '10m',
  steps: [{ match: { eventType: 'auth.login_failure' }, count: 5 }, { match: { eventType: 'auth.login_success' } }],
};

describe('sequence: failures then a success for the same account', () => {
  it('alerts on the success that follows 5 failures within 10 minutes', async () => {
    const h = harness({ rules: [takeover] });
    const failures = [];
    for (let index = 0; index < 7; index++) {
      failures.push(h.log(loginFailure(`203.0.113.${index}`, 'alice')));
      h.clock.advance(30_000);
    }
    const success = h.log(loginSuccess('203.0.113.99', 'alice'));
    await h.flush();
    expect(h.alerts).toHaveLength(1);
    expect(h.alerts[0]).toMatchObject({
      alertType: 'alert.sequence',
      severity: 'CRITICAL',
      key: 'actor.id=alice',
      count: 6,
      // The latest run of 5 failures that still fits the window.
      firstEventId: failures[2]!.event_id,
      lastEventId: success.event_id,
      timestamp: new Date(START + 7 * 30_000).toISOString(),
      reason: '5 auth.login_failure then 1 auth.login_success within 10m for actor.id=alice',
    });
    expect(h.paged).toHaveLength(1);
  });

  it('does not alert for 4 failures, for failures spread past the window, or for a success first', async () => {
    const h = harness({ rules: [takeover] });
    for (let index = 0; index < 4; index++) h.log(loginFailure('203.0.113.1', 'bob'));
    h.log(loginSuccess('203.0.113.1', 'bob'));

    for (let index = 0; index < 5; index++) {
      h.log(loginFailure('203.0.113.2', 'carol'));
      h.clock.advance(3 * 60_000);
    }
    h.log(loginSuccess('203.0.113.2', 'carol'));

    h.log(loginSuccess('203.0.113.3', 'dave'));
    for (let index = 0; index < 5; index++) h.log(loginFailure('203.0.113.3', 'dave'));
    await h.flush();
    expect(h.alerts).toEqual([]);
  });

  it('needs a fresh sequence after it fired', async () => {
    const h = harness({ rules: [{ ...takeover, suppress: false }] });
    for (let index = 0; index < 5; index++) h.log(loginFailure('203.0.113.1', 'erin'));
    h.log(loginSuccess('203.0.113.1', 'erin'));
    h.log(loginSuccess('203.0.113.1', 'erin'));
    for (let index = 0; index < 5; index++) h.log(loginFailure('203.0.113.1', 'erin'));
    h.log(loginSuccess('203.0.113.1', 'erin'));
    await h.flush();
    expect(h.alerts).toHaveLength(2);
  });

  it('keeps accounts apart', async () => {
    const h = harness({ rules: [takeover] });
    for (let index = 0; index < 5; index++) h.log(loginFailure('203.0.113.1', `user-${index}`));
    h.log(loginSuccess('203.0.113.1', 'user-0'));
    await h.flush();
    expect(h.alerts).toEqual([]);
  });
});
