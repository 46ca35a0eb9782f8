import type { SecurityEvent } from '@seclog/core';
import { compileMatch } from '../match/compile-match';
import { durationText, parseDuration } from '../rules/duration';
import type { RiskRule } from '../rules/types';
import { describeMatch } from './describe-match';
import type { Evaluator } from './evaluator';

/** Scores kept per key; beyond this the oldest fall out early, which can only lower the sum. */
const MAX_ENTRIES = 10_000;

interface RiskState {
  times: number[];
  scores: number[];
  ids: string[];
  /** Index of the oldest live entry; the arrays are compacted when it grows. */
  head: number;
  sum: number;
  /** Over the threshold since the last crossing; the rule fires again only after dropping below. */
  above: boolean;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

export function riskEvaluator(rule: RiskRule): Evaluator<RiskState> {
  const match = compileMatch(rule.match);
  const windowMs = parseDuration(rule.window)!;
  const strict = 'gt' in rule.condition;
  const limit = 'gt' in rule.condition ? rule.condition.gt : rule.condition.gte;
  const words = `${strict ? 'more than' : 'at least'} ${limit}`;
  const what = describeMatch(rule.match);
  const span = durationText(rule.window);

  function dropOldest(state: RiskState): void {
    state.sum -= state.scores[state.head]!;
    state.head++;
  }

  function compact(state: RiskState): void {
    if (state.head < 1_024 || state.head * 2 < state.times.length) return;
    state.times = state.times.slice(state.head);
    state.scores = state.scores.slice(state.head);
    state.ids = state.ids.slice(state.head);
    state.head = 0;
  }

  return {
    rule,
    namesAlerts: match.namesAlerts,
    windowMs,
    matches: match.test,
    acceptsType: match.acceptsType,
    create: () => ({ times: [], scores: [], ids: [], head: 0, sum: 0, above: false }),
    observe(state, event: SecurityEvent, at, key) {
      const score = Number.isFinite(event.risk_score) ? event.risk_score : 0;
      state.times.push(at);
      state.scores.push(score);
      state.ids.push(event.event_id);
      state.sum += score;
      while (state.head < state.times.length && at - state.times[state.head]! >= windowMs) dropOldest(state);
      while (state.times.length - state.head > MAX_ENTRIES) dropOldest(state);
      compact(state);
      if (state.head === state.times.length) state.sum = 0;
      const sum = round(state.sum);
      const over = strict ? sum > limit : sum >= limit;
      const crossed = over && !state.above;
      state.above = over;
      if (!crossed) return undefined;
      return {
        sum,
        count: state.times.length - state.head,
        threshold: limit,
        windowMs,
        firstEventId: state.ids[state.head]!,
        lastEventId: event.event_id,
        reason: `risk of ${what} events for ${key} added up to ${sum} within ${span} (${words})`,
      };
    },
    fired: () => undefined,
    lifetimeMs: () => windowMs,
  };
}
