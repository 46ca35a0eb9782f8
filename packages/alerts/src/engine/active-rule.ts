import { createEvaluator, DEFAULT_ALERT_TYPES } from '../evaluators/create-evaluator';
import type { Evaluator } from '../evaluators/evaluator';
import type { EventFields } from '../match/event-fields';
import { durationText } from '../rules/duration';
import type { AlertRule } from '../rules/types';
import type { AlertStore } from '../state/store';
import { compileGrouping, storeKeyField, type Grouping } from './group-key';
import { suppressionPolicy, type SuppressionPolicy } from './suppression';

/** A rule as the engine runs it: compiled once, with its store. */
export interface ActiveRule {
  readonly evaluator: Evaluator;
  readonly store: AlertStore;
  /** Index, among the engine's event fields, of the key the store holds the event's state under. */
  readonly keyField: number;
  /** The key and group as alerts show them. */
  readonly grouping: Grouping;
  readonly policy: SuppressionPolicy | undefined;
  readonly alertType: string;
  /** The window as written in the rule. */
  readonly window: string;
}

/** `byValue`: the store is the engine's own, so a one-field key may be the bare value (see `storeKeyField`). */
export function activateRule(rule: AlertRule, fields: EventFields, store: AlertStore, byValue: boolean): ActiveRule {
  const evaluator = createEvaluator(rule, fields);
  const groupBy = rule.groupBy === undefined ? [] : ([] as string[]).concat(rule.groupBy);
  return {
    evaluator,
    store,
    keyField: storeKeyField(groupBy, fields, byValue),
    grouping: compileGrouping(groupBy),
    policy: suppressionPolicy(rule.suppress, evaluator.windowMs),
    alertType: rule.alertType ?? DEFAULT_ALERT_TYPES[rule.type],
    window: rule.type === 'anomaly' ? durationText(rule.interval) : durationText(rule.window),
  };
}
