import type { AlertRule } from '../rules/types';
import { anomalyEvaluator } from './anomaly';
import type { Evaluator } from './evaluator';
import { riskEvaluator } from './risk';
import { sequenceEvaluator } from './sequence';
import { thresholdEvaluator } from './threshold';

export function createEvaluator(rule: AlertRule): Evaluator {
  switch (rule.type) {
    case 'threshold':
      return thresholdEvaluator(rule) as Evaluator;
    case 'risk':
      return riskEvaluator(rule) as Evaluator;
    case 'anomaly':
      return anomalyEvaluator(rule) as Evaluator;
    case 'sequence':
      return sequenceEvaluator(rule) as Evaluator;
  }
}

/** The `alert.*` type each kind of rule is logged as, unless the rule names its own. */
export const DEFAULT_ALERT_TYPES: Readonly<Record<AlertRule['type'], string>> = {
  threshold: 'alert.threshold',
  risk: 'alert.risk_accumulation',
  anomaly: 'alert.anomaly',
  sequence: 'alert.sequence',
};
