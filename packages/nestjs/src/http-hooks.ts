import type { AbstractHttpAdapter } from '@nestjs/core';
import { createHttpSecurity, type SecurityLogger } from '@seclog/core';
import type { SecurityLogModuleOptions } from './options';
import { rememberRequest, securityOfRequest } from './request-context';
import { routePattern } from './route-pattern';

type Done = (error?: unknown) => void;
type RequestHook = (this: unknown, request: unknown, response: unknown, done: Done) => unknown;

interface NodeResponse {
  statusCode: number;
  headersSent: boolean;
  setHeader(name: string, value: string): void;
  once(event: 'finish', listener: () => void): void;
}

/** Express hands out Node's response itself; Fastify wraps it as `reply.raw`. */
function nodeResponse(response: unknown): NodeResponse {
  return ((response as { raw?: NodeResponse }).raw ?? response) as NodeResponse;
}

/**
 * Opens the security context in the adapter's request hook, the first thing either platform runs
 * (before body parsing and Nest middleware, for unmatched routes too), echoes the correlation id
 * at once so every response carries it, and logs the error response when the response is sent:
 * by then Nest's exception filters have mapped any exception to its status.
 * Body parsing loses the async context on both platforms, so it is entered again after it.
 */
export function installHttpHooks(adapter: AbstractHttpAdapter, logger: SecurityLogger, options: SecurityLogModuleOptions): void {
  const http = createHttpSecurity({ ...options, logger });
  // Nest keeps one request hook per adapter; one set before this module is kept and run inside.
  const previous = (adapter as unknown as { onRequestHook?: RequestHook }).onRequestHook;

  adapter.setOnRequestHook(function (this: unknown, request: unknown, response: unknown, done: Done) {
    const security = http.open(request, { route: routePattern(request) });
    rememberRequest(request, security);
    const raw = nodeResponse(response);
    for (const [name, value] of Object.entries(security.responseHeaders)) raw.setHeader(name, value);
    raw.once('finish', () => security.finish({ status: raw.statusCode, route: routePattern(request) }));
    return security.run(() => (previous ? previous.call(this, request, response, done) : done()));
  });

  const instance = adapter.getInstance<{
    addHook?: (name: 'preValidation', hook: (request: unknown, reply: unknown, done: Done) => void) => void;
    use?: (middleware: (request: unknown, response: unknown, next: Done) => void) => void;
  }>();
  if (adapter.getType() === 'fastify') {
    instance.addHook?.('preValidation', (request, _reply, done) => {
      securityOfRequest(request)?.enter();
      done();
    });
  } else {
    instance.use?.((request, _response, next) => {
      const security = securityOfRequest(request);
      if (security) security.run(() => next());
      else next();
    });
  }
}
