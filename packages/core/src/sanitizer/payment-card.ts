import { isPaymentCard } from './checksums';

/** A digit run with single spaces or dashes between digits, at least 13 digits long, not inside a longer run. */
export const CARD_CANDIDATE = /(?<![0-9]|[0-9][ -])[0-9](?:[ -]?[0-9]){12,}/g;

const SEPARATORS = /[ -]/g;

/** End of the digit group starting at `start`. */
function groupEnd(run: string, start: number): number {
  let end = start;
  while (end < run.length) {
    const code = run.charCodeAt(end);
    if (code < 48 || code > 57) break;
    end++;
  }
  return end;
}

/**
 * Replaces every card number inside a candidate run. The whole run is tried first; then single groups
 * of 13–19 digits; then consecutive groups of 3–8 digits (how cards are printed), so a card followed by
 * more digits (`4111 1111 1111 1111 12 25`) is still caught. Plain lists of small numbers never qualify.
 * Groups are walked in place, so a run of any length costs a few reads per character and no lists.
 */
export function redactCards(run: string, marker: string): string {
  const whole = run.replace(SEPARATORS, '');
  if (isPaymentCard(whole)) return marker;
  if (whole.length === run.length) return run;
  let out = '';
  let kept = 0;
  let start = 0;
  while (start < run.length) {
    const end = cardEndingAt(run, start);
    if (end >= 0) {
      out += run.slice(kept, start) + marker;
      kept = end;
    }
    // Runs separate digit groups by exactly one character.
    start = (end >= 0 ? end : groupEnd(run, start)) + 1;
  }
  return kept === 0 ? run : out + run.slice(kept);
}

/** End of the longest card whose first group starts at `start`, or -1. */
function cardEndingAt(run: string, start: number): number {
  const headEnd = groupEnd(run, start);
  if (headEnd - start >= 13) return isPaymentCard(run.slice(start, headEnd)) ? headEnd : -1;
  let digits = '';
  let longest = -1;
  for (let group = start; group < run.length; ) {
    const end = groupEnd(run, group);
    const length = end - group;
    if (length < 3 || length > 8 || digits.length + length > 19) break;
    digits += run.slice(group, end);
    if (digits.length >= 13 && isPaymentCard(digits)) longest = end;
    group = end + 1;
  }
  return longest;
}
