import { describe, expect, it, vi } from 'vitest';
import {
  createSecurityLogger,
  memorySink,
  runWithContext,
  SecurityEventError,
  SecurityLogConfigError,
  type Sink,
} from '../../src';
import { expectValidEvent } from '../schema-validator';

const fixedNow = () => Date.UTC(2026, 10, 27, 14, 30, 0, 250);

function setup(extra: Partial<Parameters<typeof createSecurityLogger>[0]> = {}) {
  const sink = memorySink();
  const logger = createSecurityLogger({ service: 'auth-service', sinks: [sink], now: fixedNow, ...extra });
  return { sink, logger };
}

describe('log()', () => {
  it('returns a finished, frozen, schema-valid event', () => {
    const { logger } = setup();
    const event = logger.log({
      eventType: 'auth.login_failure',
      actor: 'user-42',
      target: '/login',
      outcome: 'failure',
      metadata: { reason: 'bad_password' },
    });
    expectValidEvent(event);
    expect(event).toMatchObject({
      schema: 'seclog/1',
      timestamp: '2026-11-27T14:30:00.250Z',
      event_type: 'auth.login_failure',
      outcome: 'failure',
      service: 'auth-service',
      actor: { id: 'user-42', type: 'user' },
      target: '/login',
      metadata: { reason: 'bad_password' },
    });
    expect(event.risk_reasons.length).toBeGreaterThan(0);
    expect(Object.isFrozen(event)).toBe(true);
    expect(Object.isFrozen(event.metadata)).toBe(true);
    expect(Object.isFrozen(event.actor)).toBe(true);
  });

  it('delivers asynchronously: nothing is written during log()', async () => {
    const { sink, logger } = setup();
    logger.log({ eventType: 'auth.logout' });
    expect(sink.events).toHaveLength(0);
    await logger.flush();
    expect(sink.events).toHaveLength(1);
  });

  it('keeps metadata from overwriting schema fields', () => {
    const { logger } = setup();
    const event = logger.log({
      eventType: 'auth.login_success',
      actor: 'user-1',
      metadata: { event_id: 'forged', severity: 'LOW', actor: { id: 'admin' }, risk_score: 0, schema: 'x' },
    });
    expect(event.event_id).not.toBe('forged');
    expect(event.actor.id).toBe('user-1');
    expect(event.schema).toBe('seclog/1');
    expect(event.metadata).toMatchObject({ event_id: 'forged', severity: 'LOW', schema: 'x' });
    expectValidEvent(event);
  });

  it('sanitises metadata, message and target; never throws for bad metadata', () => {
    const { logger } = setup();
    const cyclic: Record<string, unknown> = { password: 'hunter2', note: 'line1\r\nFORGED line' };
    cyclic.self = cyclic;
    const event = logger.log({
      eventType: 'auth.login_failure',
      message: 'login for alice@example.com\nfailed',
      target: 'https://bob:s3cr3t@api.example.com/x',
      metadata: cyclic,
    });
    const text = JSON.stringify(event);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('alice@example.com');
    expect(text).not.toContain('s3cr3t');
    expect(text).not.toMatch(/[\r\n]/);
    expectValidEvent(event);
    for (const metadata of [42, 'text', [1, 2], null]) {
      expect(() => logger.log({ eventType: 'auth.logout', metadata: metadata as never })).not.toThrow();
    }
  });

  it('throws SecurityEventError with a code for a malformed event type', () => {
    const { logger } = setup();
    for (const eventType of ['', 'Auth Login', 'auth.login\nfailure', '../../etc']) {
      let caught: unknown;
      try {
        logger.log({ eventType });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(SecurityEventError);
      expect((caught as SecurityEventError).code).toMatch(/^EVENT_TYPE_/);
    }
    expect(() => logger.log(undefined as never)).toThrow(SecurityEventError);
  });

  it('accepts OWASP tokens and unknown well-formed types', () => {
    const { logger } = setup();
    expect(logger.log({ eventType: 'authn_login_fail' }).event_type).toBe('auth.login_failure');
    const custom = logger.log({ eventType: 'billing.refund_issued' });
    expect(custom.event_type).toBe('billing.refund_issued');
    expectValidEvent(custom);
  });

  it('honours a caller risk score and derives severity from it', () => {
    const { logger } = setup();
    expect(logger.log({ eventType: 'auth.logout', riskScore: 9.5 })).toMatchObject({ risk_score: 9.5, severity: 'CRITICAL' });
    expect(logger.log({ eventType: 'auth.logout', riskScore: 1 })).toMatchObject({ risk_score: 1, severity: 'LOW' });
  });

  it('fills correlation, trace, actor and target from the context; the caller can override', () => {
    const { logger } = setup();
    runWithContext(
      {
        correlationId: 'req-77',
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        actor: { ip: '198.51.100.7', userAgent: 'curl/8.5' },
        target: '/users/:id',
      },
      () => {
        const fromContext = logger.log({ eventType: 'data.access_sensitive' });
        expect(fromContext).toMatchObject({
          correlation_id: 'req-77',
          trace_id: '4bf92f3577b34da6a3ce929d0e0e4736',
          actor: { id: '198.51.100.7', type: 'ip', ip: '198.51.100.7', user_agent: 'curl/8.5' },
          target: '/users/:id',
        });
        const overridden = logger.log({ eventType: 'data.access_sensitive', actor: 'user-9', target: '/x', correlationId: 'own-id' });
        expect(overridden).toMatchObject({
          correlation_id: 'own-id',
          actor: { id: 'user-9', type: 'user', ip: '198.51.100.7' },
          target: '/x',
        });
      },
    );
  });

  it('outside any context, roots the correlation at the event itself and uses anonymous', () => {
    const { logger } = setup();
    const event = logger.log({ eventType: 'system.startup' });
    const next = logger.log({ eventType: 'system.startup' });
    expect(event.actor).toEqual({ id: 'anonymous', type: 'anonymous' });
    expect(event.correlation_id).toBe(event.event_id);
    expect(next.correlation_id).toBe(next.event_id);
    expect(next.correlation_id).not.toBe(event.correlation_id);
  });
});

describe('delivery', () => {
  it('a throwing sink never reaches the app; onError hears it; other sinks get everything', async () => {
    const onError = vi.fn();
    const healthy = memorySink();
    const broken: Sink = {
      name: 'broken',
      write() {
        throw new Error('disk on fire');
      },
    };
    const logger = createSecurityLogger({ service: 's', sinks: [broken, healthy], onError, retries: 1 });
    for (let i = 0; i < 10; i++) expect(() => logger.log({ eventType: 'auth.logout', metadata: { i } })).not.toThrow();
    await logger.flush();
    expect(healthy.events.map((e) => e.metadata.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(onError).toHaveBeenCalled();
    expect(onError.mock.calls[0]![1]).toMatchObject({ sink: 'broken' });
    expect(logger.stats().sinks.broken).toMatchObject({ delivered: 0, failed: 10 });
  });

  it('close() flushes pending events and closes sinks; later events are reported, not delivered', async () => {
    const onError = vi.fn();
    const sink = memorySink();
    let closed = false;
    const logger = createSecurityLogger({ service: 's', sinks: [{ ...sink, close: async () => void (closed = true), write: sink.write }], onError });
    logger.log({ eventType: 'auth.logout' });
    await logger.close();
    expect(sink.events).toHaveLength(1);
    expect(closed).toBe(true);
    logger.log({ eventType: 'auth.logout' });
    await logger.flush();
    expect(sink.events).toHaveLength(1);
    expect(onError.mock.calls.at(-1)![0]).toMatchObject({ code: 'LOGGER_CLOSED' });
  });

  it('refuses a missing service name with a typed error', () => {
    expect(() => createSecurityLogger({ service: '' })).toThrow(SecurityLogConfigError);
  });
});
