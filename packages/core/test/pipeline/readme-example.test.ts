import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SecurityEvent } from '../../src';
import { bundleCore } from './support/child-process';

let dir: string;
let core: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'seclog-readme-'));
  core = await bundleCore(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The code block of the README's "Delivery under load" section, verbatim bar the import specifier. */
async function example(): Promise<string> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## Delivery under load'));
  const block = /```ts\n([\s\S]*?)```/.exec(section)![1]!;
  return block.replace("from '@seclog/core'", `from '${pathToFileURL(core).href}'`);
}

it('the "Delivery under load" README example runs as written', async () => {
  await writeFile(join(dir, 'example.mjs'), await example());
  const child = spawn(process.execPath, ['example.mjs'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise((resolve) => child.on('close', resolve));
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(stdout).toContain('delivered');
  const events = (await readFile(join(dir, 'logs/security.log'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as SecurityEvent);
  expect(events.map((e) => [e.event_type, e.severity])).toEqual([
    ['http.error_response', 'LOW'],
    ['authz.privilege_escalation', 'CRITICAL'],
  ]);
});
