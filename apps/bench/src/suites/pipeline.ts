import { createSecurityLogger, type LogInput, type SecurityEvent, type Sink } from '@seclog/core';
import { join } from 'node:path';
import { countingSink } from '../counting-sink';
import { BURST, elapsedMs, perSecond, yieldToLoop } from '../measure';
import { shedTotal } from '../shed-total';
import { scaled, type SuiteOptions, type SuiteResult } from '../suite-result';

/** Mostly LOW and MEDIUM, 1 in 100 HIGH: the mix a busy service under attack logs. */
const mixed = (i: number): LogInput =>
  i % 100 === 0
    ? { eventType: 'auth.privilege_escalation', actor: { id: `user-${i % 50}`, type: 'user' } }
    : i % 2 === 0
      ? { eventType: 'auth.login_success', actor: { id: `user-${i % 50}`, type: 'user' } }
      : { eventType: 'auth.login_failure', actor: { id: `user-${i % 50}`, type: 'user' } };

/** A sink whose writes hang until released: a log shipper that stopped reading. */
function stalledSink(): Sink & { release(): void } {
  const waiting: (() => void)[] = [];
  let stalled = true;
  return {
    name: 'stalled',
    writeBatch(_events: readonly SecurityEvent[]) {
      return stalled ? new Promise<void>((resolve) => waiting.push(resolve)) : undefined;
    },
    write() {
      return stalled ? new Promise<void>((resolve) => waiting.push(resolve)) : undefined;
    },
    release() {
      stalled = false;
      for (const resume of waiting.splice(0)) resume();
    },
  };
}

export async function pipelineSuite(options: SuiteOptions): Promise<SuiteResult> {
  const events = scaled(200_000, options, 2000);
  const notes: string[] = [];
  const run = async (stall: boolean) => {
    const healthy = countingSink('healthy');
    const other = stall ? stalledSink() : countingSink('other');
    const logger = createSecurityLogger({
      service: 'bench',
      sinks: [healthy, other],
      spill: { dir: join(options.workDir, stall ? 'spill-stalled' : 'spill-healthy') },
      onError: () => undefined,
    });
    const ms = await elapsedMs(async () => {
      for (let i = 0; i < events; i++) {
        logger.log(mixed(i));
        if (i % BURST === BURST - 1) await yieldToLoop();
      }
      while (healthy.count < events) await yieldToLoop();
    });
    const stats = logger.stats().sinks;
    if (stall) {
      const stalled = stats.stalled!;
      notes.push(
        `stalled sink while stalled: ${stalled.shed.total.toLocaleString('en-US')} LOW/MEDIUM shed (counted), ${stalled.spilled.toLocaleString('en-US')} HIGH spilled to disk, ` +
          `${stalled.queued.toLocaleString('en-US')} queued; healthy sink received ${healthy.count.toLocaleString('en-US')} of ${events.toLocaleString('en-US')}`,
      );
      (other as ReturnType<typeof stalledSink>).release();
    }
    await logger.close();
    if (shedTotal(logger) > 0 && !stall) throw new Error('the healthy configuration shed events');
    return perSecond(events, ms);
  };
  await run(false);
  options.progress('pipeline: healthy');
  const healthy = await run(false);
  options.progress('pipeline: one sink stalled');
  const stalled = await run(true);
  return {
    id: 'pipeline',
    title: 'Delivery pipeline: healthy sink beside a stalled one',
    method:
      `${events.toLocaleString('en-US')} events (LOW/MEDIUM, 1% HIGH) through log() to two sinks; time until the first (counting) sink held them all, ` +
      'when the second sink is healthy and when its writes hang for the whole run (default queue bound 10,000 events, spill file for HIGH).',
    figures: [
      { label: 'healthy sink, other sink healthy', value: healthy, unit: 'events/s' },
      { label: 'healthy sink, other sink stalled', value: stalled, unit: 'events/s' },
    ],
    ratios: [{ label: 'stalled / healthy', value: stalled / healthy }],
    notes,
  };
}
