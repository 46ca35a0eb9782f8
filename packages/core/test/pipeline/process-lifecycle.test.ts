import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SecurityEvent } from '../../src';
import { bundleCore, runFixture } from './support/child-process';

let dir: string;
let core: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seclog-lifecycle-'));
  core = await bundleCore(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const readEvents = async (path: string) =>
  (await readFile(path, 'utf8'))
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as SecurityEvent);

/** SIGKILL can stop a write at a page boundary, so the text after the last newline may be half a record. */
const readCompleteEvents = async (path: string) => {
  const text = await readFile(path, 'utf8');
  return text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as SecurityEvent);
};

async function spilledEvents(spillDir: string): Promise<SecurityEvent[]> {
  const events: SecurityEvent[] = [];
  for (const name of await readdir(spillDir)) {
    for (const line of (await readFile(join(spillDir, name), 'utf8')).split('\n')) {
      if (line) events.push((JSON.parse(line) as { event: SecurityEvent }).event);
    }
  }
  return events;
}

describe('process lifecycle', () => {
  it('SIGTERM mid-stream: everything accepted before close() is delivered, in order, then the process dies of SIGTERM', async () => {
    const path = join(dir, 'sigterm.log');
    const child = runFixture('sigterm-midstream.mjs', core, [path], 30_000);
    await child.waitFor((out) => out.includes('ready'));
    child.kill('SIGTERM');
    const { signal, stdout, stderr } = await child.result;
    expect(stderr).toBe('');
    expect(signal).toBe('SIGTERM');
    const rejected = /rejected (\d+)/.exec(stdout);
    expect(rejected).not.toBeNull();
    const accepted = Number(rejected![1]);
    const events = await readEvents(path);
    expect(accepted).toBeGreaterThanOrEqual(2_000);
    expect(events.map((e) => e.metadata.i)).toEqual(Array.from({ length: accepted }, (_, i) => i));
  });

  it('an uncaught exception still writes the pending CRITICAL events (spill file), and the process still dies of it', async () => {
    const spillDir = join(dir, 'uncaught-spill');
    const { code, stderr } = await runFixture('uncaught-exception.mjs', core, [spillDir], 30_000).result;
    expect(code).toBe(1);
    expect(stderr).toContain('boom: unexpected state');
    const kept = await spilledEvents(spillDir);
    expect(kept.map((e) => e.metadata.i)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45]);
    expect(kept.every((e) => e.severity === 'CRITICAL')).toBe(true);
  });

  it('the restarted service takes over the spill file of the crashed one and delivers it first', async () => {
    const spillDir = join(dir, 'restart-spill');
    const path = join(dir, 'restart.log');
    expect((await runFixture('uncaught-exception.mjs', core, [spillDir], 30_000).result).code).toBe(1);
    expect(await readdir(spillDir)).toHaveLength(1);
    const { code, stdout } = await runFixture('restart-adopts-spill.mjs', core, [spillDir, path], 30_000).result;
    expect(code).toBe(0);
    expect((await readEvents(path)).map((e) => e.metadata.i)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 'restarted']);
    expect(JSON.parse(stdout)).toMatchObject({ delivered: 11, replayed: 10 });
    expect(await readdir(spillDir)).toEqual([]);
  });

  it('without a spill file, the uncaught-exception path writes them synchronously to stderr', async () => {
    const { code, stderr } = await runFixture('uncaught-exception.mjs', core, ['off'], 30_000).result;
    expect(code).toBe(1);
    const lines = stderr.split('\n').filter((line) => line.startsWith('{"schema"'));
    expect(lines.map((line) => (JSON.parse(line) as SecurityEvent).metadata.i)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45]);
    expect(stderr).toContain('onError SPILL_UNAVAILABLE');
    expect(stderr).toContain('boom: unexpected state');
  });

  it('SIGKILL loses none of the CRITICAL events whose logDurable() promise had settled', async () => {
    const path = join(dir, 'durable.log');
    const child = runFixture('sigkill-durable.mjs', core, [path], 30_000);
    await child.waitFor((out) => out.split('\n').length > 400);
    child.kill('SIGKILL');
    const { signal, stdout } = await child.result;
    expect(signal).toBe('SIGKILL');
    const acknowledged = stdout.split('\n').filter((line) => /^\d+$/.test(line)).map(Number);
    expect(acknowledged.length).toBeGreaterThanOrEqual(400);
    const onDisk = new Set((await readCompleteEvents(path)).map((e) => e.metadata.i));
    expect(acknowledged.filter((i) => !onDisk.has(i))).toEqual([]);
  });

  it('a process that just ends is held open by the beforeExit flush until its events are delivered', async () => {
    const path = join(dir, 'before-exit.log');
    const { code } = await runFixture('before-exit.mjs', core, [path, join(dir, 'before-exit-spill'), 'on'], 30_000).result;
    expect(code).toBe(0);
    expect((await readFile(path, 'utf8')).trim().split('\n').map(Number)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('with handleSignals off, the exit hook still keeps the pending HIGH/CRITICAL in the spill file', async () => {
    const path = join(dir, 'no-hooks.log');
    const spillDir = join(dir, 'no-hooks-spill');
    const { code } = await runFixture('before-exit.mjs', core, [path, spillDir, 'off'], 30_000).result;
    expect(code).toBe(0);
    expect((await spilledEvents(spillDir)).map((e) => e.metadata.i)).toEqual([8, 9]);
  });

  it('with an app SIGTERM handler, the app still decides when and how the process exits', async () => {
    const path = join(dir, 'app-handler.log');
    const child = runFixture('sigterm-app-handler.mjs', core, [path], 30_000);
    await child.waitFor((out) => out.includes('ready'));
    child.kill('SIGTERM');
    const { code, signal, stdout } = await child.result;
    expect(stdout).toContain('app handler');
    expect({ code, signal }).toEqual({ code: 3, signal: null });
    expect((await readEvents(path)).map((e) => e.metadata.i)).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });
});
