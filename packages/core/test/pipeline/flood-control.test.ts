import { describe, expect, it, vi } from 'vitest';
import { createSecurityLogger, memorySink, SecurityLogConfigError, type SecurityEvent } from '../../src';
import { FloodControl } from '../../src/pipeline/flood-control';
import { RISK_FOR } from './support/severity';

const event = (eventType: string, actor: string) => ({ event_type: eventType, actor: { id: actor } }) as SecurityEvent;

describe('FloodControl', () => {
  it('allows the burst, then the rate, per (event_type, actor)', () => {
    let clock = 0;
    const flood = new FloodControl({ rate: 2, burst: 3, exempt: ['CRITICAL'], intervalMs: 1000, maxKeys: 100 }, () => clock);
    const allowed = () => flood.allow(event('http.error_response', '203.0.113.9'), 0);
    expect([allowed(), allowed(), allowed(), allowed()]).toEqual([true, true, true, false]);
    expect(flood.allow(event('http.error_response', '198.51.100.1'), 0)).toBe(true);
    expect(flood.allow(event('auth.login_failure', '203.0.113.9'), 0)).toBe(true);
    expect(flood.allow(event('http.error_response', '203.0.113.9'), 3)).toBe(true);
    clock += 500;
    expect([allowed(), allowed()]).toEqual([true, false]);
    expect(flood.takeReport()).toMatchObject({
      total: 2,
      keys: 1,
      top: [{ event_type: 'http.error_response', actor: '203.0.113.9', count: 2 }],
    });
    expect(flood.takeReport()).toBeUndefined();
  });

  it('forgets the oldest bucket beyond maxKeys', () => {
    const flood = new FloodControl({ rate: 0, burst: 1, exempt: [], intervalMs: 1000, maxKeys: 2 }, () => 0);
    expect(flood.allow(event('a.b', 'x'), 0)).toBe(true);
    expect(flood.allow(event('a.b', 'y'), 0)).toBe(true);
    expect(flood.allow(event('a.b', 'z'), 0)).toBe(true);
    expect(flood.allow(event('a.b', 'y'), 0)).toBe(false);
    expect(flood.allow(event('a.b', 'x'), 0)).toBe(true);
  });
});

describe('flood control in the logger', () => {
  it('100,000 identical http.error_response from one IP: bounded records plus summaries; the CRITICAL in the middle is delivered', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      const sink = memorySink();
      const logger = createSecurityLogger({
        service: 'web',
        sinks: [sink],
        floodControl: { rate: 10, burst: 50, intervalMs: 10_000 },
        shutdown: { handleSignals: false, deadlineMs: 1_000 },
      });
      const flood = 100_000;
      let critical: SecurityEvent | undefined;
      // One simulated second per 1,000 requests: 100 s of scanning at 1,000 requests/s.
      for (let i = 0; i < flood; i++) {
        if (i % 1_000 === 0 && i > 0) await vi.advanceTimersByTimeAsync(1_000);
        logger.log({ eventType: 'http.error_response', actor: { ip: '203.0.113.9' }, target: '/wp-login.php', metadata: { status: 404, i } });
        if (i === flood / 2) {
          critical = logger.log({ eventType: 'authz.privilege_escalation', actor: { ip: '203.0.113.9' }, riskScore: RISK_FOR.CRITICAL });
        }
      }
      await logger.flush();
      const records = sink.events.filter((e) => e.event_type === 'http.error_response');
      const summaries = sink.events.filter((e) => e.event_type === 'seclog.events_suppressed');
      // Burst plus the rate over the 99 simulated seconds that elapsed.
      expect(records.length).toBeLessThanOrEqual(50 + 10 * 99 + 1);
      expect(records.length).toBeGreaterThan(50);
      expect(summaries.length).toBeGreaterThanOrEqual(9);
      expect(summaries.length).toBeLessThanOrEqual(11);
      const suppressed = summaries.reduce((sum, e) => sum + (e.metadata.suppressed as number), 0);
      expect(records.length + suppressed).toBe(flood);
      expect(logger.stats().suppressed).toBe(suppressed);
      expect(summaries[0]!.metadata.top).toEqual([{ event_type: 'http.error_response', actor: '203.0.113.9', count: expect.any(Number) }]);
      expect(sink.events.filter((e) => e.event_id === critical!.event_id)).toHaveLength(1);
      await logger.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('is off unless asked for, and rejects options that cannot work', () => {
    const sink = memorySink();
    const logger = createSecurityLogger({ service: 'web', sinks: [sink], shutdown: { handleSignals: false, deadlineMs: 100 } });
    for (let i = 0; i < 1_000; i++) logger.log({ eventType: 'http.error_response', actor: 'same' });
    expect(logger.stats().suppressed).toBe(0);
    expect(() => createSecurityLogger({ service: 'web', sinks: [sink], floodControl: { burst: 0 } })).toThrow(SecurityLogConfigError);
    expect(() => createSecurityLogger({ service: 'web', sinks: [sink], floodControl: { exempt: ['URGENT' as never] } })).toThrow(
      /floodControl\.exempt/,
    );
  });
});
