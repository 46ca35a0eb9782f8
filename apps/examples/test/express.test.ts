import { afterAll, beforeAll, expect, it } from 'vitest';
import { start } from '../src/express';
import { readEvents, tempLogFile } from './read-events';

const logFile = tempLogFile('express');
let service: Awaited<ReturnType<typeof start>>;
beforeAll(async () => {
  service = await start({ port: 0, logFile });
});

it('a failed login is written once as auth.login_failure, password redacted, plus the 401', async () => {
  const response = await fetch(`${service.url}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.23' },
    body: JSON.stringify({ username: 'alice', password: 'hunter2-secret' }),
  });
  expect(response.status).toBe(401);
  const correlationId = response.headers.get('x-correlation-id');
  await service.close();

  const events = await readEvents(logFile);
  const failure = events.filter((event) => event.event_type === 'auth.login_failure');
  expect(failure).toHaveLength(1);
  expect(failure[0]).toMatchObject({ service: 'auth', target: '/login', correlation_id: correlationId, actor: { ip: '198.51.100.23' } });
  expect(failure[0]!.metadata).toEqual({ username: 'alice', password: '[REDACTED]' });
  const error = events.find((event) => event.event_type === 'http.error_response');
  expect(error).toMatchObject({ correlation_id: correlationId, metadata: { status: 401, route: '/login' } });
  expect(JSON.stringify(events)).not.toContain('hunter2-secret');
});

afterAll(() => service.close().catch(() => undefined));
