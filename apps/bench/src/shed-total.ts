import type { SecurityLogger } from '@seclog/core';

/** Events a logger dropped across its sinks: a run that shed anything measured less work. */
export function shedTotal(logger: SecurityLogger): number {
  return Object.values(logger.stats().sinks).reduce((sum, sink) => sum + sink.shed.total, 0);
}

/**
 * Producer-side backpressure: once a sink's queue is half its default bound (10,000), wait for
 * delivery instead of letting the logger shed. The bench measures delivered throughput, not drops.
 */
export async function keepWithinQueue(logger: SecurityLogger, limit = 5000): Promise<void> {
  for (const sink of Object.values(logger.stats().sinks)) {
    if (sink.queued > limit) {
      await logger.flush();
      return;
    }
  }
}
