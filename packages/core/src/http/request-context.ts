import type { SecurityContext } from '../context/security-context';
import type { Actor } from '../event';

/** What a request's context asks its request for, the first time a reader needs it. */
export interface RequestFacts {
  /** The target when nothing set one: the route pattern once matched, else the path. */
  defaultTarget(): string;
  /** The actor the request was opened with: the resolver's user, else the client IP. */
  openingActor(): Actor;
}

/**
 * The context of one HTTP request. Its target and actor are worked out only when something reads
 * them (an event being logged, `getContext()`), because most requests log nothing and the client
 * IP and route pattern cost the framework work to produce. Once read, or set (`updateContext`,
 * `setActor`), a value stays. Prototype accessors, not per-object `defineProperty`, which would
 * cost more than the rest of the request's bookkeeping.
 */
export class RequestContext implements SecurityContext {
  correlationId: string;
  traceId?: string;
  spanId?: string;
  #actor: Actor | undefined;
  #target: string | undefined;
  readonly #request: RequestFacts;

  constructor(correlationId: string, traceId: string | undefined, request: RequestFacts) {
    this.correlationId = correlationId;
    if (traceId !== undefined) this.traceId = traceId;
    this.#request = request;
  }

  get actor(): Actor {
    return (this.#actor ??= this.#request.openingActor());
  }

  set actor(value: Actor | undefined) {
    this.#actor = value;
  }

  /** Follows the route until something sets a target explicitly. */
  get target(): string {
    return this.#target ?? this.#request.defaultTarget();
  }

  set target(value: string | undefined) {
    this.#target = value;
  }
}
