import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSecurityLogger, memorySink } from '@seclog/core';
import { assertValidEvents } from '@seclog/testkit';
import express from 'express';
import express4 from 'express4';
import { afterAll, expect, it, vi } from 'vitest';
import { securityMiddleware } from '../src/index';

const sink = memorySink();
const logger = createSecurityLogger({ service: 'express-sub-app', sinks: [sink] });
const servers: Server[] = [];

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await logger.close();
  assertValidEvents(sink.events);
});

for (const [name, framework] of [
  ['Express 5', express],
  ['Express 4', express4 as unknown as typeof express],
] as const) {
  it(`${name}: req.securityLog works in a mounted sub-app and in an app of its own, and refuses a request it did not open`, async () => {
    const app = framework();
    app.use(securityMiddleware({ logger }));
    const admin = framework();
    admin.post('/users/:id/role', (req, res) => {
      req.setActor('admin-1');
      req.securityLog({ eventType: 'authz.privilege_change', outcome: 'success' });
      res.json({ ok: true });
    });
    app.use('/admin', admin);
    // An app without the middleware: the methods exist on every Express request, but it opened none.
    const plain = framework();
    plain.get('/log', (req, res) => {
      try {
        req.securityLog({ eventType: 'auth.login_failure' });
        res.json({ threw: false });
      } catch (error) {
        res.json({ threw: String((error as Error).message) });
      }
    });
    const server = app.listen(0, '127.0.0.1');
    const plainServer = plain.listen(0, '127.0.0.1');
    servers.push(server, plainServer);
    await Promise.all([server, plainServer].map((s) => (s.listening ? undefined : once(s, 'listening'))));
    const port = (server.address() as AddressInfo).port;
    const id = `sub-app-${name.replace(' ', '')}`;
    const response = await fetch(`http://127.0.0.1:${port}/admin/users/7/role`, { method: 'POST', headers: { 'x-correlation-id': id } });
    expect(response.status).toBe(200);
    await vi.waitFor(async () => {
      await logger.flush();
      expect(sink.events.filter((event) => event.correlation_id === id)).toHaveLength(1);
    });
    const event = sink.events.find((e) => e.correlation_id === id)!;
    expect(event).toMatchObject({ event_type: 'authz.privilege_change', actor: { id: 'admin-1' } });
    const plainPort = (plainServer.address() as AddressInfo).port;
    expect(await (await fetch(`http://127.0.0.1:${plainPort}/log`)).json()).toEqual({ threw: expect.stringMatching(/did not open/) });
  });
}
