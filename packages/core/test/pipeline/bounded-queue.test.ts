import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Severity } from '../../src';
import { BoundedQueue } from '../../src/pipeline/bounded-queue';
import type { QueueEntry } from '../../src/pipeline/queue-entry';
import { fakeEntry } from './support/entries';

function queue(maxEvents: number, maxBytes = Infinity) {
  const shed: QueueEntry[] = [];
  return { q: new BoundedQueue({ maxEvents, maxBytes }, (entry) => shed.push(entry)), shed };
}

const drain = (q: BoundedQueue) => {
  const out: QueueEntry[] = [];
  for (let entry = q.shift(); entry; entry = q.shift()) out.push(entry);
  return out;
};

describe('BoundedQueue', () => {
  it('delivers in acceptance order across severities', () => {
    const { q } = queue(10);
    const severities: Severity[] = ['LOW', 'CRITICAL', 'MEDIUM', 'HIGH', 'LOW', 'MEDIUM'];
    severities.forEach((severity, i) => q.offer(fakeEntry(i, severity)));
    expect(drain(q).map((e) => e.seq)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('sheds an incoming LOW when full, evicts the oldest LOW for MEDIUM, then MEDIUM for HIGH', () => {
    const { q, shed } = queue(3);
    q.offer(fakeEntry(0, 'LOW'));
    q.offer(fakeEntry(1, 'MEDIUM'));
    q.offer(fakeEntry(2, 'LOW'));
    expect(q.offer(fakeEntry(3, 'LOW'))).toBe('shed');
    expect(q.offer(fakeEntry(4, 'MEDIUM'))).toBe('queued');
    expect(q.offer(fakeEntry(5, 'HIGH'))).toBe('queued');
    expect(q.offer(fakeEntry(6, 'CRITICAL'))).toBe('queued');
    expect(shed.map((e) => e.seq)).toEqual([3, 0, 2, 1]);
    expect(q.offer(fakeEntry(7, 'MEDIUM'))).toBe('shed');
    expect(drain(q).map((e) => e.seq)).toEqual([4, 5, 6]);
  });

  it('reports overflow for a kept entry once nothing can be evicted', () => {
    const { q, shed } = queue(2);
    q.offer(fakeEntry(0, 'HIGH'));
    q.offer(fakeEntry(1, 'CRITICAL'));
    expect(q.offer(fakeEntry(2, 'CRITICAL'))).toBe('overflow');
    expect(shed).toEqual([]);
    expect(q.count).toBe(2);
  });

  it('bounds bytes as well as count', () => {
    const { q, shed } = queue(100, 250);
    q.offer(fakeEntry(0, 'LOW', 100));
    q.offer(fakeEntry(1, 'LOW', 100));
    expect(q.offer(fakeEntry(2, 'HIGH', 200))).toBe('queued');
    expect(shed.map((e) => e.seq)).toEqual([0, 1]);
    expect(q.bytes).toBe(200);
  });

  it('says once that pressure eased, when back under half its bounds', () => {
    const { q } = queue(4);
    for (let i = 0; i < 5; i++) q.offer(fakeEntry(i, 'LOW'));
    expect(q.eased()).toBe(false);
    q.shift();
    q.shift();
    expect(q.eased()).toBe(true);
    expect(q.eased()).toBe(false);
  });

  it('accounts for every entry and never sheds a kept one (property)', () => {
    const severity = fc.constantFrom<Severity>('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');
    const op = fc.oneof(
      fc.record({ offer: severity, bytes: fc.integer({ min: 1, max: 400 }) }),
      fc.constant({ shift: true as const }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 100, max: 2000 }), fc.array(op, { maxLength: 300 }), (maxEvents, maxBytes, ops) => {
        const { q, shed } = queue(maxEvents, maxBytes);
        const delivered: QueueEntry[] = [];
        let overflow = 0;
        let seq = 0;
        for (const step of ops) {
          if ('shift' in step) {
            const entry = q.shift();
            if (entry) delivered.push(entry);
            continue;
          }
          if (q.offer(fakeEntry(seq++, step.offer, step.bytes)) === 'overflow') overflow++;
          expect(q.count).toBeLessThanOrEqual(maxEvents);
          expect(q.bytes).toBeLessThanOrEqual(maxBytes);
        }
        delivered.push(...drain(q));
        expect(delivered.length + shed.length + overflow).toBe(seq);
        expect(shed.every((e) => !e.keep)).toBe(true);
        const seqs = delivered.map((e) => e.seq);
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      }),
    );
  });
});
