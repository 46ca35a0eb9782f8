import type { TransportConfig } from '../logger/transport-types';

/**
 * What configuration (environment or `seclog.config.json`) can say. A single transport can be
 * given in the short form (`transport`, `destination`, `format`, `level`), or several in full.
 */
export interface SeclogConfig {
  service?: string;
  transports?: TransportConfig[];
  transport?: string;
  destination?: string;
  format?: string;
  level?: number;
  sanitizer?: Record<string, unknown>;
  risk?: Record<string, unknown>;
  maxBatch?: number;
  lingerMs?: number;
  retries?: number;
}

export const CONFIG_KEYS: readonly (keyof SeclogConfig)[] = [
  'service',
  'transports',
  'transport',
  'destination',
  'format',
  'level',
  'sanitizer',
  'risk',
  'maxBatch',
  'lingerMs',
  'retries',
];
