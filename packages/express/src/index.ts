import {
  createHttpSecurity,
  type ActorInput,
  type HttpSecurityOptions,
  type LogInput,
  type RequestSecurity,
  type SecurityEvent,
} from '@seclog/core';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { ServerResponse } from 'node:http';

/** Options of `securityMiddleware`: the core HTTP options (logger, header, ignorePaths, statuses, actor). */
export type SecurityMiddlewareOptions = HttpSecurityOptions;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Logs a security event with this request's actor, target (route pattern) and correlation id. */
      securityLog(input: LogInput): SecurityEvent;
      /** Names the authenticated actor for every later event of this request. */
      setActor(actor: string | ActorInput): void;
    }
  }
}

const SECURITY = Symbol('seclog.express.request');

type SecuredRequest = Request & { [SECURITY]?: RequestSecurity };

/** `/users/:id` once the router has matched: the mount path plus the route's own pattern. */
function routeOf(req: Request): string | undefined {
  const path: unknown = (req.route as { path?: unknown } | undefined)?.path;
  // Express resets `baseUrl` to undefined once the request has left the app's router (errors).
  return typeof path === 'string' ? `${req.baseUrl ?? ''}${path}` : undefined;
}

// One options object and one listener for every request: opening a request builds no closure for them.
const OPEN_OPTIONS = { routeOf };

/** `finish` listener of the response; Node's response knows its request as `res.req`. */
function onFinish(this: ServerResponse): void {
  (this.req as SecuredRequest)[SECURITY]?.finish({ status: this.statusCode });
}

function requireSecurity(req: Request): RequestSecurity {
  const security = (req as SecuredRequest)[SECURITY];
  if (!security) throw new Error('@seclog/express: securityLog/setActor called on a request that securityMiddleware did not open');
  return security;
}

function securityLog(this: Request, input: LogInput): SecurityEvent {
  return requireSecurity(this).log(input);
}

function setActor(this: Request, actor: string | ActorInput): void {
  requireSecurity(this).setActor(actor);
}

/**
 * Puts `securityLog`/`setActor` on Express's own request prototype (`express.request`, which every
 * app's `app.request` inherits, sub-apps included), found from a request. Two more properties on
 * every request object would cost far more than two closures: Node's request already carries
 * many, and Express reads them on every request. False when `req` is not an Express request.
 */
function installOnExpressRequest(req: Request): boolean {
  let proto: object | null = Object.getPrototypeOf(req) as object | null;
  while (proto !== null && !Object.hasOwn(proto, 'app')) proto = Object.getPrototypeOf(proto) as object | null;
  const expressRequest = proto === null ? null : (Object.getPrototypeOf(proto) as object | null);
  if (expressRequest === null) return false;
  Object.defineProperties(expressRequest, {
    securityLog: { value: securityLog, writable: true, configurable: true },
    setActor: { value: setActor, writable: true, configurable: true },
  });
  return true;
}

/**
 * Opens a security context around every request, echoes the correlation id, logs
 * `http.error_response` for 4xx/5xx and adds `req.securityLog()` / `req.setActor()`. Mount it
 * first; body parsers may come before or after it.
 */
export function securityMiddleware(options: SecurityMiddlewareOptions): RequestHandler {
  const http = createHttpSecurity(options);
  return function seclogSecurity(req, res, next) {
    const security = http.open(req, OPEN_OPTIONS);
    (req as SecuredRequest)[SECURITY] = security;
    if (req.securityLog !== securityLog && !installOnExpressRequest(req)) {
      req.securityLog = securityLog;
      req.setActor = setActor;
    }
    res.setHeader(http.header, security.correlationId);
    // `finish` fires at most once, so `on` does what `once` would without wrapping the listener.
    res.on('finish', onFinish);
    // A body parser mounted after this layer resumes the chain from the request stream's events;
    // raw-body (express.json and friends) keeps the context itself, other parsers do not. Only a
    // request with a body has such events, and binding costs every request that has one.
    if (req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] ?? '0') !== '0') {
      security.bindEmitter(req);
    }
    security.run(next);
  };
}

/**
 * Records the class of an error passed down the chain, so that the 5xx event names it. Mount it
 * after your routes, before your own error handlers; it passes the error on untouched.
 */
export function securityErrorHandler(): ErrorRequestHandler {
  return function seclogErrors(error, req, _res, next) {
    (req as SecuredRequest)[SECURITY]?.recordError(error);
    next(error);
  };
}

/** Per-route opt-out: `app.get('/internal', skipSecurityLog(), handler)` logs no error response for it. */
export function skipSecurityLog(): RequestHandler {
  return function seclogSkip(req, _res, next) {
    const security = (req as SecuredRequest)[SECURITY];
    if (security) security.skip = true;
    next();
  };
}
