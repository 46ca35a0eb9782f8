import type { Severity } from '../event';
import { RANK_SEVERITY } from './queue-entry';

/**
 * Why events were dropped: `queue_full` (the bound was reached), `delivery_failed` (LOW/MEDIUM
 * after the last retry), `shutdown` (still queued when `close()` hit its deadline or the process
 * died), `spill_unavailable` (HIGH/CRITICAL that neither the spill file nor the fallback could take).
 */
export type ShedReason = 'queue_full' | 'delivery_failed' | 'shutdown' | 'spill_unavailable';

export interface ShedStats {
  total: number;
  bySeverity: Record<Severity, number>;
  byReason: Record<ShedReason, number>;
}

export function createShedStats(): ShedStats {
  return {
    total: 0,
    bySeverity: { LOW: 0, MEDIUM: 0, HIGH: 0, CRITICAL: 0 },
    byReason: { queue_full: 0, delivery_failed: 0, shutdown: 0, spill_unavailable: 0 },
  };
}

export function countShed(stats: ShedStats, rank: number, reason: ShedReason): void {
  stats.total++;
  stats.bySeverity[RANK_SEVERITY[rank] ?? 'LOW']++;
  stats.byReason[reason]++;
}

export function copyShedStats(stats: ShedStats): ShedStats {
  return { total: stats.total, bySeverity: { ...stats.bySeverity }, byReason: { ...stats.byReason } };
}
