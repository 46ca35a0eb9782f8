import { createSecurityLogger } from '@seclog/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAlertEngine, manualClock, systemClock } from '../src';
import { compileGrouping } from '../src/engine/group-key';
import { bruteForce, harness, loginFailure } from './harness';

describe('failures around the engine', () => {
  it('reports a throwing handler and a rejecting pager to onError and keeps evaluating', async () => {
    const errors: [string, string | undefined][] = [];
    const seen: string[] = [];
    const clock = manualClock(Date.UTC(2026, 0, 5, 9));
    const engine = createAlertEngine({
      rules: [bruteForce],
      clock,
      onAlert: [
        () => {
          throw new Error('webhook down');
        },
        (alert) => void seen.push(alert.key),
      ],
      pager: async () => {
        throw new Error('pager down');
      },
      onError: (error, info) => void errors.push([String((error as Error).message), `${info.stage}:${info.ruleId}`]),
    });
    const logger = createSecurityLogger({ service: 's', sinks: [engine.sink], now: clock.now });
    for (let index = 0; index < 6; index++) logger.log(loginFailure('203.0.113.7'));
    for (let index = 0; index < 6; index++) logger.log(loginFailure('198.51.100.1'));
    await logger.flush();
    await engine.settle();
    expect(seen).toEqual(['actor.ip=203.0.113.7', 'actor.ip=198.51.100.1']);
    expect(errors).toEqual([
      ['webhook down', 'onAlert:brute-force-ip'],
      ['webhook down', 'onAlert:brute-force-ip'],
      ['pager down', 'pager:brute-force-ip'],
      ['pager down', 'pager:brute-force-ip'],
    ]);
    expect(engine.stats()).toMatchObject({ alerts: 2, errors: 4 });
    expect(logger.stats().sinks.alerts).toMatchObject({ failed: 0 });
    await logger.close();
  });

  it('logs a CRITICAL rule as a CRITICAL event and a LOW rule as a LOW event', async () => {
    const h = harness({
      rules: [
        { ...bruteForce, id: 'critical', severity: 'CRITICAL' },
        { ...bruteForce, id: 'low', severity: 'LOW' },
      ],
    });
    for (let index = 0; index < 6; index++) h.log(loginFailure('203.0.113.7'));
    await h.flush();
    const logged = h.events.filter((event) => event.event_type === 'alert.threshold');
    expect(logged.map((event) => [event.metadata.rule_id, event.severity])).toEqual([
      ['critical', 'CRITICAL'],
      ['low', 'LOW'],
    ]);
  });

  it('rejects a digest period that is not a duration', () => {
    expect(() => createAlertEngine({ rules: [], digest: { every: 'daily', handler: () => undefined } })).toThrow(
      'digest.every: must be a positive duration such as "24h"',
    );
  });

  it('cancels a system clock timer', async () => {
    let fired = false;
    const cancel = systemClock.setTimer(1, () => (fired = true));
    cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fired).toBe(false);
  });
});

describe('group keys', () => {
  it('never give two different value tuples the same key', () => {
    const grouping = compileGrouping(['metadata.a', 'metadata.b']);
    const event = (a: string, b: string) => ({ metadata: { a, b } }) as never;
    const text = fc.string({ unit: fc.constantFrom('a', ',', '=', '\\\\', 'metadata.b', 'x') });
    fc.assert(
      fc.property(text, text, text, text, (a1, b1, a2, b2) => {
        fc.pre(a1 !== '' && b1 !== '' && a2 !== '' && b2 !== '' && (a1 !== a2 || b1 !== b2));
        expect(grouping.key(event(a1, b1))).not.toBe(grouping.key(event(a2, b2)));
      }),
      { numRuns: 1_000 },
    );
  });
});
