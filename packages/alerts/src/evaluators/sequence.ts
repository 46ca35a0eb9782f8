import { compileMatch } from '../match/compile-match';
import type { EventFields } from '../match/event-fields';
import { parseDuration } from '@seclog/core';
import { durationText } from '../rules/duration';
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

export function sequenceEvaluator(rule: SequenceRule, fields: EventFields): Evaluator<SequenceState> {
  const steps = rule.steps.map((step) => ({ match: compileMatch(step.match, fields), count: step.count ?? 1 }));
  const windowMs = parseDuration(rule.window)!;
  const words = rule.steps.map((step) => `${step.count ?? 1} ${describeMatch(step.match)}`).join(' then ');
  const span = durationText(rule.window);
  const count = steps.reduce((total, step) => total + step.count, 0);
  const last = steps.length - 1;

  return {
    rule,
    namesAlerts: steps.some((step) => step.match.namesAlerts),
    windowMs,
    lifetimeMs: windowMs,
    typeMask(type) {
      let mask = 0;
      steps.forEach((step, index) => {
        if (step.match.acceptsType(type)) mask |= 1 << index;
      });
      return mask;
    },
    match(event, eventFields: EventFields, mask) {
      let matched = 0;
      for (let index = 0; index <= last; index++) {
        const bit = 1 << index;
        if ((mask & bit) === 0) continue;
        const { rest } = steps[index]!.match;
        if (!rest || rest(event, eventFields)) matched |= bit;
      }
      return matched;
    },
    create: () => steps.map((step) => new TimeRing(step.count)),
    observe(rings, current, matched) {
      const { at } = current;
      // Last step first, so one event never completes two consecutive steps at once.
      for (let index = last; index >= 0; index--) {
        if ((matched & (1 << index)) === 0) continue;
        const ring = rings[index]!;
        if (index === 0) {
          ring.push(at, current);
          continue;
        }
        const before = rings[index - 1]!;
        if (before.fullWithin(at, windowMs)) ring.pushOldestOf(before);
      }
      return rings[last]!.fullWithin(at, windowMs);
    },
    finding: (rings, event, key) => ({
      count,
      threshold: count,
      windowMs,
      firstEventId: rings[last]!.oldestId(),
      lastEventId: event.event_id,
      reason: `${words} within ${span} for ${key}`,
    }),
    fired(rings) {
      for (const ring of rings) ring.clear();
    },
  };
}
