import { createSecurityLogger, memorySink, type LogInput, type SecurityEvent, type SecurityLogger } from '@seclog/core';
import { createAlertEngine, manualClock, type Alert, type AlertEngineOptions, type AlertRule } from '../src';

/** The canonical rule: more than 5 failed logins from one IP within 60 s. */
export const bruteForce: AlertRule = {
  id: 'brute-force-ip',
  type: 'threshold',
  severity: 'HIGH',
  match: { eventType: 'auth.login_failure' },
  groupBy: 'actor.ip',
  window: '60s',
  condition: { gt: 5 },
};

/** 2026-01-05T09:00:00Z, a Monday morning. */
export const START = Date.UTC(2026, 0, 5, 9, 0, 0);

/**
 * A real logger and engine on one manual clock, wired as a service would: the engine's sink is one
 * of the logger's sinks and alerts are logged back through the same logger.
 */
export function harness(options: Omit<AlertEngineOptions, 'logger' | 'clock' | 'onAlert' | 'onError'>) {
  const clock = manualClock(START);
  const all = memorySink({ name: 'all' });
  const alerts: Alert[] = [];
  const paged: Alert[] = [];
  const errors: unknown[] = [];
  const engine = createAlertEngine({
    pager: (alert) => void paged.push(alert),
    ...options,
    logger: () => logger,
    clock,
    onAlert: (alert) => void alerts.push(alert),
    onError: (error) => void errors.push(error),
  });
  const logger: SecurityLogger = createSecurityLogger({
    service: 'auth-service',
    sinks: [all, engine.sink],
    now: clock.now,
    onError: (error) => void errors.push(error),
  });

  return {
    clock,
    engine,
    logger,
    alerts,
    paged,
    errors,
    /** Every event the logger delivered, alerts and responder results included. */
    events: all.events,
    log: (input: LogInput): SecurityEvent => logger.log(input),
    /** Delivers what was logged, waits for handlers and responders, then delivers what they logged. */
    async flush() {
      await logger.flush();
      await engine.settle();
      await logger.flush();
    },
    async close() {
      await logger.flush();
      await engine.settle();
      await logger.close();
    },
  };
}

export const loginFailure = (ip: string, user = 'alice'): LogInput => ({
  eventType: 'auth.login_failure',
  actor: { id: user, ip },
  target: '/login',
  metadata: { reason: 'bad_password' },
});

export const loginSuccess = (ip: string, user = 'alice'): LogInput => ({
  eventType: 'auth.login_success',
  actor: { id: user, ip },
  target: '/login',
});

