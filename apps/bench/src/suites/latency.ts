import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSecurityLogger } from '@seclog/core';
import { pinoSink } from '@seclog/pino';
import pino from 'pino';
import { loginFailureInput, loginFailureRecord } from '../fixtures';
import { BURST, percentile, yieldToLoop } from '../measure';
import { keepWithinQueue } from '../shed-total';
import { scaled, type SuiteOptions, type SuiteResult } from '../suite-result';


async function callTimes(count: number, call: (i: number) => void, pace?: () => Promise<void>): Promise<Float64Array> {
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    call(i);
    times[i] = performance.now() - start;
    if (i % BURST === BURST - 1) {
      await yieldToLoop();
      await pace?.();
    }
  }
  return times.sort();
}

export async function latencySuite(options: SuiteOptions): Promise<SuiteResult> {
  const count = scaled(100_000, options, 1000);
  const seclogPath = join(options.workDir, 'latency-seclog.log');
  const pinoPath = join(options.workDir, 'latency-pino.log');
  const logger = createSecurityLogger({ service: 'auth-service', sinks: [pinoSink({ destination: seclogPath })] });
  const destination = pino.destination({ dest: pinoPath, sync: false });
  const raw = pino(destination);

  const pace = () => keepWithinQueue(logger);
  await callTimes(Math.min(count, 10_000), (i) => logger.log(loginFailureInput(i)), pace);
  await callTimes(Math.min(count, 10_000), (i) => raw.info(loginFailureRecord(i), 'security event'));
  options.progress('log() latency: measuring');
  const seclog = await callTimes(count, (i) => logger.log(loginFailureInput(i)), pace);
  const base = await callTimes(count, (i) => raw.info(loginFailureRecord(i), 'security event'));
  await logger.close();
  destination.end();
  await rm(seclogPath, { force: true });

  const us = (ms: number) => ms * 1000;
  return {
    id: 'log-latency',
    title: 'log() call latency',
    method:
      `${count.toLocaleString('en-US')} calls, each timed alone with performance.now(), after 10,000 warm-up calls; the event loop runs every ${BURST} calls so delivery happens as in a service. ` +
      '@seclog log() builds, sanitises, scores, freezes and queues the event (no I/O in the call); the baseline is raw pino logger.info() of the same object.',
    figures: [
      { label: '@seclog log() p50', value: us(percentile(seclog, 50)), unit: 'µs' },
      { label: '@seclog log() p99', value: us(percentile(seclog, 99)), unit: 'µs' },
      { label: '@seclog log() p99.9', value: us(percentile(seclog, 99.9)), unit: 'µs' },
      { label: 'raw pino info() p50', value: us(percentile(base, 50)), unit: 'µs' },
      { label: 'raw pino info() p99', value: us(percentile(base, 99)), unit: 'µs' },
    ],
    ratios: [],
    notes: [],
  };
}
