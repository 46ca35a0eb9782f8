import type { SecurityEvent } from '../event';

/** One JSON line. Events are sanitised plain data, so plain JSON.stringify is safe and fast. */
export function serializeEvent(event: SecurityEvent): string {
  return JSON.stringify(event) + '\n';
}

export function serializeBatch(events: readonly SecurityEvent[]): string {
  let out = '';
  for (const event of events) out += JSON.stringify(event) + '\n';
  return out;
}
