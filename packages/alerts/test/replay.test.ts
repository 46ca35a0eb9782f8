import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecurityLogger, fileSink } from '@seclog/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRules, manualClock, replayEvents, replayFile } from '../src';
import { bruteForce, loginFailure, loginSuccess, START } from './harness';

const ruleFile = JSON.stringify({
  rules: [
    bruteForce,
    {
      id: 'risky-user',
      type: 'risk',
      severity: 'MEDIUM',
      match: { eventType: 'auth.*' },
      groupBy: 'actor.id',
      window: '1h',
      condition: { gte: 1000 },
      responder: 'revokeSessions',
    },
    {
      id: 'takeover',
      type: 'sequence',
      severity: 'CRITICAL',
      groupBy: 'actor.id',
      window: '10m',
      steps: [{ match: { eventType: 'auth.login_failure' }, count: 5 }, { match: { eventType: 'auth.login_success' } }],
    },
  ],
});

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('replaying a stored log (seclog replay FILE --rules RULES)', () => {
  it('raises the alerts the live engine would, with time taken from the events', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seclog-replay-'));
    dirs.push(dir);
    const path = join(dir, 'security.log');
    const clock = manualClock(START);
    const logger = createSecurityLogger({ service: 'auth-service', sinks: [fileSink({ path })], now: clock.now });
    for (let index = 0; index < 7; index++) {
      logger.log(loginFailure('203.0.113.7', 'alice'));
      clock.advance(2_000);
    }
    clock.advance(3_600_000);
    logger.log(loginSuccess('203.0.113.7', 'alice'));
    await logger.close();
    appendFileSync(path, 'not json\n{"event_type":"auth.login_failure"}\n\n');

    // The log was written "an hour ago": replay does not care about the wall clock.
    const result = await replayFile(path, { rules: loadRules(ruleFile) });
    expect(result.events).toBe(8);
    expect(result.alerts.map((alert) => [alert.ruleId, alert.timestamp])).toEqual([
      ['brute-force-ip', new Date(START + 5 * 2_000).toISOString()],
    ]);
    expect(result.invalid).toEqual([
      { line: 9, error: expect.stringMatching(/^not JSON: /) },
      { line: 10, error: 'event_id is missing' },
    ]);
    expect(result.stats).toMatchObject({ events: 8, alerts: 1, suppressed: 1 });
  });

  it('does not run responders, but names them, and builds digests over replayed time', async () => {
    const lines: string[] = [];
    const clock = manualClock(START);
    const logger = createSecurityLogger({
      service: 'auth-service',
      now: clock.now,
      sinks: [{ write: (event) => void lines.push(JSON.stringify(event)) }],
    });
    for (let day = 0; day < 3; day++) {
      clock.set(START + day * 86_400_000);
      logger.log({ ...loginFailure('10.0.0.1', 'mallory'), riskScore: 10 });
    }
    await logger.close();
    const rules = JSON.parse(ruleFile).rules;
    rules[1].condition = { gte: 10 };
    const result = await replayEvents(lines, { rules, digestEvery: '24h' });
    expect(result.alerts.map((alert) => alert.responder)).toEqual([
      { name: 'revokeSessions', mode: 'dry-run' },
      { name: 'revokeSessions', mode: 'dry-run' },
      { name: 'revokeSessions', mode: 'dry-run' },
    ]);
    expect(result.digests.map((digest) => digest.total)).toEqual([1, 1, 1]);
  });

  it('reports any line it cannot use and never throws on one', async () => {
    const rules = loadRules(ruleFile);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.string(), fc.jsonValue().map((value) => JSON.stringify(value)))), async (lines) => {
        const result = await replayEvents(lines, { rules });
        expect(result.events + result.invalid.length).toBe(lines.filter((line) => line.trim() !== '').length);
      }),
      { numRuns: 200 },
    );
  });
});
