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
  setHeader(name: string, value: string): void;
  on(event: 'finish', listener: () => void): void;
}

interface FastifyReply {
  statusCode: number;
  header(name: string, value: string): unknown;
}

interface FastifyInstance {
  decorateRequest(name: symbol, value: null): void;
  hasRequestDecorator(name: symbol): boolean;
  addHook(name: 'preHandler' | 'onResponse', hook: (request: object, reply: FastifyReply, done: () => void) => void): void;
}

function finishSafely(security: RequestSecurity, status: number): void {
  try {
    security.finish({ status });
  } catch (error) {
    // A listener that throws here would take the whole server down for one unlogged event.
    process.emitWarning(`@seclog/nestjs could not log the response: ${String((error as Error)?.message ?? error)}`);
  }
}

/**
 * Express: the adapter's request hook is a middleware mounted before the body parser and Nest
 * middleware; the router matches after it, so the context's target follows `req.route`.
 */
function expressHook(http: HttpSecurity): (request: object, response: NodeResponse) => RequestSecurity {
  return (request, response) => {
    const security = http.open(request, { routeOf: routePattern.bind(undefined, request) });
    response.setHeader(http.header, security.correlationId);
    response.on('finish', () => finishSafely(security, response.statusCode));
    return security;
  };
}

/**
 * Fastify has matched the route when its `onRequest` hooks run. The context is entered again in
 * `preHandler`: body parsing and Nest middleware (middie) may have resumed the request in another
 * async context. Fastify's own `onResponse` ends the request, cheaper than a `finish` listener.
 */
function fastifyHook(http: HttpSecurity, fastify: FastifyInstance): (request: object, reply: FastifyReply) => RequestSecurity {
  if (!fastify.hasRequestDecorator(REQUEST_SECURITY)) fastify.decorateRequest(REQUEST_SECURITY, null);
  fastify.addHook('preHandler', (request, _reply, done) => {
    securityOfRequest(request)?.enter();
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const security = securityOfRequest(request);
    if (security) finishSafely(security, reply.statusCode);
    done();
  });
  return (request, reply) => {
    const security = http.open(request, { route: routePattern(request) });
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
