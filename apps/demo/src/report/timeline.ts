import type { SecurityEvent, Severity } from '@seclog/core';

export interface TimelineRow {
  time: string;
  service: string;
  severity: Severity;
  type: string;
  actor: string;
  correlation: string;
  /** Consecutive events of the same service, type and severity folded into this row. */
  count: number;
  actors: Set<string>;
  lastCorrelation?: string;
}

const actorOf = (event: SecurityEvent) => (event.actor.ip && event.actor.ip !== event.actor.id ? `${event.actor.id} (${event.actor.ip})` : event.actor.id);

/** Events in time order; a run of the same service, type and severity becomes one row with a count. */
export function timeline(events: readonly SecurityEvent[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (const event of events) {
    const row: TimelineRow = {
      time: event.timestamp.slice(11, 23),
      service: event.service,
      severity: event.severity,
      type: event.event_type,
      actor: actorOf(event),
      correlation: event.correlation_id,
      count: 1,
      actors: new Set([actorOf(event)]),
    };
    const last = rows.at(-1);
    // The error response of a request whose own event is already shown adds its status to that row.
    if (last && event.event_type === 'http.error_response' && last.service === row.service && last.lastCorrelation === event.correlation_id) {
      const status = `+${String(event.metadata?.status ?? 'error')}`;
      if (!last.type.endsWith(status)) last.type += ` ${status}`;
      continue;
    }
    row.lastCorrelation = event.correlation_id;
    if (last && last.service === row.service && last.type.split(' ')[0] === row.type && last.severity === row.severity) {
      last.lastCorrelation = event.correlation_id;
      last.count++;
      last.actors.add(row.actor);
      if (last.actors.size > 1) last.actor = `${last.actors.size} actors`;
      if (last.correlation !== row.correlation) last.correlation = 'several';
    } else {
      rows.push(row);
    }
  }
  return rows;
}

export const SEVERITY_ORDER: Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

export function countBySeverity(events: readonly SecurityEvent[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0 };
  for (const event of events) counts[event.severity]++;
  return counts;
}
