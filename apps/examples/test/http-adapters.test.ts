import { afterAll, describe, expect, it } from 'vitest';
import { start as startExpress } from '../src/express';
import { start as startFastify } from '../src/fastify';
import { start as startKoa } from '../src/koa';
import { readEvents, tempLogFile } from './read-events';

// The three README examples are the same service: the same requests give the same events.
describe.each([
  ['express', startExpress],
  ['fastify', startFastify],
  ['koa', startKoa],
])('%s example', (name, start) => {
  const logFile = tempLogFile(name);
  let service: Awaited<ReturnType<typeof start>> | undefined;
  afterAll(() => service?.close().catch(() => undefined));

  it('a wrong password logs auth.login_failure with the user, then http.error_response 401; the warm-up route logs nothing', async () => {
    service = await start({ port: 0, logFile });
    const response = await fetch(`${service.url}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'alice', password: 'hunter2' }),
    });
    expect(response.status).toBe(401);
    const correlationId = response.headers.get('x-correlation-id');
    expect(correlationId).toBeTruthy();
    expect((await fetch(`${service.url}/internal/warmup`)).status).toBe(503);
    await service.close();

    const events = await readEvents(logFile);
    expect(events.map((event) => event.event_type)).toEqual(['auth.login_failure', 'http.error_response']);
    expect(events[0]).toMatchObject({ service: 'orders-api', target: '/login', correlation_id: correlationId, actor: { type: 'ip' }, metadata: { user: 'alice' } });
    expect(events[1]).toMatchObject({ correlation_id: correlationId, metadata: { status: 401, route: '/login' } });
    expect(JSON.stringify(events)).not.toContain('hunter2');
  });
});
