import { SecurityLogConfigError } from '../errors';
import type { SanitizerLimits } from './types';

export const DEFAULT_LIMITS: SanitizerLimits = Object.freeze({
  maxDepth: 10,
  maxKeys: 200,
  maxArrayLength: 200,
  maxStringLength: 8192,
  maxTotalSize: 65_536,
});

/** Below these a marker would not fit (`…[TRUNCATED:536870912 chars total]` is 34), or nothing useful would be left to read. */
const MINIMUMS: SanitizerLimits = { maxDepth: 1, maxKeys: 1, maxArrayLength: 1, maxStringLength: 64, maxTotalSize: 256 };

export function resolveLimits(partial: Partial<SanitizerLimits> | undefined): SanitizerLimits {
  const limits = { ...DEFAULT_LIMITS };
  if (partial === undefined || partial === null) return limits;
  for (const name of Object.keys(DEFAULT_LIMITS) as (keyof SanitizerLimits)[]) {
    const value = partial[name];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(Number.isInteger(value) || value === Infinity) || value < MINIMUMS[name]) {
      throw new SecurityLogConfigError(
        'OPTION_INVALID',
        `sanitizer.limits.${name}`,
        `must be an integer >= ${MINIMUMS[name]} (or Infinity), got ${String(value)}`,
      );
    }
    limits[name] = value;
  }
  return limits;
}
