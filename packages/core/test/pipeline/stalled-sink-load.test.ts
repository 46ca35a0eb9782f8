import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SinkStats } from '../../src';
import { bundleCore, runFixture } from './support/child-process';

let dir: string;
let core: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seclog-load-'));
  core = await bundleCore(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const COUNT = 1_000_000;
const MAX_BYTES = 16 * 1024 * 1024;
/**
 * Live heap may exceed the baseline by the queue bound (the byte estimate is calibrated on the heap
 * of a queued event), the spill write buffer and read chunk, and some slack for V8's own structures.
 */
const LIVE_HEAP_ALLOWANCE = MAX_BYTES + 8 * 2 ** 20;
/**
 * RSS also holds garbage V8 has not collected yet (young generation, lazily swept old space); an
 * unbounded queue would need ~1.7 GB for these events.
 */
const RSS_ALLOWANCE = 256 * 2 ** 20;

// Same split as the fixture: 60% LOW, 30% MEDIUM, 8% HIGH, 2% CRITICAL by index.
const isKept = (i: number) => i % 50 >= 45;

describe('a stalled sink under 1,000,000 events', () => {
  it('stays within the memory bound, loses no HIGH/CRITICAL, and sheds exactly what it reports', async () => {
    const child = runFixture('stalled-million.mjs', core, [dir, String(COUNT), String(MAX_BYTES)], 240_000, ['--expose-gc']);
    const { code, stdout, stderr } = await child.result;
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      baseline: number;
      peak: number;
      baselineHeap: number;
      peakHeap: number;
      stalledForMs: number;
      during: SinkStats;
      stats: { logged: number; sinks: Record<string, SinkStats> };
      deliveredPath: string;
    };
    const sink = report.stats.sinks.stalled!;
    expect(report.stats.logged).toBe(COUNT);
    // The sink delivered nothing while stalled; memory held no more than the bound allows.
    expect(report.during.delivered).toBe(0);
    expect(report.during.queuedBytes).toBeLessThanOrEqual(MAX_BYTES);
    expect(report.peakHeap - report.baselineHeap).toBeLessThan(LIVE_HEAP_ALLOWANCE);
    expect(report.peak - report.baseline).toBeLessThan(RSS_ALLOWANCE);

    const delivered = (await readFile(report.deliveredPath, 'utf8')).trim().split('\n');
    const summaries = delivered.filter((line) => line === 'summary').length;
    const seen = new Set(delivered.filter((line) => line !== 'summary').map(Number));
    let lostKept = 0;
    let lostOther = 0;
    for (let i = 0; i < COUNT; i++) {
      if (seen.has(i)) continue;
      if (isKept(i)) lostKept++;
      else lostOther++;
    }
    expect(lostKept).toBe(0);
    expect(sink.shed.bySeverity.HIGH + sink.shed.bySeverity.CRITICAL).toBe(0);
    expect(lostOther).toBeGreaterThan(0);
    expect(lostOther).toBe(sink.shed.bySeverity.LOW + sink.shed.bySeverity.MEDIUM);
    expect(sink.shed.total).toBe(sink.shed.byReason.queue_full);
    expect(sink.spilled).toBeGreaterThan(0);
    expect(sink.replayed).toBe(sink.spilled);
    expect(summaries).toBeGreaterThan(0);
    console.info(
      `stalled ${report.stalledForMs} ms over ${COUNT} events; RSS +${Math.round((report.peak - report.baseline) / 2 ** 20)} MiB, ` +
        `live heap +${Math.round((report.peakHeap - report.baselineHeap) / 2 ** 20)} MiB; ` +
        `shed ${sink.shed.total}, spilled ${sink.spilled}, delivered ${sink.delivered}`,
    );
  }, 250_000);
});
