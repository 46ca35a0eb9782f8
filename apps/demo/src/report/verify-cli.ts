import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface CliVerify {
  command: string;
  exitCode: number;
  output: string;
}

/** Runs the real `seclog verify` binary of @seclog/cli on the demo's log. */
export function runSeclogVerify(args: readonly string[], cwd: string): Promise<CliVerify> {
  const manifestPath = createRequire(import.meta.url).resolve('@seclog/cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
  const bin = join(dirname(manifestPath), manifest.bin.seclog!);
  const command = `seclog verify ${args.join(' ')}`;
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, 'verify', ...args], { cwd }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ command, exitCode: code, output: (stdout + stderr).trim() });
    });
  });
}
