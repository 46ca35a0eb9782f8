import { getContext, type RequestSecurity, type SecurityContext } from '@seclog/core';

/**
 * On the request object every Nest layer of the platform shares: Express's `req`, Fastify's
 * `request` (its `raw` is the IncomingMessage only Nest middleware sees).
 */
export const REQUEST_SECURITY = Symbol('seclog.nestjs.request');
type WithSecurity = { [REQUEST_SECURITY]?: RequestSecurity | null };

/**
 * Also on the request's context, so that SecurityLogService reaches the request from inside its
 * async context alone (a WeakMap entry per request costs the garbage collector more).
 */
export function rememberRequest(request: object, security: RequestSecurity): void {
  (request as WithSecurity)[REQUEST_SECURITY] = security;
  (security.context as WithSecurity)[REQUEST_SECURITY] = security;
}

export function securityOfRequest(request: unknown): RequestSecurity | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  return (request as WithSecurity)[REQUEST_SECURITY] ?? undefined;
}

/** The request whose context the caller runs in; undefined outside HTTP requests. */
export function currentRequestSecurity(): RequestSecurity | undefined {
  return (getContext() as WithSecurity | undefined)?.[REQUEST_SECURITY] ?? undefined;
}

/** The request's context, else whatever context the caller runs in. */
export function contextOfRequest(request: unknown): SecurityContext | undefined {
  return securityOfRequest(request)?.context ?? getContext();
}
