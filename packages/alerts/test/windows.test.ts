import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../src';
import { ScoreWindow } from '../src/evaluators/score-window';
import { TimeRing } from '../src/evaluators/time-ring';
import { encodeId, type IdParts } from '../src/state/event-id';
import { KeyGroup, type GroupedEntry } from '../src/state/key-groups';

const idParts = (id: string): IdParts => {
  const parts: IdParts = { idHi: 0, idMid: 0, idLo: 0, idText: '' };
  encodeId(id, parts);
  return parts;
};

/** Ids as core writes them, and the odd ones a replayed log may hold. */
const eventId = fc.oneof({ weight: 4, arbitrary: fc.uuid() }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) });
/** Times that mostly move forward, sometimes stand still or step back (clock steps, replays). */
const steps = fc.array(fc.tuple(fc.integer({ min: -20, max: 60 }), eventId, fc.integer({ min: 0, max: 10 })), { minLength: 1, maxLength: 200 });

describe('TimeRing', () => {
  it('holds what a list of the last `capacity` events holds, and answers "full within the window" alike', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 100 }), steps, (capacity, windowMs, events) => {
        const ring = new TimeRing(capacity);
        const model: { time: number; id: string }[] = [];
        let time = 1_000;
        for (const [step, id] of events) {
          time += step;
          ring.push(time, idParts(id));
          model.push({ time, id });
          if (model.length > capacity) model.shift();
          expect(ring.size).toBe(model.length);
          expect(ring.oldestTime()).toBe(model[0]!.time);
          expect(ring.oldestId()).toBe(model[0]!.id);
          expect(ring.fullWithin(time, windowMs)).toBe(model.length === capacity && time - model[0]!.time < windowMs);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('takes the oldest pair of another ring, id included', () => {
    fc.assert(
      fc.property(fc.array(eventId, { minLength: 1, maxLength: 30 }), (ids) => {
        const first = new TimeRing(3);
        const second = new TimeRing(2);
        const firstModel: { time: number; id: string }[] = [];
        const secondModel: { time: number; id: string }[] = [];
        ids.forEach((id, index) => {
          first.push(index, idParts(id));
          firstModel.push({ time: index, id });
          if (firstModel.length > 3) firstModel.shift();
          second.pushOldestOf(first);
          secondModel.push(firstModel[0]!);
          if (secondModel.length > 2) secondModel.shift();
          expect(second.oldestId()).toBe(secondModel[0]!.id);
          expect(second.oldestTime()).toBe(secondModel[0]!.time);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('ScoreWindow', () => {
  it('sums and names what a filtered list of (time, score, id) sums and names', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 150 }), fc.integer({ min: 1, max: 40 }), steps, (windowMs, most, events) => {
        const window = new ScoreWindow();
        let model: { time: number; score: number; id: string }[] = [];
        let time = 1_000;
        for (const [step, id, score] of events) {
          time += step;
          window.push(time, score, idParts(id));
          window.slide(time, windowMs, most);
          model.push({ time, score, id });
          // The window drops from the oldest end only: up to the first entry still inside, then beyond `most`.
          let first = model.findIndex((entry) => time - entry.time < windowMs);
          if (first < 0) first = model.length;
          model = model.slice(first);
          if (model.length > most) model = model.slice(model.length - most);
          expect(window.size).toBe(model.length);
          expect(window.sum).toBeCloseTo(model.reduce((sum, entry) => sum + entry.score, 0), 9);
          if (model.length > 0) expect(window.oldestId()).toBe(model[0]!.id);
        }
      }),
      { numRuns: 300 },
    );
  });
});

interface Entry extends GroupedEntry {
  name: string;
}
const entry = (name: string, expiresAt: number): Entry => ({ name, expiresAt, record: undefined, older: undefined, newer: undefined, referenced: false });

describe('key groups', () => {
  it('give each of up to 9 rules exactly what a memoryStore of its own would: same entries, evictions and expiries', () => {
    const op = fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 30 }));
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 300 }), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 9 }), (ops, bounds) => {
        const group = new KeyGroup();
        const shares = bounds.map((maxKeys) => group.join(maxKeys));
        const models = bounds.map((maxKeys) => memoryStore({ maxKeys }));
        let now = 0;
        let turn = 0;
        for (const [ruleIndex, keyIndex, step, lifetime] of ops) {
          // Each operation is one event: a rule looks its key up, and adds an entry when none is live.
          now += step;
          turn++;
          const rule = ruleIndex % shares.length;
          const key = `k${keyIndex}`;
          const found = shares[rule]!.get<Entry>(key, now, turn);
          const expected = models[rule]!.get<Entry>(key, now);
          expect(found?.name).toBe(expected?.name);
          if (found === undefined) {
            const name = `${rule}:${key}@${now}`;
            shares[rule]!.add(key, entry(name, now + lifetime), now, turn);
            models[rule]!.add(key, entry(name, now + lifetime), now);
          } else {
            found.expiresAt = now + lifetime;
            expected!.expiresAt = now + lifetime;
          }
          shares.forEach((share, index) => expect(share.stats()).toEqual(models[index]!.stats()));
        }
      }),
      { numRuns: 300 },
    );
  });
});
