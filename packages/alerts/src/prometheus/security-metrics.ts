import type { ErrorHandler, SecurityEvent, Sink } from '@seclog/core';
import { Counter, register as defaultRegistry, type Registry } from 'prom-client';
import type { Alert } from '../engine/alert';

export interface SecurityMetricsOptions {
  /** Default: prom-client's global registry. */
  registry?: Registry;
  /** Distinct `event_type` label values kept; further types are counted as `other`. Default 200. */
  maxEventTypes?: number;
}

export interface SecurityMetrics {
  readonly registry: Registry;
  /** Add to the logger's sinks: counts every event, login failures, and the logger's own drop reports. */
  readonly sink: Sink;
  /** Pass as (or call from) the engine's `onAlert`. */
  readonly onAlert: (alert: Alert) => void;
  /** Pass as the logger's `onError`: counts deliveries given up on as `delivery_failed`. */
  readonly onError: ErrorHandler;
  /** Counts dropped events with a reason of your own. */
  recordDropped(reason: string, count?: number): void;
  readonly counters: {
    events: Counter<'event_type' | 'severity' | 'outcome' | 'service'>;
    loginFailures: Counter<'service'>;
    alerts: Counter<'rule' | 'severity'>;
    dropped: Counter<'reason'>;
  };
}

/** Reasons become label values: keep them short and tame so a bad value cannot blow up cardinality. */
const REASON = /^[a-z][a-z0-9_]{0,31}$/;

function counter<L extends string>(registry: Registry, name: string, help: string, labelNames: readonly L[]): Counter<L> {
  // Registering twice (two engines, a hot reload) reuses the counter instead of throwing.
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as Counter<L>;
  return new Counter<L>({ name, help, labelNames, registers: [registry] });
}

/** prom-client counters fed by the logger (as a sink) and by the alert engine. */
export function createSecurityMetrics(options: SecurityMetricsOptions = {}): SecurityMetrics {
  const registry = options.registry ?? defaultRegistry;
  const maxEventTypes = options.maxEventTypes ?? 200;
  const counters = {
    events: counter(registry, 'security_events_total', 'Security events logged, by type, severity, outcome and service', [
      'event_type',
      'severity',
      'outcome',
      'service',
    ] as const),
    loginFailures: counter(registry, 'auth_login_failures_total', 'Failed logins (auth.login_failure events)', ['service'] as const),
    alerts: counter(registry, 'security_alerts_total', 'Alerts raised by @seclog/alerts rules', ['rule', 'severity'] as const),
    dropped: counter(registry, 'seclog_events_dropped_total', 'Security events dropped before reaching a sink', ['reason'] as const),
  };
  const eventTypes = new Set<string>();

  function recordDropped(reason: string, count = 1): void {
    if (!(count > 0) || !Number.isFinite(count)) return;
    counters.dropped.inc({ reason: REASON.test(reason) ? reason : 'other' }, count);
  }

  function countEvent(event: SecurityEvent): void {
    let type = event.event_type;
    if (!eventTypes.has(type)) {
      if (eventTypes.size >= maxEventTypes) type = 'other';
      else eventTypes.add(type);
    }
    counters.events.inc({ event_type: type, severity: event.severity, outcome: event.outcome, service: event.service });
    if (event.event_type === 'auth.login_failure') counters.loginFailures.inc({ service: event.service });
    if (event.event_type === 'seclog.events_dropped') {
      const byReason = event.metadata.by_reason;
      if (byReason !== null && typeof byReason === 'object') {
        for (const [reason, count] of Object.entries(byReason)) if (typeof count === 'number') recordDropped(reason, count);
      }
    }
  }

  return {
    registry,
    counters,
    recordDropped,
    sink: {
      name: 'prometheus',
      write: countEvent,
      writeBatch(events) {
        for (const event of events) countEvent(event);
      },
    },
    onAlert(alert) {
      counters.alerts.inc({ rule: alert.ruleId, severity: alert.severity });
    },
    onError(_error, info) {
      if (info.dropped) recordDropped('delivery_failed', info.events);
    },
  };
}
