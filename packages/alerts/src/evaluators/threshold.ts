import { compileMatch } from '../match/compile-match';
import type { EventFields } from '../match/event-fields';
import { parseDuration } from '@seclog/core';
import { durationText } from '../rules/duration';
import type { ThresholdRule } from '../rules/types';
import { flatten } from '../state/flatten';
import { countWords, describeMatch } from './describe-match';
import { DistinctWindow } from './distinct-window';
import type { Evaluator } from './evaluator';
import { singleMatch } from './single-match';
import { TimeRing } from './time-ring';

/** Events: a ring of the last `need` times. Distinct: values by last sighting, the last `need` kept. */
export function thresholdEvaluator(rule: ThresholdRule, fields: EventFields): Evaluator<TimeRing> | Evaluator<DistinctWindow> {
  const dispatch = singleMatch(compileMatch(rule.match, fields));
  const windowMs = parseDuration(rule.window)!;
  const { need, words } = countWords(rule.condition);
  const what = describeMatch(rule.match);
  const span = durationText(rule.window);
  const common = { rule, ...dispatch, windowMs, lifetimeMs: windowMs };

  if (rule.distinct === undefined) {
    const counting: Evaluator<TimeRing> = {
      ...common,
      create: () => new TimeRing(need),
      observe(ring, current) {
        ring.push(current.at, current);
        return ring.fullWithin(current.at, windowMs);
      },
      finding: (ring, event, key) => ({
        count: need,
        threshold: need,
        windowMs,
        firstEventId: ring.oldestId(),
        lastEventId: event.event_id,
        reason: `${need} ${what} events within ${span} for ${key} (${words})`,
      }),
      fired(ring) {
        if (rule.resetOnFire) ring.clear();
      },
    };
    return counting;
  }

  const distinctField = fields.index(rule.distinct);
  const distinct: Evaluator<DistinctWindow> = {
    ...common,
    create: () => new DistinctWindow(),
    observe(values, current) {
      const value = current.get(distinctField);
      if (value === undefined) return false;
      const { at } = current;
      values.see(flatten(String(value)), at, current);
      // Oldest sightings first: drop those out of the window, and any beyond what the condition needs.
      values.keep(need, at, windowMs);
      return values.size >= need;
    },
    finding: (values, event, key) => ({
      count: need,
      distinct: need,
      threshold: need,
      windowMs,
      firstEventId: values.oldestId(),
      lastEventId: event.event_id,
      reason: `${need} distinct ${rule.distinct} values in ${what} events within ${span} for ${key} (${words})`,
    }),
    fired(values) {
      if (rule.resetOnFire) values.clear();
    },
  };
  return distinct;
}
