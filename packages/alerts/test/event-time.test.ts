import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventTimeParser } from '../src/engine/event-time';

const sameAsDateParse = (parse: (timestamp: string) => number, timestamp: string) => {
  const expected = Date.parse(timestamp);
  const actual = parse(timestamp);
  if (Number.isNaN(expected)) expect(actual).toBeNaN();
  else expect(actual).toBe(expected);
};

describe('event timestamps', () => {
  it('read as Date.parse reads them, for ISO times, near misses and garbage, in any order', () => {
    const iso = fc.date({ min: new Date(Date.UTC(1970, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }).map((date) => date.toISOString());
    // Same day as an earlier timestamp but an impossible time, a wrong separator or a lost digit.
    const mangled = fc.tuple(iso, fc.integer({ min: 11, max: 23 }), fc.constantFrom('9', '6', 'x', ':', '.', 'Z', '', '99')).map(
      ([text, at, insert]) => `${text.slice(0, at)}${insert}${text.slice(at + 1)}`,
    );
    const other = fc.oneof(fc.string(), fc.constantFrom('2026-01-05T24:00:00.000Z', '2026-02-30T09:00:00.000Z', '2026-01-05T09:00:00.000+01:00', '2026-01-05'));
    fc.assert(
      fc.property(fc.array(fc.oneof(iso, mangled, other), { minLength: 1, maxLength: 30 }), (timestamps) => {
        const parse = eventTimeParser();
        for (const timestamp of timestamps) {
          sameAsDateParse(parse, timestamp);
          sameAsDateParse(parse, timestamp);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('follows a stream across midnight', () => {
    const parse = eventTimeParser();
    for (const timestamp of ['2026-01-05T23:59:59.998Z', '2026-01-05T23:59:59.999Z', '2026-01-06T00:00:00.000Z', '2026-01-05T23:59:59.999Z']) {
      expect(parse(timestamp)).toBe(Date.parse(timestamp));
    }
  });
});
