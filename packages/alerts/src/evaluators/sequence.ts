import type { SecurityEvent } from '@seclog/core';
import { compileMatch } from '../match/compile-match';
import { durationText, parseDuration } from '../rules/duration';
import type { SequenceRule } from '../rules/types';
import { describeMatch } from './describe-match';
import type { Evaluator } from './evaluator';
import { TimeRing } from './time-ring';

/**
 * One ring per step. An entry of step i records when the best (latest-starting) partial match
 * through step i began, and its first event. Starts only grow over time, so the oldest of a full
 * ring is the latest start at which step i is complete: exact, and O(steps) per event.
 */
type SequenceState = TimeRing[];

export function sequenceEvaluator(rule: SequenceRule): Evaluator<SequenceState> {
  const steps = rule.steps.map((step) => ({ match: compileMatch(step.match), count: step.count ?? 1 }));
  const windowMs = parseDuration(rule.window)!;
  const words = rule.steps.map((step) => `${step.count ?? 1} ${describeMatch(step.match)}`).join(' then ');
  const last = steps.length - 1;

  return {
    rule,
    namesAlerts: steps.some((step) => step.match.namesAlerts),
    windowMs,
    matches: (event) => steps.some((step) => step.match.test(event)),
    acceptsType: (type) => steps.some((step) => step.match.acceptsType(type)),
    create: () => steps.map((step) => new TimeRing(step.count)),
    observe(rings, event: SecurityEvent, at, key) {
      // Last step first, so one event never completes two consecutive steps at once.
      for (let index = last; index >= 0; index--) {
        if (!steps[index]!.match.test(event)) continue;
        const ring = rings[index]!;
        if (index === 0) {
          ring.push(at, event.event_id);
          continue;
        }
        const before = rings[index - 1]!;
        if (!before.full || at - before.oldestTime() >= windowMs) continue;
        ring.push(before.oldestTime(), before.oldestId());
      }
      const final = rings[last]!;
      if (!final.full || at - final.oldestTime() >= windowMs) return undefined;
      const count = steps.reduce((total, step) => total + step.count, 0);
      return {
        count,
        threshold: count,
        windowMs,
        firstEventId: final.oldestId(),
        lastEventId: event.event_id,
        reason: `${words} within ${durationText(rule.window)} for ${key}`,
      };
    },
    fired(rings) {
      for (const ring of rings) ring.clear();
    },
    lifetimeMs: () => windowMs,
  };
}
