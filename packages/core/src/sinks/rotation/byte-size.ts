import { SecurityLogConfigError } from '../../errors';

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** `'100MB'`, `'512kb'`, `'1GB'` (powers of 1024) or a number of bytes. */
export function parseByteSize(value: string | number, optionPath: string): number {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value > 0) return value;
  } else {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)\s*$/i.exec(value);
    const bytes = match ? Math.floor(Number(match[1]) * UNITS[match[2]!.toLowerCase()]!) : NaN;
    if (bytes > 0) return bytes;
  }
  throw new SecurityLogConfigError('OPTION_INVALID', optionPath, `expected a positive size such as '100MB', got ${JSON.stringify(value)}`);
}
