import { appendFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSecurityLogger, fileSink, SecurityLogConfigError, type SecurityEvent, type SecurityLoggerOptions, type Sink } from '../../src';
import { bundleCore, runFixture } from './support/child-process';
import { yieldToLoop } from './support/severity';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seclog-linger-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Far longer than any test runs: a drain that waits for the linger to expire makes the test time out. */
const FOREVER = 600_000;

/** A real file sink that records how many events each of its batch writes carried. */
function countingFileSink(path: string): Sink & { batches: number[]; nextBatch(): Promise<void> } {
  const file = fileSink({ path });
  const batches: number[] = [];
  let waiting: (() => void) | undefined;
  return {
    name: 'file',
    batches,
    nextBatch: () => new Promise<void>((resolve) => (waiting = resolve)),
    async writeBatch(events) {
      batches.push(events.length);
      await file.writeBatch!(events);
      waiting?.();
    },
    write: (event) => file.write(event),
    flush: () => file.flush!(),
    close: () => file.close!(),
  };
}

const readIndexes = async (path: string): Promise<number[]> =>
  (await readFile(path, 'utf8').catch(() => ''))
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as SecurityEvent).metadata.i as number);

function setup(extra: Partial<SecurityLoggerOptions>) {
  const path = join(dir, 'security.log');
  const sink = countingFileSink(path);
  const logger = createSecurityLogger({
    service: 'linger',
    sinks: [sink],
    spill: false,
    shutdown: { handleSignals: false, deadlineMs: 5_000 },
    ...extra,
  });
  return { path, sink, logger };
}

describe('linger', () => {
  it('events logged on separate event-loop turns share one write', async () => {
    const { path, sink, logger } = setup({ lingerMs: FOREVER });
    for (let i = 0; i < 5; i++) {
      logger.log({ eventType: 'auth.login_failure', actor: `u${i}`, metadata: { i } });
      await yieldToLoop();
    }
    expect(sink.batches).toEqual([]);
    expect(await readIndexes(path)).toEqual([]);
    expect(logger.stats().sinks.file!.queued).toBe(5);
    await logger.flush();
    expect(sink.batches).toEqual([5]);
    expect(await readIndexes(path)).toEqual([0, 1, 2, 3, 4]);
    await logger.close();
  });

  it('a full batch is written without waiting for the linger to end', async () => {
    const { path, sink, logger } = setup({ lingerMs: FOREVER, maxBatch: 4 });
    const written = sink.nextBatch();
    for (let i = 0; i < 4; i++) {
      logger.log({ eventType: 'auth.login_failure', metadata: { i } });
      await yieldToLoop();
    }
    await written;
    expect(await readIndexes(path)).toEqual([0, 1, 2, 3]);
    logger.log({ eventType: 'auth.login_failure', metadata: { i: 4 } });
    await yieldToLoop();
    expect(sink.batches).toEqual([4]);
    await logger.close();
    expect(sink.batches).toEqual([4, 1]);
    expect(await readIndexes(path)).toEqual([0, 1, 2, 3, 4]);
  });

  it('logDurable() does not wait for the linger, and takes the events queued before it along', async () => {
    const { path, sink, logger } = setup({ lingerMs: FOREVER });
    logger.log({ eventType: 'auth.login_failure', metadata: { i: 0 } });
    await yieldToLoop();
    logger.log({ eventType: 'auth.login_failure', metadata: { i: 1 } });
    await logger.logDurable({ eventType: 'authz.privilege_escalation', riskScore: 9.5, metadata: { i: 2 } });
    expect(sink.batches).toEqual([3]);
    expect(await readIndexes(path)).toEqual([0, 1, 2]);
    await logger.close();
  });

  it('a durable event logged while the first write is under way is not held back by a new linger', async () => {
    const { path, sink, logger } = setup({ lingerMs: FOREVER, maxBatch: 2 });
    const first = sink.nextBatch();
    logger.log({ eventType: 'auth.login_failure', metadata: { i: 0 } });
    logger.log({ eventType: 'auth.login_failure', metadata: { i: 1 } });
    logger.log({ eventType: 'auth.login_failure', metadata: { i: 2 } });
    const durable = logger.logDurable({ eventType: 'auth.login_failure', metadata: { i: 3 } });
    await first;
    await durable;
    expect(await readIndexes(path)).toEqual([0, 1, 2, 3]);
    expect(sink.batches).toEqual([2, 2]);
    await logger.close();
  });

  it('close() writes what lingers at once', async () => {
    const { path, sink, logger } = setup({ lingerMs: FOREVER });
    logger.log({ eventType: 'auth.login_failure', metadata: { i: 0 } });
    await yieldToLoop();
    logger.log({ eventType: 'auth.login_failure', metadata: { i: 1 } });
    await logger.close();
    expect(sink.batches).toEqual([2]);
    expect(await readIndexes(path)).toEqual([0, 1]);
  });

  it('lingerMs 0 writes on the next turn: one write per turn that logged', async () => {
    const path = join(dir, 'security.log');
    // Synchronous, so that no write is still under way when the next turn logs.
    const sink = {
      name: 'file',
      batches: [] as number[],
      writeBatch(events: readonly SecurityEvent[]) {
        this.batches.push(events.length);
        appendFileSync(path, events.map((event) => `${JSON.stringify(event)}\n`).join(''));
      },
      write: () => {
        throw new Error('batch sink');
      },
    };
    const logger = createSecurityLogger({ service: 'linger', sinks: [sink], lingerMs: 0, spill: false, shutdown: { handleSignals: false, deadlineMs: 5_000 } });
    for (let i = 0; i < 3; i++) {
      logger.log({ eventType: 'auth.login_failure', metadata: { i } });
      await yieldToLoop();
    }
    await logger.flush();
    expect(sink.batches).toEqual([1, 1, 1]);
    expect(await readIndexes(path)).toEqual([0, 1, 2]);
    await logger.close();
  });

  it('refuses a linger that is negative, not a number or past what a timer can wait', () => {
    for (const lingerMs of [-1, Number.NaN, Infinity, 2 ** 31, '5']) {
      expect(() => createSecurityLogger({ service: 's', sinks: [], lingerMs: lingerMs as number })).toThrow(
        expect.objectContaining({ name: SecurityLogConfigError.name, code: 'OPTION_INVALID', path: 'lingerMs' }),
      );
    }
  });
});

describe('linger at process end', () => {
  it('a process that simply ends while events linger still writes them, even with the shutdown hooks off', async () => {
    const core = await bundleCore(dir);
    const path = join(dir, 'ends.log');
    const { code, stderr } = await runFixture('linger-then-end.mjs', core, [path], 30_000).result;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(await readIndexes(path)).toEqual([0, 1, 2]);
  });
});
