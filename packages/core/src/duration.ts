const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const PATTERN = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)$/;

/**
 * Whole milliseconds of a duration (`500ms`, `60s`, `5m`, `24h`, `7d`, `2w`, or a number of
 * milliseconds), or undefined when the value is not one. Returns instead of throwing, so that a
 * caller checking many options can name every bad one.
 */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return wholeMs(value);
  // Longer text is no duration: the pattern never reads an unbounded string.
  if (typeof value !== 'string' || value.length > 32) return undefined;
  const found = PATTERN.exec(value.trim());
  if (!found) return undefined;
  return wholeMs(Number(found[1]) * UNITS[found[2]!]!);
}

// Past 2^53 milliseconds (285,000 years) a count is no longer exact: such a value is a mistake.
function wholeMs(ms: number): number | undefined {
  if (!(ms >= 0 && ms <= Number.MAX_SAFE_INTEGER)) return undefined;
  // `|| 0` turns -0 into 0.
  return Math.round(ms) || 0;
}
