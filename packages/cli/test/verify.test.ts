import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerifyReport } from '@seclog/core';
import { writeChainedLog, type ChainedLog } from '../../core/test/integrity/chained-log';
import { applyTamper, tamperArbitrary } from '../../core/test/integrity/tamper';
import { runBinary, runInProcess } from './run-cli';

let log: ChainedLog;
let keyPath: string;

beforeAll(async () => {
  log = await writeChainedLog({ records: 28, checkpointEvery: 6, batches: [2, 1, 4], rotateBytes: 3500, compress: true });
  keyPath = join(log.dir, 'signing.pub');
  await writeFile(keyPath, log.publicKeyPem);
});
afterAll(() => rm(log.dir, { recursive: true, force: true }));

describe('seclog verify', () => {
  it('exits 0 on an untouched log, finding the checkpoints next to it', async () => {
    const result = await runInProcess(['verify', ...[...log.files].reverse(), '--public-key', keyPath]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^OK {2}28 records \(seq 0-27\) in \d+ file\(s\)/);
    expect(result.stdout).toContain('signed checkpoint(s); latest: 28 records');
  });

  it('exits 1 naming the first bad file, line and kind, for every kind of tampering', async () => {
    await fc.assert(
      fc.asyncProperty(tamperArbitrary(log), async (tamper) => {
        const tampered = await applyTamper(log, tamper);
        const result = await runInProcess(['verify', ...tampered.files, '--public-key', keyPath, '--checkpoints', tampered.checkpoints, '--json']);
        await rm(tampered.dir, { recursive: true, force: true });
        expect(result.code).toBe(1);
        const report = JSON.parse(result.stdout) as VerifyReport;
        expect({ kind: report.damage!.kind, file: basename(report.damage!.file), line: report.damage!.line }).toEqual(tampered.expected);
      }),
      { numRuns: 80 },
    );
  });

  it('checks the chain alone, with a warning, when there are no checkpoints', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seclog-nocp-'));
    const files = await Promise.all(log.files.map(async (file) => {
      const copy = join(dir, basename(file));
      await copyFile(file, copy);
      return copy;
    }));
    const result = await runInProcess(['verify', ...files]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('WARNING: no signed checkpoints');
  });

  it('accepts a log whose oldest file went to retention only with --partial', async () => {
    const rest = log.files.slice(1);
    const strict = await runInProcess(['verify', ...rest, '--public-key', keyPath, '--json']);
    expect(strict.code).toBe(1);
    expect((JSON.parse(strict.stdout) as VerifyReport).damage).toMatchObject({ kind: 'deleted', file: rest[0], line: 1, seq: 0 });
    const partial = await runInProcess(['verify', ...rest, '--public-key', keyPath, '--partial', '--json']);
    expect(partial.code).toBe(0);
    const report = JSON.parse(partial.stdout) as VerifyReport;
    expect(report.firstSeq).toBe(log.lines[0]!.length);
    expect(report.lastSeq).toBe(27);
  });

  it('exits 2 on usage errors', async () => {
    expect((await runInProcess(['verify'])).code).toBe(2);
    expect((await runInProcess(['verify', join(log.dir, 'missing.log')])).code).toBe(2);
    const noKey = await runInProcess(['verify', ...log.files]);
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('--public-key is required');
    expect((await runInProcess(['verify', ...log.files, '--public-key', log.files[0]!])).code).toBe(2);
    expect((await runInProcess(['verify', ...log.files, '--bogus'])).code).toBe(2);
    expect((await runInProcess(['frobnicate'])).code).toBe(2);
  });
});

describe('the seclog binary', () => {
  it('verifies in a child process with the documented exit codes', async () => {
    const intact = await runBinary(['verify', ...log.files, '--public-key', keyPath]);
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.stdout).toContain('OK  28 records');

    const tampered = await applyTamper(log, { op: 'delete', at: 9 });
    const damaged = await runBinary(['verify', ...tampered.files, '--public-key', keyPath, '--checkpoints', tampered.checkpoints]);
    expect(damaged.code).toBe(1);
    expect(damaged.stdout).toContain('TAMPERED  ');
    expect(damaged.stdout).toMatch(new RegExp(`${tampered.expected.file.replace(/[.]/g, '\\.')}:${tampered.expected.line}: deleted`));

    const usage = await runBinary(['verify', '--json']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage:');
  });
});
