import { SecurityLogConfigError } from '../../errors';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `'365d'`, `'12h'`, `'30m'`, `'45s'`, `'500ms'`, `'2w'` or a number of milliseconds. */
export function parseDuration(value: string | number, optionPath: string): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value > 0) return value;
  } else {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*$/.exec(value);
    const ms = match ? Number(match[1]) * UNITS[match[2]!]! : NaN;
    if (ms > 0) return ms;
  }
  throw new SecurityLogConfigError('OPTION_INVALID', optionPath, `expected a positive duration such as '1d', got ${JSON.stringify(value)}`);
}
