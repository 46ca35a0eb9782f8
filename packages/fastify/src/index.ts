import {
  createHttpSecurity,
  type ActorInput,
  type HttpSecurityOptions,
  type LogInput,
  type RequestSecurity,
  type SecurityEvent,
} from '@seclog/core';
import type { FastifyPluginCallback, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** Options of `securityPlugin`: the core HTTP options (logger, header, ignorePaths, statuses, actor). */
export type SecurityPluginOptions = HttpSecurityOptions;

declare module 'fastify' {
  interface FastifyRequest {
    /** Logs a security event with this request's actor, target (route pattern) and correlation id. */
    securityLog(input: LogInput): SecurityEvent;
    /** Names the authenticated actor for every later event of this request. */
    setActor(actor: string | ActorInput): void;
  }
  interface FastifyContextConfig {
    /** `false` opts this route out of automatic events (its context and echoed id stay). */
    securityLog?: boolean;
  }
}

const SECURITY = Symbol('seclog.fastify.request');

type SecuredRequest = FastifyRequest & { [SECURITY]: RequestSecurity | null };

function securityOf(request: FastifyRequest): RequestSecurity {
  const security = (request as SecuredRequest)[SECURITY];
  if (!security) throw new Error('@seclog/fastify: securityLog/setActor called before the onRequest hook of securityPlugin ran');
  return security;
}

/**
 * Re-enters the request's context when a hook before it resumed in another async context (a
 * `preParsing` hook continuing from a pooled client's callback). Costs a read when it did not.
 */
function reenter(request: FastifyRequest, _reply: unknown, done: () => void): void {
  (request as SecuredRequest)[SECURITY]?.enter();
  done();
}

// `routeOptions` builds a fresh object on every read: read it only when an event needs the route.
function routeOf(request: FastifyRequest): string | undefined {
  return request.routeOptions.url;
}

function skipOf(request: FastifyRequest): boolean {
  return request.routeOptions.config?.securityLog === false;
}

const OPEN_OPTIONS = { routeOf, skipOf };

const plugin: FastifyPluginCallback<SecurityPluginOptions> = (fastify, options, done) => {
  const http = createHttpSecurity(options);
  if (!fastify.hasRequestDecorator('securityLog')) {
    fastify.decorateRequest(SECURITY, null);
    fastify.decorateRequest('securityLog', function securityLog(this: FastifyRequest, input: LogInput) {
      return securityOf(this).log(input);
    });
    fastify.decorateRequest('setActor', function setActor(this: FastifyRequest, actor: string | ActorInput) {
      securityOf(this).setActor(actor);
    });
  }

  fastify.addHook('onRequest', (request, reply, next) => {
    const security = http.open(request, OPEN_OPTIONS);
    (request as SecuredRequest)[SECURITY] = security;
    void reply.header(http.header, security.correlationId);
    security.run(next);
  });
  fastify.addHook('preValidation', reenter);
  fastify.addHook('preHandler', reenter);
  fastify.addHook('onError', (request, _reply, error, next) => {
    (request as SecuredRequest)[SECURITY]?.recordError(error);
    next();
  });
  fastify.addHook('onResponse', (request, reply, next) => {
    (request as SecuredRequest)[SECURITY]?.finish({ status: reply.statusCode });
    next();
  });
  done();
};

/**
 * Opens a security context around every request, echoes the correlation id, logs
 * `http.error_response` for 4xx/5xx and adds `request.securityLog()` / `request.setActor()`.
 * Not encapsulated: register it once on the root instance. Opt a route out with
 * `config: { securityLog: false }`.
 */
export const securityPlugin = fp(plugin, { fastify: '5.x', name: '@seclog/fastify' });
export default securityPlugin;
