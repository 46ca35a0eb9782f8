import { SecurityLogConfigError } from '@seclog/core';
import type { Logger } from 'winston';

export const DEFAULT_SECURITY_LEVEL_NAME = 'security';
/** Between npm's `error` (0) and `warn` (1): a logger at `warn` still writes security events. */
export const DEFAULT_SECURITY_PRIORITY = 0.5;

/**
 * Gives the logger a real `security` level. winston drops a record of a level it does not know,
 * without a word, so the level is added to the logger and to every transport it already piped
 * to (each keeps its own reference to the levels), and a threshold that would drop it is refused.
 */
export function addSecurityLevel(logger: Logger, name: string, priority: number | undefined): void {
  const existing = logger.levels[name];
  if (priority !== undefined && (typeof priority !== 'number' || !Number.isFinite(priority))) {
    throw new SecurityLogConfigError('OPTION_INVALID', 'level', `the security level priority must be a finite number, got ${String(priority)}`);
  }
  if (existing !== undefined && priority !== undefined && existing !== priority) {
    throw new SecurityLogConfigError('OPTION_INVALID', 'level', `the logger already has a "${name}" level with priority ${existing}, not ${priority}`);
  }
  if (existing === undefined) {
    // A new object: the logger's may be winston's shared `config.npm.levels`.
    const levels = { ...logger.levels, [name]: priority ?? DEFAULT_SECURITY_PRIORITY };
    logger.levels = levels;
    for (const transport of logger.transports) (transport as { levels?: Record<string, number> }).levels = levels;
  }
  if (!logger.isLevelEnabled(name)) {
    throw new SecurityLogConfigError(
      'OPTION_INVALID',
      'level',
      `the logger's level "${logger.level}" drops the "${name}" level (priority ${logger.levels[name]}); lower the threshold or give security a smaller priority`,
    );
  }
}
