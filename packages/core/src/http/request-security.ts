import { resolveActor } from '../actor';
import type { SecurityContext } from '../context/security-context';
import type { ActorInput, LogInput, SecurityEvent } from '../event';
import { coreGlobalStore } from '../global-store';
import type { SecurityLogger } from '../logger/create-security-logger';
import { errorResponseEvent } from './error-response-event';
import { resolveRequestActor, type ActorResolver } from './request-actor';
import { RoutedContext } from './routed-context';

/** What every request of one `createHttpSecurity()` shares. */
export interface RequestSecurityShared {
  readonly logger: SecurityLogger;
  readonly header: string;
  readonly resolveActor: ActorResolver;
  readonly countsStatus: (status: number) => boolean;
  readonly clock: () => number;
}

/** How a request ended, as the adapter saw it. */
export interface FinishInput {
  status: number;
  /** What the handler threw or passed on, if anything; a 5xx event records its class only. */
  error?: unknown;
  /** The route pattern, when the router only knows it at the end. */
  route?: string;
}

const storage = () => coreGlobalStore().contextStorage;

/**
 * One request's security state: its context, the headers to echo, and the calls an adapter maps
 * its hooks onto (`run`/`enter` around the handler, `finish` when the response is sent).
 */
export class RequestSecurity {
  readonly context: SecurityContext;
  readonly method: string;
  /** Path without its query string. */
  readonly path: string;
  /** True when the path matched `ignorePaths`: the request keeps its context but logs no error response. */
  readonly ignored: boolean;
  /** The caller's span from a valid `traceparent`. */
  readonly parentSpanId: string | undefined;
  /** Per-route opt-out of automatic events; adapters set it from route configuration. */
  skip = false;

  readonly #shared: RequestSecurityShared;
  readonly #request: unknown;
  readonly #startedAt: number;
  #route: string | undefined;
  #routeOf: (() => string | undefined) | undefined;
  #error: unknown;
  #actorSet = false;
  #finished = false;

  constructor(
    shared: RequestSecurityShared,
    request: unknown,
    facts: {
      context: SecurityContext;
      method: string;
      path: string;
      ignored: boolean;
      parentSpanId?: string;
      routeOf?: () => string | undefined;
    },
  ) {
    this.#shared = shared;
    this.#request = request;
    this.#startedAt = shared.clock();
    this.context = facts.context;
    this.method = facts.method;
    this.path = facts.path;
    this.ignored = facts.ignored;
    this.parentSpanId = facts.parentSpanId;
    if (facts.routeOf) {
      this.#routeOf = facts.routeOf;
      this.context = new RoutedContext(facts.context, this);
    }
  }

  get correlationId(): string {
    return this.context.correlationId;
  }

  /** `{ [header]: correlationId }`: set these on every response, error responses included. */
  get responseHeaders(): Record<string, string> {
    return { [this.#shared.header]: this.context.correlationId };
  }

  /** The route pattern once known (`/users/:id`). */
  get route(): string | undefined {
    if (this.#route !== undefined || this.#routeOf === undefined) return this.#route;
    try {
      const route = this.#routeOf();
      return typeof route === 'string' && route.length > 0 ? route : undefined;
    } catch {
      return undefined;
    }
  }

  /** Runs `fn` inside this request's context: every `log()` in it and what it schedules reads it. */
  run<T>(fn: () => T): T {
    return storage().run(this.context, fn);
  }

  /**
   * Enters this request's context for the rest of the current synchronous execution and what it
   * schedules; for hooks that cannot wrap the handler (Fastify after body parsing).
   */
  enter(): void {
    storage().enterWith(this.context);
  }

  /**
   * Runs every listener of `emitter` in this request's context. For the request stream: a body
   * parser mounted after the adapter resumes the chain from its `data`/`end` events, which Node
   * emits from the connection's async context, not the request's.
   */
  bindEmitter(emitter: { emit(event: string | symbol, ...args: unknown[]): boolean }): void {
    const emit = emitter.emit;
    const context = this.context;
    emitter.emit = function emitInContext(this: unknown, ...args: [string | symbol, ...unknown[]]) {
      return storage().run(context, () => Reflect.apply(emit, this, args) as boolean);
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
    return this.run(() => this.#shared.logger.log(input));
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
    if (this.ignored || this.skip || !Number.isInteger(status) || !this.#shared.countsStatus(status)) return undefined;
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
