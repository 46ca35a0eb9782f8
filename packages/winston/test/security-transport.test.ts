import { createSecurityLogger, memorySink } from '@seclog/core';
import winston from 'winston';
import { describe, expect, it } from 'vitest';
import { SecurityTransport } from '../src';

describe('SecurityTransport', () => {
  it('feeds winston records into @seclog as sanitised events', async () => {
    const sink = memorySink();
    const securityLogger = createSecurityLogger({ service: 'svc', sinks: [sink] });
    const transport = new SecurityTransport({ securityLogger, level: 'warn' });
    const log = winston.createLogger({ transports: [transport] });
    const logged = new Promise((resolve) => transport.once('logged', resolve));

    log.warn('too many attempts', { eventType: 'auth.login_failure', actor: 'user-7', target: '/login', outcome: 'failure', password: 'hunter2-x' });
    log.info('below the transport level');
    log.error('unclassified failure');
    await logged;
    await securityLogger.flush();

    expect(sink.events).toHaveLength(2);
    expect(sink.events[0]).toMatchObject({ event_type: 'auth.login_failure', actor: { id: 'user-7' }, target: '/login', outcome: 'failure', message: 'too many attempts' });
    expect(JSON.stringify(sink.events)).not.toContain('hunter2-x');
    expect(sink.events[1]).toMatchObject({ event_type: 'app.log_record', message: 'unclassified failure', metadata: { level: 'error' } });
    await securityLogger.close();
  });

  it('never throws: a failing security logger is reported with warn, logged is emitted and the callback called', async () => {
    const securityLogger = createSecurityLogger({ service: 'svc', sinks: [memorySink()] });
    await securityLogger.close();
    const transport = new SecurityTransport({ securityLogger, eventType: 'not a valid type!' });
    const warned = new Promise<unknown>((resolve) => transport.once('warn', resolve));
    const logged = new Promise<unknown>((resolve) => transport.once('logged', resolve));
    let called = false;
    expect(() => transport.log({ level: 'info', message: 'x' }, () => (called = true))).not.toThrow();
    expect(called).toBe(true);
    expect(await warned).toMatchObject({ name: 'SecurityEventError' });
    expect(await logged).toMatchObject({ message: 'x' });
  });
});
