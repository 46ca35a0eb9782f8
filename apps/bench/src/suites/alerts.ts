import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createAlertEngine, type AlertRule } from '@seclog/alerts';
import { createSecurityLogger, type LogInput, type Sink } from '@seclog/core';
import { pinoSink } from '@seclog/pino';
import { countLines } from '../count-lines';
import { countingSink } from '../counting-sink';
import { keyLookupSink } from '../key-lookup-sink';
import { workerTransferSink } from '../worker-transfer-sink';
import { BURST, elapsedMs, interleaved, perSecond, yieldToLoop } from '../measure';
import { scaled, type SuiteOptions, type SuiteResult } from '../suite-result';

const RULES: AlertRule[] = [
  { id: 'brute-force-ip', type: 'threshold', severity: 'HIGH', match: { eventType: 'auth.login_failure' }, groupBy: 'actor.ip', window: '60s', condition: { gt: 5 } },
  { id: 'brute-force-account', type: 'threshold', severity: 'HIGH', match: { eventType: 'auth.login_failure' }, groupBy: 'actor.id', window: '60s', condition: { gt: 10 } },
  { id: 'spraying', type: 'threshold', severity: 'HIGH', match: { eventType: 'auth.login_failure' }, groupBy: 'actor.ip', distinct: 'metadata.username', window: '60s', condition: { gte: 6 } },
  { id: 'stuffing', type: 'threshold', severity: 'HIGH', match: { eventType: 'auth.login_failure' }, distinct: 'actor.ip', window: '60s', condition: { gte: 50 } },
  { id: 'denied', type: 'threshold', severity: 'MEDIUM', match: { eventType: 'authz.access_denied' }, groupBy: 'actor.id', window: '5m', condition: { gte: 5 } },
  { id: 'errors-4xx', type: 'threshold', severity: 'LOW', match: { eventType: 'http.error_response', where: { 'metadata.status': { gte: 400 } } }, groupBy: 'actor.ip', window: '60s', condition: { gt: 50 } },
  { id: 'risky-user', type: 'risk', severity: 'HIGH', match: { where: { 'actor.type': 'user' } }, groupBy: 'actor.id', window: '1h', condition: { gte: 60 } },
  { id: 'takeover', type: 'sequence', severity: 'CRITICAL', groupBy: 'actor.id', window: '5m', steps: [{ match: { eventType: 'auth.login_failure' }, count: 5 }, { match: { eventType: 'auth.login_success' } }] },
  { id: 'failure-spike', type: 'anomaly', severity: 'MEDIUM', match: { eventType: 'auth.login_failure' }, interval: '1m', minEvents: 100 },
  { id: 'sensitive-reads', type: 'threshold', severity: 'MEDIUM', match: { eventType: 'data.access_sensitive' }, groupBy: 'actor.id', window: '5m', condition: { gt: 100 } },
];

/** A mixed stream: failed and good logins from many IPs and users, reads, denials, error responses. */
function streamEvent(i: number): LogInput {
  const user = `user-${i % 500}`;
  const ip = `198.51.100.${i % 200}`;
  switch (i % 5) {
    case 0:
      return { eventType: 'auth.login_failure', actor: { id: user, type: 'user', ip }, metadata: { username: user } };
    case 1:
      return { eventType: 'auth.login_success', actor: { id: user, type: 'user', ip } };
    case 2:
      return { eventType: 'data.access_sensitive', actor: { id: user, type: 'user', ip }, target: `/records/${i % 1000}` };
    case 3:
      return { eventType: 'http.error_response', actor: { id: ip, type: 'ip', ip }, metadata: { status: 404, method: 'GET' } };
    default:
      return { eventType: 'authz.access_denied', actor: { id: user, type: 'user', ip }, target: '/admin' };
  }
}

/**
 * What sits beside the logger's own sink: nothing, the engine, only the key lookups of two keyed
 * rules, or only the hand-over of the rules' fields to a worker thread.
 */
type Beside = 'nothing' | 'engine' | 'lookups' | 'worker';

