import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createSecurityLogger, memorySink } from '@seclog/core';
import { assertValidEvents } from '@seclog/testkit';
import express from 'express';
import { afterAll, expect, it, vi } from 'vitest';
import { securityMiddleware } from '../src/index';

const sink = memorySink();
const logger = createSecurityLogger({ service: 'express-mounted', sinks: [sink] });
const app = express();
app.use(securityMiddleware({ logger }));
const api = express.Router();
api.get('/orders/:id', (req, res) => {
  req.securityLog({ eventType: 'data.access_sensitive' });
  res.status(403).json({ error: 'not yours' });
});
app.use('/api', api);
const tenant = express.Router();
tenant.get('/users/:id', (req, res) => {
  req.securityLog({ eventType: 'data.access_sensitive' });
  res.status(403).json({ error: 'not yours' });
});
app.use('/tenants/:tenant', tenant);
const server = app.listen(0, '127.0.0.1');

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await logger.close();
  assertValidEvents(sink.events);
});

async function eventsOf(path: string, correlationId: string) {
  if (!server.listening) await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { 'x-correlation-id': correlationId } });
  expect(response.status).toBe(403);
  await vi.waitFor(async () => {
    await logger.flush();
    expect(sink.events.filter((e) => e.correlation_id === correlationId)).toHaveLength(2);
  });
  return sink.events.filter((e) => e.correlation_id === correlationId).map((e) => [e.event_type, e.target]);
}

it('names routes of a mounted router by their full pattern', async () => {
  expect(await eventsOf('/api/orders/77?x=1', 'mounted-1')).toEqual([
    ['data.access_sensitive', '/api/orders/:id'],
    ['http.error_response', '/api/orders/:id'],
  ]);
});

it('names a router mounted at a path with parameters by the path it matched, as the README says', async () => {
  expect(await eventsOf('/tenants/acme/users/9', 'mounted-2')).toEqual([
    ['data.access_sensitive', '/tenants/acme/users/:id'],
    ['http.error_response', '/tenants/acme/users/:id'],
  ]);
});
