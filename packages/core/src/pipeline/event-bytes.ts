import type { SecurityEvent } from '../event';

/**
 * Approximate memory held by a queued event, cheap enough for every `log()` call: string lengths
 * plus a fixed cost per object and field, calibrated against the heap of a queued, frozen event.
 * Sanitised metadata is already bounded in depth and width, so walking it is bounded too.
 */
const EVENT_OVERHEAD = 1400;
const STRING_OVERHEAD = 16;
const FIELD_OVERHEAD = 24;
const OBJECT_OVERHEAD = 40;
const MAX_DEPTH = 8;

function valueBytes(value: unknown, depth: number): number {
  switch (typeof value) {
    case 'string':
      return STRING_OVERHEAD + value.length;
    case 'object': {
      if (value === null) return 8;
      if (depth >= MAX_DEPTH) return OBJECT_OVERHEAD;
      let total = OBJECT_OVERHEAD;
      if (Array.isArray(value)) {
        for (const item of value) total += 8 + valueBytes(item, depth + 1);
        return total;
      }
      for (const key in value) {
        total += FIELD_OVERHEAD + key.length + valueBytes((value as Record<string, unknown>)[key], depth + 1);
      }
      return total;
    }
    default:
      return 16;
  }
}

export function estimateEventBytes(event: SecurityEvent): number {
  const actor = event.actor;
  let total =
    EVENT_OVERHEAD +
    event.event_type.length +
    event.message.length +
    event.service.length +
    event.correlation_id.length +
    actor.id.length;
  if (actor.ip) total += STRING_OVERHEAD + actor.ip.length;
  if (actor.user_agent) total += STRING_OVERHEAD + actor.user_agent.length;
  if (actor.session_id) total += STRING_OVERHEAD + actor.session_id.length;
  if (event.target) total += STRING_OVERHEAD + event.target.length;
  for (const reason of event.risk_reasons) total += STRING_OVERHEAD + reason.length;
  return total + valueBytes(event.metadata, 0);
}
