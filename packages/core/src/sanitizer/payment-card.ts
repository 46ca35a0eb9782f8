import { isPaymentCard } from './checksums';

/** A digit run with single spaces or dashes between digits, at least 13 digits long, not inside a longer run. */
export const CARD_CANDIDATE = /(?<![0-9]|[0-9][ -])[0-9](?:[ -]?[0-9]){12,}/g;

const GROUPS = /[0-9]+/g;

/**
 * Replaces every card number inside a candidate run. The whole run is tried first; then single groups
 * of 13–19 digits; then consecutive groups of 3–8 digits (how cards are printed), so a card followed by
 * more digits (`4111 1111 1111 1111 12 25`) is still caught. Plain lists of small numbers never qualify.
 */
export function redactCards(run: string, marker: string): string {
  const whole = run.replace(/[ -]/g, '');
  if (isPaymentCard(whole)) return marker;
  if (whole.length === run.length) return run;
  const groups: { start: number; end: number }[] = [];
  for (const m of run.matchAll(GROUPS)) groups.push({ start: m.index, end: m.index + m[0].length });
  let out = '';
  let kept = 0;
  let i = 0;
  while (i < groups.length) {
    const last = cardEndingAt(run, groups, i);
    if (last < 0) {
      i++;
      continue;
    }
    out += run.slice(kept, groups[i]!.start) + marker;
    kept = groups[last]!.end;
    i = last + 1;
  }
  return kept === 0 ? run : out + run.slice(kept);
}

/** Index of the last group of the longest card starting at group `first`, or -1. */
function cardEndingAt(run: string, groups: readonly { start: number; end: number }[], first: number): number {
  const head = groups[first]!;
  const headLength = head.end - head.start;
  if (headLength >= 13) return isPaymentCard(run.slice(head.start, head.end)) ? first : -1;
  let digits = '';
  const ends: number[] = [];
  for (let j = first; j < groups.length; j++) {
    const g = groups[j]!;
    const length = g.end - g.start;
    if (length < 3 || length > 8 || digits.length + length > 19) break;
    digits += run.slice(g.start, g.end);
    if (digits.length >= 13) ends.push(j);
  }
  for (let k = ends.length - 1; k >= 0; k--) {
    const end = ends[k]!;
    if (isPaymentCard(run.slice(head.start, groups[end]!.end).replace(/[ -]/g, ''))) return end;
  }
  return -1;
}
