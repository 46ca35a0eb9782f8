import { isAlertType } from '../match/compile-match';
import type { ActiveRule } from './active-rule';

/** A rule that events of one type can concern, and which of its parts (see `Evaluator.typeMask`). */
export interface Candidate {
  readonly rule: ActiveRule;
  readonly mask: number;
}

/** What an event type is dispatched to. */
export interface TypePlan {
  /** An `alert.*` type: the rule that raised the alert must not see it. */
  readonly alert: boolean;
  readonly candidates: readonly Candidate[];
}

/** Event types remembered; past this the memory starts over, so odd types cannot grow it. */
const MAX_TYPES = 1_024;

/**
 * Event type -> the rules that can match it, decided once per type: an event touches only those,
 * and none re-tests its type. An alert type reaches only rules that name `alert.*` types.
 */
export function ruleDispatch(active: readonly ActiveRule[]): (eventType: string) => TypePlan {
  const plans = new Map<string, TypePlan>();
  return (eventType) => {
    let plan = plans.get(eventType);
    if (plan) return plan;
    const alert = isAlertType(eventType);
    const candidates: Candidate[] = [];
    for (const rule of active) {
      if (alert && !rule.evaluator.namesAlerts) continue;
      const mask = rule.evaluator.typeMask(eventType);
      if (mask !== 0) candidates.push({ rule, mask });
    }
    plan = { alert, candidates };
    if (plans.size >= MAX_TYPES) plans.clear();
    plans.set(eventType, plan);
    return plan;
  };
}
