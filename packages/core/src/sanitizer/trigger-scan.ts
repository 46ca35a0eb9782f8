/**
 * Tells, in one left-to-right pass over a text, which of up to 32 literal sets have a member in it:
 * bit `i` of the result is set when `sets[i]` has a literal that occurs in the text.
 */
export type TriggerScan = (text: string) => number;

/** Sets beyond this many cannot get a bit of their own; callers test them with `includes`. */
export const MAX_SCAN_SETS = 32;

const ASCII = 128;

/** A pair of characters, each cut to 7 bits: other characters alias ASCII here and are told apart when a literal is compared. */
function pairOf(first: number, second: number): number {
  return ((first & 0x7f) << 7) | (second & 0x7f);
}

/**
 * Literals are indexed by their first two characters: most positions of a text are rejected by one
 * table read, and only a position that starts like a literal compares the whole literal. One-character
 * literals are a table of their own; one outside ASCII is rare enough to be searched for on its own.
 */
export function createTriggerScan(sets: readonly (readonly string[])[]): TriggerScan {
  if (sets.length > MAX_SCAN_SETS) throw new RangeError(`at most ${MAX_SCAN_SETS} trigger sets`);
  const single = new Int32Array(ASCII);
  const pairBits = new Int32Array(ASCII * ASCII);
  // Per pair, the index of its list of literals and bits, alternating.
  const pairList = new Int32Array(ASCII * ASCII);
  const lists: (string | number)[][] = [];
  const others: { literal: string; bit: number }[] = [];
  sets.forEach((literals, index) => {
    const bit = 1 << index;
    for (const literal of literals) {
      if (literal === '') continue;
      const first = literal.charCodeAt(0);
      if (literal.length === 1) {
        if (first < ASCII) single[first]! |= bit;
        else others.push({ literal, bit });
        continue;
      }
      const pair = pairOf(first, literal.charCodeAt(1));
      if (pairBits[pair] === 0) {
        pairList[pair] = lists.length;
        lists.push([]);
      }
      pairBits[pair]! |= bit;
      lists[pairList[pair]!]!.push(literal, bit);
    }
  });

  return (text) => {
    let found = 0;
    for (let k = 0; k < others.length; k++) if (text.includes(others[k]!.literal)) found |= others[k]!.bit;
    const n = text.length;
    if (n === 0) return found;
    let c = text.charCodeAt(0);
    for (let i = 1; i < n; i++) {
      const d = text.charCodeAt(i);
      if (c < ASCII) found |= single[c]!;
      const pair = pairOf(c, d);
      if ((pairBits[pair]! & ~found) !== 0) {
        const list = lists[pairList[pair]!]!;
        for (let t = 0; t < list.length; t += 2) {
          const bit = list[t + 1] as number;
          if ((found & bit) === 0 && text.startsWith(list[t] as string, i - 1)) found |= bit;
        }
      }
      c = d;
    }
    return c < ASCII ? found | single[c]! : found;
  };
}
