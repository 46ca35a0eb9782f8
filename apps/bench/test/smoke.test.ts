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
