import type { SecurityEvent, Sink } from '@seclog/core';

/**
 * Lets several loggers (one per service) feed one chained file: batches are written one after
 * another, so the hash chain sees them in a single order. Closing a view only waits for its
 * writes; whoever made the shared sink closes it.
 */
export function serializedSink(shared: Sink): () => Sink {
  let tail: Promise<void> = Promise.resolve();
  const enqueue = (events: readonly SecurityEvent[]) => {
    const write = tail.then(() => (shared.writeBatch ? shared.writeBatch(events) : Promise.all(events.map((e) => shared.write(e))).then(() => undefined)));
    // A failed batch is the caller's to retry; the next batch must not inherit the failure.
    tail = write.catch(() => undefined);
    return write;
  };
  return () => ({
    name: shared.name ?? 'shared',
    write: (event) => enqueue([event]),
    writeBatch: enqueue,
    flush: async () => {
      await tail;
      await shared.flush?.();
    },
    close: () => tail,
  });
}
