import { parseDuration } from '../../duration';
import { SecurityLogConfigError } from '../../errors';

/** A positive duration for option `optionPath`, else a `SecurityLogConfigError` naming it. */
export function requireDuration(value: string | number, optionPath: string): number {
  const ms = parseDuration(value);
  if (ms !== undefined && ms > 0) return ms;
  throw new SecurityLogConfigError('OPTION_INVALID', optionPath, `expected a positive duration such as '1d', got ${JSON.stringify(value)}`);
}
