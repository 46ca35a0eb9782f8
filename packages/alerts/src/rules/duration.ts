import type { Duration } from './types';

const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const PATTERN = /^(\d+(?:\.\d+)?)(ms|s|m|h|d|w)$/;

/**
 * Milliseconds of a duration (`500ms`, `60s`, `5m`, `24h`, `7d`, `2w`, or a number), or undefined when
 * it is not one. Same units as core's rotation options; this one returns instead of throwing, so
 * rule validation can report every bad field at once.
 */
export function parseDuration(value: Duration | unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string' || value.length > 32) return undefined;
  const found = PATTERN.exec(value.trim());
  if (!found) return undefined;
  const ms = Number(found[1]) * UNITS[found[2]!]!;
  return Number.isFinite(ms) ? Math.round(ms) : undefined;
}

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
