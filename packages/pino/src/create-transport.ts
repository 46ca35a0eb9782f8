import { SecurityLogConfigError, type Sink } from '@seclog/core';
import type { LoggerOptions } from 'pino';
import { pinoSink, type PinoSinkOptions } from './pino-sink';

const KNOWN = new Set(['logger', 'destination', 'pino', 'level', 'levelName', 'format', 'name']);

/**
 * The entry point of `transports: [{ target: '@seclog/pino', options }]`. Options come from
 * configuration (often JSON), so each is checked here and a bad one is named.
 */
export function createTransport(options: Record<string, unknown> = {}): Sink {
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) {
      throw new SecurityLogConfigError('OPTION_INVALID', `options.${key}`, `unknown option for @seclog/pino; known options are ${[...KNOWN].join(', ')}`);
    }
  }
  const { destination, pino, level, levelName } = options;
  if (destination !== undefined && typeof destination !== 'string' && typeof destination !== 'number' && typeof destination !== 'object') {
    throw new SecurityLogConfigError('OPTION_INVALID', 'options.destination', 'must be a file path or a file descriptor');
  }
  if (pino !== undefined && (typeof pino !== 'object' || pino === null || Array.isArray(pino))) {
    throw new SecurityLogConfigError('OPTION_INVALID', 'options.pino', 'must be an object of pino options');
  }
  if (level !== undefined && !Number.isInteger(level)) {
    throw new SecurityLogConfigError('OPTION_INVALID', 'options.level', 'must be an integer level value');
  }
  if (levelName !== undefined && typeof levelName !== 'string') {
    throw new SecurityLogConfigError('OPTION_INVALID', 'options.levelName', 'must be a string');
  }
  try {
    return pinoSink({ ...(options as PinoSinkOptions), pino: pino as LoggerOptions | undefined });
  } catch (error) {
    if (error instanceof SecurityLogConfigError && !error.path.startsWith('options.')) {
      throw new SecurityLogConfigError(error.code, `options.${error.path}`, error.message.slice(error.path.length + 2), { cause: error });
    }
    throw error;
  }
}
