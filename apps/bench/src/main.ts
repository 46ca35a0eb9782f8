import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeMachine, machineLine } from './machine';
import { markdown, suiteText } from './report';
import { SUITES } from './suites';
import type { SuiteResult } from './suite-result';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    scale: { type: 'string' },
    out: { type: 'string' },
    frameworks: { type: 'string' },
  },
});

const scale = values.scale === undefined ? 1 : Number(values.scale);
if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be in (0, 1], got ${values.scale}`);
const only = values.only?.split(',').map((id) => id.trim());
const unknown = only?.filter((id) => !SUITES.some((suite) => suite.id === id));
if (unknown?.length) throw new Error(`unknown suite ${unknown.join(', ')}; suites: ${SUITES.map((s) => s.id).join(', ')}`);
const frameworks = values.frameworks?.split(',').map((name) => name.trim());
const outPath = values.out ?? fileURLToPath(new URL('../../../BENCHMARKS.md', import.meta.url));
const args = process.argv.slice(2).join(' ');
// Arguments cannot pass through the root script (turbo runs first), so name the workspace script then.
const command = args ? `npm run start -w @seclog/bench -- ${args}` : 'npm run bench';

const machine = describeMachine();
const startedAt = new Date();
console.log(`@seclog bench — ${machineLine(machine)}`);
const workDir = await mkdtemp(join(tmpdir(), 'seclog-bench-'));
const results: SuiteResult[] = [];
const progress = (text: string) => {
  if (process.stdout.isTTY) process.stdout.write(`\r\x1b[2K  … ${text}`);
};
try {
  for (const suite of SUITES.filter((s) => !only || only.includes(s.id))) {
    const result = await suite.run({ scale, workDir, progress, frameworks });
    if (process.stdout.isTTY) process.stdout.write('\r\x1b[2K');
    console.log(suiteText(result));
    results.push(result);
  }
} finally {
  await rm(workDir, { recursive: true, force: true });
}
const seconds = (Date.now() - startedAt.getTime()) / 1000;
console.log(`\nDone in ${Math.round(seconds)} s; load average ${Math.round(loadavg()[0]! * 100) / 100} at the end.`);
if (values.out !== 'none') {
  await writeFile(outPath, markdown(results, machine, command, startedAt, seconds, Math.round(loadavg()[0]! * 100) / 100));
  console.log(`Wrote ${outPath}`);
}
