import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const benchDir = new URL('..', import.meta.url).pathname;

it('runs two suites at tiny counts and writes their figures to the markdown it names', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'seclog-bench-')), 'BENCHMARKS.md');
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(process.execPath, ['--import', 'tsx', 'src/main.ts', '--only', 'sanitizer,pipeline', '--scale', '0.01', '--out', out], { cwd: benchDir }, (error, output, stderr) =>
      error ? reject(new Error(`${stderr}${output}`)) : resolve(output),
    ),
  );
  const markdown = readFileSync(out, 'utf8');
  expect(stdout).toContain('Sanitizer alone');
  expect(markdown).toContain('`npm run start -w @seclog/bench -- --only sanitizer,pipeline --scale 0.01');
  expect(markdown).toMatch(/Machine: .+ cores, .+ GiB, Node\.js v\d+/);
  const printed = /@seclog \/ three-regex reference\s+(\d+\.\d\d)x/.exec(stdout)?.[1];
  expect(markdown).toContain(`| @seclog / three-regex reference | ${printed}x |`);
});

it('measures one framework bare, at the floor and with its adapter, and reports paired ratios and server CPU', async () => {
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts', '--only', 'adapters', '--frameworks', 'fastify', '--scale', '0.01', '--out', 'none'],
      { cwd: benchDir },
      (error, output, stderr) => (error ? reject(new Error(`${stderr}${output}`)) : resolve(output)),
    ),
  );
  for (const label of ['Fastify bare, 200', 'Fastify floor, 200', 'Fastify async context only, 200', 'Fastify + adapter, 200', 'Fastify + adapter, 401 logged']) {
    expect(stdout).toMatch(new RegExp(`${label.replace(/[()+]/g, '\\$&')}\\s+[\\d,]+ req/s`));
  }
  expect(stdout).toMatch(/Fastify: adapter \/ bare, 200\s+\d+\.\d\dx (met|MISSED)/);
  expect(stdout).toMatch(/Fastify: floor \/ bare, 200 \(informative baseline\)\s+\d+\.\d\dx\s*\n/);
  expect(stdout).toMatch(/Fastify: async context only \/ bare, 200 \(informative baseline\)\s+\d+\.\d\dx\s*\n/);
  expect(stdout).toMatch(/per-round ratios, 200 \d\.\d\d–\d\.\d\d/);
  // Every 401 of the adapter server was logged: warm-up and both rounds.
  expect(stdout).toMatch(/Fastify: [1-9][\d,]* events logged by the adapter server, 0 shed/);
  if (process.platform === 'linux') expect(stdout).toMatch(/Fastify \+ adapter, 200: server CPU\s+[\d.]+ µs\/request/);
});
