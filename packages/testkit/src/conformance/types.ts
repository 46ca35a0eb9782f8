import type { ActorInput, HttpSecurityOptions, LogInput, SecurityEvent, SecurityLogger } from '@seclog/core';

/** What a conformance route handler sees, whatever the framework. */
export interface ConformanceRequest {
  /** Route parameters (`:id`). */
  params: Record<string, string>;
  /** The parsed JSON body (the adapter's app must parse JSON bodies). */
  body: unknown;
  /** The adapter's `securityLog` on the framework's request object. */
  securityLog(input: LogInput): SecurityEvent;
  /** The adapter's `setActor` on the framework's request object. */
  setActor(actor: string | ActorInput): void;
}

export interface ConformanceReply {
  status: number;
  body: unknown;
}

/**
 * One route the adapter's app must serve: `path` is an Express-style pattern (`/users/:id`), which
 * Express, Fastify, Koa (`@koa/router`) and NestJS all accept as is. A handler that rejects must be
 * turned into a 500 by the framework's own error handling.
 */
export interface ConformanceRoute {
  method: 'GET' | 'POST';
  path: string;
  /** Use the adapter's per-route opt-out for this route. */
  skip?: boolean;
  handle(request: ConformanceRequest): Promise<ConformanceReply>;
}

export interface StartInput {
  logger: SecurityLogger;
  /** Options for the adapter, passed through unchanged (the adapter adds `logger`). */
  options: Omit<HttpSecurityOptions, 'logger'>;
  routes: readonly ConformanceRoute[];
  /** The framework's own trust-proxy setting: true trusts the loopback proxy's `X-Forwarded-For`. */
  trustProxy: boolean;
}

export interface StartedServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

export interface AdapterUnderTest {
  name: string;
  /** Builds the app with the adapter and the routes, listens on 127.0.0.1 port 0. */
  start(input: StartInput): Promise<StartedServer>;
}
