import { isIP } from 'node:net';
import type { SecurityEvent } from '../event';
import type { EventTypeDefinition } from '../taxonomy';
import { httpHints } from './http-hints';
import { SEVERITY_ID } from './severity-scale';

export const ECS_VERSION = '9.4.0' as const;

/** An Elastic Common Schema document; what ECS has no field for lives under `seclog`. */
export interface EcsRecord {
  '@timestamp': string;
  message: string;
  ecs: { version: typeof ECS_VERSION };
  event: {
    id: string;
    kind: string;
    category: string[];
    type: string[];
    action: string;
    outcome: SecurityEvent['outcome'];
    severity: number;
    risk_score: number;
    risk_score_norm: number;
    dataset: string;
    module: string;
  };
  log: { level: string; logger: string };
  service: { name: string };
  labels: { correlation_id: string };
  user?: { id: string };
  source?: { ip: string };
  user_agent?: { original: string };
  trace?: { id: string };
  span?: { id: string };
  http?: { request?: { method: string }; response?: { status_code: number } };
  url?: { path: string };
  seclog: {
    schema: SecurityEvent['schema'];
    severity: SecurityEvent['severity'];
    actor: { id: string; type: string; ip?: string; session_id?: string };
    target?: string;
    risk_reasons: string[];
    metadata: Record<string, unknown>;
    integrity?: SecurityEvent['integrity'];
  };
}

export function toEcs(event: SecurityEvent, definition: EventTypeDefinition): EcsRecord {
  const { actor } = event;
  const record: EcsRecord = {
    '@timestamp': event.timestamp,
    message: event.message,
    ecs: { version: ECS_VERSION },
    event: {
      id: event.event_id,
      kind: definition.ecs.kind,
      category: [...definition.ecs.category],
      type: [...definition.ecs.type],
      action: event.event_type,
      outcome: event.outcome,
      severity: SEVERITY_ID[event.severity],
      risk_score: event.risk_score,
      risk_score_norm: event.risk_score * 10,
      dataset: 'seclog.security',
      module: 'seclog',
    },
    log: { level: event.severity.toLowerCase(), logger: 'seclog' },
    service: { name: event.service },
    labels: { correlation_id: event.correlation_id },
    seclog: {
      schema: event.schema,
      severity: event.severity,
      actor: { id: actor.id, type: actor.type },
      risk_reasons: [...event.risk_reasons],
      metadata: event.metadata,
    },
  };
  if (actor.type === 'user' || actor.type === 'service') record.user = { id: actor.id };
  // `source.ip` is typed `ip` in Elasticsearch: a value that is not one would fail the whole document.
  if (actor.ip && isIP(actor.ip)) record.source = { ip: actor.ip };
  else if (actor.ip) record.seclog.actor.ip = actor.ip;
  if (actor.session_id) record.seclog.actor.session_id = actor.session_id;
  if (actor.user_agent) record.user_agent = { original: actor.user_agent };
  if (event.trace_id) record.trace = { id: event.trace_id };
  if (event.span_id) record.span = { id: event.span_id };
  if (event.target !== undefined) record.seclog.target = event.target;
  if (event.integrity) record.seclog.integrity = event.integrity;
  const hints = httpHints(event);
  if (hints.method || hints.status) {
    record.http = {};
    if (hints.method) record.http.request = { method: hints.method };
    if (hints.status) record.http.response = { status_code: hints.status };
  }
  if (hints.path) record.url = { path: hints.path };
  return record;
}
