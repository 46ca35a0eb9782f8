import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const demoDir = new URL('..', import.meta.url).pathname;

it('runs end to end: exit 0, every check ok, report written under the caller\'s directory', async () => {
  const home = mkdtempSync(join(tmpdir(), 'seclog-demo-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: demoDir,
    env: { ...process.env, INIT_CWD: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));

  expect(output).toContain('Demo passed.');
  expect(code, output).toBe(0);
  const report = join(home, 'demo-output', 'report.html');
  expect(existsSync(report)).toBe(true);
  const html = readFileSync(report, 'utf8');
  expect(html).toContain('<svg');
  expect(html).toContain('privilege-escalation');
  expect(html).not.toContain('SuperSecret-Pa55');
}, 90_000);
