import type { SecurityContext } from '../context/security-context';
import type { Actor } from '../event';

/** Where the route comes from: the request's security state, asked on every read. */
export interface RouteSource {
  readonly route: string | undefined;
  readonly path: string;
}

/**
 * The context of a request whose router matches after it was opened: its target follows the
 * route, so an event logged in the handler names `/users/:id` rather than the raw path, until
 * something sets a target explicitly (`updateContext`). A prototype accessor, not a per-object
 * `defineProperty`, which would cost more than the rest of the request's bookkeeping.
 */
export class RoutedContext implements SecurityContext {
  correlationId: string;
  traceId?: string;
  spanId?: string;
  actor?: Actor;
  #explicit: string | undefined;
  readonly #request: RouteSource;

  constructor(base: SecurityContext, request: RouteSource) {
    this.correlationId = base.correlationId;
    if (base.traceId !== undefined) this.traceId = base.traceId;
    if (base.spanId !== undefined) this.spanId = base.spanId;
    if (base.actor !== undefined) this.actor = base.actor;
    this.#request = request;
  }

  get target(): string {
    return this.#explicit ?? this.#request.route ?? this.#request.path;
  }

  set target(value: string | undefined) {
    this.#explicit = value;
  }
}
