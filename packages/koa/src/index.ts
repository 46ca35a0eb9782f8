import {
  createHttpSecurity,
  type ActorInput,
  type HttpSecurityOptions,
  type LogInput,
  type RequestSecurity,
  type SecurityEvent,
} from '@seclog/core';
import type { Context, Middleware } from 'koa';

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

function securityOf(ctx: Context): RequestSecurity | undefined {
  return (ctx.state as Record<symbol, RequestSecurity | undefined>)[SECURITY];
}

/** The `@koa/router` pattern that matched (`/users/:id`), prefix included. */
function routeOf(ctx: Context): string | undefined {
  const route: unknown = (ctx as { _matchedRoute?: unknown })._matchedRoute;
  return typeof route === 'string' ? route : undefined;
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
  return async function seclogSecurity(ctx, next) {
    const security = http.open(ctx, { routeOf: () => routeOf(ctx) });
    (ctx.state as Record<symbol, RequestSecurity>)[SECURITY] = security;
    ctx.securityLog = (input) => security.log(input);
    ctx.setActor = (actor) => security.setActor(actor);
    ctx.set(http.header, security.correlationId);
    ctx.res.once('finish', () => security.finish({ status: ctx.res.statusCode }));
    try {
      await security.run(next);
    } catch (error) {
      security.recordError(error);
      echoOnError(error, http.header, security.correlationId);
      throw error;
    }
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
