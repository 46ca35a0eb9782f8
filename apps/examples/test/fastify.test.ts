import { afterAll, beforeAll, expect, it } from 'vitest';
import { start } from '../src/fastify';
import { readEvents, tempLogFile } from './read-events';

const logFile = tempLogFile('fastify');
let service: Awaited<ReturnType<typeof start>>;
beforeAll(async () => {
  service = await start({ port: 0, logFile });
});

it('reading an order logs data.access_sensitive against the route pattern, through winston', async () => {
  const response = await fetch(`${service.url}/orders/42`, { headers: { 'x-correlation-id': 'req-42.a' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('x-correlation-id')).toBe('req-42.a');
  await service.close();

  const events = await readEvents(logFile);
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({
    event_type: 'data.access_sensitive',
    service: 'orders',
    target: '/orders/:id',
    correlation_id: 'req-42.a',
    level: 'security',
    metadata: { order: '42' },
  });
});

afterAll(() => service.close().catch(() => undefined));
