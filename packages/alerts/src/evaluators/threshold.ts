import type { SecurityEvent } from '@seclog/core';
import { compileMatch } from '../match/compile-match';
import { compileFieldReader } from '../match/field-path';
import { durationText, parseDuration } from '../rules/duration';
import type { ThresholdRule } from '../rules/types';
import { flatten } from '../state/flatten';
import { countWords, describeMatch } from './describe-match';
import type { Evaluator, Finding } from './evaluator';
import { TimeRing } from './time-ring';

interface Seen {
  time: number;
  id: string;
}

/** Events: a ring of the last `need` times. Distinct: value -> last sighting, in sighting order. */
type ThresholdState = { ring: TimeRing } | { values: Map<string, Seen> };

export function thresholdEvaluator(rule: ThresholdRule): Evaluator<ThresholdState> {
  const match = compileMatch(rule.match);
  const windowMs = parseDuration(rule.window)!;
  const { need, words } = countWords(rule.condition);
  const readDistinct = rule.distinct === undefined ? undefined : compileFieldReader(rule.distinct);
  const what = describeMatch(rule.match);
  const span = durationText(rule.window);

  function countEvents(ring: TimeRing, event: SecurityEvent, at: number, key: string): Finding | undefined {
    ring.push(at, event.event_id);
    if (!ring.full || at - ring.oldestTime() >= windowMs) return undefined;
    return {
      count: need,
      threshold: need,
      windowMs,
      firstEventId: ring.oldestId(),
      lastEventId: event.event_id,
      reason: `${need} ${what} events within ${span} for ${key} (${words})`,
    };
  }

  function countDistinct(values: Map<string, Seen>, event: SecurityEvent, at: number, key: string): Finding | undefined {
    const value = readDistinct!(event);
    if (value === undefined) return undefined;
    const name = flatten(String(value));
    values.delete(name);
    values.set(name, { time: at, id: event.event_id });
    // Oldest sightings first: drop those out of the window, and any beyond what the condition needs.
    for (const [oldName, seen] of values) {
      if (values.size <= need && at - seen.time < windowMs) break;
      values.delete(oldName);
    }
    if (values.size < need) return undefined;
    const first = values.values().next().value as Seen;
    return {
      count: need,
      distinct: need,
      threshold: need,
      windowMs,
      firstEventId: first.id,
      lastEventId: event.event_id,
      reason: `${need} distinct ${rule.distinct} values in ${what} events within ${span} for ${key} (${words})`,
    };
  }

  return {
    rule,
    namesAlerts: match.namesAlerts,
    windowMs,
    matches: match.test,
    acceptsType: match.acceptsType,
    create: () => (readDistinct ? { values: new Map() } : { ring: new TimeRing(need) }),
    observe: (state, event, at, key) =>
      'ring' in state ? countEvents(state.ring, event, at, key) : countDistinct(state.values, event, at, key),
    fired(state) {
      if (!rule.resetOnFire) return;
      if ('ring' in state) state.ring.clear();
      else state.values.clear();
    },
    lifetimeMs: () => windowMs,
  };
}
