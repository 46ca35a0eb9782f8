import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { correlation, getContext, type SecurityLogger } from '@seclog/core';
import type { ConformanceRoute } from './types';

/** Values the routes share with the suite: a rendezvous for the interleaved POSTs, the peer's URL. */
export interface RouteEnvironment {
  logger: SecurityLogger;
  /** Base URL of the second service, for the outgoing call. */
  peerUrl?: string;
}

/** What the context says, as a route reports it back to the client. */
export interface ContextReport {
  correlationId?: string;
  traceId?: string;
  target?: string;
  actor?: unknown;
}

function report(): ContextReport {
  const context = getContext();
  return { correlationId: context?.correlationId, traceId: context?.traceId, target: context?.target, actor: context?.actor };
}

/** Two requests that each wait until the other has arrived: proves contexts neither leak nor cross. */
function rendezvous() {
  const arrived = new Map<string, () => void>();
  const waiting = new Map<string, Promise<void>>();
  const gate = (name: string) => {
    if (!waiting.has(name)) waiting.set(name, new Promise<void>((resolve) => arrived.set(name, resolve)));
    return waiting.get(name) as Promise<void>;
  };
  return {
    async meet(name: string, partner: string) {
      void gate(name);
      arrived.get(name)?.();
      await gate(partner);
    },
  };
}

/** Error messages that must never reach a record: only the class of a thrown error is logged. */
export const THROWN_SECRET = 'db-password-hunter2-in-error-message';

/** The routes every adapter's app serves for the conformance suite. */
export function conformanceRoutes(env: RouteEnvironment): ConformanceRoute[] {
  const race = rendezvous();
  return [
    {
      method: 'GET',
      path: '/users/:id',
      async handle({ params }) {
        await Promise.resolve();
        await sleep(1);
        await nextTurn();
        const fromTimer = await new Promise<ContextReport>((resolve) => setTimeout(() => resolve(report()), 1));
        env.logger.log({ eventType: 'data.access_sensitive', outcome: 'success', metadata: { user: params.id } });
        return { status: 200, body: { ...report(), fromTimer, id: params.id } };
      },
    },
    {
      method: 'POST',
      path: '/race/:name',
      async handle({ params, body }) {
        const { partner } = body as { partner: string };
        env.logger.log({ eventType: 'data.access_sensitive', outcome: 'success', metadata: { step: 'before', name: params.name } });
        await race.meet(String(params.name), partner);
        await sleep(2);
        env.logger.log({ eventType: 'data.access_sensitive', outcome: 'success', metadata: { step: 'after', name: params.name } });
        return { status: 200, body: { ...report(), name: params.name, bodyName: (body as { name?: unknown }).name } };
      },
    },
    {
      method: 'GET',
      path: '/status/:code',
      async handle({ params }) {
        await sleep(1);
        return { status: Number(params.code), body: { error: 'as requested' } };
      },
    },
    {
      method: 'POST',
      path: '/status/:code',
      async handle({ params }) {
        return { status: Number(params.code), body: { error: 'as requested' } };
      },
    },
    {
      method: 'GET',
      path: '/boom',
      async handle() {
        await sleep(1);
        throw new TypeError(THROWN_SECRET);
      },
    },
    {
      method: 'GET',
      path: '/health',
      async handle() {
        return { status: 503, body: { ok: false } };
      },
    },
    {
      method: 'GET',
      path: '/internal/:what',
      async handle() {
        return { status: 500, body: { ok: false } };
      },
    },
    {
      method: 'GET',
      path: '/opt-out',
      skip: true,
      async handle() {
        return { status: 401, body: { error: 'unauthenticated' } };
      },
    },
    {
      method: 'POST',
      path: '/login',
      async handle({ body, setActor, securityLog }) {
        const { user, status } = body as { user: string; status?: number };
        const before = securityLog({ eventType: 'data.access_sensitive', outcome: 'success' });
        setActor(user);
        await sleep(1);
        const after = securityLog({ eventType: 'auth.login_success', outcome: 'success' });
        const later = await new Promise((resolve) =>
          setTimeout(() => resolve(env.logger.log({ eventType: 'session.created', outcome: 'success' })), 1),
        );
        return { status: status ?? 200, body: { before, after, later } };
      },
    },
    {
      method: 'GET',
      path: '/whoami',
      async handle({ securityLog }) {
        const event = securityLog({ eventType: 'authz.access_denied', outcome: 'failure' });
        return { status: 200, body: { actor: event.actor, context: report() } };
      },
    },
    {
      method: 'GET',
      path: '/outgoing',
      async handle() {
        const headers = correlation.inject({ accept: 'application/json' });
        const response = await fetch(`${env.peerUrl}/users/downstream`, { headers });
        const downstream = (await response.json()) as ContextReport;
        env.logger.log({ eventType: 'data.export', outcome: 'success', metadata: { downstream_status: response.status } });
        return { status: 200, body: { ...report(), sent: headers, downstream } };
      },
    },
  ];
}
