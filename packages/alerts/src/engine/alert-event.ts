import type { LogInput, Severity } from '@seclog/core';
import { DEFAULT_SEVERITY_BANDS } from '@seclog/core';
import type { Alert, ResponderOutcome } from './alert';

/**
 * Severity is derived from the risk score in core, so an alert carries the lowest score of its
 * rule's severity under the default bands.
 */
export const SEVERITY_SCORES: Readonly<Record<Severity, number>> = {
  LOW: 1,
  MEDIUM: DEFAULT_SEVERITY_BANDS.medium,
  HIGH: DEFAULT_SEVERITY_BANDS.high,
  CRITICAL: DEFAULT_SEVERITY_BANDS.critical,
};

function actorInput(alert: Alert): LogInput['actor'] {
  const { id, type, ip } = alert.actor;
  return ip === undefined ? { id, type } : { id, type, ip };
}

/** The security event an alert is logged back as. */
export function alertLogInput(alert: Alert, scores: Readonly<Record<Severity, number>>): LogInput {
  const metadata: Record<string, unknown> = {
    alert_id: alert.id,
    rule_id: alert.ruleId,
    rule_type: alert.ruleType,
    group_key: alert.key,
    group: alert.group,
    threshold: alert.threshold,
    window: alert.window,
    window_ms: alert.windowMs,
    first_event_id: alert.firstEventId,
    last_event_id: alert.lastEventId,
    reason: alert.reason,
    suppressed: alert.suppressed,
  };
  if (alert.count !== undefined) metadata.count = alert.count;
  if (alert.distinct !== undefined) metadata.distinct = alert.distinct;
  if (alert.sum !== undefined) metadata.sum = alert.sum;
  if (alert.details) metadata.details = alert.details;
  if (alert.responder) metadata.responder = alert.responder.name;
  return {
    eventType: alert.alertType,
    actor: actorInput(alert),
    target: alert.key,
    message: alert.reason,
    riskScore: scores[alert.severity],
    correlationId: alert.correlationId,
    metadata,
  };
}

/** The security event a responder's success or failure is logged as. */
export function responderLogInput(result: ResponderOutcome, scores: Readonly<Record<Severity, number>>): LogInput {
  const { alert, responder, outcome, error } = result;
  const metadata: Record<string, unknown> = {
    alert_id: alert.id,
    rule_id: alert.ruleId,
    group_key: alert.key,
    responder,
  };
  if (error !== undefined) metadata.error = error;
  return {
    eventType: 'alert.responder_action',
    outcome,
    actor: actorInput(alert),
    target: alert.key,
    message: `responder ${responder} ${outcome === 'success' ? 'succeeded' : 'failed'} for ${alert.key}`,
    // A failed response leaves the threat in place: it is as serious as the alert itself.
    riskScore: outcome === 'failure' ? scores[alert.severity] : scores.LOW,
    correlationId: alert.correlationId,
    metadata,
  };
}
