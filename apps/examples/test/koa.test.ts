import { afterAll, beforeAll, expect, it } from 'vitest';
import { start } from '../src/koa';
import { readEvents, tempLogFile } from './read-events';

const logFile = tempLogFile('koa');
let service: Awaited<ReturnType<typeof start>>;
beforeAll(async () => {
  service = await start({ port: 0, logFile });
});

it('an unauthenticated read is logged as http.error_response 401 with the route and the proxied client IP', async () => {
  const response = await fetch(`${service.url}/files/payroll.xlsx?token=abc`, { headers: { 'x-forwarded-for': '192.0.2.77' } });
  expect(response.status).toBe(401);
  const correlationId = response.headers.get('x-correlation-id');
  await service.close();

  const events = await readEvents(logFile);
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({
    event_type: 'http.error_response',
    service: 'files',
    target: '/files/:name',
    correlation_id: correlationId,
    actor: { id: '192.0.2.77', type: 'ip' },
    metadata: { method: 'GET', status: 401, route: '/files/:name' },
  });
  expect(JSON.stringify(events[0])).not.toContain('abc');
});

afterAll(() => service.close().catch(() => undefined));
