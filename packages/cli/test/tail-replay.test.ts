import { appendFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecurityLogger, fileSink } from '@seclog/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleEvent } from '../../core/test/integrity/sample-events';
import { runBinary, runInProcess } from './run-cli';

async function writeLog(count: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'seclog-tail-'));
  const path = join(dir, 'security.log');
  const sink = fileSink({ path, integrity: true });
  await sink.writeBatch!(Array.from({ length: count }, (_, i) => sampleEvent(i, Date.UTC(2026, 0, 1, 0, 0, i))));
  await sink.close!();
  return path;
}

describe('seclog tail', () => {
  it('prints the last records, filtered by severity and type', async () => {
    const path = await writeLog(12);
    const all = await runInProcess(['tail', path, '--lines', '3']);
    expect(all.code).toBe(0);
    const lines = all.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(
      '2026-01-01T00:00:11.000Z CRITICAL auth.login_failure failure actor=user-4 ip=10.0.0.11 target=/accounts/11 risk=9.5 corr=corr-11 "attempt 11 é€ 😀"',
    );
    const high = await runInProcess(['tail', path, '--severity', 'high', '--lines', 'all']);
    expect(high.stdout.trimEnd().split('\n').map((l) => l.split(' ')[1])).toEqual(['HIGH', 'CRITICAL', 'HIGH', 'CRITICAL', 'HIGH', 'CRITICAL']);
    const authz = await runInProcess(['tail', path, '--type', 'authz.*', '--lines', 'all', '--json']);
    const records = authz.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { event_type: string; integrity: object });
    expect(records).toHaveLength(6);
    expect(records.every((r) => r.event_type === 'authz.access_denied' && r.integrity)).toBe(true);
    const coloured = await runInProcess(['tail', path, '--lines', '1', '--color']);
    expect(coloured.stdout).toContain('\u001b[1;41;97mCRITICAL');
    expect((await runInProcess(['tail', path, '--severity', 'urgent'])).code).toBe(2);
    expect((await runInProcess(['tail'])).code).toBe(2);
  });

  it('never passes control characters from the file to the terminal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seclog-tail-hostile-'));
    const path = join(dir, 'security.log');
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }), async (message, actor) => {
        const hostile = { ...sampleEvent(0, Date.UTC(2026, 0, 1)), message: `x${message}\u001b[2J\u202e`, actor: { id: actor, type: 'user' } };
        await writeFile(path, JSON.stringify(hostile) + '\n');
        const result = await runInProcess(['tail', path]);
        expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      }),
      { numRuns: 60 },
    );
  });

  it('follows appended lines until stopped', async () => {
    const path = await writeLog(1);
    const controller = new AbortController();
    const running = runInProcess(['tail', path, '--follow', '--lines', '0', '--json'], controller.signal);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await appendFile(path, JSON.stringify(sampleEvent(1, Date.UTC(2026, 0, 2))) + '\n');
    await new Promise((resolve) => setTimeout(resolve, 600));
    controller.abort();
    const result = await running;
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { correlation_id: string }).correlation_id)).toEqual(['corr-1']);
  });
});

describe('seclog replay', () => {
  it('runs a stored log through alert rules, in a child process', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seclog-replay-'));
    const path = join(dir, 'security.log');
    let clock = Date.UTC(2026, 0, 1, 9);
    const logger = createSecurityLogger({ service: 'auth-service', sinks: [fileSink({ path, integrity: true })], now: () => clock });
    for (let i = 0; i < 7; i++) {
      logger.log({ eventType: 'auth.login_failure', actor: { id: 'alice', ip: '203.0.113.7' }, outcome: 'failure' });
      clock += 2000;
    }
    await logger.close();
    const rules = join(dir, 'rules.json');
    await writeFile(
      rules,
      JSON.stringify({
        rules: [
          { id: 'brute-force-ip', type: 'threshold', severity: 'HIGH', match: { eventType: 'auth.login_failure' }, groupBy: 'actor.ip', window: '60s', condition: { gt: 5 } },
        ],
      }),
    );
    const result = await runBinary(['replay', path, '--rules', rules]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^2026-01-01T09:00:10\.000Z HIGH {5}brute-force-ip actor\.ip=203\.0\.113\.7: /m);
    expect(result.stdout).toContain('7 events replayed, 1 alert(s)');
    const json = await runInProcess(['replay', path, '--rules', rules, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ events: 7, alerts: [{ ruleId: 'brute-force-ip', count: 6 }] });

    await writeFile(rules, '{"rules":[{"id":"x","type":"nope"}]}');
    const bad = await runInProcess(['replay', path, '--rules', rules]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('cannot use the rules');
  });
});
