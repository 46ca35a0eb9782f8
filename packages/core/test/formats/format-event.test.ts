import { describe, expect, it } from 'vitest';
import { SecurityLogConfigError } from '../../src/errors';
import { checkFormat, formatEvent, lineFormatter } from '../../src/formats';
import { defaultTaxonomy } from '../../src/taxonomy';
import { sampleEvent } from './sample-event';

describe('formatEvent', () => {
  it('returns the event itself for the seclog format', () => {
    const event = sampleEvent();
    expect(formatEvent(event, 'seclog')).toBe(event);
  });

  it('maps an event to ECS with the taxonomy mapping and everything else under seclog', () => {
    const record = formatEvent(sampleEvent(), 'ecs');
    const definition = defaultTaxonomy.get('auth.login_failure')!;
    expect(record['@timestamp']).toBe('2026-11-27T23:00:00.123Z');
    expect(record.event).toMatchObject({
      id: '0192f0c4-6c1e-7a3b-8f00-0123456789ab',
      kind: definition.ecs.kind,
      category: [...definition.ecs.category],
      type: [...definition.ecs.type],
      action: 'auth.login_failure',
      outcome: 'failure',
      severity: 4,
      risk_score: 7.5,
      risk_score_norm: 75,
    });
    expect(record.user).toEqual({ id: 'user-42' });
    expect(record.source).toEqual({ ip: '203.0.113.7' });
    expect(record.user_agent).toEqual({ original: 'curl/8.0' });
    expect(record.trace).toEqual({ id: '4bf92f3577b34da6a3ce929d0e0e4736' });
    expect(record.span).toEqual({ id: '00f067aa0ba902b7' });
    expect(record.service).toEqual({ name: 'auth-service' });
    expect(record.labels).toEqual({ correlation_id: 'corr-1' });
    expect(record.seclog).toMatchObject({ target: '/login', metadata: { reason: 'bad_password' }, actor: { session_id: 'sess-1' } });
  });

  it('keeps an address that is not an IP out of ECS source.ip', () => {
    const record = formatEvent(sampleEvent({ actor: { id: 'x', type: 'anonymous', ip: 'not-an-ip' } }), 'ecs');
    expect(record.source).toBeUndefined();
    expect(record.user).toBeUndefined();
    expect(record.seclog.actor.ip).toBe('not-an-ip');
  });

  it('promotes well-formed HTTP metadata to standard fields in every format', () => {
    const event = sampleEvent({
      event_type: 'http.error_response',
      target: '/api/orders/7',
      metadata: { method: 'post', status: 403 },
    });
    expect(formatEvent(event, 'ecs')).toMatchObject({
      http: { request: { method: 'POST' }, response: { status_code: 403 } },
      url: { path: '/api/orders/7' },
    });
    expect(formatEvent(event, 'otel').Attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.response.status_code': 403,
      'url.path': '/api/orders/7',
    });
    const ocsf = formatEvent(event, 'ocsf');
    if (ocsf.class_uid === 4002) {
      expect(ocsf.http_request).toMatchObject({ http_method: 'POST', url: { path: '/api/orders/7' } });
      expect(ocsf.http_response).toEqual({ code: 403 });
    }
  });

  it('names a route pattern http.route in OTel and keeps it as the path elsewhere', () => {
    const event = sampleEvent({ event_type: 'http.error_response', target: '/users/7', metadata: { method: 'GET', status: 404, route: '/users/:id' } });
    expect(formatEvent(event, 'otel').Attributes).toMatchObject({ 'http.route': '/users/:id' });
    expect(formatEvent(event, 'otel').Attributes).not.toHaveProperty('url.path');
    expect(formatEvent(event, 'ecs').url).toEqual({ path: '/users/:id' });
  });

  it('leaves malformed HTTP metadata where it was', () => {
    const event = sampleEvent({ metadata: { method: 'GET\r\nX: y', status: 'ok' } });
    const record = formatEvent(event, 'ecs');
    expect(record.http).toBeUndefined();
    expect(record.seclog.metadata).toEqual({ method: 'GET\r\nX: y', status: 'ok' });
  });

  it('writes OCSF classification from the taxonomy with type_uid = class_uid * 100 + activity_id', () => {
    const definition = defaultTaxonomy.get('auth.login_failure')!;
    const record = formatEvent(sampleEvent(), 'ocsf');
    expect(record.class_uid).toBe(definition.ocsf.classUid);
    expect(record.activity_id).toBe(definition.ocsf.activityId);
    expect(record.type_uid).toBe(definition.ocsf.classUid * 100 + definition.ocsf.activityId);
    expect(record.time).toBe(Date.parse('2026-11-27T23:00:00.123Z'));
    expect(record.severity_id).toBe(4);
    expect(record.status_id).toBe(2);
    expect(record.metadata).toMatchObject({ uid: '0192f0c4-6c1e-7a3b-8f00-0123456789ab', version: '1.8.0', correlation_uid: 'corr-1' });
    expect(record.metadata.product).toMatchObject({ name: '@seclog/core' });
    expect(record.unmapped).toMatchObject({ seclog: { target: '/login', risk_score: 7.5 } });
  });

  it('writes findings with a review status and the actor as evidence', () => {
    const finding = defaultTaxonomy.list().find((d) => d.ocsf.classUid === 2004)!;
    const record = formatEvent(sampleEvent({ event_type: finding.name }), 'ocsf');
    expect(record.status_id).toBe(1);
    expect(record.finding_info).toMatchObject({ uid: '0192f0c4-6c1e-7a3b-8f00-0123456789ab', types: [finding.name] });
    expect(record.evidences).toEqual([
      { actor: { user: { uid: 'user-42', type_id: 1, type: 'User' }, session: { uid: 'sess-1' } }, src_endpoint: { ip: '203.0.113.7' } },
    ]);
  });

  it('writes the OpenTelemetry log model with nanosecond timestamps and semantic-convention names', () => {
    const record = formatEvent(sampleEvent(), 'otel');
    expect(record.Timestamp).toBe(`${Date.UTC(2026, 10, 27, 23, 0, 0, 123)}000000`);
    expect(record.SeverityNumber).toBe(17);
    expect(record.SeverityText).toBe('HIGH');
    expect(record.Body).toBe('User login failed');
    expect(record.EventName).toBe('auth.login_failure');
    expect(record.TraceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(record.SpanId).toBe('00f067aa0ba902b7');
    expect(record.Resource).toEqual({ 'service.name': 'auth-service' });
    expect(record.Attributes).toMatchObject({
      'user.id': 'user-42',
      'client.address': '203.0.113.7',
      'user_agent.original': 'curl/8.0',
      'session.id': 'sess-1',
      'seclog.correlation_id': 'corr-1',
    });
  });

  it('formats an event type that only another process registered', () => {
    const record = formatEvent(sampleEvent({ event_type: 'billing.refund_issued' }), 'ocsf');
    expect(record.type_uid).toBe(record.class_uid * 100 + record.activity_id);
  });

  it('rejects an unknown format with a configuration error naming it', () => {
    expect(() => formatEvent(sampleEvent(), 'json' as never)).toThrow(SecurityLogConfigError);
    expect(() => checkFormat('elastic', 'transports[0].options.format')).toThrow(/transports\[0\]\.options\.format: unknown output format "elastic"/);
    expect(() => lineFormatter('xml' as never)).toThrow(SecurityLogConfigError);
  });

  it('makes one JSON line per event', () => {
    const line = lineFormatter('ecs')(sampleEvent());
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    expect(JSON.parse(line)['@timestamp']).toBe('2026-11-27T23:00:00.123Z');
  });
});
