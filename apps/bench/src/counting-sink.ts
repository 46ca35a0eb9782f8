import type { SecurityEvent, Sink } from '@seclog/core';

/** A sink that only counts: what is measured is the logger (and whatever sits beside it), not I/O. */
export function countingSink(name: string): Sink & { count: number } {
  const sink = {
    name,
    count: 0,
    write(_event: SecurityEvent) {
      sink.count++;
    },
    writeBatch(events: readonly SecurityEvent[]) {
      sink.count += events.length;
    },
  };
  return sink;
}
