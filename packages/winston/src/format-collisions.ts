import { SecurityLogConfigError } from '@seclog/core';
import type { Logger } from 'winston';
import type Transport from 'winston-transport';
import { SECURITY_RECORD } from './record-marker';

type Info = Record<string | symbol, unknown>;
const LEVEL = Symbol.for('level');

/**
 * Runs the logger's format and each transport's on a copy of a real record and refuses, at
 * start-up, one that overwrites or removes an event field (a `timestamp()` format would replace
 * the event's own `timestamp`, for instance).
 */
export function assertFormatsKeepFields(logger: Logger, record: Record<string, unknown>, levelName: string): void {
  const formats: [string, Logger['format'] | undefined][] = [
    ['logger.format', logger.format],
    ...logger.transports.map((t: Transport, i): [string, Logger['format'] | undefined] => [`logger.transports[${i}].format`, t.format]),
  ];
  for (const [where, format] of formats) {
    if (!format) continue;
    const info: Info = { ...record, level: levelName, [LEVEL]: levelName, [SECURITY_RECORD]: true };
    let out: Info | boolean;
    try {
      out = format.transform(info as never, (format as { options?: object }).options) as Info | boolean;
    } catch {
      continue;
    }
    if (typeof out !== 'object') continue;
    const changed = Object.keys(record).filter((key) => JSON.stringify(out[key]) !== JSON.stringify(record[key]));
    if (changed.length > 0) {
      throw new SecurityLogConfigError(
        'OPTION_INVALID',
        'logger',
        `${where} rewrites ${changed.map((k) => `"${k}"`).join(', ')}, a field of the security record; remove that format from the logger or choose another record format`,
      );
    }
  }
}
