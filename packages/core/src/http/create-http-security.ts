import { performance } from 'node:perf_hooks';
import { resolveActor } from '../actor';
import { createSecurityContext } from '../context/run-with-context';
import { correlation, DEFAULT_CORRELATION_HEADER } from '../correlation';
import type { SecurityLogger } from '../logger/create-security-logger';
import { correlationRejectionEvent } from './correlation-rejection';
import { normalizeRequest } from './normalize-request';
import { createPathFilter, createStatusFilter, type PathPattern, type StatusSelector } from './path-filter';
import { defaultActorResolver, resolveRequestActor, type ActorResolver } from './request-actor';
import { RequestSecurity, type RequestSecurityShared } from './request-security';

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
   * Reads the route pattern on demand, for routers that match after the request was opened
   * (Express `req.route`, Koa `ctx._matchedRoute`). Must not be costly; a throw counts as unknown.
   */
  routeOf?: () => string | undefined;
}

export interface HttpSecurity {
  readonly logger: SecurityLogger;
  /** The correlation header, lower-case. */
  readonly header: string;
  /**
   * Opens a request: reads the correlation id (else `traceparent`, else a new id), the actor and the
   * target, and logs `input.validation_failure` for a refused correlation header. Never throws:
   * a request of unknown shape gets a fresh context. The adapter then runs the handler in
   * `run()`/`enter()`, sets `responseHeaders`, and calls `finish()`.
   */
  open(request: unknown, options?: OpenOptions): RequestSecurity;
}

/** The framework-agnostic half of every HTTP adapter: Express, Fastify, Koa and NestJS map onto it. */
export function createHttpSecurity(options: HttpSecurityOptions): HttpSecurity {
  const header = (options.header ?? DEFAULT_CORRELATION_HEADER).toLowerCase();
  const isIgnored = createPathFilter(options.ignorePaths);
  const shared: RequestSecurityShared = {
    logger: options.logger,
    header,
    resolveActor: options.actor ?? defaultActorResolver,
    countsStatus: createStatusFilter(options.statuses),
    clock: options.clock ?? (() => performance.now()),
  };

  return {
    logger: options.logger,
    header,
    open(request, openOptions = {}) {
      const normalized = normalizeRequest(request);
      const incoming = correlation.fromHeaders(normalized?.headers, { header });
      const path = normalized?.path ?? '/';
      const context = createSecurityContext({
        correlationId: incoming.correlationId,
        traceId: incoming.traceId,
        target: openOptions.route ?? path,
      });
      const network = resolveActor({ ip: normalized?.ip, userAgent: normalized?.userAgent }, undefined);
      const user = resolveRequestActor(shared.resolveActor, request);
      context.actor = user === undefined ? network : resolveActor(user, network);

      const security = new RequestSecurity(shared, request, {
        context,
        method: normalized?.method ?? 'UNKNOWN',
        path,
        ignored: isIgnored(path),
        parentSpanId: incoming.parentSpanId,
        routeOf: openOptions.routeOf,
      });
      security.setRoute(openOptions.route);
      if (openOptions.skip === true) security.skip = true;
      if (incoming.rejected !== undefined) {
        security.log(correlationRejectionEvent(header, incoming.rejected, path));
      }
      return security;
    },
  };
}
