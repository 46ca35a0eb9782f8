import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createLocalSigner, createSecurityLogger, fileSink, generateSigningKeys, uuidv7 } from '@seclog/core';
import { countingSink } from '../counting-sink';
import { countLines } from '../count-lines';
import { loginFailureInput } from '../fixtures';
import { elapsedMs, perSecond } from '../measure';
import { scaled, type SuiteOptions, type SuiteResult } from '../suite-result';

const BATCH = 2000;

function seclogBin(): string {
  const manifestPath = createRequire(import.meta.url).resolve('@seclog/cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
  return join(dirname(manifestPath), manifest.bin.seclog!);
}

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => (error ? reject(new Error(`${stderr}${stdout}`)) : resolve(stdout))),
  );
}

export async function verifySuite(options: SuiteOptions): Promise<SuiteResult> {
  const records = scaled(1_000_000, options, 5000);
  const path = join(options.workDir, 'chained.log');
  const publicKeyPath = join(options.workDir, 'signer.pub');
  const keys = generateSigningKeys();
  await writeFile(publicKeyPath, keys.publicKeyPem);
  // 1,000 real events as templates; each record is a fresh copy with its own id, written in
  // batches straight into the chained file sink (the logger's own cost is measured elsewhere).
  const templates = countingSink('templates');
  const maker = createSecurityLogger({ service: 'bench', sinks: [templates] });
  const events = Array.from({ length: 1000 }, (_, i) => maker.log(loginFailureInput(i)));
  await maker.close();
  const sink = fileSink({ path, integrity: { signer: createLocalSigner({ privateKey: keys.privateKeyPem, origin: 'bench/chain' }), checkpointEvery: { records: 100_000 } } });
  options.progress(`writing a ${records.toLocaleString('en-US')}-record chained log`);
  const writeMs = await elapsedMs(async () => {
    for (let start = 0; start < records; start += BATCH) {
      const batch = [];
      for (let i = start; i < Math.min(records, start + BATCH); i++) batch.push({ ...events[i % events.length]!, event_id: uuidv7() });
      await sink.writeBatch!(batch);
    }
    await sink.close!();
  });
  const lines = await countLines(path);
  if (lines !== records) throw new Error(`${lines} lines written for ${records} records`);

  options.progress('seclog verify');
  const args = [seclogBin(), 'verify', path, '--public-key', publicKeyPath, '--checkpoints', `${path}.checkpoints`, '--json'];
  let report: { ok: boolean; records: number; checkpoints: number } = { ok: false, records: 0, checkpoints: 0 };
  const verifyMs = await elapsedMs(async () => {
    report = JSON.parse(await run(args)) as typeof report;
  });
  if (!report.ok || report.records !== records) throw new Error(`seclog verify: ${JSON.stringify(report)}`);
  options.progress('baseline: parse every line');
  const parseMs = await elapsedMs(() =>
    run(['-e', `const rl=require('node:readline').createInterface({input:require('node:fs').createReadStream(process.argv[1])});let n=0;rl.on('line',l=>{JSON.parse(l);n++});rl.on('close',()=>console.log(n))`, path]).then(() => undefined),
  );
  return {
    id: 'verify',
    title: '`seclog verify` on a chained log',
    method:
      `${records.toLocaleString('en-US')} failed-login events written in batches to fileSink with integrity (SHA-256 chain over RFC 8785 JSON, Ed25519 checkpoint every 100,000 records); ` +
      'then the real CLI, `seclog verify FILE --public-key KEY --checkpoints FILE --json`, timed as a child process; the baseline is a child process that only reads and JSON.parses every line.',
    figures: [
      { label: 'chained write (fileSink with integrity, batches of 2,000)', value: perSecond(records, writeMs), unit: 'records/s' },
      { label: 'seclog verify', value: perSecond(records, verifyMs), unit: 'records/s' },
      { label: 'seclog verify, total time', value: verifyMs / 1000, unit: 's' },
      { label: 'baseline: read + JSON.parse', value: perSecond(records, parseMs), unit: 'records/s' },
      { label: 'checkpoints verified', value: report.checkpoints, unit: '' },
    ],
    ratios: [{ label: 'verify / plain parse', value: parseMs / verifyMs }],
    notes: [],
  };
}
