import type { Match } from '../rules/types';

/** Short words for a match, used in alert reasons: `auth.login_failure`, `auth.* (failure)`. */
export function describeMatch(match: Match): string {
  const types = match.eventType === undefined ? [] : ([] as string[]).concat(match.eventType);
  const outcomes = match.outcome === undefined ? [] : ([] as string[]).concat(match.outcome);
  const what = types.length === 0 ? 'matching' : types.includes('*') ? 'all' : types.join('|');
  return outcomes.length > 0 && !types.every((type) => type.endsWith(outcomes[0]!)) ? `${what} (${outcomes.join('|')})` : what;
}

export function countWords(condition: { gt: number } | { gte: number }): { need: number; words: string } {
  return 'gt' in condition
    ? { need: condition.gt + 1, words: `more than ${condition.gt}` }
    : { need: condition.gte, words: `at least ${condition.gte}` };
}
