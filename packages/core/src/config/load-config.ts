import { resolve } from 'node:path';
import { SecurityLogConfigError } from '../errors';
import { checkFormat } from '../formats/format-event';
import type { SecurityLoggerOptions } from '../logger/create-security-logger';
import type { TransportConfig } from '../logger/transport-types';
import type { SeclogConfig } from './config-shape';
import { configFromEnv, type Env } from './env-config';
import { readFileConfig } from './file-config';

export const DEFAULT_CONFIG_FILE = 'seclog.config.json';

export interface LoadConfigOptions {
  /** Where the `SECLOG_*` variables are read. Default `process.env`. */
  env?: Env;
  /**
   * A config file to read, `false` for none. Default: `SECLOG_CONFIG`, else `seclog.config.json`
   * in `cwd` when it exists. A file named explicitly must exist.
   */
  file?: string | false;
  /** Where a relative config file is looked up. Default `process.cwd()`. */
  cwd?: string;
  /** Options the configuration cannot express (sinks, onError, a clock), merged underneath. */
  defaults?: Partial<SecurityLoggerOptions>;
}

/** The short form (`transport` + `destination`/`format`/`level`) as one transport entry. */
function shortTransport(config: SeclogConfig, destinationPath: string): TransportConfig {
  const options: Record<string, unknown> = {};
  if (config.destination !== undefined) options.destination = config.destination;
  if (config.format !== undefined) options.format = config.format;
  if (config.level !== undefined) options.level = config.level;
  if (config.transport === 'file' && config.destination === undefined) {
    throw new SecurityLogConfigError('OPTION_INVALID', destinationPath, 'the file transport needs a destination path');
  }
  return { target: config.transport!, options };
}

/**
 * Logger options from the environment and/or a `seclog.config.json`, for
 * `createSecurityLogger(loadConfig())`. The environment wins over the file: `SECLOG_TRANSPORT`
 * replaces the file's transports, `SECLOG_FORMAT` sets the format of every transport. Errors are
 * `SecurityLogConfigError`s whose `path` names the variable or the file and setting at fault.
 */
export function loadConfig(options: LoadConfigOptions = {}): SecurityLoggerOptions {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const named = options.file === false ? undefined : (options.file ?? env.SECLOG_CONFIG);
  const fileName = options.file === false ? undefined : (named ?? DEFAULT_CONFIG_FILE);
  const fromFile = fileName === undefined ? undefined : readFileConfig(resolve(cwd, fileName), fileName, named !== undefined && named !== '');
  const fromEnv = configFromEnv(env);

  const merged: SecurityLoggerOptions = { ...options.defaults, service: options.defaults?.service ?? '' };
  const service = fromEnv.service ?? fromFile?.service ?? options.defaults?.service;
  if (!service) {
    throw new SecurityLogConfigError('OPTION_INVALID', 'SECLOG_SERVICE', `no service name: set SECLOG_SERVICE or "service" in ${fileName ?? DEFAULT_CONFIG_FILE}`);
  }
  merged.service = service;

  // Each transport with the setting its format came from, for the error that names it.
  let transports: { transport: TransportConfig; formatPath: string }[] | undefined;
  if (fromEnv.transport !== undefined) {
    transports = [{ transport: shortTransport(fromEnv, 'SECLOG_DESTINATION'), formatPath: 'SECLOG_FORMAT' }];
  } else if (fromFile?.transport !== undefined) {
    transports = [{ transport: shortTransport({ ...fromFile, ...fromEnv }, `${fileName}:destination`), formatPath: `${fileName}:format` }];
  } else if (fromFile?.transports !== undefined) {
    transports = fromFile.transports.map((t, i) => ({
      transport: { target: t.target, options: { ...t.options } },
      formatPath: `${fileName}:transports[${i}].options.format`,
    }));
  } else if (fromEnv.destination !== undefined || fromEnv.format !== undefined || fromEnv.level !== undefined) {
    throw new SecurityLogConfigError('OPTION_INVALID', 'SECLOG_TRANSPORT', 'SECLOG_DESTINATION, SECLOG_FORMAT or SECLOG_LEVEL is set but no transport is');
  }
  if (transports) {
    for (const { transport, formatPath } of transports) {
      if (fromEnv.format !== undefined) transport.options = { ...transport.options, format: fromEnv.format };
      const format = transport.options?.format;
      if (format !== undefined) checkFormat(format, fromEnv.format !== undefined ? 'SECLOG_FORMAT' : formatPath);
    }
    merged.transports = [...(options.defaults?.transports ?? []), ...transports.map((t) => t.transport)];
  }
  const pick = <K extends 'maxBatch' | 'lingerMs' | 'retries'>(key: K) => fromEnv[key] ?? fromFile?.[key];
  const maxBatch = pick('maxBatch');
  if (maxBatch !== undefined) merged.maxBatch = maxBatch;
  const lingerMs = pick('lingerMs');
  if (lingerMs !== undefined) merged.lingerMs = lingerMs;
  const retries = pick('retries');
  if (retries !== undefined) merged.retries = retries;
  if (fromFile?.sanitizer) merged.sanitizer = fromFile.sanitizer;
  if (fromFile?.risk) merged.risk = fromFile.risk;
  return merged;
}
