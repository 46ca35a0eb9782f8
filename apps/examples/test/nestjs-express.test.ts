import { afterAll, beforeAll, expect, it } from 'vitest';
import { readEvents, tempLogFile } from './read-events';

const logFile = tempLogFile('nestjs-express');
process.env.SECLOG_FILE = logFile;
const { start } = await import('../src/nestjs-express');
let service: Awaited<ReturnType<typeof start>>;
beforeAll(async () => {
  service = await start({ port: 0 });
});

it('GET /accounts/:id logs data.access_sensitive (success) as the README comment says', async () => {
  const response = await fetch(`${service.url}/accounts/7`);
  expect(response.status).toBe(200);
  const correlationId = response.headers.get('x-correlation-id');
  expect(await response.json()).toEqual({ id: '7', correlationId });
  await service.close();

  const events = await readEvents(logFile);
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({
    event_type: 'data.access_sensitive',
    outcome: 'success',
    service: 'accounts',
    target: '/accounts/:id',
    correlation_id: correlationId,
  });
});

afterAll(() => service.close().catch(() => undefined));
