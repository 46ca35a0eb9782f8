import type { Duration } from './types';

/** The shortest exact form, for messages and generated Prometheus rules (`90000` -> `90s`). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1_000]] as const) {
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

/** A duration as the rule wrote it (`60s` stays `60s`); milliseconds are shown in their shortest form. */
export function durationText(value: Duration): string {
  return typeof value === 'string' ? value.trim() : formatDuration(value);
}
