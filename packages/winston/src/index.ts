export { winstonSink } from './winston-sink';
export type { WinstonSinkOptions } from './winston-sink';
export { SecurityTransport } from './security-transport';
export type { SecurityTransportOptions } from './security-transport';
export { sanitizeFormat } from './sanitize-format';
export { createTransport } from './create-transport';
export { DEFAULT_SECURITY_LEVEL_NAME, DEFAULT_SECURITY_PRIORITY } from './security-level';
