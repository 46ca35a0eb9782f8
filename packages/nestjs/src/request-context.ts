import { getContext, type RequestSecurity, type SecurityContext } from '@seclog/core';

// Keyed by Node's IncomingMessage: Express hands it out itself, Fastify wraps it as `request.raw`.
const byRequest = new WeakMap<object, RequestSecurity>();
// Lets SecurityLogService reach the request from inside its async context alone.
const byContext = new WeakMap<SecurityContext, RequestSecurity>();

function keyOf(request: unknown): object | undefined {
  if (typeof request !== 'object' || request === null) return undefined;
  const raw = (request as { raw?: unknown }).raw;
  return typeof raw === 'object' && raw !== null ? raw : request;
}

export function rememberRequest(request: unknown, security: RequestSecurity): void {
  const key = keyOf(request);
  if (key) byRequest.set(key, security);
  byContext.set(security.context, security);
}

export function securityOfRequest(request: unknown): RequestSecurity | undefined {
  const key = keyOf(request);
  return key ? byRequest.get(key) : undefined;
}

/** The request whose context the caller runs in; undefined outside HTTP requests. */
export function currentRequestSecurity(): RequestSecurity | undefined {
  const context = getContext();
  return context ? byContext.get(context) : undefined;
}

/** The request's context, else whatever context the caller runs in. */
export function contextOfRequest(request: unknown): SecurityContext | undefined {
  return securityOfRequest(request)?.context ?? getContext();
}
