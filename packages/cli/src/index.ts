export { main } from './main';
export type { CliIo } from './cli-io';
export { EXIT_OK, EXIT_DAMAGED, EXIT_USAGE, UsageError } from './cli-io';
