import { correlation, type SecurityEvent } from '@seclog/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertValidEvents } from '../validate-event';
import { chunkedPost, rawRequest } from './http-client';
import { THROWN_SECRET, type ContextReport } from './routes';
import { startService, type ServiceUnderTest } from './service';
import type { AdapterUnderTest } from './types';

const HEADER = 'x-correlation-id';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

const isErrorResponse = (id: string) => (e: SecurityEvent) =>
  e.correlation_id === id && e.event_type === 'http.error_response';

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Framework error pages are not JSON; the text is enough.
  }
  return { status: response.status, headers: response.headers, body: body as Record<string, unknown> };
}

async function post(url: string, payload: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(payload),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text || '{}') as Record<string, unknown> };
}

/**
 * The one behaviour contract of every HTTP adapter (DESIGN "Adapters, one shape"), run against
 * real servers on 127.0.0.1. Every record any service logged is validated against `seclog/1`.
 */
export function runAdapterConformance(adapter: AdapterUnderTest): void {
  describe(`${adapter.name} conformance`, () => {
    let app: ServiceUnderTest;
    let peer: ServiceUnderTest;
    let custom: ServiceUnderTest;
    let all: ServiceUnderTest[] = [];

    beforeAll(async () => {
      peer = await startService(adapter, { service: 'svc-peer' });
      app = await startService(adapter, { service: 'svc-app', peerUrl: peer.url });
      custom = await startService(adapter, {
        service: 'svc-custom',
        trustProxy: true,
        options: {
          header: 'X-Request-ID',
          ignorePaths: ['/internal'],
          statuses: [401, 403, 500, 503],
          actor: (request) => {
            const user = (request as { headers?: Record<string, unknown> }).headers?.['x-test-user'];
            return typeof user === 'string' ? user : undefined;
          },
        },
      });
      all = [peer, app, custom];
    });

    afterEach(() => {
      for (const service of all) assertValidEvents(service.lines());
    });

    afterAll(async () => {
      await Promise.all(all.map((service) => service.close()));
    });

    describe('request context', () => {
      it('is open in the handler after awaits and timers, with the route pattern as target', async () => {
        const res = await get(`${app.url}/users/42?tab=secret-query-value`, { [HEADER]: 'ctx-awaits-1' });
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ correlationId: 'ctx-awaits-1', target: '/users/:id', id: '42' });
        expect(res.body.fromTimer).toMatchObject({ correlationId: 'ctx-awaits-1', target: '/users/:id' });
        const event = await app.event((e) => e.correlation_id === 'ctx-awaits-1');
        expect(event).toMatchObject({ event_type: 'data.access_sensitive', target: '/users/:id', service: 'svc-app' });
        expect(event.actor).toMatchObject({ id: '127.0.0.1', type: 'ip', ip: '127.0.0.1' });
      });

      it('never loses or crosses contexts between two interleaved POSTs whose bodies arrive late', async () => {
        const a = chunkedPost(`${app.url}/race/alpha`, { [HEADER]: 'race-alpha' }, JSON.stringify({ name: 'alpha', partner: 'beta' }));
        const b = chunkedPost(`${app.url}/race/beta`, { [HEADER]: 'race-beta' }, JSON.stringify({ name: 'beta', partner: 'alpha' }));
        // Bodies complete in the reverse order of the requests.
        const finishedB = b.finish();
        const finishedA = a.finish();
        const [resA, resB] = (await Promise.all([finishedA, finishedB])).map((r) => JSON.parse(r.body) as unknown);
        expect(resA).toMatchObject({ correlationId: 'race-alpha', name: 'alpha', bodyName: 'alpha', target: '/race/:name' });
        expect(resB).toMatchObject({ correlationId: 'race-beta', name: 'beta', bodyName: 'beta', target: '/race/:name' });
        await app.event((e) => e.correlation_id === 'race-beta' && e.metadata.step === 'after');
        await app.event((e) => e.correlation_id === 'race-alpha' && e.metadata.step === 'after');
        const raced = app.sink.events.filter((e) => e.correlation_id === 'race-alpha' || e.correlation_id === 'race-beta');
        expect(raced).toHaveLength(4);
        for (const event of raced) {
          expect(event.correlation_id).toBe(`race-${String(event.metadata.name)}`);
          expect(event.target).toBe('/race/:name');
        }
      });
    });

    describe('correlation ids', () => {
      it('honours a valid incoming id and echoes it', async () => {
        const res = await get(`${app.url}/users/7`, { [HEADER]: 'req-Abc_1.2:3' });
        expect(res.headers.get(HEADER)).toBe('req-Abc_1.2:3');
        expect(res.body.correlationId).toBe('req-Abc_1.2:3');
      });

      it('generates an id when none comes in, and echoes it', async () => {
        const res = await get(`${app.url}/users/8`);
        const echoed = res.headers.get(HEADER);
        expect(correlation.isValid(echoed)).toBe(true);
        expect(res.body.correlationId).toBe(echoed);
      });

      it('uses the configured header name', async () => {
        const res = await get(`${custom.url}/users/9`, { 'x-request-id': 'custom-header-1', [HEADER]: 'ignored-here' });
        expect(res.headers.get('x-request-id')).toBe('custom-header-1');
        expect(res.body.correlationId).toBe('custom-header-1');
      });

      const refused: Array<[string, string, string]> = [
        ['too long', 'x'.repeat(129), 'too_long'],
        ['with spaces', 'abc def', 'invalid_characters'],
        ['with markup', '<script>alert(1)</script>', 'invalid_characters'],
        ['with a tab', 'abc\tinjected', 'control_characters'],
        ['with obs-text', 'caf\u00e9-id', 'invalid_characters'],
      ];
      for (const [label, value, reason] of refused) {
        it(`replaces an id ${label}, never echoes it, and logs input.validation_failure`, async () => {
          const res = await get(`${app.url}/users/10`, { [HEADER]: value });
          const echoed = res.headers.get(HEADER) ?? '';
          expect(correlation.isValid(echoed)).toBe(true);
          expect(echoed).not.toBe(value);
          expect(res.body.correlationId).toBe(echoed);
          const event = await app.event((e) => e.correlation_id === echoed && e.event_type === 'input.validation_failure');
          expect(event).toMatchObject({ outcome: 'failure', metadata: { reason, length: value.length } });
          for (const line of app.lines()) expect(line).not.toContain(value.slice(0, 60).replace('\t', '\\t'));
        });
      }

      it('cannot be used to inject a response header with CR/LF', async () => {
        const raw = await rawRequest(
          app.url,
          `GET /users/11 HTTP/1.1\r\nHost: x\r\n${HEADER}: abc\rSet-Cookie: evil=1\r\nConnection: close\r\n\r\n`,
        );
        expect(raw).not.toMatch(/set-cookie: evil/i);
        expect(raw).not.toMatch(/x-correlation-id: abc/i);
      });

      it('takes the trace id from a valid traceparent when no id comes in', async () => {
        const res = await get(`${app.url}/users/12`, { traceparent: TRACEPARENT });
        expect(res.headers.get(HEADER)).toBe(TRACE_ID);
        expect(res.body).toMatchObject({ correlationId: TRACE_ID, traceId: TRACE_ID });
        const event = await app.event((e) => e.correlation_id === TRACE_ID);
        expect(event.trace_id).toBe(TRACE_ID);
      });

      it('keeps an incoming id and records the traceparent trace id beside it', async () => {
        const res = await get(`${app.url}/users/13`, { [HEADER]: 'with-trace-1', traceparent: TRACEPARENT });
        expect(res.body).toMatchObject({ correlationId: 'with-trace-1', traceId: TRACE_ID });
      });

      it('ignores an invalid traceparent', async () => {
        const res = await get(`${app.url}/users/14`, { traceparent: `00-${'0'.repeat(32)}-00f067aa0ba902b7-01` });
        expect(res.body.traceId).toBeUndefined();
        expect(res.headers.get(HEADER)).not.toBe('0'.repeat(32));
      });

      it('echoes the id on every response: success, 404, refusals, thrown errors, ignored paths', async () => {
        for (const path of ['/users/1', '/no-such-route', '/status/401', '/boom', '/health', '/opt-out']) {
          const id = `echo-${path.replace(/\W/g, '')}`;
          const res = await get(`${app.url}${path}`, { [HEADER]: id });
          expect(res.headers.get(HEADER), path).toBe(id);
        }
      });

      it('links the events of two services through correlation.inject()', async () => {
        const res = await get(`${app.url}/outgoing`, { [HEADER]: 'two-services-1' });
        expect(res.status).toBe(200);
        const downstream = res.body.downstream as ContextReport;
        expect(downstream.correlationId).toBe('two-services-1');
        expect((res.body.sent as Record<string, string>)[HEADER]).toBe('two-services-1');
        const there = await peer.event((e) => e.correlation_id === 'two-services-1');
        const here = await app.event((e) => e.correlation_id === 'two-services-1' && e.event_type === 'data.export');
        expect(there.service).toBe('svc-peer');
        expect(here.service).toBe('svc-app');
        expect(there.trace_id).toBeDefined();
        expect(there.trace_id).toBe(downstream.traceId);
      });

      it('links two services under a generated id too', async () => {
        const res = await get(`${app.url}/outgoing`);
        const id = res.headers.get(HEADER) ?? '';
        expect((res.body.downstream as ContextReport).correlationId).toBe(id);
        await peer.event((e) => e.correlation_id === id);
      });
    });

    describe('error responses', () => {
      it('logs 4xx as http.error_response with method, status, route and duration', async () => {
        await get(`${app.url}/status/400`, { [HEADER]: 'err-400' });
        const event = await app.event(isErrorResponse('err-400'));
        expect(event).toMatchObject({ outcome: 'failure', target: '/status/:code' });
        expect(event.metadata).toMatchObject({ method: 'GET', status: 400, route: '/status/:code' });
        expect(typeof event.metadata.duration_ms).toBe('number');
        expect(event.metadata.duration_ms as number).toBeGreaterThanOrEqual(0);
      });

      it('scores 401 and 403 above other 4xx', async () => {
        const scores: Record<number, number> = {};
        for (const status of [400, 401, 403, 404]) {
          await get(`${app.url}/status/${status}`, { [HEADER]: `score-${status}` });
          scores[status] = (await app.event(isErrorResponse(`score-${status}`))).risk_score;
        }
        expect(scores[401]).toBeGreaterThan(scores[400] as number);
        expect(scores[403]).toBeGreaterThan(scores[400] as number);
        expect(scores[401]).toBeGreaterThan(scores[404] as number);
        expect(scores[403]).toBeGreaterThan(scores[404] as number);
      });

      it('records the class of a thrown error, never its message or stack', async () => {
        const res = await get(`${app.url}/boom`, { [HEADER]: 'err-thrown' });
        expect(res.status).toBe(500);
        const event = await app.event(isErrorResponse('err-thrown'));
        expect(event.metadata).toMatchObject({ status: 500, route: '/boom', error_class: 'TypeError' });
        for (const line of app.lines()) {
          expect(line).not.toContain(THROWN_SECRET);
          expect(line).not.toMatch(/at .*\.(ts|js):\d+/);
        }
      });

      it('logs an unmatched route under its path, without the query', async () => {
        await get(`${app.url}/no/such/thing?id=12345-query-value`, { [HEADER]: 'err-unrouted' });
        const event = await app.event(isErrorResponse('err-unrouted'));
        expect(event.target).toBe('/no/such/thing');
        expect(event.metadata.status).toBe(404);
        expect(event.metadata.route).toBeUndefined();
      });

      it('records no body, query value, cookie or authorization header', async () => {
        const res = await post(
          `${app.url}/status/401?api_key=QUERY-SECRET-VALUE&next=/admin`,
          { password: 'BODY-SECRET-VALUE', card: 'BODY-CARD-VALUE' },
          { cookie: 'session=COOKIE-SECRET-VALUE', authorization: 'Bearer AUTH-SECRET-VALUE', [HEADER]: 'err-secrets' },
        );
        expect(res.status).toBe(401);
        const event = await app.event(isErrorResponse('err-secrets'));
        expect(event.metadata).toMatchObject({ method: 'POST', status: 401 });
        expect(event.target).toBe('/status/:code');
        for (const line of app.lines()) {
          for (const secret of ['QUERY-SECRET', 'BODY-SECRET', 'BODY-CARD', 'COOKIE-SECRET', 'AUTH-SECRET', '/admin']) {
            expect(line).not.toContain(secret);
          }
        }
      });

      it('skips health checks by default, and still echoes the id there', async () => {
        const res = await get(`${app.url}/health`, { [HEADER]: 'ignored-health' });
        expect(res.status).toBe(503);
        expect(res.headers.get(HEADER)).toBe('ignored-health');
        await get(`${app.url}/healthz`, { [HEADER]: 'ignored-healthz' });
        await app.settle();
        expect(app.sink.events.filter((e) => e.correlation_id.startsWith('ignored-'))).toEqual([]);
      });

      it('takes ignorePaths and statuses from the options (which replace the defaults)', async () => {
        for (const path of ['/internal/x', '/status/404', '/status/400', '/health']) {
          await get(`${custom.url}${path}`, { 'x-request-id': `custom-${path.replace(/\W/g, '')}` });
        }
        const health = await custom.event(isErrorResponse('custom-health'));
        expect(health.metadata.status).toBe(503);
        await custom.settle();
        const logged = custom.sink.events.filter((e) => e.correlation_id.startsWith('custom-') && e.event_type === 'http.error_response');
        expect(logged.map((e) => e.correlation_id)).toEqual(['custom-health']);
      });

      it('honours the per-route opt-out', async () => {
        const res = await get(`${app.url}/opt-out`, { [HEADER]: 'opted-out' });
        expect(res.status).toBe(401);
        expect(res.headers.get(HEADER)).toBe('opted-out');
        await app.settle();
        expect(app.sink.events.filter((e) => e.correlation_id === 'opted-out')).toEqual([]);
      });
    });

    describe('securityLog and setActor', () => {
      it('fills actor, target and correlation, and carries setActor into later events', async () => {
        const res = await post(`${app.url}/login`, { user: 'alice', status: 403 }, { [HEADER]: 'login-1', 'user-agent': 'conformance/1' });
        expect(res.status).toBe(403);
        const { before, after, later } = res.body as Record<'before' | 'after' | 'later', SecurityEvent>;
        expect(before).toMatchObject({ correlation_id: 'login-1', target: '/login', actor: { type: 'ip', ip: '127.0.0.1', user_agent: 'conformance/1' } });
        expect(after).toMatchObject({ event_type: 'auth.login_success', correlation_id: 'login-1', target: '/login' });
        expect(after.actor).toMatchObject({ id: 'alice', type: 'user', ip: '127.0.0.1', user_agent: 'conformance/1' });
        expect(later.actor).toMatchObject({ id: 'alice', type: 'user' });
        const refusal = await app.event(isErrorResponse('login-1'));
        expect(refusal.actor).toMatchObject({ id: 'alice', type: 'user', ip: '127.0.0.1' });
        expect(app.sink.events.filter((e) => e.correlation_id === 'login-1')).toHaveLength(4);
      });

      it('names the user through the configured actor resolver', async () => {
        await get(`${custom.url}/status/403`, { 'x-request-id': 'resolved-actor', 'x-test-user': 'bob' });
        const event = await custom.event(isErrorResponse('resolved-actor'));
        expect(event.actor).toMatchObject({ id: 'bob', type: 'user' });
      });
    });

    describe('client IP', () => {
      it('ignores a spoofed X-Forwarded-For when trust proxy is off', async () => {
        const res = await get(`${app.url}/whoami`, { 'x-forwarded-for': '203.0.113.9' });
        expect(res.body.actor).toMatchObject({ id: '127.0.0.1', type: 'ip', ip: '127.0.0.1' });
      });

      it("uses the framework's trust-proxy resolution when it is on", async () => {
        const res = await get(`${custom.url}/whoami`, { 'x-forwarded-for': '203.0.113.9' });
        expect(res.body.actor).toMatchObject({ id: '203.0.113.9', type: 'ip', ip: '203.0.113.9' });
      });
    });
  });
}
