import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createSecurityLogger, memorySink } from '@seclog/core';
import { assertValidEvents } from '@seclog/testkit';
import Koa from 'koa';
import { afterAll, expect, it, vi } from 'vitest';
import { securityMiddleware } from '../src/index';

const sink = memorySink();
const logger = createSecurityLogger({ service: 'koa-error-middleware', sinks: [sink] });
const app = new Koa();
app.silent = true;
// An error middleware of the app's own, mounted outside the adapter, answering errors itself and
// reporting them on the app as Koa's documentation advises.
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    ctx.status = 500;
    ctx.body = { error: 'internal' };
    ctx.app.emit('error', error, ctx);
  }
});
app.use(securityMiddleware({ logger }));
app.use((ctx) => {
  if (ctx.path === '/boom') throw new RangeError('out of range');
  ctx.body = { ok: true };
});
const server = app.listen(0, '127.0.0.1');

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await logger.close();
  assertValidEvents(sink.events);
});

it('keeps the echo and records the error class when an outer middleware answers the error', async () => {
  if (!server.listening) await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/boom`, { headers: { 'x-correlation-id': 'outer-1' } });
  expect(response.status).toBe(500);
  expect(response.headers.get('x-correlation-id')).toBe('outer-1');
  expect(await response.json()).toEqual({ error: 'internal' });
  await vi.waitFor(async () => {
    await logger.flush();
    expect(sink.events).toHaveLength(1);
  });
  expect(sink.events[0]).toMatchObject({ event_type: 'http.error_response', correlation_id: 'outer-1' });
  expect(sink.events[0]!.metadata).toMatchObject({ status: 500, error_class: 'RangeError' });
});

it('offers ctx.securityLog on the app once the adapter has opened a request', async () => {
  const { port } = server.address() as AddressInfo;
  expect((await fetch(`http://127.0.0.1:${port}/fine`)).status).toBe(200);
  expect(typeof app.context.securityLog).toBe('function');
  const stray = app.createContext({ headers: {} } as never, {} as never);
  expect(() => stray.securityLog({ eventType: 'auth.login_failure' })).toThrow(/did not open/);
});
