import { readFile } from 'node:fs/promises';
import type { SecurityEvent } from '@seclog/core';

export interface ReadLog {
  events: SecurityEvent[];
  /** Lines that are not a seclog/1 record: an injected line would land here. */
  foreign: string[];
}

/** The chained log, in time order. */
export async function readSecurityLog(path: string): Promise<ReadLog> {
  const events: SecurityEvent[] = [];
  const foreign: string[] = [];
  for (const line of (await readFile(path, 'utf8')).split('\n')) {
    if (line === '') continue;
    try {
      const record = JSON.parse(line) as SecurityEvent;
      if (record.schema === 'seclog/1' && typeof record.event_id === 'string') events.push(record);
      else foreign.push(line);
    } catch {
      foreign.push(line);
    }
  }
  events.sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.event_id.localeCompare(b.event_id));
  return { events, foreign };
}
