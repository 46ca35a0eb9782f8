import {
  createHttpSecurity,
  type ActorInput,
  type HttpSecurityOptions,
  type LogInput,
  type RequestSecurity,
  type SecurityEvent,
} from '@seclog/core';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';

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

/**
 * Opens a security context around every request, echoes the correlation id, logs
 * `http.error_response` for 4xx/5xx and adds `req.securityLog()` / `req.setActor()`. Mount it
 * first; body parsers may come before or after it.
 */
export function securityMiddleware(options: SecurityMiddlewareOptions): RequestHandler {
  const http = createHttpSecurity(options);
  return function seclogSecurity(req, res, next) {
    const security = http.open(req, { routeOf: () => routeOf(req) });
    (req as SecuredRequest)[SECURITY] = security;
    req.securityLog = (input) => security.log(input);
    req.setActor = (actor) => security.setActor(actor);
    res.setHeader(http.header, security.correlationId);
    res.once('finish', () => security.finish({ status: res.statusCode }));
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
