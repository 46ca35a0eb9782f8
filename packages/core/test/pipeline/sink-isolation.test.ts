import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSecurityLogger, memorySink, type SecurityEvent, type Severity, type Sink, type SinkErrorInfo } from '../../src';
import { RISK_FOR, SEVERITY_CYCLE, yieldToLoop } from './support/severity';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seclog-isolation-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const indexes = (events: readonly SecurityEvent[]) =>
  events.filter((e) => !e.event_type.startsWith('seclog.')).map((e) => e.metadata.i as number);

function recordingSink(name: string, behave: (call: number) => Promise<void> | void): Sink & { events: SecurityEvent[] } {
  const events: SecurityEvent[] = [];
  let calls = 0;
  return {
    name,
    events,
    write: () => {
      throw new Error('batch sink');
    },
    writeBatch(batch) {
      const pending = behave(++calls);
      if (pending) return pending.then(() => void events.push(...batch));
      events.push(...batch);
    },
  };
}

describe('per-sink isolation', () => {
  it('a sink throwing on every 3rd batch, one that never resolves and a slow one do not hold up a healthy sink', async () => {
    const errors: Array<{ error: unknown; info: SinkErrorInfo }> = [];
    const healthy = memorySink({ name: 'healthy' });
    const flaky = recordingSink('flaky', (call) => {
      if (call % 3 === 0) throw new Error('every third batch fails');
    });
    const hung = recordingSink('hung', () => new Promise<void>(() => {}));
    const slow = recordingSink('slow', () => new Promise<void>((resolve) => setTimeout(resolve, 2)));
    const logger = createSecurityLogger({
      service: 'isolation',
      sinks: [flaky, hung, slow, healthy],
      onError: (error, info) => errors.push({ error, info }),
      maxBatch: 100,
      // Far above the slow sink's 2 ms, so only the hung sink times out (a timed-out write is retried).
      timeoutMs: 150,
      retry: { retries: 1, baseMs: 1, maxMs: 4 },
      circuitBreaker: { failureThreshold: 3, cooldownMs: 20 },
      spill: { dir },
      shutdown: { handleSignals: false, deadlineMs: 2_000 },
    });
    const total = 400;
    const severities: Severity[] = [];
    for (let i = 0; i < total; i++) {
      const severity = SEVERITY_CYCLE[i % SEVERITY_CYCLE.length]!;
      severities.push(severity);
      expect(() => logger.log({ eventType: 'auth.login_failure', actor: `u${i % 7}`, riskScore: RISK_FOR[severity], metadata: { i } })).not.toThrow();
      if (i % 50 === 49) await yieldToLoop();
    }
    const inOrder = Array.from({ length: total }, (_, i) => i);
    // The healthy sink has everything while the hung one is still working through its retries.
    await vi.waitFor(() => expect(indexes(healthy.events)).toEqual(inOrder), { timeout: 5_000, interval: 5 });
    expect(logger.stats().sinks.hung!.delivered).toBe(0);
    expect(logger.stats().sinks.hung!.queued).toBeGreaterThan(0);

    await logger.flush();
    expect(indexes(slow.events)).toEqual(inOrder);
    expect(indexes(flaky.events)).toEqual(inOrder);
    const stats = logger.stats();
    expect(stats.sinks.flaky).toMatchObject({ delivered: total, failed: 0, shed: { total: 0 } });
    expect(stats.sinks.flaky!.errors).toBeGreaterThan(0);

    const hungStats = stats.sinks.hung!;
    const kept = severities.filter((s) => s === 'HIGH' || s === 'CRITICAL').length;
    expect(hungStats.delivered).toBe(0);
    expect(hungStats.timeouts).toBeGreaterThan(0);
    expect(hungStats.shed.byReason.delivery_failed).toBe(total - kept);
    expect(hungStats.shed.bySeverity.HIGH + hungStats.shed.bySeverity.CRITICAL).toBe(0);
    // The hung sink's HIGH/CRITICAL (and its own drop summaries) wait in its spill file.
    expect(hungStats.spilled).toBeGreaterThanOrEqual(kept);
    const [spillFile] = (await readdir(dir)).filter((f) => f.includes('hung'));
    const spilled = (await readFile(join(dir, spillFile!), 'utf8')).trim().split('\n').map((line) => (JSON.parse(line) as { event: SecurityEvent }).event);
    expect(indexes(spilled)).toEqual(inOrder.filter((i) => severities[i] === 'HIGH' || severities[i] === 'CRITICAL'));
    expect(errors.some(({ error, info }) => info.sink === 'hung' && (error as { code?: string }).code === 'SINK_TIMEOUT')).toBe(true);
    expect(errors.every(({ info }) => info.sink === 'hung' || info.sink === 'flaky')).toBe(true);

    await logger.close();
    // Undelivered HIGH/CRITICAL stay on disk for the hung sink; nothing is left for the others.
    expect((await readdir(dir)).filter((f) => f.includes('hung'))).toHaveLength(1);
    expect((await readdir(dir)).filter((f) => !f.includes('hung'))).toHaveLength(0);
  });

  it('opens the circuit after repeated failures and tries again after the cooldown (fake clock)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      let down = true;
      const delivered: SecurityEvent[] = [];
      let attempts = 0;
      const sink: Sink = {
        name: 'flappy',
        write(event) {
          attempts++;
          if (down) throw new Error('unavailable');
          delivered.push(event);
        },
      };
      const logger = createSecurityLogger({
        service: 'breaker',
        sinks: [sink],
        onError: () => {},
        retry: { retries: 100, baseMs: 1, maxMs: 1 },
        circuitBreaker: { failureThreshold: 3, cooldownMs: 60_000 },
        spill: false,
        shutdown: { handleSignals: false, deadlineMs: 1_000 },
      });
      logger.log({ eventType: 'auth.login_failure', riskScore: RISK_FOR.HIGH, metadata: { i: 0 } });
      await vi.advanceTimersByTimeAsync(100);
      expect(logger.stats().sinks.flappy!.circuit).toBe('open');
      expect(attempts).toBe(3);
      // Open: nothing is attempted during the cooldown.
      await vi.advanceTimersByTimeAsync(59_000);
      expect(attempts).toBe(3);
      // Half-open trial fails: open again for another cooldown.
      await vi.advanceTimersByTimeAsync(1_000);
      expect(attempts).toBe(4);
      expect(logger.stats().sinks.flappy!.circuit).toBe('open');
      down = false;
      await vi.advanceTimersByTimeAsync(60_000);
      expect(delivered.map((e) => e.metadata.i)).toEqual([0]);
      expect(logger.stats().sinks.flappy).toMatchObject({ circuit: 'closed', delivered: 1, errors: 4 });
      await logger.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a sink without writeBatch that rejects every 3rd write gets each event once, in order (no resend of written ones)', async () => {
    const received: number[] = [];
    let calls = 0;
    const sink: Sink = {
      name: 'per-event',
      async write(event) {
        await Promise.resolve();
        if (++calls % 3 === 0) throw new Error('every third write fails');
        received.push(event.metadata.i as number);
      },
    };
    const logger = createSecurityLogger({
      service: 'per-event',
      sinks: [sink],
      onError: () => {},
      maxBatch: 16,
      retry: { retries: 5, baseMs: 1, maxMs: 2 },
      circuitBreaker: false,
      spill: false,
      shutdown: { handleSignals: false, deadlineMs: 1_000 },
    });
    for (let i = 0; i < 100; i++) logger.log({ eventType: 'auth.login_failure', riskScore: RISK_FOR.LOW, metadata: { i } });
    await logger.flush();
    expect(received).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(logger.stats().sinks['per-event']).toMatchObject({ delivered: 100, failed: 0, errors: calls - 100 });
    await logger.close();
  });
});

describe('a throwing onError', () => {
  it('reaches neither the app nor the pipeline', async () => {
    const healthy = memorySink();
    const logger = createSecurityLogger({
      service: 'throwing-handler',
      sinks: [{ name: 'broken', write: () => Promise.reject(new Error('down')) }, healthy],
      onError: () => {
        throw new Error('handler bug');
      },
      retry: { retries: 0, baseMs: 1, maxMs: 1 },
      spill: false,
      fallbackFd: false,
      shutdown: { handleSignals: false, deadlineMs: 1_000 },
    });
    logger.log({ eventType: 'auth.login_failure', riskScore: RISK_FOR.HIGH });
    await logger.flush();
    await logger.close();
    expect(() => logger.log({ eventType: 'auth.logout' })).not.toThrow();
    expect(healthy.events).toHaveLength(1);
    // The HIGH event, and the seclog.events_dropped summary reporting it (which is not summarised again).
    expect(logger.stats().sinks.broken!.shed.byReason.spill_unavailable).toBe(2);
  });
});
