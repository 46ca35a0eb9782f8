import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const app = fileURLToPath(new URL('./fixtures/swap-app.mjs', import.meta.url));
const packages = fileURLToPath(new URL('../../../', import.meta.url));
const SECRETS = ['hunter2-Sw4p', 'alice@example.com', 'sk_live_51HqLyjWDarjtT1zdp7dcXYZ', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0'];
const LOGGED = ['auth.login_failure', 'auth.login_success', 'authz.access_denied'];

let dir: string;
beforeAll(async () => {
  // The app runs as a user runs it, on the built packages.
  for (const pkg of ['core', 'pino', 'winston']) {
    if (!existsSync(join(packages, pkg, 'dist', 'index.js'))) throw new Error(`build @seclog/${pkg} first (npm run build): the swap test runs the built packages`);
  }
  dir = await mkdtemp(join(tmpdir(), 'seclog-swap-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs the unchanged app with only its configuration changed; returns what it printed. */
async function runApp(env: Record<string, string>): Promise<string> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('SECLOG_')));
  const { stdout } = await run(process.execPath, [app], { cwd: dir, env: { ...clean, ...env }, timeout: 15_000 });
  return stdout;
}

function records(text: string): Record<string, any>[] {
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Record<string, any>);
}

function expectTheEvents(text: string, lines: Record<string, any>[]) {
  expect(lines.map((line) => line.event_type)).toEqual(LOGGED);
  expect(new Set(lines.map((line) => line.event_id)).size).toBe(3);
  expect(lines.every((line) => line.service === 'swap-app' && line.schema === 'seclog/1')).toBe(true);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

describe('one app, four transports, chosen by configuration alone', () => {
  it('sends its events through pino', async () => {
    const path = join(dir, 'pino', 'security.log');
    await runApp({ SECLOG_SERVICE: 'swap-app', SECLOG_TRANSPORT: '@seclog/pino', SECLOG_DESTINATION: path });
    const text = await readFile(path, 'utf8');
    const lines = records(text);
    expectTheEvents(text, lines);
    expect(lines.map((line) => line.level)).toEqual([45, 45, 45]);
  });

  it('then through winston', async () => {
    const path = join(dir, 'winston', 'security.log');
    await runApp({ SECLOG_SERVICE: 'swap-app', SECLOG_TRANSPORT: '@seclog/winston', SECLOG_DESTINATION: path });
    const text = await readFile(path, 'utf8');
    const lines = records(text);
    expectTheEvents(text, lines);
    expect(lines.map((line) => line.level)).toEqual(['security', 'security', 'security']);
  });

  it('then to a plain file, configured by seclog.config.json', async () => {
    const path = join(dir, 'file', 'security.log');
    await writeFile(join(dir, 'seclog.config.json'), JSON.stringify({ service: 'swap-app', transports: [{ target: 'file', options: { path } }] }));
    try {
      await runApp({});
    } finally {
      await rm(join(dir, 'seclog.config.json'));
    }
    const text = await readFile(path, 'utf8');
    expectTheEvents(text, records(text));
  });

  it('then to stdout', async () => {
    const text = await runApp({ SECLOG_SERVICE: 'swap-app', SECLOG_TRANSPORT: 'stdout' });
    expectTheEvents(text, records(text));
  });

  it('and in another format, still by configuration', async () => {
    const text = await runApp({ SECLOG_SERVICE: 'swap-app', SECLOG_TRANSPORT: 'stdout', SECLOG_FORMAT: 'ecs' });
    const lines = records(text);
    expect(lines.map((line) => line.event.action)).toEqual(LOGGED);
    expect(lines.map((line) => line.service.name)).toEqual(['swap-app', 'swap-app', 'swap-app']);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it('fails at start-up, naming a misspelt target, before any event', async () => {
    const failure = await runApp({ SECLOG_SERVICE: 'swap-app', SECLOG_TRANSPORT: '@seclog/pnio' }).then(
      () => undefined,
      (error: { stderr: string; code: number }) => error,
    );
    expect(failure?.code).not.toBe(0);
    expect(failure?.stderr).toContain('SecurityLogConfigError');
    expect(failure?.stderr).toContain('cannot find transport "@seclog/pnio"');
  });
});
