import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { literalGate } from '../../src/sanitizer/redact-string';

describe('literalGate (the one-scan prefilter for substring triggers)', () => {
  it('matches exactly when the text contains one of the literals', () => {
    const alphabet = fc.constantFrom('a', 'b', 'A', '-', '.', '/', '@', '=', '_', '(', ']', '\\', '$', '?', '1');
    const literal = fc.string({ unit: alphabet, minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(literal, { minLength: 1, maxLength: 8 }), fc.string({ unit: alphabet, maxLength: 30 }), (literals, text) => {
        const gate = literalGate(literals)!;
        expect(gate.test(text)).toBe(literals.some((l) => text.includes(l)));
      }),
      { numRuns: 1000 },
    );
  });

  it('is null without literals', () => {
    expect(literalGate([])).toBeNull();
    expect(literalGate([''])).toBeNull();
  });
});
