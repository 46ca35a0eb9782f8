export interface RetryOptions {
  /** Retries of a failed batch before it is given up on. Default 3. */
  retries: number;
  /** First backoff; doubles per attempt. Default 50 ms. */
  baseMs: number;
  /** Backoff ceiling. Default 5,000 ms. */
  maxMs: number;
}

export const DEFAULT_RETRY: Readonly<RetryOptions> = Object.freeze({ retries: 3, baseMs: 50, maxMs: 5_000 });

/** Exponential backoff with "equal jitter": half fixed, half random, so failing sinks do not retry in step. */
export function backoffMs(attempt: number, options: RetryOptions, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** (attempt - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}
