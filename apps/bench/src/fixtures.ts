import type { LogInput } from '@seclog/core';

/**
 * A realistic failed-login record: ten metadata fields, three of them sensitive (an email, a
 * password, a bearer token), the rest ordinary values that must survive (an IP, a UUID, a user agent).
 */
export function loginFailureMetadata(i: number): Record<string, unknown> {
  return {
    reason: 'bad_password',
    username: `user${i % 1000}@example.com`,
    password: 'correct horse battery staple',
    authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    attempt: (i % 7) + 1,
    method: 'POST',
    path: '/login',
    requestId: '3f6c2a1e-9b7d-4e2a-8c1f-5d9e0b7a6c41',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
    note: `card on file 4111 1111 1111 1111, client ${i % 250}`,
  };
}

export function loginFailureInput(i: number): LogInput {
  return {
    eventType: 'auth.login_failure',
    actor: { id: `user-${i % 1000}`, type: 'user', ip: `203.0.113.${i % 250}` },
    target: '/login',
    outcome: 'failure',
    metadata: loginFailureMetadata(i),
  };
}

/** The same record as an application would hand to pino or winston directly. */
export function loginFailureRecord(i: number): Record<string, unknown> {
  const input = loginFailureInput(i);
  return {
    event_type: input.eventType,
    outcome: input.outcome,
    actor: input.actor,
    target: input.target,
    service: 'auth-service',
    metadata: input.metadata,
  };
}

/** pino's own redaction for that record: paths must be known in advance. */
export const PINO_REDACT_PATHS = ['metadata.password', 'metadata.authorization', 'metadata.username'];
