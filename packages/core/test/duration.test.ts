import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../src/duration';
import { fileSink } from '../src/sinks/file-sink';
import { SecurityLogConfigError } from '../src/errors';

describe('parseDuration', () => {
  it('reads every unit, with or without a space before it', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('45s')).toBe(45_000);
    expect(parseDuration('30 m')).toBe(1_800_000);
    expect(parseDuration(' 12h ')).toBe(43_200_000);
    expect(parseDuration('1.5d')).toBe(129_600_000);
    expect(parseDuration('2w')).toBe(1_209_600_000);
    expect(parseDuration(0)).toBe(0);
    expect(parseDuration(1.4)).toBe(1);
    expect(Object.is(parseDuration(-0), 0)).toBe(true);
  });

  it('says undefined for anything that is not a duration', () => {
    for (const value of ['', '5', 'm', '-5s', '5 minutes', '1e3s', '5S', 'Infinity', NaN, -1, -0.4, Infinity, 2 ** 53, null, undefined, {}, '1'.repeat(40) + 's']) {
      expect(parseDuration(value)).toBeUndefined();
    }
  });

  it('returns undefined or whole non-negative milliseconds for any input, and reads back what it formats', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.anything()), (value) => {
        const ms = parseDuration(value);
        if (ms !== undefined) expect(Number.isSafeInteger(ms) && ms >= 0).toBe(true);
      }),
    );
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom('ms', 's', 'm', 'h', 'd', 'w'), (n, unit) => {
      expect(parseDuration(`${n}${unit}`)).toBe(n * { ms: 1, s: 1e3, m: 6e4, h: 3.6e6, d: 8.64e7, w: 6.048e8 }[unit]);
    }));
  });

  it('is the syntax of file-sink options, which name the option a bad value sits in', () => {
    const error = (() => {
      try {
        fileSink({ path: 'never-written.log', retain: '0s' });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SecurityLogConfigError);
    expect((error as SecurityLogConfigError).message).toContain('retain');
  });
});
