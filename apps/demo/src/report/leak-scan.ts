import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface LeakScan {
  files: string[];
  /** `secret -> files holding it`; empty when nothing leaked. */
  leaks: Map<string, string[]>;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)])));
  return nested.flat();
}

/** Looks for every secret, as sent and JSON-escaped, in every file under `dir`. */
export async function scanForSecrets(dir: string, secrets: readonly string[]): Promise<LeakScan> {
  const files = await listFiles(dir);
  const leaks = new Map<string, string[]>();
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    for (const secret of secrets) {
      const forms = [secret, JSON.stringify(secret).slice(1, -1)];
      if (forms.some((form) => text.includes(form))) leaks.set(secret, [...(leaks.get(secret) ?? []), file]);
    }
  }
  return { files, leaks };
}
