import type { SecurityLogger } from '@seclog/core';

/** Events a logger dropped across its sinks: a run that shed anything measured less work. */
export function shedTotal(logger: SecurityLogger): number {
  return Object.values(logger.stats().sinks).reduce((sum, sink) => sum + sink.shed.total, 0);
}
