import { appendFile, mkdtemp, open, readdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SecurityLogConfigError } from '../../src/errors';
import { createLocalSigner } from '../../src/integrity/checkpoint-signer';
import { generateSigningKeys } from '../../src/integrity/signing-keys';
import { verifyLog } from '../../src/integrity/verify-log';
import { fileSink } from '../../src/sinks/file-sink';
import { readLogLines } from '../integrity/chained-log';
import { sampleEvent } from '../integrity/sample-events';

const tempDir = () => mkdtemp(join(tmpdir(), 'seclog-file-'));
const mode = async (path: string) => (await stat(path)).mode & 0o777;

describe('fileSink', () => {
  afterEach(() => vi.restoreAllMocks());

  it('appends JSON lines to a 0640 file and keeps what was there', async () => {
    const dir = await tempDir();
    const path = join(dir, 'nested', 'security.log');
    const first = fileSink({ path });
    await first.writeBatch!([sampleEvent(0, Date.now()), sampleEvent(1, Date.now())]);
    await first.close!();
    const second = fileSink({ path });
    await second.write(sampleEvent(2, Date.now()));
    await second.close!();
    const lines = await readLogLines(path);
    expect(lines.map((line) => (JSON.parse(line) as { correlation_id: string }).correlation_id)).toEqual(['corr-0', 'corr-1', 'corr-2']);
    expect(await mode(path)).toBe(0o640);
  });

  it('writes the chosen format, chained when integrity is on', async () => {
    const dir = await tempDir();
    const path = join(dir, 'ecs.log');
    const sink = fileSink({ path, format: 'ecs', integrity: true });
    await sink.writeBatch!([sampleEvent(0, Date.now()), sampleEvent(1, Date.now())]);
    await sink.close!();
    const records = (await readLogLines(path)).map((line) => JSON.parse(line) as Record<string, any>);
    expect(records[0]!['@timestamp']).toBeDefined();
    expect(records[0]!.ecs).toBeDefined();
    expect(records.map((r) => r.integrity.seq)).toEqual([0, 1]);
    expect(await verifyLog({ files: [path] })).toMatchObject({ ok: true, records: 2 });
  });

  it('fsyncs a write holding a CRITICAL event before it settles, and not a LOW one under the default policy', async () => {
    const dir = await tempDir();
    const probe = await open(join(dir, 'probe'), 'w');
    const datasync = vi.spyOn(Object.getPrototypeOf(probe) as { datasync(): Promise<void> }, 'datasync');
    await probe.close();
    const sink = fileSink({ path: join(dir, 'security.log') });
    await sink.write(sampleEvent(0, Date.now(), 'LOW'));
    expect(datasync).not.toHaveBeenCalled();
    await sink.writeBatch!([sampleEvent(1, Date.now(), 'LOW'), sampleEvent(2, Date.now(), 'CRITICAL')]);
    expect(datasync).toHaveBeenCalledTimes(1);
    const always = fileSink({ path: join(dir, 'always.log'), fsync: 'always' });
    await always.write(sampleEvent(3, Date.now(), 'LOW'));
    expect(datasync).toHaveBeenCalledTimes(2);
    await sink.close!();
    await always.close!();
  });

  it('rejects options that cannot work at construction', () => {
    expect(() => fileSink({ path: 'x.log', rotate: { size: '100XB' } })).toThrow(SecurityLogConfigError);
    expect(() => fileSink({ path: 'x.log', rotate: { interval: 'soon' } })).toThrow(/rotate\.interval/);
    expect(() => fileSink({ path: 'x.log', retain: '0d' })).toThrow(/retain/);
    expect(() => fileSink({ path: 'x.log', fsync: 'never' as 'always' })).toThrow(/fsync/);
    expect(() => fileSink({ path: 'x.log', format: 'xml' as 'ecs' })).toThrow(/format/);
    expect(() => fileSink({ path: '' })).toThrow(SecurityLogConfigError);
  });

  it('continues the chain after a restart, leaving a torn last line as evidence', async () => {
    const dir = await tempDir();
    const path = join(dir, 'security.log');
    const first = fileSink({ path, integrity: true });
    await first.writeBatch!([sampleEvent(0, Date.now()), sampleEvent(1, Date.now())]);
    await first.close!();
    await appendFile(path, '{"schema":"seclog/1","event_id":"torn');
    const second = fileSink({ path, integrity: { chain: 'ignored-for-an-existing-log' } });
    await second.write(sampleEvent(2, Date.now()));
    await second.close!();
    const lines = await readLogLines(path);
    expect(lines).toHaveLength(4);
    const last = JSON.parse(lines[3]!) as { integrity: { seq: number; chain: string } };
    expect(last.integrity.seq).toBe(2);
    expect(last.integrity.chain).toBe((JSON.parse(lines[0]!) as typeof last).integrity.chain);
    const report = await verifyLog({ files: [path] });
    expect(report.damage).toMatchObject({ kind: 'inserted', line: 3 });
  });

  it('checkpoints every N records, after the interval on the injected clock, and on close', async () => {
    const dir = await tempDir();
    const keys = generateSigningKeys();
    let clock = Date.UTC(2026, 0, 1);
    const now = () => clock;
    const path = join(dir, 'security.log');
    const sink = fileSink({
      path,
      now,
      integrity: {
        signer: createLocalSigner({ privateKey: keys.privateKeyPem, origin: 'clock', now }),
        checkpointEvery: { records: 3, interval: '1m' },
      },
    });
    const sizes = async () =>
      (await readLogLines(`${path}.checkpoints`).catch(() => [])).map((line) => Number((JSON.parse(line) as { note: string }).note.split('\n')[1]));
    await sink.writeBatch!([sampleEvent(0, clock), sampleEvent(1, clock)]);
    await sink.flush!();
    expect(await sizes()).toEqual([]);
    await sink.write(sampleEvent(2, clock));
    await sink.flush!();
    expect(await sizes()).toEqual([3]);
    await sink.write(sampleEvent(3, clock));
    clock += 61_000;
    await sink.write(sampleEvent(4, clock));
    await sink.flush!();
    expect(await sizes()).toEqual([3, 5]);
    await sink.write(sampleEvent(5, clock));
    await sink.close!();
    expect(await sizes()).toEqual([3, 5, 6]);
    const report = await verifyLog({ files: [path], checkpoints: [`${path}.checkpoints`], publicKey: keys.publicKeyPem });
    expect(report).toMatchObject({ ok: true, records: 6, checkpoints: 3, unanchored: 0 });
  });

  it('keeps writing when the signer fails, and reports the failure', async () => {
    const dir = await tempDir();
    const errors: unknown[] = [];
    const sink = fileSink({
      path: join(dir, 'security.log'),
      onError: (error) => errors.push(error),
      integrity: {
        signer: { sign: () => Promise.reject(new Error('signer down')) },
        checkpointEvery: { records: 1 },
      },
    });
    await sink.writeBatch!([sampleEvent(0, Date.now()), sampleEvent(1, Date.now())]);
    await sink.close!();
    expect(await readLogLines(join(dir, 'security.log'))).toHaveLength(2);
    expect(errors.map((e) => (e as Error).message)).toContain('signer down');
    expect(await readdir(dir)).toEqual(['security.log']);
  });
});
