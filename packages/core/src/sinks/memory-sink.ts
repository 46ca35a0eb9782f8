import type { SecurityEvent } from '../event';
import type { Sink } from './sink';

export interface MemorySink extends Sink {
  /** Every event written so far, in order. */
  readonly events: SecurityEvent[];
  clear(): void;
}

/** Keeps events in an array: for tests, and for in-process consumers such as the alert engine. */
export function memorySink(options: { name?: string } = {}): MemorySink {
  const events: SecurityEvent[] = [];
  return {
    name: options.name ?? 'memory',
    events,
    write(event) {
      events.push(event);
    },
    writeBatch(batch) {
      for (const event of batch) events.push(event);
    },
    clear() {
      events.length = 0;
    },
  };
}
