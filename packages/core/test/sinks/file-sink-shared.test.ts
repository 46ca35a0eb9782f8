import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSecurityLogger, fileSink, verifyLog } from '../../src';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('one chained file sink shared by several loggers', () => {
  it('writes one unbroken chain when the loggers deliver at the same time', async () => {
    dir = await mkdtemp(join(tmpdir(), 'seclog-shared-'));
    const path = join(dir, 'security.log');
    const sink = fileSink({ path, integrity: true, retain: false });
    const loggers = ['auth', 'orders', 'files'].map((service) =>
      createSecurityLogger({ service, sinks: [sink], shutdown: { handleSignals: false } }),
    );
    for (let round = 0; round < 20; round++) {
      for (const logger of loggers) for (let i = 0; i < 7; i++) logger.log({ eventType: 'auth.login_failure', metadata: { round, i } });
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(loggers.map((logger) => logger.flush()));
    await sink.close?.();
    const lines = (await readFile(path, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(20 * 3 * 7);
    expect(lines.map((line) => line.integrity.seq)).toEqual(lines.map((_, i) => i));
    const report = await verifyLog({ files: [path] });
    expect(report.ok).toBe(true);
  });
});
