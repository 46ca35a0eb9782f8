export { pinoSink } from './pino-sink';
export type { PinoSinkOptions } from './pino-sink';
export { withRedaction } from './redaction';
export { createTransport } from './create-transport';
export { DEFAULT_SECURITY_LEVEL, DEFAULT_SECURITY_LEVEL_NAME } from './security-level';
