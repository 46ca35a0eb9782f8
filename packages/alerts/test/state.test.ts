import { describe, expect, it } from 'vitest';
import { createAlertEngine, manualClock, memoryStore } from '../src';
import { bruteForce, harness, loginFailure } from './harness';

const entry = (name: string, expiresAt = 1_000) => ({ name, expiresAt });

describe('memoryStore', () => {
  it('evicts a key not used since it was last looked at, sparing one used again', () => {
    const store = memoryStore({ maxKeys: 3 });
    for (const name of ['a', 'b', 'c']) store.add(name, entry(name), 0);
    store.get('a', 0); // a gets a second chance
    store.add('d', entry('d'), 0);
    expect(['a', 'b', 'c', 'd'].map((key) => store.get<{ name: string; expiresAt: number }>(key, 0)?.name)).toEqual([
      'a',
      undefined,
      'c',
      'd',
    ]);
    expect(store.stats()).toEqual({ keys: 3, evicted: 1, expired: 0 });
  });

  it('drops expired keys on read and sweeps them as new keys arrive', () => {
    const store = memoryStore();
    for (let index = 0; index < 10; index++) store.add(`k${index}`, entry(`k${index}`, 100), 0);
    expect(store.get('k3', 100)).toBeUndefined();
    for (let index = 0; index < 5; index++) store.add(`new${index}`, entry('new', 10_000), 200);
    expect(store.stats()).toEqual({ keys: 5, evicted: 0, expired: 10 });
  });

  it('sees entries changed in place after get', () => {
    const store = memoryStore();
    store.add('k', entry('k', 100), 0);
    store.get<{ expiresAt: number }>('k', 50)!.expiresAt = 500;
    expect(store.get('k', 400)).toMatchObject({ name: 'k' });
    expect(store.get('k', 500)).toBeUndefined();
  });

  it('rejects a nonsensical bound', () => {
    expect(() => memoryStore({ maxKeys: 0 })).toThrow('maxKeys must be a positive integer');
  });
});

describe('engine state', () => {
  it('stays within maxKeys per rule under a flood of distinct IPs, sparing other rules', async () => {
    const h = harness({ rules: [bruteForce, { ...bruteForce, id: 'per-user', groupBy: 'actor.id' }], maxKeys: 100 });
    for (let index = 0; index < 5_000; index++) h.log(loginFailure(`10.${index >> 16}.${(index >> 8) & 255}.${index & 255}`));
    await h.flush();
    // 100 IPs kept of 5 000; the one user key is untouched.
    expect(h.engine.stats().store).toMatchObject({ keys: 101, evicted: 4_900 });
  });

  it('lets a key expire once its window and hold are over', async () => {
    const h = harness({ rules: [bruteForce] });
    for (let index = 0; index < 6; index++) h.log(loginFailure('203.0.113.7'));
    h.log(loginFailure('198.51.100.1'));
    await h.flush();
    // The alerting key lives for its 60 s hold; the other for its 60 s window. Two hours later both are gone.
    h.clock.advance(2 * 3_600_000);
    h.log(loginFailure('192.0.2.1'));
    h.log(loginFailure('192.0.2.2'));
    await h.flush();
    expect(h.engine.stats().store).toMatchObject({ keys: 2, expired: 2 });
  });

  it('keeps its state in the store it is given', () => {
    const store = memoryStore({ maxKeys: 10 });
    const engine = createAlertEngine({ rules: [bruteForce], store: () => store, clock: manualClock(0) });
    const event = {
      schema: 'seclog/1' as const,
      event_id: '0190f0a0-0000-7000-8000-000000000000',
      timestamp: '2026-01-05T09:00:00.000Z',
      severity: 'LOW' as const,
      event_type: 'auth.login_failure',
      outcome: 'failure' as const,
      message: 'x',
      service: 's',
      actor: { id: 'a', type: 'user' as const, ip: '10.0.0.1' },
      correlation_id: 'c',
      risk_score: 1,
      risk_reasons: [],
      metadata: {},
    };
    engine.process(event);
    engine.process({ ...event, actor: { ...event.actor, ip: '10.0.0.2' } });
    expect(store.stats()).toEqual({ keys: 2, evicted: 0, expired: 0 });
    expect(store.get('actor.ip=10.0.0.1', Date.parse(event.timestamp))).toBeDefined();
  });
});

describe('manualClock', () => {
  it('runs due timers in order at their own time, including ones they schedule', () => {
    const clock = manualClock(1_000);
    const seen: string[] = [];
    clock.setTimer(50, () => {
      seen.push(`a@${clock.now()}`);
      clock.setTimer(10, () => seen.push(`c@${clock.now()}`));
    });
    const cancel = clock.setTimer(20, () => seen.push('cancelled'));
    clock.setTimer(55, () => seen.push(`b@${clock.now()}`));
    cancel();
    clock.advance(100);
    expect(seen).toEqual(['a@1050', 'b@1055', 'c@1060']);
    expect(clock.now()).toBe(1_100);
  });
});
