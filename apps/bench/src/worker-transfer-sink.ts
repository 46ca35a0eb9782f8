import { Worker } from 'node:worker_threads';
import type { SecurityEvent, Sink } from '@seclog/core';

/** Strings of an event the bench's rules read, in this order; numbers go apart. */
const STRING_FIELDS = 8;
const NUMBER_FIELDS = 2;

// Decodes every batch back into its fields, as an engine in the worker would first have to, and acknowledges it.
const WORKER = `
const { parentPort } = require('node:worker_threads');
let events = 0;
parentPort.on('message', ({ text, lengths, numbers }) => {
  const values = new Array(lengths.length);
  let offset = 0;
  for (let i = 0; i < lengths.length; i++) {
    const length = lengths[i];
    if (length < 0) continue;
    values[i] = text.slice(offset, offset + length);
    offset += length;
  }
  events += numbers.length / ${NUMBER_FIELDS};
  parentPort.postMessage(events);
});
`;

function pack(events: readonly SecurityEvent[]): { text: string; lengths: Int32Array<ArrayBuffer>; numbers: Float64Array<ArrayBuffer> } {
  const lengths = new Int32Array(events.length * STRING_FIELDS);
  const numbers = new Float64Array(events.length * NUMBER_FIELDS);
  let text = '';
  let at = 0;
  const add = (value: unknown) => {
    if (typeof value === 'string') {
      lengths[at++] = value.length;
      text += value;
    } else {
      lengths[at++] = -1;
    }
  };
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    const { actor, metadata } = event;
    add(event.event_type);
    add(event.timestamp);
    add(event.event_id);
    add(event.outcome);
    add(actor.id);
    add(actor.ip);
    add(actor.type);
    add(metadata?.username);
    numbers[index * NUMBER_FIELDS] = event.risk_score;
    const status = metadata?.status;
    numbers[index * NUMBER_FIELDS + 1] = typeof status === 'number' ? status : Number.NaN;
  }
  return { text, lengths, numbers };
}

/**
 * What moving rule evaluation off the logging thread costs that thread before any rule runs: each
 * batch's fields that the bench's rules read are copied into one string plus two typed arrays
 * (moved, not copied) and posted to a worker, which decodes them and acknowledges. `flush()`
 * resolves once the worker has acknowledged every event; `acknowledged` says how many it has.
 */
export function workerTransferSink(): Sink & { readonly acknowledged: number } {
  const worker = new Worker(WORKER, { eval: true });
  let sent = 0;
  let acknowledged = 0;
  let waiting: (() => void)[] = [];
  worker.on('message', (count: number) => {
    acknowledged = count;
    if (acknowledged !== sent) return;
    for (const resolve of waiting) resolve();
    waiting = [];
  });
  const writeBatch = (events: readonly SecurityEvent[]) => {
    const message = pack(events);
    sent += events.length;
    worker.postMessage(message, [message.lengths.buffer, message.numbers.buffer]);
  };
  const flush = () => (acknowledged === sent ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve)));
  return {
    name: 'worker-transfer',
    get acknowledged() {
      return acknowledged;
    },
    write: (event) => writeBatch([event]),
    writeBatch,
    flush,
    async close() {
      await flush();
      await worker.terminate();
    },
  };
}
