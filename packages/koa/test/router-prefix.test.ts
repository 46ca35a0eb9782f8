import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import Router from '@koa/router';
import { createSecurityLogger, memorySink } from '@seclog/core';
import { assertValidEvents } from '@seclog/testkit';
import Koa from 'koa';
import { afterAll, expect, it, vi } from 'vitest';
import { securityMiddleware } from '../src/index';

const sink = memorySink();
const logger = createSecurityLogger({ service: 'koa-prefixed', sinks: [sink] });
const app = new Koa();
const api = new Router({ prefix: '/api' });
api.get('/orders/:id', (ctx) => {
  ctx.securityLog({ eventType: 'data.access_sensitive' });
  ctx.status = 403;
  ctx.body = { error: 'not yours' };
});
app.use(securityMiddleware({ logger }));
app.use(api.routes());
const server = app.listen(0, '127.0.0.1');

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await logger.close();
  assertValidEvents(sink.events);
});

it('names routes of a prefixed router by their full pattern', async () => {
  if (!server.listening) await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/api/orders/77?x=1`, { headers: { 'x-correlation-id': 'prefixed-1' } });
  expect(response.status).toBe(403);
  await vi.waitFor(async () => {
    await logger.flush();
    expect(sink.events).toHaveLength(2);
  });
  expect(sink.events.map((e) => [e.event_type, e.target, e.correlation_id])).toEqual([
    ['data.access_sensitive', '/api/orders/:id', 'prefixed-1'],
    ['http.error_response', '/api/orders/:id', 'prefixed-1'],
  ]);
});
