import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAlertEngine, manualClock, type AlertRule } from '../src';
import { decodeId, encodeId, type IdParts } from '../src/state/event-id';

const roundTrip = (id: string) => {
  const parts: IdParts = { idHi: 0, idMid: 0, idLo: 0, idText: '' };
  encodeId(id, parts);
  return { parts, back: decodeId(parts.idHi, parts.idMid, parts.idLo, parts.idText) };
};

describe('event ids as the engine keeps them', () => {
  it('give back every canonical UUID exactly, held as numbers only', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        const { parts, back } = roundTrip(id);
        expect(back).toBe(id);
        expect(parts.idText).toBe('');
      }),
      { numRuns: 2_000 },
    );
  });

  it('give back any other id exactly, as its text', () => {
    const nearUuid = fc.uuid().chain((id) =>
      fc.tuple(fc.integer({ min: 0, max: 35 }), fc.constantFrom('A', 'F', 'g', '-', ' ', 'é', '0')).map(([at, char]) => `${id.slice(0, at)}${char}${id.slice(at + 1)}`),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), nearUuid, fc.uuid().map((id) => id.toUpperCase())), (id) => {
        expect(roundTrip(id).back).toBe(id);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('alerts name the events that made them, whatever their ids', () => {
  const rules: AlertRule[] = [
    { id: 'many', type: 'threshold', severity: 'HIGH', match: { eventType: 'auth.login_failure' }, groupBy: 'actor.id', window: '1h', condition: { gt: 20 } },
    { id: 'risky', type: 'risk', severity: 'HIGH', match: { eventType: 'auth.login_failure' }, groupBy: 'actor.id', window: '1h', condition: { gte: 30 } },
    {
      id: 'takeover', type: 'sequence', severity: 'CRITICAL', groupBy: 'actor.id', window: '1h',
      steps: [{ match: { eventType: 'auth.login_failure' }, count: 3 }, { match: { eventType: 'auth.login_success' } }],
    },
  ];
  const event = (index: number, id: string, eventType = 'auth.login_failure') => ({
    schema: 'seclog/1' as const,
    event_id: id,
    timestamp: new Date(Date.UTC(2026, 0, 5, 9) + index * 1_000).toISOString(),
    severity: 'LOW' as const,
    event_type: eventType,
    outcome: 'failure' as const,
    message: 'x',
    service: 's',
    actor: { id: 'alice', type: 'user' as const },
    correlation_id: 'c',
    risk_score: 1,
    risk_reasons: [],
    metadata: {},
  });

  it('in rings and growing windows, mixing UUIDs with other ids', () => {
    const ids = Array.from({ length: 40 }, (_, index) =>
      index % 3 === 0 ? `0190f0a0-0000-7000-8000-${index.toString().padStart(12, '0')}` : index % 3 === 1 ? `legacy-${index}` : '',
    );
    const engine = createAlertEngine({ rules, clock: manualClock(0) });
    const alerts = ids.flatMap((id, index) => engine.process(event(index, id)));
    alerts.push(...engine.process(event(40, 'the-success', 'auth.login_success')));
    expect(alerts.map((alert) => [alert.ruleId, alert.firstEventId, alert.lastEventId])).toEqual([
      ['many', ids[0], ids[20]],
      ['risky', ids[0], ids[29]],
      ['takeover', ids[37], 'the-success'],
    ]);
  });
});
