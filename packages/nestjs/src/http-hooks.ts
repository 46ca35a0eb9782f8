import type { AbstractHttpAdapter } from '@nestjs/core';
import { createHttpSecurity, type HttpSecurity, type RequestSecurity, type SecurityLogger } from '@seclog/core';
import type { SecurityLogModuleOptions } from './options';
import { REQUEST_SECURITY, rememberRequest, securityOfRequest } from './request-context';
import { routePattern } from './route-pattern';

type Done = (error?: unknown) => void;
type RequestHook = (this: unknown, request: unknown, response: unknown, done: Done) => unknown;
type AdapterWithHook = AbstractHttpAdapter & { onRequestHook?: RequestHook };

interface NodeResponse {
  statusCode: number;
  req: object;
  setHeader(name: string, value: string): void;
  on(event: 'finish', listener: (this: NodeResponse) => void): void;
}

interface FastifyReply {
  statusCode: number;
  header(name: string, value: string): unknown;
}

type FastifyHook = (request: object, reply: FastifyReply, done: () => void) => void;

interface FastifyInstance {
  decorateRequest(name: symbol, value: null): void;
  hasRequestDecorator(name: symbol): boolean;
  addHook(name: 'preHandler' | 'onResponse', hook: FastifyHook): void;
}

// One options object for every request: opening a request builds no closure. The pattern is read
// only when an event needs it: Express matches after the hook, Fastify's `routeOptions` is a getter.
const OPEN_OPTIONS = { routeOf: routePattern };

function finishSafely(security: RequestSecurity | undefined, status: number): void {
  try {
    security?.finish({ status });
  } catch (error) {
    // A listener that throws here would take the whole server down for one unlogged event.
    process.emitWarning(`@seclog/nestjs could not log the response: ${String((error as Error)?.message ?? error)}`);
  }
}

/** `finish` listener of Express's response, shared by every request: Node's response knows its request. */
function onFinish(this: NodeResponse): void {
  finishSafely(securityOfRequest(this.req), this.statusCode);
}

/** Body parsing and Nest middleware (middie) may have resumed the request in another async context. */
const reenter: FastifyHook = (request, _reply, done) => {
  securityOfRequest(request)?.enter();
  done();
};

const onResponse: FastifyHook = (request, reply, done) => {
  finishSafely(securityOfRequest(request), reply.statusCode);
  done();
};

/** Express: the request hook is a middleware mounted before the body parser and Nest middleware. */
function expressHook(http: HttpSecurity): (request: object, response: NodeResponse) => RequestSecurity {
  return (request, response) => {
    const security = http.open(request, OPEN_OPTIONS);
    response.setHeader(http.header, security.correlationId);
    // `finish` fires at most once, so `on` does what `once` would without wrapping the listener.
    response.on('finish', onFinish);
    return security;
  };
}

/** Fastify: `onResponse` ends the request, cheaper than a `finish` listener. */
function fastifyHook(http: HttpSecurity, fastify: FastifyInstance): (request: object, reply: FastifyReply) => RequestSecurity {
  if (!fastify.hasRequestDecorator(REQUEST_SECURITY)) fastify.decorateRequest(REQUEST_SECURITY, null);
  fastify.addHook('preHandler', reenter);
  fastify.addHook('onResponse', onResponse);
  return (request, reply) => {
    const security = http.open(request, OPEN_OPTIONS);
    reply.header(http.header, security.correlationId);
    return security;
  };
}

/**
 * Gives every request its security context in the adapter's request hook, the first thing either
 * platform runs (before body parsing and Nest middleware, for unmatched routes too), echoes the
 * correlation id at once so every response carries it, and logs the error response once it is
 * sent: by then Nest's exception filters have mapped any exception to its status. No Nest
 * enhancer runs for this, so a handler without seclog decorators costs Nest nothing extra.
 */
export function installHttpHooks(adapter: AbstractHttpAdapter, logger: SecurityLogger, options: SecurityLogModuleOptions): void {
  const http = createHttpSecurity({ ...options, logger });
  const open =
    adapter.getType() === 'fastify'
      ? fastifyHook(http, adapter.getInstance<FastifyInstance>())
      : expressHook(http);
  // Nest keeps one request hook per adapter; one set before this module is kept and run inside.
  const previous = (adapter as AdapterWithHook).onRequestHook;

  adapter.setOnRequestHook(function (this: unknown, request: object, response: never, done: Done) {
    const security = open(request, response);
    rememberRequest(request, security);
    return previous ? security.run(() => previous.call(this, request, response, done)) : security.run(done);
  });
}
