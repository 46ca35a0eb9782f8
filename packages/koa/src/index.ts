import {
  createHttpSecurity,
  type ActorInput,
  type HttpSecurityOptions,
  type LogInput,
  type RequestSecurity,
  type SecurityEvent,
} from '@seclog/core';
import type { Context, Middleware } from 'koa';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Options of `securityMiddleware`: the core HTTP options (logger, header, ignorePaths, statuses, actor). */
export type SecurityMiddlewareOptions = HttpSecurityOptions;

declare module 'koa' {
  interface ExtendableContext {
    /** Logs a security event with this request's actor, target (route pattern) and correlation id. */
    securityLog(input: LogInput): SecurityEvent;
    /** Names the authenticated actor for every later event of this request. */
    setActor(actor: string | ActorInput): void;
  }
}

const SECURITY = Symbol('seclog.koa.request');

// Kept on Node's request, which the response's `finish` listener reaches as `res.req`.
type SecuredRequest = IncomingMessage & { [SECURITY]?: RequestSecurity };

function securityOf(ctx: Context): RequestSecurity | undefined {
  return (ctx.req as SecuredRequest)[SECURITY];
}

/** The `@koa/router` pattern that matched (`/users/:id`), prefix included. */
function routeOf(ctx: Context): string | undefined {
  const route: unknown = (ctx as { _matchedRoute?: unknown })._matchedRoute;
  return typeof route === 'string' ? route : undefined;
}

// One options object and one listener for every request: opening a request builds no closure for them.
const OPEN_OPTIONS = { routeOf };

function onFinish(this: ServerResponse): void {
  (this.req as SecuredRequest)[SECURITY]?.finish({ status: this.statusCode });
}

/** Koa's default error handler clears every header and then sets `err.headers`: put the echo there. */
function echoOnError(error: unknown, header: string, id: string): void {
  if (typeof error !== 'object' || error === null || !Object.isExtensible(error)) return;
  const carrier = error as { headers?: unknown };
  const headers = typeof carrier.headers === 'object' && carrier.headers !== null ? carrier.headers : {};
  carrier.headers = { ...headers, [header]: id };
}

/**
 * Opens a security context around every request, echoes the correlation id, logs
 * `http.error_response` for 4xx/5xx and adds `ctx.securityLog()` / `ctx.setActor()`. Mount it
 * first, before the body parser and the router.
 */
export function securityMiddleware(options: SecurityMiddlewareOptions): Middleware {
  const http = createHttpSecurity(options);
  return function seclogSecurity(ctx, next) {
    const security = http.open(ctx, OPEN_OPTIONS);
    (ctx.req as SecuredRequest)[SECURITY] = security;
    ctx.securityLog = (input) => security.log(input);
    ctx.setActor = (actor) => security.setActor(actor);
    // Straight on Node's response: nothing is sent yet, which is all Koa's `ctx.set` checks first.
    ctx.res.setHeader(http.header, security.correlationId);
    // `finish` fires at most once, so `on` does what `once` would without wrapping the listener.
    ctx.res.on('finish', onFinish);
    // A plain function returning the chain's promise: an async wrapper would add promises of its own to every request.
    return security.run(next).then(undefined, (error: unknown) => {
      security.recordError(error);
      echoOnError(error, http.header, security.correlationId);
      throw error;
    });
  };
}

/** Per-route opt-out: `router.get('/internal', skipSecurityLog(), handler)` logs no error response for it. */
export function skipSecurityLog(): Middleware {
  return function seclogSkip(ctx, next) {
    const security = securityOf(ctx);
    if (security) security.skip = true;
    return next();
  };
}
