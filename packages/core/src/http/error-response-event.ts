import type { LogInput } from '../event';

export interface ErrorResponseFacts {
  method: string;
  status: number;
  /** Route pattern (`/users/:id`) when the router matched one, else the path without its query. */
  target: string;
  /** True when `target` is the route pattern. */
  routed: boolean;
  durationMs: number;
  /** The thrown error, for a 5xx: only its class name is recorded. */
  error?: unknown;
}

const MAX_CLASS_NAME = 64;

/** `TypeError`, `ValidationError`…: the class of what was thrown, never its message or stack. */
export function errorClassOf(error: unknown): string | undefined {
  if (error === undefined || error === null) return undefined;
  if (typeof error !== 'object') return typeof error;
  let name: unknown;
  try {
    const ctor = (error as { constructor?: { name?: unknown } }).constructor;
    name = ctor?.name || (error as { name?: unknown }).name;
  } catch {
    return 'Object';
  }
  return typeof name === 'string' && /^[A-Za-z_$][\w$]*$/.test(name) ? name.slice(0, MAX_CLASS_NAME) : 'Object';
}

/**
 * The `http.error_response` event for a finished request. Built from facts the server decided
 * (method, status, route, timing); nothing the client sent as a body, query value, cookie or
 * authorization header has a way in.
 */
export function errorResponseEvent(facts: ErrorResponseFacts): LogInput {
  const metadata: Record<string, unknown> = {
    method: facts.method,
    status: facts.status,
    duration_ms: Math.round(facts.durationMs * 1000) / 1000,
  };
  if (facts.routed) metadata.route = facts.target;
  if (facts.status >= 500) {
    const errorClass = errorClassOf(facts.error);
    if (errorClass !== undefined) metadata.error_class = errorClass;
  }
  const input: LogInput = {
    eventType: 'http.error_response',
    outcome: 'failure',
    target: facts.target,
    message: `${facts.method} ${facts.target} answered ${facts.status}`,
    metadata,
  };
  // Refused credentials and refused access are the statuses an attacker produces on purpose.
  if (facts.status === 401) input.signals = ['http_401'];
  else if (facts.status === 403) input.signals = ['http_403'];
  return input;
}
