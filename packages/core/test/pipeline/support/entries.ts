import type { SecurityEvent, Severity } from '../../../src';
import { createEntry, type QueueEntry } from '../../../src/pipeline/queue-entry';

/** A minimal event of the given severity; the queue only looks at severity. */
export function fakeEntry(seq: number, severity: Severity, bytes = 100): QueueEntry {
  const event = { severity, event_id: `e${seq}` } as unknown as SecurityEvent;
  return createEntry(event, seq, bytes, false);
}
