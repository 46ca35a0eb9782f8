import type { Actor, Outcome, SecurityEvent, Severity } from '../../src/event';
import type { EventTypeDefinition } from '../../src/taxonomy';
import { defaultTaxonomy } from '../../src/taxonomy';
import { sampleEvent } from '../formats/sample-event';

const ACTORS: Actor[] = [
  { id: 'user-42', type: 'user', ip: '203.0.113.7', user_agent: 'Mozilla/5.0', session_id: 'sess-9' },
  { id: 'svc-billing', type: 'service' },
  { id: '2001:db8::1', type: 'ip', ip: '2001:db8::1' },
  { id: 'anonymous', type: 'anonymous' },
];
const OUTCOMES: Outcome[] = ['success', 'failure', 'unknown'];
const SEVERITIES: [Severity, number][] = [
  ['LOW', 1],
  ['MEDIUM', 4.5],
  ['HIGH', 7],
  ['CRITICAL', 10],
];

/**
 * Events for one taxonomy entry, covering every actor kind, outcome and severity, with and without
 * target, trace context and HTTP metadata, so each branch of each format meets the schema.
 */
export function variantsOf(definition: EventTypeDefinition): SecurityEvent[] {
  return ACTORS.map((actor, i) => {
    const [severity, risk] = SEVERITIES[i % SEVERITIES.length]!;
    const full = i % 2 === 0;
    const event = sampleEvent({
      event_type: definition.name,
      actor,
      outcome: OUTCOMES[i % OUTCOMES.length]!,
      severity,
      risk_score: risk,
      message: definition.description,
      metadata: full ? { method: 'DELETE', status: 403, route: '/api/users/:id', reason: 'x' } : {},
    });
    if (!full) {
      delete event.target;
      delete event.trace_id;
      delete event.span_id;
    }
    if (i === 0) event.integrity = { chain: 'c1', seq: 1, prev: '0'.repeat(64), hash: 'a'.repeat(64) };
    return event;
  });
}

/** Every registered taxonomy entry, plus an unregistered (synthetic) type. */
export function everyTaxonomyEvent(): { name: string; events: SecurityEvent[] }[] {
  const definitions = [...defaultTaxonomy.list(), defaultTaxonomy.resolve('billing.refund_issued')];
  return definitions.map((definition) => ({ name: definition.name, events: variantsOf(definition) }));
}
