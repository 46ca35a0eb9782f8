import { performance } from 'node:perf_hooks';

/**
 * Events logged between two turns of the event loop: a busy service handles a request or a few
 * between I/O turns, so 100 is already a heavy burst. Every suite uses the same for every candidate.
 */
export const BURST = 100;

/** Lets queued I/O and timers run, as a server's event loop would between requests. */
export const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function elapsedMs(work: () => Promise<void> | void): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export const perSecond = (count: number, ms: number) => (count / ms) * 1000;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/**
 * Runs every candidate `rounds` times, interleaved (A B C, A B C, ...) so that a slow patch of the
 * machine hits them all alike, and keeps each one's median.
 */
export async function interleaved<K extends string>(
  rounds: number,
  candidates: Record<K, () => Promise<number>>,
): Promise<Record<K, number>> {
  const samples = Object.fromEntries(Object.keys(candidates).map((key) => [key, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < rounds; round++) {
    for (const key of Object.keys(candidates) as K[]) samples[key].push(await candidates[key]());
  }
  return Object.fromEntries(Object.entries(samples).map(([key, values]) => [key, median(values as number[])])) as Record<K, number>;
}
