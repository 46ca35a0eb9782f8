import { SecurityLogConfigError } from '../errors';
import type { SeclogConfig } from './config-shape';

export type Env = Readonly<Record<string, string | undefined>>;

function integer(env: Env, name: string, min: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new SecurityLogConfigError('OPTION_INVALID', name, `must be an integer >= ${min}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

function text(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

/** The `SECLOG_*` variables, as configuration; an empty variable counts as unset. */
export function configFromEnv(env: Env): SeclogConfig {
  const config: SeclogConfig = {};
  const service = text(env, 'SECLOG_SERVICE');
  if (service !== undefined) config.service = service;
  const transport = text(env, 'SECLOG_TRANSPORT');
  if (transport !== undefined) config.transport = transport;
  const destination = text(env, 'SECLOG_DESTINATION');
  if (destination !== undefined) config.destination = destination;
  const format = text(env, 'SECLOG_FORMAT');
  if (format !== undefined) config.format = format;
  const levelRaw = text(env, 'SECLOG_LEVEL');
  if (levelRaw !== undefined) {
    const level = Number(levelRaw);
    if (!Number.isFinite(level)) {
      throw new SecurityLogConfigError('OPTION_INVALID', 'SECLOG_LEVEL', `must be a number (the security level's value), got ${JSON.stringify(levelRaw)}`);
    }
    config.level = level;
  }
  const maxBatch = integer(env, 'SECLOG_MAX_BATCH', 1);
  if (maxBatch !== undefined) config.maxBatch = maxBatch;
  const lingerMs = integer(env, 'SECLOG_LINGER_MS', 0);
  if (lingerMs !== undefined) config.lingerMs = lingerMs;
  const retries = integer(env, 'SECLOG_RETRIES', 0);
  if (retries !== undefined) config.retries = retries;
  return config;
}
