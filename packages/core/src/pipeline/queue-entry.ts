import type { SecurityEvent, Severity } from '../event';

/** Severity as a small number, so comparisons on the hot path are integer ones. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = Object.freeze({ LOW: 0, MEDIUM: 1, HIGH: 2, CRITICAL: 3 });
export const RANK_SEVERITY: readonly Severity[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/** The promise behind `logDurable()`: settles once every sink holds the event durably. */
export interface DurableTicket {
  remaining: number;
  settled: boolean;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * One event in the pipeline, shared by every sink's channel (it is never mutated after creation,
 * apart from settling its ticket).
 */
export interface QueueEntry {
  readonly event: SecurityEvent;
  /** Logger-wide order of acceptance; channels deliver in this order. */
  readonly seq: number;
  /** Approximate size, for the byte bound. */
  readonly bytes: number;
  readonly rank: number;
  /** Never shed: HIGH/CRITICAL, durable requests and the logger's own summaries. */
  readonly keep: boolean;
  readonly ticket: DurableTicket | undefined;
  /** True for entries read back from a spill file. */
  readonly fromSpill: boolean;
}

export function createEntry(
  event: SecurityEvent,
  seq: number,
  bytes: number,
  keep: boolean,
  ticket?: DurableTicket,
): QueueEntry {
  const rank = SEVERITY_RANK[event.severity] ?? 0;
  return { event, seq, bytes, rank, keep: keep || rank >= 2, ticket, fromSpill: false };
}

/** One channel's share of a ticket: resolves the caller's promise when the last sink has answered. */
export function settleTicket(ticket: DurableTicket | undefined, error?: unknown): void {
  if (!ticket || ticket.settled) return;
  if (error !== undefined) {
    ticket.settled = true;
    ticket.reject(error);
    return;
  }
  if (--ticket.remaining <= 0) {
    ticket.settled = true;
    ticket.resolve();
  }
}
