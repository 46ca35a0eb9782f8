import type { AsyncLocalStorage } from 'node:async_hooks';
import { resolveActor } from '../actor';
import type { SecurityContext } from '../context/security-context';
import type { Actor, ActorInput, LogInput, SecurityEvent } from '../event';
import type { SecurityLogger } from '../logger/create-security-logger';
import { neutralize } from '../sanitizer';
import { errorResponseEvent } from './error-response-event';
import { normalizeRequest, type NormalizedRequest } from './normalize-request';
import { resolveRequestActor, type ActorResolver } from './request-actor';
import { RequestContext, type RequestFacts } from './request-context';

/** What every request of one `createHttpSecurity()` shares. */
export interface RequestSecurityShared {
  readonly logger: SecurityLogger;
  readonly header: string;
  readonly storage: AsyncLocalStorage<SecurityContext>;
  readonly resolveActor: ActorResolver;
  readonly isIgnored: (path: string) => boolean;
  readonly countsStatus: (status: number) => boolean;
  readonly clock: () => number;
}

/**
 * Reads something about the request the adapter passed to `open()`, when asked. Adapters pass one
 * function for every request, so that opening a request builds no closure.
 */
export type RequestReader<T> = (request: never) => T;

/** How a request ended, as the adapter saw it. */
export interface FinishInput {
  status: number;
  /** What the handler threw or passed on, if anything; a 5xx event records its class only. */
  error?: unknown;
  /** The route pattern, when the router only knows it at the end. */
  route?: string;
}

/** The request facts `RequestSecurity` is built from; `open()` reads them from the request. */
export interface RequestOpening {
  correlationId: string;
  traceId?: string;
  parentSpanId?: string;
  /** What the actor resolver said when the request was opened. */
  user?: string | ActorInput;
  routeOf?: RequestReader<string | undefined>;
  skipOf?: RequestReader<boolean>;
}

const UNREAD = Symbol('unread');

function callLog(logger: SecurityLogger, input: LogInput): SecurityEvent {
  return logger.log(input);
}

/**
 * One request's security state: its context, the headers to echo, and the calls an adapter maps
 * its hooks onto (`run`/`enter` around the handler, `finish` when the response is sent). Method,
 * path, client IP and route are read from the request only when an event needs them: a request
 * that logs nothing pays for its correlation id and little else.
 */
export class RequestSecurity implements RequestFacts {
  readonly context: SecurityContext;
  /** The caller's span from a valid `traceparent`. */
  readonly parentSpanId: string | undefined;
  /** Per-route opt-out of automatic events; adapters set it from route configuration. */
  skip = false;

  readonly #shared: RequestSecurityShared;
  readonly #request: unknown;
  readonly #startedAt: number;
  readonly #user: string | ActorInput | undefined;
  readonly #routeOf: ((request: unknown) => string | undefined) | undefined;
  readonly #skipOf: ((request: unknown) => boolean) | undefined;
  #normalized: NormalizedRequest | undefined | typeof UNREAD = UNREAD;
  #ignored: boolean | undefined;
  #neutralPath: string | undefined;
  #route: string | undefined;
  #error: unknown;
  #actorSet = false;
  #finished = false;

  constructor(shared: RequestSecurityShared, request: unknown, opening: RequestOpening) {
    this.#shared = shared;
    this.#request = request;
    this.#startedAt = shared.clock();
    this.#user = opening.user;
    this.#routeOf = opening.routeOf as ((request: unknown) => string | undefined) | undefined;
    this.#skipOf = opening.skipOf as ((request: unknown) => boolean) | undefined;
    this.parentSpanId = opening.parentSpanId;
    this.context = new RequestContext(opening.correlationId, opening.traceId, this);
  }

  get correlationId(): string {
    return this.context.correlationId;
  }

