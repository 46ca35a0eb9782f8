import type { Actor, Outcome, SecurityEvent, Severity } from '../../src/event';
import { createSecurityLogger } from '../../src/logger/create-security-logger';
import { memorySink } from '../../src/sinks/memory-sink';
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

/** What `log()` itself makes of one entry: real sanitising, scoring and actor resolution. */
function loggedEvents(definition: EventTypeDefinition): SecurityEvent[] {
  const sink = memorySink();
  const logger = createSecurityLogger({ service: 'conformance', sinks: [sink], onError: () => undefined });
  return [
    logger.log({
      eventType: definition.name,
      actor: { id: 'user-1', ip: '198.51.100.4', userAgent: 'curl/8.5.0', sessionId: 'sess-1' },
      target: '/api/orders/7',
      metadata: { method: 'post', status: 409, route: '/api/orders/:id', password: 'hunter2' },
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId: '00f067aa0ba902b7',
    }),
    logger.log({ eventType: definition.name }),
  ];
}

/** Every registered taxonomy entry, plus an unregistered (synthetic) type: variants and real `log()` output. */
export function everyTaxonomyEvent(): { name: string; events: SecurityEvent[] }[] {
  const definitions = [...defaultTaxonomy.list(), defaultTaxonomy.resolve('billing.refund_issued')];
  return definitions.map((definition) => ({ name: definition.name, events: [...variantsOf(definition), ...loggedEvents(definition)] }));
}
