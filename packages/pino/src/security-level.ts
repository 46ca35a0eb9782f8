import type { Logger } from 'pino';
import { SecurityLogConfigError } from '@seclog/core';

export const DEFAULT_SECURITY_LEVEL = 45;

/**
 * The child's log formatter: security records are finished (sanitised by core, shaped by the
 * format), so a formatter meant for app logs, such as `withRedaction`'s, must not rewrite them.
 */
export const keepRecord = (record: object): object => record;
export const DEFAULT_SECURITY_LEVEL_NAME = 'security';

/**
 * A child of `logger` that knows the security level. Between `warn` (40) and `error` (50) by
 * default, so a logger at `warn` still writes security events; a logger whose threshold would drop
 * them is refused at start-up instead of losing events silently.
 */
export function withSecurityLevel(logger: Logger, name: string, value: number | undefined): Logger<string> {
  const existing = logger.levels.values[name];
  const wanted = value ?? existing ?? DEFAULT_SECURITY_LEVEL;
  if (!Number.isInteger(wanted) || wanted <= 0) {
    throw new SecurityLogConfigError('OPTION_INVALID', 'level', `the security level must be a positive integer, got ${String(value)}`);
  }
  if (existing !== undefined && existing !== wanted) {
    throw new SecurityLogConfigError('OPTION_INVALID', 'level', `the logger already has a "${name}" level with value ${existing}, not ${wanted}`);
  }
  const taken = logger.levels.labels[wanted];
  if (taken !== undefined && taken !== name) {
    throw new SecurityLogConfigError('OPTION_INVALID', 'level', `level value ${wanted} is already pino's "${taken}" level; choose another value`);
  }
  const child = logger.child(
    {},
    existing === undefined ? { customLevels: { [name]: wanted }, formatters: { log: keepRecord } } : { formatters: { log: keepRecord } },
  ) as Logger<string>;
  if (!child.isLevelEnabled(name)) {
    throw new SecurityLogConfigError(
      'OPTION_INVALID',
      'level',
      `the logger's level "${logger.level}" (${logger.levelVal}) drops the "${name}" level (${wanted}); lower the logger's level or raise the security level`,
    );
  }
  return child;
}