  /** `{ [header]: correlationId }`: set these on every response, error responses included. */
  get responseHeaders(): Record<string, string> {
    return { [this.#shared.header]: this.context.correlationId };
  }

  /** Upper-case method, `UNKNOWN` for a request of unknown shape. */
  get method(): string {
    return this.#normalizedRequest()?.method ?? 'UNKNOWN';
  }

  /** Path without its query string. */
  get path(): string {
    return this.#normalizedRequest()?.path ?? '/';
  }

  /** True when the path matched `ignorePaths`: the request keeps its context but logs no error response. */
  get ignored(): boolean {
    return (this.#ignored ??= this.#shared.isIgnored(this.path));
  }

  /** The route pattern once known (`/users/:id`). */
  get route(): string | undefined {
    if (this.#route !== undefined || this.#routeOf === undefined) return this.#route;
    try {
      const route = this.#routeOf(this.#request);
      return typeof route === 'string' && route.length > 0 ? route : undefined;
    } catch {
      return undefined;
    }
  }

  /** Read by the context while nothing set its target: the route once known, else the path. */
  defaultTarget(): string {
    if (this.#routeOf !== undefined) return this.route ?? this.path;
    return (this.#neutralPath ??= neutralize(this.path.slice(0, 512)));
  }

  /** Read by the context until something names the actor: the resolver's user, with the client's IP and user agent. */
  openingActor(): Actor {
    const request = this.#normalizedRequest();
    const network = resolveActor({ ip: request?.ip, userAgent: request?.userAgent }, undefined);
    return this.#user === undefined ? network : resolveActor(this.#user, network);
  }

  #normalizedRequest(): NormalizedRequest | undefined {
    if (this.#normalized === UNREAD) this.#normalized = normalizeRequest(this.#request);
    return this.#normalized;
  }

  /** Runs `fn` inside this request's context: every `log()` in it and what it schedules reads it. */
  run<T>(fn: () => T): T {
    return this.#shared.storage.run(this.context, fn);
  }

  /**
   * Enters this request's context for the rest of the current synchronous execution and what it
   * schedules; for hooks that cannot wrap the handler (Fastify after body parsing). Does nothing
   * when the caller already runs in it.
   */
  enter(): void {
    const storage = this.#shared.storage;
    if (storage.getStore() !== this.context) storage.enterWith(this.context);
  }

  /**
   * Runs every listener of `emitter` in this request's context. For the request stream: a body
   * parser mounted after the adapter resumes the chain from its `data`/`end` events, which Node
   * emits from the connection's async context, not the request's.
   */
  bindEmitter(emitter: { emit(event: string | symbol, ...args: unknown[]): boolean }): void {
    const emit = emitter.emit;
    const context = this.context;
    const storage = this.#shared.storage;
    emitter.emit = function emitInContext(this: unknown, ...args: [string | symbol, ...unknown[]]) {
      return storage.run(context, Reflect.apply, emit, this, args) as boolean;
    };
  }

  /** Records the route pattern; it becomes the default target of every later event. */
  setRoute(route: string | undefined): void {
    if (typeof route !== 'string' || route.length === 0) return;
    this.#route = route;
    if (this.#routeOf === undefined) this.context.target = route;
  }

  /**
   * Names the actor once the handler has authenticated the user; later events of this request,
   * the error response included, carry it. The request's IP and user agent are kept.
   */
  setActor(actor: string | ActorInput): void {
    this.context.actor = resolveActor(actor, this.context.actor);
    this.#actorSet = true;
  }

  /** Remembers what the handler threw, for the error class of a 5xx event. */
  recordError(error: unknown): void {
    if (this.#error === undefined) this.#error = error;
  }

  /** Logs an event with this request's actor, target and correlation filled in. */
  log(input: LogInput): SecurityEvent {
    const storage = this.#shared.storage;
    if (storage.getStore() === this.context) return this.#shared.logger.log(input);
    return storage.run(this.context, callLog, this.#shared.logger, input);
  }

  /**
   * Ends the request: logs `http.error_response` when the status counts and the request is neither
   * ignored nor opted out; returns that event. Later calls do nothing.
   */
  finish(outcome: FinishInput): SecurityEvent | undefined {
    if (this.#finished) return undefined;
    this.#finished = true;
    this.setRoute(outcome.route);
    const status = outcome.status;
    if (!Number.isInteger(status) || !this.#shared.countsStatus(status) || this.skip || this.ignored) return undefined;
    if (this.#skipOf !== undefined && skips(this.#skipOf, this.#request)) return undefined;
    if (!this.#actorSet) {
      // Authentication usually runs after this layer opened the request: ask again at the end.
      const user = resolveRequestActor(this.#shared.resolveActor, this.#request);
      if (user !== undefined) this.context.actor = resolveActor(user, this.context.actor);
    }
    const route = this.route;
    return this.log(
      errorResponseEvent({
        method: this.method,
        status,
        target: route ?? this.path,
        routed: route !== undefined,
        durationMs: Math.max(0, this.#shared.clock() - this.#startedAt),
        error: outcome.error ?? this.#error,
      }),
    );
  }
}

/** A throwing opt-out reader counts as "not opted out": the event is logged. */
function skips(skipOf: (request: unknown) => boolean, request: unknown): boolean {
  try {
    return skipOf(request) === true;
  } catch {
    return false;
  }
}
