import type { AbstractHttpAdapter } from '@nestjs/core';
import { createHttpSecurity, type SecurityLogger } from '@seclog/core';
import type { SecurityLogModuleOptions } from './options';
import { rememberRequest } from './request-context';
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
 * Both platforms' body parsers keep the async context (Fastify binds its parser, Express 5's
 * body-parser resumes in it); the interceptor enters it again for anything else that loses it.
 */
export function installHttpHooks(adapter: AbstractHttpAdapter, logger: SecurityLogger, options: SecurityLogModuleOptions): void {
  const http = createHttpSecurity({ ...options, logger });
  // Nest keeps one request hook per adapter; one set before this module is kept and run inside.
  const previous = (adapter as unknown as { onRequestHook?: RequestHook }).onRequestHook;

  adapter.setOnRequestHook(function (this: unknown, request: unknown, response: unknown, done: Done) {
    // Express matches the route after this hook: the context's target follows the router.
    const security = http.open(request, { routeOf: () => routePattern(request) });
    rememberRequest(request, security);
    const raw = nodeResponse(response);
    for (const [name, value] of Object.entries(security.responseHeaders)) raw.setHeader(name, value);
    raw.once('finish', () => {
      try {
        security.finish({ status: raw.statusCode });
      } catch (error) {
        // A listener that throws here would take the whole server down for one unlogged event.
        process.emitWarning(`@seclog/nestjs could not log the response: ${String((error as Error)?.message ?? error)}`);
      }
    });
    return security.run(() => (previous ? previous.call(this, request, response, done) : done()));
  });
}
