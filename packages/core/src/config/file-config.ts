import { readFileSync } from 'node:fs';
import { SecurityLogConfigError } from '../errors';
import { CONFIG_KEYS, type SeclogConfig } from './config-shape';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expect(ok: boolean, where: string, message: string): void {
  if (!ok) throw new SecurityLogConfigError('CONFIG_FILE_INVALID', where, message);
}

/** Checks the shape of a parsed config file; `name` prefixes every error path. */
export function validateFileConfig(parsed: unknown, name: string): SeclogConfig {
  expect(isObject(parsed), name, 'must hold one JSON object');
  const config = parsed as Record<string, unknown>;
  for (const key of Object.keys(config)) {
    expect((CONFIG_KEYS as readonly string[]).includes(key), `${name}:${key}`, `unknown setting; known settings are ${CONFIG_KEYS.join(', ')}`);
  }
  for (const key of ['service', 'transport', 'destination', 'format'] as const) {
    expect(config[key] === undefined || typeof config[key] === 'string', `${name}:${key}`, 'must be a string');
  }
  for (const key of ['level', 'maxBatch', 'lingerMs', 'retries'] as const) {
    expect(config[key] === undefined || (typeof config[key] === 'number' && Number.isFinite(config[key])), `${name}:${key}`, 'must be a number');
  }
  for (const key of ['sanitizer', 'risk'] as const) {
    expect(config[key] === undefined || isObject(config[key]), `${name}:${key}`, 'must be an object');
  }
  if (config.transports !== undefined) {
    expect(Array.isArray(config.transports), `${name}:transports`, 'must be an array of { target, options }');
    (config.transports as unknown[]).forEach((entry, i) => {
      const where = `${name}:transports[${i}]`;
      expect(isObject(entry), where, 'must be an object { target, options }');
      const { target, options, ...rest } = entry as Record<string, unknown>;
      expect(typeof target === 'string' && target.length > 0, `${where}.target`, 'must be a non-empty string');
      expect(options === undefined || isObject(options), `${where}.options`, 'must be an object');
      const extra = Object.keys(rest);
      expect(extra.length === 0, `${where}.${extra[0]}`, 'unknown key; a transport has only target and options');
    });
    expect(config.transport === undefined, `${name}:transport`, 'give either `transport` or `transports`, not both');
  }
  return config as SeclogConfig;
}

/** Reads and checks a config file; a missing file is `undefined`, a broken one an error naming it. */
export function readFileConfig(path: string, name: string, required: boolean): SeclogConfig | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !required) return undefined;
    throw new SecurityLogConfigError('CONFIG_FILE_INVALID', name, `cannot read: ${(error as Error).message}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SecurityLogConfigError('CONFIG_FILE_INVALID', name, `not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  return validateFileConfig(parsed, name);
}
