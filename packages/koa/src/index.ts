import {
  createHttpSecurity,
  type ActorInput,
  type HttpSecurityOptions,
  type LogInput,
  type RequestSecurity,
  type SecurityEvent,
} from '@seclog/core';
import type Application from 'koa';
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

function requireSecurity(ctx: Context): RequestSecurity {
  const security = securityOf(ctx);
  if (!security) throw new Error('@seclog/koa: securityLog/setActor called on a request that securityMiddleware did not open');
  return security;
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

/**
 * Koa's error handler (`ctx.onerror`) emits `error` on the app, then clears every header and sets
 * `err.headers`: record the error for the 5xx event and put the echo there. An error middleware of
 * your own that answers errors keeps the echo (nothing clears it) and, if it emits `error` as Koa's
 * documentation advises, the error class too.
 */
function onAppError(error: unknown, ctx: Context | undefined): void {
  const security = ctx && securityOf(ctx);
  if (!security) return;
  security.recordError(error);
  if (typeof error !== 'object' || error === null || !Object.isExtensible(error)) return;
  const carrier = error as { headers?: unknown };
  const headers = typeof carrier.headers === 'object' && carrier.headers !== null ? carrier.headers : {};
  carrier.headers = { ...headers, ...security.responseHeaders };
}

const INSTALLED = Symbol('seclog.koa.installed');

function securityLog(this: Context, input: LogInput): SecurityEvent {
  return requireSecurity(this).log(input);
}

function setActor(this: Context, actor: string | ActorInput): void {
  requireSecurity(this).setActor(actor);
}

/**
 * Once per app, on its first request: `ctx.securityLog`/`ctx.setActor` on the app's context
 * prototype and the error listener. Per request, closures and a promise chained on the rest of the
 * chain would cost every request, while only errors need catching.
 */
function install(app: Application & { [INSTALLED]?: true }): void {
  app[INSTALLED] = true;
  app.context.securityLog = securityLog;
  app.context.setActor = setActor;
  app.on('error', onAppError);
}

/**
 * Opens a security context around every request, echoes the correlation id, logs
 * `http.error_response` for 4xx/5xx and adds `ctx.securityLog()` / `ctx.setActor()`. Mount it
 * first, before the body parser and the router.
 */
export function securityMiddleware(options: SecurityMiddlewareOptions): Middleware {
  const http = createHttpSecurity(options);
  return function seclogSecurity(ctx, next) {
    if ((ctx.app as { [INSTALLED]?: true })[INSTALLED] !== true) install(ctx.app);
    const security = http.open(ctx, OPEN_OPTIONS);
    (ctx.req as SecuredRequest)[SECURITY] = security;
    // Straight on Node's response: nothing is sent yet, which is all Koa's `ctx.set` checks first.
    ctx.res.setHeader(http.header, security.correlationId);
    // `finish` fires at most once, so `on` does what `once` would without wrapping the listener.
    ctx.res.on('finish', onFinish);
    return security.run(next);
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
