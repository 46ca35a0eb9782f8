import { performance } from 'node:perf_hooks';
import { correlation, DEFAULT_CORRELATION_HEADER, readIncomingCorrelation } from '../correlation';
import { coreGlobalStore } from '../global-store';
import type { SecurityLogger } from '../logger/create-security-logger';
import { correlationRejectionEvent } from './correlation-rejection';
import { requestHeaders } from './normalize-request';
import { createPathFilter, createStatusFilter, type PathPattern, type StatusSelector } from './path-filter';
import { defaultActorResolver, resolveRequestActor, type ActorResolver } from './request-actor';
import { RequestSecurity, type RequestReader, type RequestSecurityShared } from './request-security';

/** The options every HTTP adapter accepts (adapters add their own on top). */
export interface HttpSecurityOptions {
  /** Where the events go. */
  logger: SecurityLogger;
  /** Header carrying the correlation id in and out; default `x-correlation-id`. */
  header?: string;
  /**
   * Paths whose error responses are not logged; default `DEFAULT_IGNORE_PATHS` (health probes).
   * Giving a list replaces the default; spread `DEFAULT_IGNORE_PATHS` into it to keep them.
   */
  ignorePaths?: readonly PathPattern[] | ((path: string) => boolean);
  /** Statuses that become `http.error_response`; default every 4xx and 5xx. */
  statuses?: StatusSelector;
  /** Names the authenticated user; default `defaultActorResolver` (`req.user`, `ctx.state.user`). */
  actor?: ActorResolver;
  /** Monotonic milliseconds for durations; injectable for tests. Default `performance.now`. */
  clock?: () => number;
}

/** What the adapter already knows when the request arrives. */
export interface OpenOptions {
  /** Route pattern, when the router has matched before the first hook (Fastify). */
  route?: string;
  /** Per-route opt-out of automatic events, when known up front. */
  skip?: boolean;
  /**
   * Reads the route pattern from the request passed to `open()`, when an event needs it: for
   * routers that match after the request was opened (Express `req.route`, Koa
   * `ctx._matchedRoute`), or whose pattern costs work to read (Fastify `routeOptions`). A throw
   * counts as unknown. Pass one function for all requests rather than a closure per request.
   */
  routeOf?: RequestReader<string | undefined>;
  /**
   * Reads the per-route opt-out from the request when a response would be logged (Fastify route
   * `config`); `true` logs nothing. A throw counts as not opted out.
   */
  skipOf?: RequestReader<boolean>;
}

export interface HttpSecurity {
  readonly logger: SecurityLogger;
  /** The correlation header, lower-case. */
  readonly header: string;
  /**
   * Opens a request: reads the correlation id (else `traceparent`, else a new id) and asks the actor
   * resolver; method, path, client IP and route are read when an event needs them. Logs
   * `input.validation_failure` for a refused correlation header. Never throws:
   * a request of unknown shape gets a fresh context. The adapter then runs the handler in
   * `run()`/`enter()`, sets `responseHeaders`, and calls `finish()`.
   */
  open(request: unknown, options?: OpenOptions): RequestSecurity;
}

/** The framework-agnostic half of every HTTP adapter: Express, Fastify, Koa and NestJS map onto it. */
export function createHttpSecurity(options: HttpSecurityOptions): HttpSecurity {
  const header = (options.header ?? DEFAULT_CORRELATION_HEADER).toLowerCase();
  const shared: RequestSecurityShared = {
    logger: options.logger,
    header,
    storage: coreGlobalStore().contextStorage,
    resolveActor: options.actor ?? defaultActorResolver,
    isIgnored: createPathFilter(options.ignorePaths),
    countsStatus: createStatusFilter(options.statuses),
    clock: options.clock ?? performance.now.bind(performance),
  };

  return {
    logger: options.logger,
    header,
    open(request, openOptions = {}) {
      const headers = requestHeaders(request);
      const incoming = headers === undefined ? undefined : readIncomingCorrelation(headers, header);
      const security = new RequestSecurity(shared, request, {
        correlationId: incoming?.correlationId ?? correlation.generate(),
        traceId: incoming?.traceId,
        parentSpanId: incoming?.parentSpanId,
        user: resolveRequestActor(shared.resolveActor, request),
        routeOf: openOptions.routeOf,
        skipOf: openOptions.skipOf,
      });
      security.setRoute(openOptions.route);
      if (openOptions.skip === true) security.skip = true;
      if (incoming?.rejected !== undefined) {
        security.log(correlationRejectionEvent(header, incoming.rejected, security.path));
      }
      return security;
    },
  };
}
