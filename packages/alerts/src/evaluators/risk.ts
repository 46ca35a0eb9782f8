import { compileMatch } from '../match/compile-match';
import type { EventFields } from '../match/event-fields';
import { parseDuration } from '@seclog/core';
import { durationText } from '../rules/duration';
import type { RiskRule } from '../rules/types';
import { describeMatch } from './describe-match';
import type { Evaluator } from './evaluator';
import { ScoreWindow } from './score-window';
import { singleMatch } from './single-match';

/** Scores kept per key; beyond this the oldest fall out early, which can only lower the sum. */
const MAX_ENTRIES = 10_000;

const round = (value: number) => Math.round(value * 1e6) / 1e6;

export function riskEvaluator(rule: RiskRule, fields: EventFields): Evaluator<ScoreWindow> {
  const windowMs = parseDuration(rule.window)!;
  const strict = 'gt' in rule.condition;
  const limit = 'gt' in rule.condition ? rule.condition.gt : rule.condition.gte;
  const words = `${strict ? 'more than' : 'at least'} ${limit}`;
  const what = describeMatch(rule.match);
  const span = durationText(rule.window);

  return {
    rule,
    ...singleMatch(compileMatch(rule.match, fields)),
    windowMs,
    lifetimeMs: windowMs,
    create: () => new ScoreWindow(),
    observe(window, current) {
      const { at, event } = current;
      window.push(at, Number.isFinite(event.risk_score) ? event.risk_score : 0, current);
      window.slide(at, windowMs, MAX_ENTRIES);
      if (window.size === 0) window.sum = 0;
      const sum = round(window.sum);
      const over = strict ? sum > limit : sum >= limit;
      const crossed = over && !window.above;
      window.above = over;
      return crossed;
    },
    finding: (window, event, key) => {
      const sum = round(window.sum);
      return {
        sum,
        count: window.size,
        threshold: limit,
        windowMs,
        firstEventId: window.oldestId(),
        lastEventId: event.event_id,
        reason: `risk of ${what} events for ${key} added up to ${sum} within ${span} (${words})`,
      };
    },
    fired: () => undefined,
  };
}
