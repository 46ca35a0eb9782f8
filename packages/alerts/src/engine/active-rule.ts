import { createEvaluator, DEFAULT_ALERT_TYPES } from '../evaluators/create-evaluator';
import type { Evaluator } from '../evaluators/evaluator';
import type { EventFields } from '../match/event-fields';
import { durationText } from '../rules/duration';
import type { AlertRule } from '../rules/types';
import type { StoreStats } from '../state/store';
import { compileGrouping, storeKeyField, type Grouping } from './group-key';
import type { KeyEntry } from './key-entry';
import { suppressionPolicy, type SuppressionPolicy } from './suppression';

/** Where a rule's per-key entries live: a share of a key group, or a store the user gave. */
export interface RuleState {
  /** The live entry of `key`, or undefined; `turn` is the event's (see `EventFields.turn`). */
  get(key: string, now: number, turn: number): KeyEntry | undefined;
  /** Adds the entry of a key `get` did not find for this event. */
  add(key: string, entry: KeyEntry, now: number, turn: number): void;
  stats(): StoreStats;
}

/** A rule as the engine runs it: compiled once, with its state. */
export interface ActiveRule {
  readonly evaluator: Evaluator;
  readonly state: RuleState;
  /** Index, among the engine's event fields, of the key the state is held under. */
  readonly keyField: number;
  /** The key and group as alerts show them. */
  readonly grouping: Grouping;
  readonly policy: SuppressionPolicy | undefined;
  readonly alertType: string;
  /** The window as written in the rule. */
  readonly window: string;
}

/**
 * `byValue`: the state is the engine's own, so a one-field key may be the bare value (see
 * `storeKeyField`). `state` gets the key field's index, so rules keyed alike can share lookups.
 */
export function activateRule(
  rule: AlertRule,
  fields: EventFields,
  byValue: boolean,
  state: (keyField: number) => RuleState,
): ActiveRule {
  const evaluator = createEvaluator(rule, fields);
  const groupBy = rule.groupBy === undefined ? [] : ([] as string[]).concat(rule.groupBy);
  const keyField = storeKeyField(groupBy, fields, byValue);
  return {
    evaluator,
    state: state(keyField),
    keyField,
    grouping: compileGrouping(groupBy),
    policy: suppressionPolicy(rule.suppress, evaluator.windowMs),
    alertType: rule.alertType ?? DEFAULT_ALERT_TYPES[rule.type],
    window: rule.type === 'anomaly' ? durationText(rule.interval) : durationText(rule.window),
  };
}
