import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLog } from '../../src/integrity/verify-log';
import { writeChainedLog, type ChainedLog } from './chained-log';
import { applyTamper, tamperArbitrary } from './tamper';

const layouts = [
  { name: 'one plain file', options: { records: 24, checkpointEvery: 5, batches: [1, 4, 2] } },
  { name: 'rotated plain files', options: { records: 30, checkpointEvery: 7, batches: [3, 1, 5], rotateBytes: 4000 } },
  { name: 'rotated gzip files', options: { records: 30, checkpointEvery: 6, batches: [2, 7, 1], rotateBytes: 3500, compress: true } },
];

describe.each(layouts)('verifyLog on $name', ({ options }) => {
  let log: ChainedLog;
  beforeAll(async () => {
    log = await writeChainedLog(options);
  });
  afterAll(() => rm(log.dir, { recursive: true, force: true }));

  it('has the expected layout', () => {
    expect(log.lines.flat()).toHaveLength(options.records);
    if (options.rotateBytes) expect(log.files.length).toBeGreaterThan(2);
    if (options.compress) expect(log.files.slice(0, -1).every((f) => f.endsWith('.gz'))).toBe(true);
    expect(log.checkpointSizes[log.checkpointSizes.length - 1]).toBe(options.records);
  });

  it('accepts the untouched log, whatever order the files are given in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(log.files, { minLength: log.files.length }), async (files) => {
        const report = await verifyLog({ files, checkpoints: [log.checkpointsPath], publicKey: log.publicKeyPem });
        expect(report.damage).toBeUndefined();
        expect(report).toMatchObject({ ok: true, records: options.records, firstSeq: 0, lastSeq: options.records - 1, unanchored: 0 });
        expect(report.files).toEqual(log.files);
      }),
      { numRuns: 10 },
    );
  });

  it('names the first bad line and the kind of every tampering', async () => {
    await fc.assert(
      fc.asyncProperty(tamperArbitrary(log), fc.nat(), async (tamper, seed) => {
        const tampered = await applyTamper(log, tamper);
        const files = [...tampered.files].sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 17 + seed) % 5));
        const report = await verifyLog({ files, checkpoints: [tampered.checkpoints], publicKey: log.publicKeyPem });
        await rm(tampered.dir, { recursive: true, force: true });
        expect(report.ok).toBe(false);
        const { kind, file, line } = report.damage!;
        expect({ kind, file: basename(file), line }).toEqual(tampered.expected);
      }),
      { numRuns: 120 },
    );
  });
});

describe('verifyLog on damaged gzip files', () => {
  it('reports a cut-off or corrupted .gz as damage, not as an error', async () => {
    const log = await writeChainedLog({ records: 20, rotateBytes: 3500, compress: true, checkpointEvery: 5 });
    const gz = log.files[0]!;
    const bytes = await readFile(gz);
    const dir = await mkdtemp(join(tmpdir(), 'seclog-gz-'));
    const cut = join(dir, basename(gz));
    await writeFile(cut, bytes.subarray(0, bytes.length - 12));
    const cutReport = await verifyLog({ files: [cut, ...log.files.slice(1)], checkpoints: [log.checkpointsPath], publicKey: log.publicKeyPem });
    expect(cutReport.damage).toMatchObject({ kind: 'truncated', file: cut });

    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 6] = flipped[flipped.length - 6]! ^ 0xff; // inside the CRC/size trailer
    await writeFile(cut, flipped);
    const flippedReport = await verifyLog({ files: [cut, ...log.files.slice(1)], checkpoints: [log.checkpointsPath], publicKey: log.publicKeyPem });
    expect(flippedReport.ok).toBe(false);
    expect(flippedReport.damage).toMatchObject({ kind: 'modified', file: cut });
  });
});
