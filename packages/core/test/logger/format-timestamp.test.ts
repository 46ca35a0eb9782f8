import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../src/logger/format-timestamp';

describe('formatTimestamp', () => {
  it('equals toISOString for any instant, in any order of calls', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4_102_444_800_000 }), { minLength: 1, maxLength: 30 }), (times) => {
        for (const ms of times) expect(formatTimestamp(ms)).toBe(new Date(ms).toISOString());
      }),
    );
  });

  it('pads milliseconds within one cached second', () => {
    const base = Date.UTC(2026, 10, 27, 14, 30, 0);
    for (const ms of [0, 7, 42, 999]) expect(formatTimestamp(base + ms)).toBe(new Date(base + ms).toISOString());
  });
});
