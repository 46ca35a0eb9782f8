import type { ExecutionContext } from '@nestjs/common';

/** What the functions of `@SecurityEvent()` options receive. */
export interface SecurityEventCall {
  /** The framework's request (Express `req` or Fastify `request`); undefined outside HTTP. */
  request: unknown;
  /** The request's route parameters (`/accounts/:id` -> `{ id }`); empty outside HTTP. */
  params: Record<string, string>;
  /** Nest's execution context, e.g. for `switchToRpc().getData()` in a microservice handler. */
  context: ExecutionContext;
  /** The handler's result, on success. */
  result?: unknown;
  /** The thrown exception, on failure. */
  error?: unknown;
}

/** Options of `@SecurityEvent(type, options)`. */
export interface SecurityEventOptions {
  /** 0–10; otherwise the core scorer computes it. */
  riskScore?: number;
  /** Resource the event is about; default the request's route pattern. */
  target?: string | ((call: SecurityEventCall) => string | undefined);
  /** Details added to the event; sanitised by core like any metadata. */
  metadata?: (call: SecurityEventCall) => Record<string, unknown> | undefined;
  /** Which completions are logged; default `'always'`. */
  when?: 'success' | 'failure' | 'always';
  /** Human text of the event; default the taxonomy's description. */
  message?: string;
}
