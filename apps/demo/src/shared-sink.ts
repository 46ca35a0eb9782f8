import type { Sink } from '@seclog/core';

/**
 * Lets several loggers (one per service) feed one sink: each gets a view whose close() only
 * flushes, so the first service to stop does not close the file under the others. Whoever made
 * the shared sink closes it. (The file sink itself writes batches one at a time.)
 */
export function sharedSink(shared: Sink): () => Sink {
  return () => ({
    name: shared.name ?? 'shared',
    write: (event) => shared.write(event),
    ...(shared.writeBatch && { writeBatch: (events) => shared.writeBatch!(events) }),
    flush: async () => {
      await shared.flush?.();
    },
    close: async () => {
      await shared.flush?.();
    },
  });
}
