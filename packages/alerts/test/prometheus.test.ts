import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecurityLogger } from '@seclog/core';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createAlertEngine, manualClock, type AlertRule } from '../src';
import { createSecurityMetrics, generatePrometheusRules } from '../src/prometheus';
import { bruteForce, loginFailure, loginSuccess, START } from './harness';

const rules: AlertRule[] = [
  {
    id: 'login-failures-per-service',
    type: 'threshold',
    severity: 'HIGH',
    description: 'Failed logins across a service',
    match: { eventType: 'auth.login_failure' },
    groupBy: 'service',
    window: '5m',
    condition: { gt: 10 },
  },
  {
    id: 'admin-denials',
    type: 'threshold',
    severity: 'MEDIUM',
    match: { eventType: ['authz.*', 'session.hijack_suspected'], outcome: 'failure', where: { severity: { in: ['HIGH', 'CRITICAL'] } } },
    window: '10m',
    condition: { gte: 3 },
  },
  bruteForce,
  {
    id: 'risky-user',
    type: 'risk',
    severity: 'HIGH',
    match: { eventType: '*' },
    groupBy: 'actor.id',
    window: '1h',
    condition: { gte: 20 },
  },
];

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function promtool(): string {
  try {
    execFileSync('promtool', ['--version'], { stdio: 'pipe' });
  } catch {
    throw new Error('promtool is not installed: run `bash scripts/install-system-deps.sh` (Debian package "prometheus")');
  }
  return 'promtool';
}

