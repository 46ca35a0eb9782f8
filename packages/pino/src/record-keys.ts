import type { Logger } from 'pino';
import pino from 'pino';
import { SecurityLogConfigError, defaultTaxonomy, formatEvent, type OutputFormat, type SecurityEvent } from '@seclog/core';

/** An event with every optional field, so that every key a format can write appears. */
function probeEvent(eventType: string): SecurityEvent {
  return {
    schema: 'seclog/1',
    event_id: '00000000-0000-7000-8000-000000000000',
    timestamp: '2000-01-01T00:00:00.000Z',
    severity: 'HIGH',
    event_type: eventType,
    outcome: 'failure',
    message: 'probe',
    service: 'probe',
    actor: { id: 'probe', type: 'user', ip: '127.0.0.1', user_agent: 'probe', session_id: 'probe' },
    target: '/probe',
    correlation_id: 'probe',
    trace_id: '0'.repeat(31) + '1',
    span_id: '0'.repeat(15) + '1',
    risk_score: 7,
    risk_reasons: [],
    metadata: { method: 'GET', status: 500, path: '/probe' },
    integrity: { chain: 'probe', seq: 0, prev: '', hash: '' },
  };
}

/** Every top-level key `format` can write, over the whole taxonomy. */
export function recordKeys(format: OutputFormat): Set<string> {
  const keys = new Set<string>();
  for (const definition of defaultTaxonomy.list()) {
    for (const key of Object.keys(formatEvent(probeEvent(definition.name), format))) keys.add(key);
  }
  return keys;
}

function keysOfFragment(fragment: string): string[] {
  if (fragment === '') return [];
  try {
    return Object.keys(JSON.parse(`{${fragment.replace(/^,/, '')}}`) as object);
  } catch {
    return [];
  }
}

/** The keys pino itself writes on every line of this logger: its level, time and bindings. */
export function pinoKeys(logger: Logger<string>, levelValue: number): string[] {
  const { lsCacheSym, timeSym, chindingsSym } = pino.symbols as unknown as Record<string, symbol>;
  const internals = logger as unknown as Record<symbol, unknown>;
  const levelFragment = String((internals[lsCacheSym!] as Record<number, string>)[levelValue] ?? '').replace(/^\{/, '');
  const timeFragment = String((internals[timeSym!] as () => string)());
  return [...keysOfFragment(levelFragment), ...keysOfFragment(timeFragment), ...keysOfFragment(String(internals[chindingsSym!] ?? ''))];
}

/** Refuses, at start-up, a logger whose own fields would share a key with the event's. */
export function assertNoCollision(logger: Logger<string>, levelValue: number, format: OutputFormat): void {
  const eventKeys = recordKeys(format);
  const clashes = pinoKeys(logger, levelValue).filter((key) => eventKeys.has(key));
  if (clashes.length > 0) {
    throw new SecurityLogConfigError(
      'OPTION_INVALID',
      'logger',
      `the pino logger writes ${clashes.map((k) => `"${k}"`).join(', ')} on every line, which the "${format}" format also writes; ` +
        'rename that pino field (messageKey, formatters.level, timestamp, base) or choose another format',
    );
  }
}
