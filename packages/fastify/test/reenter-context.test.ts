import { createSecurityLogger, getContext, memorySink } from '@seclog/core';
import Fastify from 'fastify';
import { afterAll, expect, it, vi } from 'vitest';
import { securityPlugin } from '../src/index';

const logger = createSecurityLogger({ service: 'fastify-reenter', sinks: [memorySink()] });
const app = Fastify();
// Stands in for a hook that resumes from a callback owned by something else (a pooled client, a
// queue): Fastify continues in that caller's async context, not the request's.
const parked: Array<() => void> = [];

afterAll(async () => {
  await app.close();
  await logger.close();
});

it('re-enters the request context after a hook that resumed in a foreign async context', async () => {
  await app.register(securityPlugin, { logger });
  app.addHook('preParsing', (_request, _reply, payload, done) => {
    parked.push(() => done(null, payload));
  });
  app.post('/after-parsing', async (request) => ({ seen: getContext()?.correlationId, body: request.body }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });

  const response = fetch(`${url}/after-parsing`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-correlation-id': 'parked-1' },
    body: JSON.stringify({ ok: true }),
  });
  await vi.waitFor(() => expect(parked).toHaveLength(1));
  expect(getContext()).toBeUndefined();
  parked.shift()?.();
  expect(await (await response).json()).toEqual({ seen: 'parked-1', body: { ok: true } });
});
