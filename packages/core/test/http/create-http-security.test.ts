import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { correlation, createHttpSecurity, createSecurityLogger, getContext, memorySink, type HttpSecurityOptions } from '../../src';
import { expectValidEvent } from '../schema-validator';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

function setup(options: Partial<HttpSecurityOptions> = {}) {
  const sink = memorySink();
  const logger = createSecurityLogger({ service: 'http-test', sinks: [sink] });
  let now = 1_000;
  const http = createHttpSecurity({ logger, clock: () => now, ...options });
  const request = (headers: Record<string, string> = {}, url = '/users/42?q=1', extra: object = {}) => ({
    method: 'GET',
    url,
    headers,
    socket: { remoteAddress: '192.0.2.10' },
    ...extra,
  });
  return {
    sink,
    http,
    request,
    advance: (ms: number) => (now += ms),
    async events() {
      await logger.flush();
      for (const event of sink.events) expectValidEvent(event);
      return sink.events;
    },
  };
}

describe('createHttpSecurity().open', () => {
  it('honours a valid correlation id and answers it in responseHeaders', () => {
    const { http, request } = setup();
    const security = http.open(request({ 'x-correlation-id': 'abc-1' }));
    expect(security.correlationId).toBe('abc-1');
    expect(security.responseHeaders).toEqual({ 'x-correlation-id': 'abc-1' });
    expect(security.context).toMatchObject({ correlationId: 'abc-1', target: '/users/42', actor: { id: '192.0.2.10', type: 'ip' } });
  });

  it('uses the configured header, lower-cased', () => {
    const { http, request } = setup({ header: 'X-Request-ID' });
    const security = http.open(request({ 'x-request-id': 'req-9', 'x-correlation-id': 'other' }));
    expect(http.header).toBe('x-request-id');
    expect(security.responseHeaders).toEqual({ 'x-request-id': 'req-9' });
  });

  it('falls back to a traceparent trace id and keeps the caller span', () => {
    const { http, request } = setup();
    const security = http.open(request({ traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01` }));
    expect(security.correlationId).toBe(TRACE_ID);
    expect(security.context.traceId).toBe(TRACE_ID);
    expect(security.parentSpanId).toBe('00f067aa0ba902b7');
  });

  it('replaces a refused id and logs input.validation_failure without its value', async () => {
    const { http, request, events } = setup();
    const refused = 'abc\r\nSet-Cookie: session=stolen';
    const security = http.open(request({ 'x-correlation-id': refused }));
    expect(security.correlationId).not.toBe(refused);
    expect(correlation.isValid(security.correlationId)).toBe(true);
    const [event] = await events();
    expect(event).toMatchObject({
      event_type: 'input.validation_failure',
      correlation_id: security.correlationId,
      target: '/users/42',
      metadata: { field: 'header.x-correlation-id', reason: 'control_characters', length: refused.length },
    });
    expect(JSON.stringify(event)).not.toContain('stolen');
  });

  it('never echoes an invalid id, whatever it is', () => {
    const { http, request } = setup();
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (value) => {
        const security = http.open(request({ 'x-correlation-id': value }));
        expect(correlation.isValid(security.correlationId)).toBe(true);
        if (!correlation.isValid(value)) expect(security.correlationId).not.toBe(value);
      }),
    );
  });

  it('opens a fresh context for a request of unknown shape instead of throwing', () => {
    const { http } = setup();
    const security = http.open(42);
    expect(correlation.isValid(security.correlationId)).toBe(true);
    expect(security.method).toBe('UNKNOWN');
    expect(security.context.actor).toMatchObject({ type: 'anonymous' });
  });

  it('never throws, whatever the request looks like, and always answers a valid id', () => {
    const { http } = setup();
    const headers = fc.dictionary(fc.constantFrom('x-correlation-id', 'traceparent', 'user-agent', 'x-other'), fc.oneof(fc.string(), fc.array(fc.string())));
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.record({ method: fc.anything(), url: fc.anything(), originalUrl: fc.anything(), headers, ip: fc.anything(), user: fc.anything() })),
        (request) => {
          const security = http.open(request);
          expect(correlation.isValid(security.correlationId)).toBe(true);
          expect(security.path).not.toMatch(/[?#]/);
        },
      ),
    );
  });

  it('asks the actor resolver, and survives one that throws', () => {
    const named = setup({ actor: () => ({ id: 'svc-billing', type: 'service' }) });
    expect(named.http.open(named.request()).context.actor).toMatchObject({ id: 'svc-billing', type: 'service', ip: '192.0.2.10' });
    const throwing = setup({
      actor: () => {
        throw new Error('resolver bug');
      },
    });
    expect(throwing.http.open(throwing.request()).context.actor).toMatchObject({ id: '192.0.2.10', type: 'ip' });
  });

  it('by default names the user that authentication left on req.user or ctx.state.user', () => {
    const { http, request } = setup();
    expect(http.open(request({}, '/', { user: { id: 'u-1' } })).context.actor).toMatchObject({ id: 'u-1', type: 'user' });
    expect(http.open(request({}, '/', { state: { user: { sub: 'u-2' } } })).context.actor).toMatchObject({ id: 'u-2', type: 'user' });
  });
});

describe('RequestSecurity', () => {
  it('runs code in its context, across awaits', async () => {
    const { http, request } = setup();
    const security = http.open(request({ 'x-correlation-id': 'run-1' }));
    const seen = await security.run(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      return getContext()?.correlationId;
    });
    expect(seen).toBe('run-1');
    expect(getContext()).toBeUndefined();
  });

  it('bindEmitter runs listeners in the request context, wherever the event is emitted from', () => {
    const { http, request } = setup();
    const security = http.open(request({ 'x-correlation-id': 'bound-1' }));
    const stream = new EventEmitter();
    const seen: Array<string | undefined> = [];
    stream.on('data', (chunk: string) => seen.push(`${chunk}:${getContext()?.correlationId}`));
    security.bindEmitter(stream);
    expect(stream.emit('data', 'a')).toBe(true);
    expect(stream.emit('nobody-listens')).toBe(false);
    expect(seen).toEqual(['a:bound-1']);
    expect(getContext()).toBeUndefined();
  });

  it('finish() logs http.error_response with method, status, route, duration, once', async () => {
    const { http, request, advance, events } = setup();
    const security = http.open(request({ 'x-correlation-id': 'fin-1' }), { route: '/users/:id' });
    advance(12.5);
    const event = security.finish({ status: 403 });
    expect(security.finish({ status: 403 })).toBeUndefined();
    expect(event).toMatchObject({
      event_type: 'http.error_response',
      outcome: 'failure',
      target: '/users/:id',
      correlation_id: 'fin-1',
      metadata: { method: 'GET', status: 403, route: '/users/:id', duration_ms: 12.5 },
    });
    expect(event?.risk_reasons.join(' ')).toContain('http_403');
    expect(await events()).toHaveLength(1);
  });

  it('finish() logs nothing for success, ignored paths, opted-out routes or uncounted statuses', async () => {
    const { http, request, events } = setup({ statuses: [401, 500] });
    expect(http.open(request()).finish({ status: 200 })).toBeUndefined();
    expect(http.open(request({}, '/healthz')).finish({ status: 500 })).toBeUndefined();
    expect(http.open(request(), { skip: true }).finish({ status: 401 })).toBeUndefined();
    expect(http.open(request()).finish({ status: 404 })).toBeUndefined();
    expect(http.open(request()).finish({ status: Number.NaN })).toBeUndefined();
    expect(await events()).toEqual([]);
  });

  it('records the class of an error for a 5xx, never its message', () => {
    const { http, request } = setup();
    const security = http.open(request());
    security.recordError(new SyntaxError('password=hunter2'));
    const event = security.finish({ status: 502 });
    expect(event?.metadata.error_class).toBe('SyntaxError');
    expect(JSON.stringify(event)).not.toContain('hunter2');
  });

  it('follows a router that matches late (routeOf), and lets an explicit target win', () => {
    const { http, request } = setup();
    const router: { matched?: string } = {};
    const security = http.open(request(), { routeOf: () => router.matched });
    expect(security.context.target).toBe('/users/42');
    router.matched = '/users/:id';
    expect(security.context.target).toBe('/users/:id');
    expect(security.run(() => security.log({ eventType: 'data.access_sensitive' })).target).toBe('/users/:id');
    security.context.target = '/explicit';
    expect(security.context.target).toBe('/explicit');
    expect(security.finish({ status: 404 })?.metadata.route).toBe('/users/:id');
  });

  it('treats a throwing routeOf as no route', () => {
    const { http, request } = setup();
    const security = http.open(request(), {
      routeOf: () => {
        throw new Error('router bug');
      },
    });
    expect(security.route).toBeUndefined();
    expect(security.finish({ status: 404 })?.target).toBe('/users/42');
  });

  it('setActor names the user for later events, keeping the request IP', () => {
    const { http, request } = setup();
    const security = http.open(request({ 'user-agent': 'ua/1' }));
    security.setActor('alice');
    expect(security.log({ eventType: 'auth.login_success' }).actor).toEqual({ id: 'alice', type: 'user', ip: '192.0.2.10', user_agent: 'ua/1' });
    expect(security.finish({ status: 403 })?.actor).toMatchObject({ id: 'alice', type: 'user' });
  });

  it('asks the resolver again at finish, for authentication that ran after open', () => {
    const { http } = setup();
    const req: Record<string, unknown> = { method: 'GET', url: '/x', headers: {}, ip: '192.0.2.1' };
    const security = http.open(req);
    req.user = { id: 'late-user' };
    expect(security.finish({ status: 403 })?.actor).toMatchObject({ id: 'late-user', type: 'user', ip: '192.0.2.1' });
  });
});
