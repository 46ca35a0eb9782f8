import type { Sink } from '../sinks/sink';

/** A transport chosen by configuration, as pino's own `transport({ target, options })`. */
export interface TransportConfig {
  /** `'file'`, `'stdout'`, a registered name, or a package / module path such as `'@seclog/pino'`. */
  target: string;
  options?: Record<string, unknown>;
}

/** What a transport module exports as `createTransport` (or its default export). */
export type TransportFactory = (options: Record<string, unknown>) => Sink | Promise<Sink>;
