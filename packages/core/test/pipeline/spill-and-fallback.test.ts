import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSecurityLogger, DeliveryError, fileSink, type SecurityEvent, type Severity, type Sink } from '../../src';
import { RISK_FOR, yieldToLoop } from './support/severity';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seclog-spill-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const quiet = { handleSignals: false, deadlineMs: 2_000 };
const codeOf = (error: unknown) => (error as { code?: string }).code;

/** A sink that rejects every write while `down` is set. */
function switchableSink(name: string) {
  const events: SecurityEvent[] = [];
  const control = { down: true };
  const sink: Sink = {
    name,
    writeBatch(batch) {
      if (control.down) return Promise.reject(new Error(`${name} unavailable`));
      events.push(...batch);
      return Promise.resolve();
    },
    write() {
      throw new Error('batch only');
    },
  };
  return { sink, events, control };
}

const spillFiles = async () => (await readdir(dir)).filter((name) => name.endsWith('.spill.jsonl'));

describe('spill file', () => {
  it('keeps HIGH/CRITICAL of a failing sink on disk and replays them in order once it recovers', async () => {
    const { sink, events, control } = switchableSink('siem');
    const errors: unknown[] = [];
    const logger = createSecurityLogger({
      service: 'spill',
      sinks: [sink],
      onError: (error) => errors.push(error),
      queue: { maxEvents: 8 },
      maxBatch: 8,
      retry: { retries: 1, baseMs: 1, maxMs: 2 },
      circuitBreaker: { failureThreshold: 2, cooldownMs: 10 },
      spill: { dir },
      shutdown: quiet,
    });
    const logged: Array<{ i: number; severity: Severity }> = [];
    for (let i = 0; i < 120; i++) {
      const severity: Severity = i % 3 === 0 ? 'CRITICAL' : i % 3 === 1 ? 'HIGH' : 'LOW';
      logger.log({ eventType: 'authz.access_denied', riskScore: RISK_FOR[severity], metadata: { i } });
      logged.push({ i, severity });
      if (i % 10 === 9) await yieldToLoop();
    }
    await logger.flush();
    const down = logger.stats().sinks.siem!;
    const kept = logged.filter((e) => e.severity !== 'LOW').map((e) => e.i);
    expect(down.delivered).toBe(0);
    expect(down.spilled).toBeGreaterThanOrEqual(kept.length);
    expect(down.shed.bySeverity.HIGH + down.shed.bySeverity.CRITICAL).toBe(0);
    expect(down.shed.bySeverity.LOW).toBe(40);
    // What is spilled is on disk, as JSON lines carrying the event.
    const [file] = await spillFiles();
    const onDisk = readFileSync(join(dir, file!), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { event: SecurityEvent });
    const spilledEvents = onDisk.filter((r) => r.event.event_type !== 'seclog.events_dropped');
    expect(new Set(spilledEvents.map((r) => r.event.metadata.i as number))).toEqual(new Set(kept));

    control.down = false;
    await vi.waitFor(() => expect(logger.stats().sinks.siem!.spillBacklogBytes).toBe(0), { timeout: 5_000, interval: 5 });
    await logger.flush();
    const received = events.filter((e) => e.event_type !== 'seclog.events_dropped').map((e) => e.metadata.i as number);
    expect(received).toEqual(kept);
    // Every drop is reported in a seclog.events_dropped summary, once per pressure episode.
    const summaries = events.filter((e) => e.event_type === 'seclog.events_dropped');
    expect(summaries.length).toBeGreaterThan(0);
    expect(summaries.every((e) => e.metadata.sink === 'siem')).toBe(true);
    expect(summaries.reduce((sum, e) => sum + (e.metadata.by_severity as { LOW: number }).LOW, 0)).toBe(40);
    expect(logger.stats().sinks.siem!.replayed).toBeGreaterThan(0);
    expect(errors.some((e) => codeOf(e) === 'QUEUE_FULL')).toBe(true);
    await logger.close();
    expect(await spillFiles()).toEqual([]);
  });

  it('falls back to a synchronous write, and says so, when the spill file cannot be created', async () => {
    const blocker = join(dir, 'not-a-directory');
    writeFileSync(blocker, '');
    const fallbackPath = join(dir, 'fallback.log');
    const fd = openSync(fallbackPath, 'a');
    const errors: unknown[] = [];
    const { sink } = switchableSink('down');
    const logger = createSecurityLogger({
      service: 'fallback',
      sinks: [sink],
      onError: (error) => errors.push(error),
      retry: { retries: 0, baseMs: 1, maxMs: 1 },
      spill: { dir: join(blocker, 'spill') },
      fallbackFd: fd,
      shutdown: quiet,
    });
    logger.log({ eventType: 'authz.access_denied', riskScore: RISK_FOR.CRITICAL, metadata: { i: 1 } });
    logger.log({ eventType: 'authz.access_denied', riskScore: RISK_FOR.LOW, metadata: { i: 2 } });
    await logger.flush();
    closeSync(fd);
    const lines = (await readFile(fallbackPath, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as SecurityEvent);
    expect(lines.map((e) => [e.metadata.i, e.severity])).toEqual([[1, 'CRITICAL']]);
    expect(errors.find((e) => codeOf(e) === 'SPILL_UNAVAILABLE')).toBeInstanceOf(DeliveryError);
    expect(logger.stats().sinks.down).toMatchObject({ fallback: 1, spilled: 0, shed: { bySeverity: { LOW: 1, CRITICAL: 0 } } });
    await logger.close();
  });

  it('with neither spill nor fallback, HIGH/CRITICAL losses are counted and reported, never silent', async () => {
    const errors: unknown[] = [];
    const { sink } = switchableSink('down');
    const logger = createSecurityLogger({
      service: 'lost',
      sinks: [sink],
      onError: (error) => errors.push(error),
      retry: { retries: 0, baseMs: 1, maxMs: 1 },
      spill: false,
      fallbackFd: false,
      shutdown: quiet,
    });
    logger.log({ eventType: 'authz.access_denied', riskScore: RISK_FOR.HIGH });
    await logger.flush();
    expect(logger.stats().sinks.down!.shed).toMatchObject({ bySeverity: { HIGH: 1 }, byReason: { spill_unavailable: 1 } });
    expect(errors.some((e) => codeOf(e) === 'EVENTS_LOST')).toBe(true);
    await logger.close();
  });
});

describe('close()', () => {
  it('gives a hung sink until the deadline, then writes its pending HIGH/CRITICAL to the spill file', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const errors: unknown[] = [];
      const hung: Sink = { name: 'hung', write: () => new Promise<void>(() => {}) };
      const logger = createSecurityLogger({
        service: 'deadline',
        sinks: [hung],
        onError: (error) => errors.push(error),
        timeoutMs: Infinity,
        spill: { dir },
        shutdown: { handleSignals: false, deadlineMs: 3_000 },
      });
      for (const severity of ['LOW', 'CRITICAL', 'MEDIUM', 'HIGH'] as const) {
        logger.log({ eventType: 'authz.access_denied', riskScore: RISK_FOR[severity], metadata: { severity } });
      }
      let closed = false;
      const closing = logger.close().then(() => (closed = true));
      await vi.advanceTimersByTimeAsync(2_900);
      expect(closed).toBe(false);
      await vi.advanceTimersByTimeAsync(200);
      await closing;
      const [file] = await spillFiles();
      const records = readFileSync(join(dir, file!), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { event: SecurityEvent });
      expect(records.map((r) => r.event.severity)).toEqual(['CRITICAL', 'HIGH']);
      expect(logger.stats().sinks.hung!.shed.byReason.shutdown).toBe(2);
      expect(errors.some((e) => codeOf(e) === 'SHUTDOWN_DEADLINE')).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('logDurable()', () => {
  it('settles after the file sink has fdatasynced the event', async () => {
    const path = join(dir, 'security.log');
    const logger = createSecurityLogger({ service: 'durable', sinks: [fileSink({ path })], shutdown: quiet });
    logger.log({ eventType: 'auth.login_failure', riskScore: RISK_FOR.LOW });
    const event = await logger.logDurable({ eventType: 'auth.login_failure', riskScore: RISK_FOR.CRITICAL, metadata: { n: 1 } });
    const ids = readFileSync(path, 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as SecurityEvent).event_id);
    expect(ids).toContain(event.event_id);
    await logger.close();
  });

  it('settles once the event is fsynced in the spill file of a sink that is down', async () => {
    const { sink } = switchableSink('down');
    const logger = createSecurityLogger({
      service: 'durable',
      sinks: [sink],
      onError: () => {},
      retry: { retries: 0, baseMs: 1, maxMs: 1 },
      spill: { dir },
      shutdown: quiet,
    });
    const event = await logger.logDurable({ eventType: 'auth.login_failure', riskScore: RISK_FOR.LOW });
    const [file] = await spillFiles();
    expect(readFileSync(join(dir, file!), 'utf8')).toContain(event.event_id);
    await logger.close();
  });

  it('rejects with NOT_DURABLE when only the fallback holds the event, and where log() would throw', async () => {
    const fd = openSync(join(dir, 'fallback.log'), 'a');
    const { sink } = switchableSink('down');
    const logger = createSecurityLogger({
      service: 'durable',
      sinks: [sink],
      onError: () => {},
      retry: { retries: 0, baseMs: 1, maxMs: 1 },
      spill: false,
      fallbackFd: fd,
      shutdown: quiet,
    });
    await expect(logger.logDurable({ eventType: 'auth.login_failure' })).rejects.toMatchObject({ code: 'NOT_DURABLE' });
    await expect(logger.logDurable({ eventType: 'Not A Type' })).rejects.toMatchObject({ code: 'EVENT_TYPE_MALFORMED' });
    await logger.close();
    closeSync(fd);
  });
});
