import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SecurityLogConfigError } from '../../src/errors';
import { DEFAULT_SEVERITY_BANDS, severityFromScore, validateSeverityBands, type SeverityBands } from '../../src/risk';

describe('severityFromScore', () => {
  it.each([
    [0, 'LOW'],
    [3.9, 'LOW'],
    [4, 'MEDIUM'],
    [6.9, 'MEDIUM'],
    [7, 'HIGH'],
    [8.9, 'HIGH'],
    [9, 'CRITICAL'],
    [10, 'CRITICAL'],
  ] as const)('default bands: %d is %s', (score, severity) => {
    expect(severityFromScore(score)).toBe(severity);
  });

  it('has the design defaults, frozen', () => {
    expect(DEFAULT_SEVERITY_BANDS).toEqual({ critical: 9, high: 7, medium: 4 });
    expect(Object.isFrozen(DEFAULT_SEVERITY_BANDS)).toBe(true);
  });

  it('applies configured bands', () => {
    const strict: SeverityBands = { critical: 8, high: 5, medium: 2 };
    expect(severityFromScore(1.9, strict)).toBe('LOW');
    expect(severityFromScore(2, strict)).toBe('MEDIUM');
    expect(severityFromScore(5, strict)).toBe('HIGH');
    expect(severityFromScore(8, strict)).toBe('CRITICAL');
  });

  it.each<[string, unknown]>([
    ['out of order', { critical: 7, high: 9, medium: 4 }],
    ['equal bands', { critical: 9, high: 9, medium: 4 }],
    ['medium at 0 (LOW unreachable)', { critical: 9, high: 7, medium: 0 }],
    ['critical above 10 (CRITICAL unreachable)', { critical: 11, high: 7, medium: 4 }],
    ['a missing band', { critical: 9, high: 7 }],
    ['a NaN band', { critical: 9, high: Number.NaN, medium: 4 }],
    ['a string band', { critical: '9', high: 7, medium: 4 }],
    ['null', null],
  ])('refuses bands that are %s', (_label, bands) => {
    expect(() => severityFromScore(5, bands as SeverityBands)).toThrow(SecurityLogConfigError);
    let caught: unknown;
    try {
      validateSeverityBands(bands as SeverityBands);
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'OPTION_INVALID', path: 'risk.bands' });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, '7', undefined])('throws RangeError for the score %s', (score) => {
    expect(() => severityFromScore(score as number)).toThrow(RangeError);
  });

  it('property: severity never decreases as the score grows', () => {
    const rank = { LOW: 0, MEDIUM: 1, HIGH: 2, CRITICAL: 3 };
    fc.assert(
      fc.property(fc.double({ min: 0, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank[severityFromScore(lo)]).toBeLessThanOrEqual(rank[severityFromScore(hi)]);
      }),
    );
  });
});
