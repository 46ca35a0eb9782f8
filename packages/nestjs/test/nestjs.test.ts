import { Module } from '@nestjs/common';
import { memorySink, type MemorySink, type SecurityEvent } from '@seclog/core';
import { SecurityLogModule } from '@seclog/nestjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BehavioursController } from './behaviours.fixture';
import { HandOverModule, HeaderUserGuard, ParkedSignal, Rendezvous, TransfersController } from './concurrency.fixture';
import { platforms } from './platforms';
import { postAfterContinue } from './post-after-continue';
import { startNest, type StartedApp } from './start-app';

const ofType = (events: SecurityEvent[], type: string) => events.filter((event) => event.event_type === type);

describe.each(platforms)('SecurityLogModule on $name', ({ adapter }) => {
  let sink: MemorySink;
  let started: StartedApp;

  // One app per platform; each test starts from an empty sink.
  beforeAll(async () => {
    sink = memorySink();
    @Module({ providers: [Rendezvous, HeaderUserGuard] })
    class FixturesModule {}
    started = await startNest(
      adapter(),
      {
        imports: [SecurityLogModule.forRoot({ service: 'nest-test', sinks: [sink] }), FixturesModule, HandOverModule],
        controllers: [BehavioursController, TransfersController],
        providers: [Rendezvous],
      },
      sink,
    );
  });
  beforeEach(() => sink.clear());
  afterAll(async () => {
    await started.close();
  });

  it('echoes a valid incoming correlation id and gives it to @CorrelationId() and the service', async () => {
    const response = await fetch(`${started.url}/whoami`, { headers: { 'x-correlation-id': 'req-123.abc' } });
    expect(response.headers.get('x-correlation-id')).toBe('req-123.abc');
    expect(await response.json()).toEqual({ correlationId: 'req-123.abc', fromService: 'req-123.abc' });
    expect(await started.events()).toEqual([]);
  });

  it('replaces a refused correlation id, never echoes it, and records the refusal', async () => {
    const response = await fetch(`${started.url}/whoami`, { headers: { 'x-correlation-id': 'bad id with spaces' } });
    const echoed = response.headers.get('x-correlation-id');
    expect(echoed).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await response.json()) as { correlationId: string }).correlationId).toBe(echoed);
    const [refusal] = ofType(await started.events(), 'input.validation_failure');
    expect(refusal).toMatchObject({ correlation_id: echoed, metadata: { reason: 'invalid_characters' } });
    expect(JSON.stringify(refusal)).not.toContain('bad id with spaces');
  });

  it('takes the trace id of a valid traceparent when no correlation header came', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await fetch(`${started.url}/login`, {
      method: 'POST',
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    expect(response.headers.get('x-correlation-id')).toBe(traceId);
    const [event] = ofType(await started.events(), 'http.error_response');
    expect(event).toMatchObject({ correlation_id: traceId, trace_id: traceId });
  });

  it('logs an UnauthorizedException mapped by Nest as a 401 error response that outscores a 404', async () => {
    const unauthorized = await fetch(`${started.url}/login`, { method: 'POST', headers: { 'x-correlation-id': 'c-401' } });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('x-correlation-id')).toBe('c-401');
    const missing = await fetch(`${started.url}/no/such/route?token=secret`, { headers: { 'x-correlation-id': 'c-404' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-correlation-id')).toBe('c-404');

    const [e401, e404] = ofType(await started.events(), 'http.error_response');
    expect(e401).toMatchObject({
      outcome: 'failure',
      target: '/login',
      correlation_id: 'c-401',
      actor: { type: 'ip', ip: '127.0.0.1' },
      metadata: { method: 'POST', status: 401, route: '/login' },
    });
    expect(e404).toMatchObject({ target: '/no/such/route', correlation_id: 'c-404', metadata: { status: 404 } });
    expect(e401!.risk_score).toBeGreaterThan(e404!.risk_score);
    expect(JSON.stringify(e404)).not.toContain('secret');
  });

  it('logs a malformed JSON body refused by the body parser, with the correlation echo', async () => {
    const response = await fetch(`${started.url}/transfers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'c-400' },
      body: '{"reference": ',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-correlation-id')).toBe('c-400');
    expect(ofType(await started.events(), 'http.error_response')).toMatchObject([
      { correlation_id: 'c-400', metadata: { method: 'POST', status: 400 } },
    ]);
  });

  it('records only the class of what a 5xx handler threw, never its message', async () => {
    const response = await fetch(`${started.url}/crash`, { headers: { 'x-correlation-id': 'c-500' } });
    expect(response.status).toBe(500);
    expect(response.headers.get('x-correlation-id')).toBe('c-500');
    const [event] = ofType(await started.events(), 'http.error_response');
    expect(event).toMatchObject({ metadata: { status: 500, error_class: 'TypeError' } });
    expect(JSON.stringify(event)).not.toContain('hunter2');
  });

  it('leaves health probes out of the error responses by default', async () => {
    expect((await fetch(`${started.url}/health`)).status).toBe(401);
    expect(await started.events()).toEqual([]);
  });

  it('logs @SecurityEvent with a target function, and notes a metadata function that throws', async () => {
    expect((await fetch(`${started.url}/reports/7`)).status).toBe(200);
    const [event] = ofType(await started.events(), 'data.export');
    expect(event).toMatchObject({
      outcome: 'success',
      target: 'report:7',
      metadata: { seclog_problems: ['metadata threw Error'] },
    });
  });

  it("logs only failures with when: 'failure', under the given target and message", async () => {
    expect((await fetch(`${started.url}/audit/mine`)).status).toBe(200);
    expect((await fetch(`${started.url}/audit/theirs`)).status).toBe(403);
    expect(ofType(await started.events(), 'authz.access_denied')).toMatchObject([
      {
        outcome: 'failure',
        target: 'audit-log',
        message: 'Audit log refused',
        metadata: { exception: 'ForbiddenException', status: 403 },
      },
    ]);
  });

  it('logs failure with the exception class after an await, then lets Nest answer as usual', async () => {
    expect((await fetch(`${started.url}/jobs/ok`)).status).toBe(200);
    expect((await fetch(`${started.url}/jobs/broken`)).status).toBe(500);
    const events = await started.events();
    expect(ofType(events, 'config.change')).toMatchObject([
      { outcome: 'success', target: '/jobs/:id' },
      { outcome: 'failure', target: '/jobs/:id', metadata: { exception: 'RangeError' } },
    ]);
    expect(ofType(events, 'http.error_response')).toMatchObject([{ metadata: { status: 500, error_class: 'RangeError' } }]);
  });

  it('keeps two interleaved POSTs with bodies in their own context, actor set by a guard included', async () => {
    const post = (user: string, reference: string) =>
      postAfterContinue(`${started.url}/transfers`, { 'x-user': user, 'x-correlation-id': `corr-${reference}` }, { reference }).then(
        (response) => response.json,
      );
    const [a, b] = await Promise.all([post('alice', 'A'), post('bob', 'B')]);
    expect(a).toEqual({ reference: 'A', correlationId: 'corr-A' });
    expect(b).toEqual({ reference: 'B', correlationId: 'corr-B' });

    const events = ofType(await started.events(), 'data.update_sensitive');
    expect(events).toHaveLength(4);
    for (const event of events) {
      const reference = event.metadata.reference as string;
      expect(event.correlation_id).toBe(`corr-${reference}`);
      expect(event.actor.id).toBe(reference === 'A' ? 'alice' : 'bob');
      expect(event.target).toBe('/transfers');
    }
  });

  it('gives the handler its own request context back when a middleware resumed it from another request', async () => {
    const post = (reference: string) =>
      fetch(`${started.url}/handover`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-correlation-id': `hand-${reference}` },
        body: JSON.stringify({ reference }),
      }).then((response) => response.json() as Promise<{ reference: string; correlationId: string }>);
    const first = post('first');
    // The second request is sent only once the first has reached the middleware and parked there.
    await started.app.get(ParkedSignal).parked;
    const [a, b] = await Promise.all([first, post('second')]);
    expect(a).toEqual({ reference: 'first', correlationId: 'hand-first' });
    expect(b).toEqual({ reference: 'second', correlationId: 'hand-second' });
    const events = ofType(await started.events(), 'data.update_sensitive');
    expect(events.map((event) => [event.metadata.reference, event.correlation_id]).sort()).toEqual([
      ['first', 'hand-first'],
      ['second', 'hand-second'],
    ]);
  });

  it('logs from the service outside any request without throwing, with no request context', async () => {
    const { SecurityLogService } = await import('@seclog/nestjs');
    const service = started.app.get(SecurityLogService);
    expect(service.correlationId).toBeUndefined();
    expect(service.setActor('cron')).toBe(false);
    const event = service.log({ eventType: 'system.monitor_enabled', actor: { id: 'nightly-job', type: 'service' } });
    expect(event.target).toBeUndefined();
    expect(event.actor).toEqual({ id: 'nightly-job', type: 'service' });
    expect(await started.events()).toHaveLength(1);
  });
});
