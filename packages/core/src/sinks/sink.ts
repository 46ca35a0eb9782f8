import type { SecurityEvent } from '../event';

/**
 * Where finished events go. `write` may return a promise: the pipeline waits for it before the
 * next write to the same sink, and treats a rejection as a failed delivery to retry.
 */
export interface Sink {
  /** Shown in errors and stats; defaults to the sink's position. */
  readonly name?: string;
  write(event: SecurityEvent): void | Promise<void>;
  /** Optional fast path: many events in one call, in order. */
  writeBatch?(events: readonly SecurityEvent[]): void | Promise<void>;
  flush?(): Promise<void>;
  close?(): Promise<void>;
}
