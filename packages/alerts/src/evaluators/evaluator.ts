import type { SecurityEvent } from '@seclog/core';
import type { AlertRule } from '../rules/types';

/** What a rule found on one event, before suppression decides whether it becomes an alert. */
export interface Finding {
  /** Events counted (threshold, sequence, anomaly) when the rule fired. */
  count?: number;
  /** Distinct values counted (threshold with `distinct`). */
  distinct?: number;
  /** Summed risk (risk rules). */
  sum?: number;
  /** The number the measure was compared with. */
  threshold: number;
  windowMs: number;
  firstEventId: string;
  lastEventId: string;
  /** The reason in words, with the numbers. */
  reason: string;
  /** Extra numbers for the alert's metadata (anomaly baseline). */
  details?: Record<string, number | string>;
}

/** The part of a rule that keeps per-key state and decides. O(1) amortised per call. */
export interface Evaluator<S = unknown> {
  readonly rule: AlertRule;
  /** Whether the event concerns this rule at all (any step, for sequences). */
  matches(event: SecurityEvent): boolean;
  /** Whether an event of this type could concern the rule, from `eventType` alone. */
  acceptsType(eventType: string): boolean;
  /** True when the rule names an `alert.*` type explicitly. */
  readonly namesAlerts: boolean;
  /** Default suppression hold and the window in milliseconds. */
  readonly windowMs: number;
  create(): S;
  observe(state: S, event: SecurityEvent, at: number, key: string): Finding | undefined;
  /** Called when a finding became an alert (not when it was suppressed). */
  fired(state: S): void;
  /** How long after `at` the state is still useful. */
  lifetimeMs(state: S): number;
}
