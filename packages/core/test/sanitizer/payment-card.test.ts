import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPaymentCard } from '../../src/sanitizer/checksums';
import { CARD_CANDIDATE, redactCards } from '../../src/sanitizer/payment-card';

const MARKER = '[REDACTED:card]';

/**
 * The rule spelled out over a list of groups: from each group, the longest card of 13-19 digits made of
 * one group of 13+ digits or of consecutive groups of 3-8 digits; after a card, carry on past it.
 */
function oracle(run: string): string {
  if (isPaymentCard(run.replace(/[ -]/g, ''))) return MARKER;
  const groups = [...run.matchAll(/[0-9]+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  let out = '';
  let kept = 0;
  for (let i = 0; i < groups.length; ) {
    let last = -1;
    if (groups[i]!.text.length >= 13) last = isPaymentCard(groups[i]!.text) ? i : -1;
    else {
      let digits = '';
      for (let j = i; j < groups.length; j++) {
        const text = groups[j]!.text;
        if (text.length < 3 || text.length > 8 || digits.length + text.length > 19) break;
        digits += text;
        if (digits.length >= 13 && isPaymentCard(digits)) last = j;
      }
    }
    if (last < 0) {
      i++;
      continue;
    }
    out += run.slice(kept, groups[i]!.start) + MARKER;
    kept = groups[last]!.end;
    i = last + 1;
  }
  return out + run.slice(kept);
}

/** Card-like groups and filler groups, joined by single spaces or dashes, as printed runs are. */
const group = fc.constantFrom('4111', '1111', '1112', '5500', '0000', '0004', '3782', '822463', '10005', '12', '25', '4', '411111111111111', '4111111111111111', '9', '60110000000000', '0009424');
const run = fc
  .tuple(fc.array(group, { minLength: 1, maxLength: 12 }), fc.array(fc.constantFrom(' ', '-'), { minLength: 11, maxLength: 11 }))
  .map(([groups, separators]) => groups.map((g, i) => (i === 0 ? g : separators[i % separators.length] + g)).join(''))
  .filter((text) => text.replace(/[ -]/g, '').length >= 13);

describe('redactCards (the card rule inside one candidate run)', () => {
  it('replaces the same cards as the rule spelled out over a list of groups', () => {
    fc.assert(
      fc.property(run, (text) => {
        expect(redactCards(text, MARKER)).toBe(oracle(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps printed cards found inside longer runs', () => {
    expect(redactCards('4111 1111 1111 1111 12 25', MARKER)).toBe(`${MARKER} 12 25`);
    expect(redactCards('12 4111-1111-1111-1111 0000 5500 0000 0000 0004', MARKER)).toBe(`12 ${MARKER} 0000 ${MARKER}`);
    expect(redactCards('4111 1111 1111 1112 4111 1111 1111 1112', MARKER)).toBe('4111 1111 1111 1112 4111 1111 1111 1112');
  });

  it('is what the candidate pattern hands it: runs the pattern matches whole', () => {
    fc.assert(
      fc.property(run, (text) => {
        CARD_CANDIDATE.lastIndex = 0;
        expect(CARD_CANDIDATE.exec(text)?.[0]).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
