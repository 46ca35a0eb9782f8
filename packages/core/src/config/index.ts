export { loadConfig, DEFAULT_CONFIG_FILE } from './load-config';
export type { LoadConfigOptions } from './load-config';
export type { SeclogConfig } from './config-shape';
