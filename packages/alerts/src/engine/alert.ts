import type { Actor, Severity } from '@seclog/core';
import type { RuleType } from '../rules/types';

/** What the engine delivers to `onAlert`, the pager and the digest, and logs back as `alert.*`. */
export interface Alert {
  /** UUID v7 of the alert itself. */
  id: string;
  ruleId: string;
  ruleType: RuleType;
  /** The `alert.*` event type it is logged as. */
  alertType: string;
  severity: Severity;
  description?: string;
  /** The group the rule counted, e.g. `actor.ip=203.0.113.7`; `*` for a rule without groupBy. */
  key: string;
  /** The same, field by field. */
  group: Readonly<Record<string, string>>;
  /** Time of the event that made the rule fire, ISO 8601. */
  timestamp: string;
  /** The reason in words, with the numbers. */
  reason: string;
  count?: number;
  distinct?: number;
  sum?: number;
  /** The number the measure was compared with. */
  threshold: number;
  windowMs: number;
  /** The window as written in rules, e.g. `60s`. */
  window: string;
  firstEventId: string;
  lastEventId: string;
  /** Findings for this key held back by suppression since its previous alert. */
  suppressed: number;
  /** Actor of the last event counted. */
  actor: Actor;
  correlationId: string;
  /** Anomaly baselines and similar numbers. */
  details?: Readonly<Record<string, number | string>>;
  /** Responder the rule runs; `dry-run` when the engine does not run responders. */
  responder?: { name: string; mode: 'run' | 'dry-run' };
}

/** Result of one responder run, also logged as `alert.responder_action`. */
export interface ResponderOutcome {
  alert: Alert;
  responder: string;
  outcome: 'success' | 'failure';
  error?: string;
}

/** Runs an automated response (revoke sessions, block an IP). May be async; a throw is a failure. */
export type Responder = (alert: Alert) => void | Promise<void>;
