import { describe, expect, it } from 'vitest';
import type { AlertRule, Digest } from '../src';
import { bruteForce, harness, loginFailure, START } from './harness';

const rules: AlertRule[] = [
  {
    id: 'access-denied-burst',
    type: 'threshold',
    severity: 'MEDIUM',
    match: { eventType: 'authz.access_denied' },
    groupBy: 'actor.id',
    window: '5m',
    condition: { gte: 3 },
    resetOnFire: true,
    suppress: false,
  },
  {
    id: 'noisy-validation',
    type: 'threshold',
    severity: 'LOW',
    match: { eventType: 'input.validation_failed' },
    groupBy: 'actor.ip',
    window: '1m',
    condition: { gte: 2 },
    resetOnFire: true,
    suppress: false,
  },
  bruteForce,
];

const denied = (user: string) => ({ eventType: 'authz.access_denied', actor: user, target: '/reports' });
const invalid = (ip: string) => ({ eventType: 'input.validation_failed', actor: { ip }, target: '/search' });

describe('daily digest', () => {
  it('pages HIGH alerts at once and sends LOW/MEDIUM ones as one digest a day with top offenders', async () => {
    const digests: Digest[] = [];
    const h = harness({ rules, digest: { every: '24h', handler: (digest) => void digests.push(digest), top: 2 } });

    for (let burst = 0; burst < 4; burst++) for (let index = 0; index < 3; index++) h.log(denied('intern'));
    for (let index = 0; index < 3; index++) h.log(denied('contractor'));
    for (let index = 0; index < 6; index++) h.log(invalid('192.0.2.50'));
    for (let index = 0; index < 6; index++) h.log(loginFailure('203.0.113.7'));
    await h.flush();

    expect(h.paged.map((alert) => alert.ruleId)).toEqual(['brute-force-ip']);
    expect(digests).toEqual([]);

    h.clock.advance(24 * 3_600_000 - 1);
    expect(digests).toEqual([]);
    h.clock.advance(1);
    await h.flush();
    expect(digests).toEqual([
      {
        from: new Date(START).toISOString(),
        to: new Date(START + 24 * 3_600_000).toISOString(),
        total: 8,
        rules: [
          {
            ruleId: 'access-denied-burst',
            severity: 'MEDIUM',
            count: 5,
            keys: 2,
            top: [
              { key: 'actor.id=intern', count: 4 },
              { key: 'actor.id=contractor', count: 1 },
            ],
          },
          { ruleId: 'noisy-validation', severity: 'LOW', count: 3, keys: 1, top: [{ key: 'actor.ip=192.0.2.50', count: 3 }] },
        ],
        topOffenders: [
          { key: 'actor.id=intern', count: 4 },
          { key: 'actor.ip=192.0.2.50', count: 3 },
        ],
      },
    ]);
  });

  it('sends nothing for a quiet day, and the next day covers only its own alerts', async () => {
    const digests: Digest[] = [];
    const h = harness({ rules, digest: { every: '24h', handler: (digest) => void digests.push(digest) } });
    h.clock.advance(24 * 3_600_000);
    expect(digests).toEqual([]);

    for (let index = 0; index < 3; index++) h.log(denied('intern'));
    await h.flush();
    h.clock.advance(24 * 3_600_000);
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ from: new Date(START + 24 * 3_600_000).toISOString(), total: 1 });
  });

  it('sends what was collected when the engine closes', async () => {
    const digests: Digest[] = [];
    const h = harness({ rules, digest: { every: '24h', handler: (digest) => void digests.push(digest) } });
    for (let index = 0; index < 2; index++) h.log(invalid('192.0.2.50'));
    await h.flush();
    await h.engine.close();
    expect(digests.map((digest) => digest.total)).toEqual([1]);
  });
});
