import type { SecurityEvent } from '@seclog/core';
import type { EventFields } from '../match/event-fields';
import type { AlertRule } from '../rules/types';

/** What a rule found, described once suppression let it become an alert. */
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

/**
 * The part of a rule that keeps per-key state and decides. O(1) amortised per call. The engine
 * asks `typeMask` once per event type, then per event `match` (what the type does not decide),
 * `observe`, and only for a finding that suppression lets through, `finding` and `fired`: a
 * finding held back costs no words and no allocation.
 */
export interface Evaluator<S = unknown> {
  readonly rule: AlertRule;
  /** True when the rule names an `alert.*` type explicitly. */
  readonly namesAlerts: boolean;
  /** Default suppression hold and the window in milliseconds. */
  readonly windowMs: number;
  /** How long after a key's last event its state is still useful. */
  readonly lifetimeMs: number;
  /**
   * The parts of the rule (bit i: step i of a sequence; bit 0 for the other kinds) that events of
   * this type can concern; 0 when none.
   */
  typeMask(eventType: string): number;
  /** The parts among `mask` that the event matches in full; 0 when none. */
  match(event: SecurityEvent, fields: EventFields, mask: number): number;
  create(): S;
  /** Counts the event (`current.event`) for the parts it matched; true when the rule's condition holds now. */
  observe(state: S, current: EventFields, matched: number): boolean;
  /** Describes the condition `observe` just reported for `key`, from the state as it left it. */
  finding(state: S, event: SecurityEvent, key: string): Finding;
  /** Called when a finding became an alert (not when it was suppressed). */
  fired(state: S): void;
}
