import { access, mkdtemp, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyLog } from '../../src/integrity/verify-log';
import { fileSink } from '../../src/sinks/file-sink';
import { rotatedName } from '../../src/sinks/rotation/rotated-name';
import { readLogLines } from '../integrity/chained-log';
import { sampleEvent } from '../integrity/sample-events';

const DAY = 86_400_000;
const tempDir = () => mkdtemp(join(tmpdir(), 'seclog-rotate-'));
const rotatedFiles = async (dir: string) => (await readdir(dir)).filter((n) => n.startsWith('security.log.')).sort();
const seqsOf = async (paths: string[]) =>
  (await Promise.all(paths.map(readLogLines))).flat().map((l) => (JSON.parse(l) as { integrity: { seq: number } }).integrity.seq);

describe('fileSink rotation and retention', () => {
  it('rotates by size into read-only files, and the chain runs on across them', async () => {
    const dir = await tempDir();
    const path = join(dir, 'security.log');
    const sink = fileSink({ path, rotate: { size: '4KB' }, integrity: true });
    for (let i = 0; i < 40; i += 4) await sink.writeBatch!([0, 1, 2, 3].map((k) => sampleEvent(i + k, Date.now())));
    await sink.close!();
    const rotated = await rotatedFiles(dir);
    expect(rotated.length).toBeGreaterThanOrEqual(5);
    for (const name of rotated) {
      const info = await stat(join(dir, name));
      expect(info.mode & 0o777).toBe(0o440);
      expect(info.size).toBeLessThanOrEqual(4096);
    }
    expect((await stat(path)).mode & 0o777).toBe(0o640);
    const files = [...rotated.map((n) => join(dir, n)), path];
    expect(await seqsOf(files)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(await verifyLog({ files: [...files].reverse() })).toMatchObject({ ok: true, records: 40 });
  });

  it('rotates by age on the injected clock, without sleeping', async () => {
    const dir = await tempDir();
    let clock = Date.UTC(2026, 5, 1, 10);
    const path = join(dir, 'security.log');
    const sink = fileSink({ path, rotate: { interval: '1h' }, now: () => clock, integrity: true });
    await sink.write(sampleEvent(0, clock));
    clock += 59 * 60_000;
    await sink.write(sampleEvent(1, clock));
    expect(await rotatedFiles(dir)).toEqual([]);
    clock += 2 * 60_000;
    await sink.write(sampleEvent(2, clock));
    await sink.close!();
    expect(await rotatedFiles(dir)).toEqual(['security.log.2026-06-01T11-01-00-000Z']);
    expect(await seqsOf([join(dir, 'security.log.2026-06-01T11-01-00-000Z')])).toEqual([0, 1]);
    expect(await seqsOf([path])).toEqual([2]);
  });

  it('gzips rotated files, read-only, and they still verify', async () => {
    const dir = await tempDir();
    const path = join(dir, 'security.log');
    const sink = fileSink({ path, rotate: { size: 3000 }, compress: true, integrity: true });
    for (let i = 0; i < 20; i++) await sink.write(sampleEvent(i, Date.now()));
    await sink.close!();
    const rotated = await rotatedFiles(dir);
    expect(rotated.length).toBeGreaterThan(2);
    expect(rotated.every((n) => n.endsWith('.gz'))).toBe(true);
    for (const name of rotated) expect((await stat(join(dir, name))).mode & 0o777).toBe(0o440);
    const files = [...rotated.map((n) => join(dir, n)), path];
    expect(await seqsOf(files)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(await verifyLog({ files })).toMatchObject({ ok: true, records: 20 });
  });

  it('deletes rotated files only once older than the retention period, by name time and mtime both', async () => {
    const dir = await tempDir();
    const path = join(dir, 'security.log');
    const now = Date.now();
    const make = async (ageDays: number, mtimeAgeDays = ageDays, gz = false) => {
      const file = rotatedName(path, now - ageDays * DAY, 0) + (gz ? '.gz' : '');
      await writeFile(file, '{}\n');
      const mtime = new Date(now - mtimeAgeDays * DAY);
      await utimes(file, mtime, mtime);
      return file;
    };
    const expired = await make(400);
    const expiredGz = await make(366, 366, true);
    const young = await make(300);
    const touchedRecently = await make(500, 10);
    const unrelated = join(dir, 'security.log.old-notes');
    await writeFile(unrelated, 'keep me');
    await utimes(unrelated, new Date(now - 900 * DAY), new Date(now - 900 * DAY));

    const sink = fileSink({ path, now: () => now });
    await sink.write(sampleEvent(0, now));
    await sink.close!();
    const present = async (file: string) => access(file).then(() => true, () => false);
    expect(await present(expired)).toBe(false);
    expect(await present(expiredGz)).toBe(false);
    expect(await present(young)).toBe(true);
    expect(await present(touchedRecently)).toBe(true);
    expect(await present(unrelated)).toBe(true);

    const forever = fileSink({ path, now: () => now + 10_000 * DAY, retain: false });
    await forever.write(sampleEvent(1, now));
    await forever.close!();
    expect(await present(young)).toBe(true);
  });

  it('applies a custom retention after each rotation', async () => {
    const dir = await tempDir();
    const start = Date.now();
    let clock = start;
    const path = join(dir, 'security.log');
    const sink = fileSink({ path, now: () => clock, rotate: { interval: '1d' }, retain: '3d' });
    const rotations: string[] = [];
    for (let day = 0; day < 6; day++) {
      if (day > 0) rotations.push(rotatedName(path, clock, 0).slice(dir.length + 1));
      await sink.write(sampleEvent(day, clock));
      await sink.flush!();
      clock += DAY + 1000;
    }
    await sink.close!();
    // The last rotation ran retention at day 5: rotated on days 1 and 2 are more than 3 days old.
    expect(rotations).toHaveLength(5);
    expect(await rotatedFiles(dir)).toEqual(rotations.slice(2));
  });
});