export async function alertsSuite(options: SuiteOptions): Promise<SuiteResult> {
  const events = scaled(200_000, options, 2000);
  const rounds = options.scale < 1 ? 1 : 3;
  let alerts = 0;
  let files = 0;
  const run = (beside: Beside, toFile: boolean) => async () => {
    const counter = countingSink('count');
    const path = toFile ? join(options.workDir, `alerts-${files++}.log`) : undefined;
    const engine = beside === 'engine' ? createAlertEngine({ rules: RULES, onAlert: () => void alerts++, onError: () => undefined }) : undefined;
    const sinks: Sink[] = [path ? pinoSink({ destination: path }) : counter];
    if (engine) sinks.push(engine.sink);
    if (beside === 'lookups') sinks.push(keyLookupSink());
    const transfer = beside === 'worker' ? workerTransferSink() : undefined;
    if (transfer) sinks.push(transfer);
    const logger = createSecurityLogger({ service: 'bench', sinks });
    const ms = await elapsedMs(async () => {
      for (let i = 0; i < events; i++) {
        logger.log(streamEvent(i));
        if (i % BURST === BURST - 1) await yieldToLoop();
      }
      await logger.flush();
    });
    // The engine (or the worker) must have seen every event, not had some shed by its sink's queue.
    const evaluated = engine?.stats().events ?? transfer?.acknowledged;
    await engine?.close();
    await logger.close();
    const delivered = path ? await countLines(path) : counter.count;
    if (path) await rm(path);
    if (delivered !== events) throw new Error(`${delivered} of ${events} events delivered`);
    if (evaluated !== undefined && evaluated !== events) throw new Error(`${beside} saw ${evaluated} of ${events} events`);
    return perSecond(events, ms);
  };
  const candidates = {
    without: run('nothing', false),
    with: run('engine', false),
    lookups: run('lookups', false),
    worker: run('worker', false),
    fileWithout: run('nothing', true),
    fileWith: run('engine', true),
  };
  for (const warmUp of Object.values(candidates)) await warmUp();
  options.progress('alert engine: measuring');
  alerts = 0;
  const rates = await interleaved(rounds, candidates);

  // The engine alone, fed finished events: its own ceiling.
  const sample = createSecurityLogger({ service: 'bench', sinks: [countingSink('sample')] });
  const finished = Array.from({ length: 10_000 }, (_, i) => sample.log(streamEvent(i)));
  await sample.close();
  const engine = createAlertEngine({ rules: RULES, onError: () => undefined });
  const processed = scaled(500_000, options, 10_000);
  const engineMs = await elapsedMs(() => {
    for (let i = 0; i < processed; i++) engine.process(finished[i % finished.length]!);
  });
  await engine.close();
  return {
    id: 'alerts',
    title: 'Alert engine throughput, 10 rules',
    method:
      `${events.toLocaleString('en-US')} mixed events (failed and good logins, sensitive reads, denials, 404s from 500 users and 200 IPs) through log() to a counting sink, ` +
      `without and with an alert engine of 10 rules (6 threshold incl. 2 distinct-count, 1 risk, 1 sequence, 1 anomaly, 1 filtered threshold) as a second sink; ` +
      `both loggers have the same settings, the engine's sink is the only difference, and the run fails unless the engine evaluated every event; ` +
      `time until flush() resolved, median of ${rounds} interleaved runs. ` +
      `Two informative comparisons in the same rounds: instead of the engine, a sink that only finds and updates a counter per actor.id and per actor.ip in two maps ` +
      `(the least that rules grouped by those fields must do, so a lower bound for any engine evaluated on the logging thread); ` +
      `a sink that only hands each batch's rule fields (8 strings, 2 numbers per event) to a worker thread, which decodes and acknowledges them ` +
      `(what evaluating elsewhere costs the logging thread before any rule runs; flush() waits for every acknowledgement); ` +
      `and the same stream through a pino sink to a file, without and with the engine, as a service would run it (every line counted back). ` +
      `Then engine.process() alone on ${processed.toLocaleString('en-US')} finished events.`,
    figures: [
      { label: 'log() without engine', value: rates.without, unit: 'events/s' },
      { label: 'log() with engine (10 rules)', value: rates.with, unit: 'events/s' },
      { label: 'log() with two key lookups only', value: rates.lookups, unit: 'events/s' },
      { label: 'log() with rule fields posted to a worker only', value: rates.worker, unit: 'events/s' },
      { label: 'log() to a pino file, without engine', value: rates.fileWithout, unit: 'events/s' },
      { label: 'log() to a pino file, with engine', value: rates.fileWith, unit: 'events/s' },
      { label: 'engine.process() alone', value: perSecond(processed, engineMs), unit: 'events/s' },
    ],
    ratios: [
      { label: 'with engine / without', value: rates.with / rates.without, target: { op: '>=', value: 0.8 } },
      { label: 'two key lookups only / without (informative lower bound)', value: rates.lookups / rates.without },
      { label: 'fields to a worker only / without (informative, no rule run)', value: rates.worker / rates.without },
      { label: 'with engine / without, pino file sink (informative)', value: rates.fileWith / rates.fileWithout },
    ],
    notes: [`${alerts} alerts raised over the measured runs`],
  };
}
