import type { EventFields } from '../match/event-fields';
import type { AlertRule } from '../rules/types';
import { anomalyEvaluator } from './anomaly';
import type { Evaluator } from './evaluator';
import { riskEvaluator } from './risk';
import { sequenceEvaluator } from './sequence';
import { thresholdEvaluator } from './threshold';

/** Compiles a rule; the field paths it reads are registered with `fields`, which the engine resets per event. */
export function createEvaluator(rule: AlertRule, fields: EventFields): Evaluator {
  switch (rule.type) {
    case 'threshold':
      return thresholdEvaluator(rule, fields) as Evaluator;
    case 'risk':
      return riskEvaluator(rule, fields) as Evaluator;
    case 'anomaly':
      return anomalyEvaluator(rule, fields) as Evaluator;
    case 'sequence':
      return sequenceEvaluator(rule, fields) as Evaluator;
  }
}

/** The `alert.*` type each kind of rule is logged as, unless the rule names its own. */
export const DEFAULT_ALERT_TYPES: Readonly<Record<AlertRule['type'], string>> = {
  threshold: 'alert.threshold',
  risk: 'alert.risk_accumulation',
  anomaly: 'alert.anomaly',
  sequence: 'alert.sequence',
};