describe('Prometheus alerting rules', () => {
  it('writes the threshold rules the counters can express, and promtool accepts the file', () => {
    const { yaml, written, skipped } = generatePrometheusRules(rules, { for: '1m', labels: { team: 'security' } });
    expect(written).toEqual(['login-failures-per-service', 'admin-denials']);
    expect(skipped).toEqual([
      { ruleId: 'brute-force-ip', reason: 'groupBy "actor.ip" is not a metric label (labels: event_type, severity, outcome, service)' },
      { ruleId: 'risky-user', reason: 'risk rules have no PromQL equivalent over the seclog counters' },
    ]);
    expect(parse(yaml)).toEqual({
      groups: [
        {
          name: 'seclog',
          rules: [
            {
              alert: 'SeclogLoginFailuresPerService',
              expr: 'sum by (service) (increase(security_events_total{event_type="auth.login_failure"}[5m])) > 10',
              for: '1m',
              labels: { team: 'security', severity: 'high', rule_id: 'login-failures-per-service', source: 'seclog' },
              annotations: {
                summary: 'login-failures-per-service: {{ $value }} matching events within 5m',
                description: 'Failed logins across a service',
              },
            },
            {
              alert: 'SeclogAdminDenials',
              expr: 'sum by () (increase(security_events_total{event_type=~"authz\\\\..*|session\\\\.hijack_suspected", outcome="failure", severity=~"HIGH|CRITICAL"}[10m])) >= 3',
              for: '1m',
              labels: { team: 'security', severity: 'medium', rule_id: 'admin-denials', source: 'seclog' },
              annotations: { summary: 'admin-denials: {{ $value }} matching events within 10m' },
            },
          ],
        },
      ],
    });

    const dir = mkdtempSync(join(tmpdir(), 'seclog-promrules-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'seclog.rules.yml');
    writeFileSync(file, yaml);
    const output = execFileSync(promtool(), ['check', 'rules', file], { encoding: 'utf8' });
    expect(output).toContain('SUCCESS: 2 rules found');
  });

  it('writes an empty but valid group when nothing can be expressed', () => {
    const { yaml } = generatePrometheusRules([rules[2]!]);
    const dir = mkdtempSync(join(tmpdir(), 'seclog-promrules-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'empty.rules.yml');
    writeFileSync(file, yaml);
    expect(execFileSync(promtool(), ['check', 'rules', file], { encoding: 'utf8' })).toContain('SUCCESS: 0 rules found');
  });

  it('rejects invalid rules and options', () => {
    expect(() => generatePrometheusRules([{ ...rules[0]!, windw: '5m' }])).toThrow('rules[0].windw: unknown field "windw"');
    expect(() => generatePrometheusRules(rules, { labels: { 'bad-label': 'x' } })).toThrow('not a valid Prometheus label name');
  });
});

describe('security metrics', () => {
  it('counts events, login failures, alerts and drops, scraped over HTTP from /metrics', async () => {
    const registry = new Registry();
    const metrics = createSecurityMetrics({ registry });
    const clock = manualClock(START);
    const engine = createAlertEngine({ rules, clock, logger: () => logger, onAlert: metrics.onAlert, onError: () => undefined });
    const logger = createSecurityLogger({
      service: 'auth-service',
      sinks: [metrics.sink, engine.sink],
      now: clock.now,
      onError: metrics.onError,
    });
    for (let index = 0; index < 6; index++) logger.log(loginFailure('203.0.113.7'));
    logger.log(loginSuccess('198.51.100.1', 'bob'));
    await logger.flush();
    await engine.settle();
    await logger.flush();
    metrics.recordDropped('queue_full', 3);
    metrics.recordDropped('Not A Reason!', 1);
    metrics.onError(new Error('disk full'), { sink: 'file', events: 2, attempt: 4, dropped: true });

    const server: Server = createServer((request, response) => {
      if (request.url !== '/metrics') {
        response.writeHead(404).end();
        return;
      }
      registry.metrics().then((text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => server.close());
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();

    expect(text).toContain('# TYPE security_events_total counter');
    expect(text).toContain('security_events_total{event_type="auth.login_failure",severity="MEDIUM",outcome="failure",service="auth-service"} 6');
    expect(text).toContain('security_events_total{event_type="auth.login_success",severity="LOW",outcome="success",service="auth-service"} 1');
    expect(text).toContain('security_events_total{event_type="alert.threshold",severity="HIGH",outcome="unknown",service="auth-service"} 1');
    expect(text).toContain('auth_login_failures_total{service="auth-service"} 6');
    expect(text).toContain('security_alerts_total{rule="brute-force-ip",severity="HIGH"} 1');
    expect(text).toContain('seclog_events_dropped_total{reason="queue_full"} 3');
    expect(text).toContain('seclog_events_dropped_total{reason="other"} 1');
    expect(text).toContain('seclog_events_dropped_total{reason="delivery_failed"} 2');
  });

  it('counts the drops the logger reports about itself', () => {
    const registry = new Registry();
    const metrics = createSecurityMetrics({ registry });
    const dropReport = {
      schema: 'seclog/1' as const,
      event_id: '0190f0a0-0000-7000-8000-000000000000',
      timestamp: '2026-01-05T09:00:00.000Z',
      severity: 'HIGH' as const,
      event_type: 'seclog.events_dropped',
      outcome: 'failure' as const,
      message: '5 security events dropped',
      service: 'auth-service',
      actor: { id: 'auth-service', type: 'service' as const },
      correlation_id: 'c',
      risk_score: 7,
      risk_reasons: [],
      metadata: { sink: 'file', dropped: 5, by_reason: { queue_full: 4, delivery_failed: 1, shutdown: 0 } },
    };
    void metrics.sink.write(dropReport);
    return registry.getSingleMetricAsString('seclog_events_dropped_total').then((text) => {
      expect(text).toContain('seclog_events_dropped_total{reason="queue_full"} 4');
      expect(text).toContain('seclog_events_dropped_total{reason="delivery_failed"} 1');
      expect(text).not.toContain('reason="shutdown"');
    });
  });

  it('reuses its counters when created twice on one registry', () => {
    const registry = new Registry();
    const first = createSecurityMetrics({ registry });
    const second = createSecurityMetrics({ registry });
    expect(second.counters.events).toBe(first.counters.events);
  });

  it('caps the number of event_type values', async () => {
    const registry = new Registry();
    const metrics = createSecurityMetrics({ registry, maxEventTypes: 2 });
    const logger = createSecurityLogger({ service: 's', sinks: [metrics.sink] });
    for (const type of ['custom.one', 'custom.two', 'custom.three', 'custom.four']) logger.log({ eventType: type });
    await logger.close();
    const text = await registry.getSingleMetricAsString('security_events_total');
    expect(text.match(/event_type="other"/g)).toHaveLength(1);
    expect(text).toContain('event_type="other",severity="MEDIUM",outcome="unknown",service="s"} 2');
  });
});
