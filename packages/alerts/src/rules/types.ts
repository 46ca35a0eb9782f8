import type { Outcome, Severity } from '@seclog/core';

/** A length of time: milliseconds, or a string such as `500ms`, `60s`, `5m`, `24h`, `7d`. */
export type Duration = number | string;

/** A condition on one field of the event. Exactly one operator per object. */
export type FieldCondition =
  | { eq: string | number | boolean }
  | { ne: string | number | boolean }
  | { in: readonly (string | number | boolean)[] }
  | { notIn: readonly (string | number | boolean)[] }
  | { gt: number }
  | { gte: number }
  | { lt: number }
  | { lte: number }
  | { exists: boolean }
  | { startsWith: string }
  | { endsWith: string };

/** Which events a rule (or a step of a sequence) looks at. Every part given must hold. */
export interface Match {
  /** Exact names, or a prefix pattern ending in `.*` (`auth.*`). `alert.*` types only when named. */
  eventType?: string | readonly string[];
  outcome?: Outcome | readonly Outcome[];
  /** Field path (`actor.type`, `metadata.reason`, `risk_score`) to a condition, or a bare value for `eq`. */
  where?: Readonly<Record<string, FieldCondition | string | number | boolean>>;
}

/** A count condition; `gt: 5` means "more than 5". */
export type CountCondition = { gt: number } | { gte: number };

/**
 * After a key fires, further alerts for it are held back for `for`. When it fires again within
 * `resetAfter` of the previous alert, the hold grows by `backoff` (up to `max`).
 */
export interface Suppression {
  for: Duration;
  /** Multiplier applied to the hold on each repeat. Default 1 (no backoff). */
  backoff?: number;
  /** Longest hold. Default: 24 times `for`. */
  max?: Duration;
  /** Quiet time after which the hold goes back to `for`. Default: `max`. */
  resetAfter?: Duration;
}

interface RuleBase {
  /** Unique; named in errors, alerts and metrics. */
  id: string;
  description?: string;
  /** Severity of the alert; HIGH and CRITICAL page, LOW and MEDIUM go to the digest. */
  severity: Severity;
  /** Field paths that make the key state is kept per (e.g. `actor.ip`); none: one key for all. */
  groupBy?: string | readonly string[];
  /** Default: hold back repeats for the rule's window (anomaly: one interval). */
  suppress?: Suppression | false;
  /** The `alert.*` event type logged back. Default per kind, e.g. `alert.threshold`. */
  alertType?: string;
  /** Default true. */
  enabled?: boolean;
}

/** Sigma-style event count (or distinct value count) per key over a sliding window. */
export interface ThresholdRule extends RuleBase {
  type: 'threshold';
  match: Match;
  window: Duration;
  condition: CountCondition;
  /** Count distinct values of this field instead of events (password spraying: `actor.id`). */
  distinct?: string;
  /** Forget the counted events once the rule fires, so a repeat needs a fresh count. */
  resetOnFire?: boolean;
}

/** Sum of `risk_score` per key over a sliding window; fires once per crossing. */
export interface RiskRule extends RuleBase {
  type: 'risk';
  match: Match;
  window: Duration;
  condition: CountCondition;
  /** Name of a responder given to the engine (`responders`), run once per crossing. */
  responder?: string;
}

export interface EwmaBaseline {
  method: 'ewma';
  /** Weight of the newest interval, 0 < alpha <= 1. Default 0.3. */
  alpha?: number;
}

export interface MadBaseline {
  method: 'mad';
  /** Intervals remembered. Default 30. */
  size?: number;
}

/** A per-key rate per `interval`, compared with a baseline learned from earlier intervals. */
export interface AnomalyRule extends RuleBase {
  type: 'anomaly';
  match: Match;
  interval: Duration;
  /** `count`: a spike of matching events; `success_ratio`: successes / (successes + failures) falling. */
  measure?: 'count' | 'success_ratio';
  baseline?: EwmaBaseline | MadBaseline;
  /** How many spreads (standard deviations, or scaled MADs) away counts as an anomaly. Default 3. */
  sensitivity?: number;
  /** Intervals to learn before any alert. Default 5. */
  warmup?: number;
  /** Never alert on an interval with fewer matching events than this. Default 10. */
  minEvents?: number;
  /** Smallest spread used, so a perfectly flat baseline does not fire on noise. Default 1 (count), 0.05 (ratio). */
  minSpread?: number;
}

export interface SequenceStep {
  match: Match;
  /** Events of this step needed before the next step. Default 1. */
  count?: number;
}

/** Steps in order per key, all within `window`, e.g. failures then a success for one account. */
export interface SequenceRule extends RuleBase {
  type: 'sequence';
  window: Duration;
  steps: readonly SequenceStep[];
}

export type AlertRule = ThresholdRule | RiskRule | AnomalyRule | SequenceRule;
export type RuleType = AlertRule['type'];
