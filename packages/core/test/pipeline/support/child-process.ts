import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const sourceEntry = fileURLToPath(new URL('../../../src/index.ts', import.meta.url));

/**
 * Bundles core's current sources into one ES module for child processes: always fresh (no stale
 * dist), no build lock, no TypeScript loader in the child.
 */
export async function bundleCore(outDir: string): Promise<string> {
  const outfile = `${outDir}/core.mjs`;
  await build({ entryPoints: [sourceEntry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'silent' });
  return outfile;
}

export const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunningChild {
  readonly result: Promise<ChildResult>;
  /** Resolves with stdout so far once `predicate` holds for it. */
  waitFor(predicate: (stdout: string) => boolean): Promise<string>;
  kill(signal: NodeJS.Signals): void;
}

/** Runs a fixture with node, `SECLOG_CORE` pointing at the bundle; killed if it outlives `timeoutMs`. */
export function runFixture(name: string, core: string, args: string[], timeoutMs: number, execArgv: string[] = []): RunningChild {
  const child = spawn(process.execPath, [...execArgv, fixture(name), ...args], {
    env: { ...process.env, SECLOG_CORE: core },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ predicate: (s: string) => boolean; resolve: (s: string) => void }> = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const waiter of [...waiters]) {
      if (waiter.predicate(stdout)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(stdout);
      }
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const result = new Promise<ChildResult>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return {
    result,
    waitFor: (predicate) =>
      predicate(stdout)
        ? Promise.resolve(stdout)
        : Promise.race([
            new Promise<string>((resolve) => waiters.push({ predicate, resolve })),
            result.then((r) => {
              throw new Error(`child exited (${r.code ?? r.signal}) before the expected output; stderr: ${r.stderr}`);
            }),
          ]),
    kill: (signal) => child.kill(signal),
  };
}
