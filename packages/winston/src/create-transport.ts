import { SecurityLogConfigError, type Sink } from '@seclog/core';
import { winstonSink, type WinstonSinkOptions } from './winston-sink';

const KNOWN = new Set(['logger', 'destination', 'winston', 'level', 'levelName', 'format', 'name']);

/**
 * The entry point of `transports: [{ target: '@seclog/winston', options }]`. Options come from
 * configuration (often JSON), so each is checked here and a bad one is named.
 */
export function createTransport(options: Record<string, unknown> = {}): Sink {
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) {
      throw new SecurityLogConfigError('OPTION_INVALID', `options.${key}`, `unknown option for @seclog/winston; known options are ${[...KNOWN].join(', ')}`);
    }
  }
  const { winston, level, levelName, destination } = options;
  if (destination !== undefined && typeof destination !== 'string') {
    throw new SecurityLogConfigError('OPTION_INVALID', 'options.destination', 'must be a file path');
  }
  if (winston !== undefined && (typeof winston !== 'object' || winston === null || Array.isArray(winston))) {
    throw new SecurityLogConfigError('OPTION_INVALID', 'options.winston', 'must be an object of winston logger options');
  }
  if (level !== undefined && (typeof level !== 'number' || !Number.isFinite(level))) {
    throw new SecurityLogConfigError('OPTION_INVALID', 'options.level', 'must be a number (the level priority)');
  }
  if (levelName !== undefined && typeof levelName !== 'string') {
    throw new SecurityLogConfigError('OPTION_INVALID', 'options.levelName', 'must be a string');
  }
  try {
    return winstonSink(options as WinstonSinkOptions);
  } catch (error) {
    if (error instanceof SecurityLogConfigError && !error.path.startsWith('options.')) {
      throw new SecurityLogConfigError(error.code, `options.${error.path}`, error.message.slice(error.path.length + 2), { cause: error });
    }
    throw error;
  }
}
