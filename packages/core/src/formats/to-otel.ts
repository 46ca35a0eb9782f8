import { isIP } from 'node:net';
import type { SecurityEvent } from '../event';
import { httpHints } from './http-hints';
import { OTEL_SEVERITY_NUMBER } from './severity-scale';

/**
 * A record of the OpenTelemetry log data model. Timestamps are nanoseconds since the epoch as
 * decimal strings: they exceed what a JSON number holds exactly.
 */
export interface OtelLogRecord {
  Timestamp: string;
  ObservedTimestamp: string;
  SeverityNumber: number;
  SeverityText: SecurityEvent['severity'];
  Body: string;
  EventName: string;
  TraceId?: string;
  SpanId?: string;
  Resource: { 'service.name': string };
  InstrumentationScope: { Name: string };
  /** Semantic-convention names where one exists, `seclog.*` for the rest. */
  Attributes: Record<string, unknown>;
}

function nanos(iso: string): string {
  return `${BigInt(Date.parse(iso)) * 1_000_000n}`;
}

export function toOtel(event: SecurityEvent): OtelLogRecord {
  const { actor } = event;
  const attributes: Record<string, unknown> = {
    'seclog.schema': event.schema,
    'seclog.event_id': event.event_id,
    'seclog.event_type': event.event_type,
    'seclog.outcome': event.outcome,
    'seclog.risk_score': event.risk_score,
    'seclog.risk_reasons': [...event.risk_reasons],
    'seclog.correlation_id': event.correlation_id,
    'seclog.actor.id': actor.id,
    'seclog.actor.type': actor.type,
    'seclog.metadata': event.metadata,
  };
  if (actor.type === 'user' || actor.type === 'service') attributes['user.id'] = actor.id;
  if (actor.ip) attributes[isIP(actor.ip) ? 'client.address' : 'seclog.actor.ip'] = actor.ip;
  if (actor.user_agent) attributes['user_agent.original'] = actor.user_agent;
  if (actor.session_id) attributes['session.id'] = actor.session_id;
  if (event.target !== undefined) attributes['seclog.target'] = event.target;
  if (event.integrity) attributes['seclog.integrity'] = event.integrity;
  const hints = httpHints(event);
  if (hints.method) attributes['http.request.method'] = hints.method;
  if (hints.status) attributes['http.response.status_code'] = hints.status;
  if (hints.route) attributes['http.route'] = hints.route;
  else if (hints.path) attributes['url.path'] = hints.path;

  const record: OtelLogRecord = {
    Timestamp: nanos(event.timestamp),
    ObservedTimestamp: nanos(event.timestamp),
    SeverityNumber: OTEL_SEVERITY_NUMBER[event.severity],
    SeverityText: event.severity,
    Body: event.message,
    EventName: event.event_type,
    Resource: { 'service.name': event.service },
    InstrumentationScope: { Name: '@seclog/core' },
    Attributes: attributes,
  };
  if (event.trace_id) record.TraceId = event.trace_id;
  if (event.span_id) record.SpanId = event.span_id;
  return record;
}
