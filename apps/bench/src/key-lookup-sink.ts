import type { SecurityEvent, Sink } from '@seclog/core';

/**
 * The least a rule keyed by `actor.id` and one keyed by `actor.ip` must do for an event: find
 * each key's state in a map and update it. No windows, no conditions: a lower bound on what any
 * alert engine with such rules costs the thread that logs.
 */
export function keyLookupSink(): Sink {
  const byId = new Map<string, number>();
  const byIp = new Map<string, number>();
  const see = (event: SecurityEvent) => {
    const { id, ip } = event.actor;
    byId.set(id, (byId.get(id) ?? 0) + 1);
    if (ip !== undefined) byIp.set(ip, (byIp.get(ip) ?? 0) + 1);
  };
  return {
    name: 'key-lookups',
    write: see,
    writeBatch(events) {
      for (let index = 0; index < events.length; index++) see(events[index]!);
    },
  };
}
