import { readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';

const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 48);

// Spill files this process opened, shared by the ESM and CJS builds of core (a live logger's file
// is never taken for an orphan, even when a restarted container reuses a dead process's pid).
const KEY = Symbol.for('seclog.core.v1.spillFiles');
type WithFiles = typeof globalThis & { [KEY]?: Set<string> };

function ownFiles(): Set<string> {
  const g = globalThis as WithFiles;
  let files = g[KEY];
  if (!files) {
    files = new Set();
    Object.defineProperty(g, KEY, { value: files, enumerable: false, configurable: false, writable: false });
  }
  return files;
}

/** Where a sink's spill file lives: `<service>.<pid>.<logger n>.<sink index>.<sink name>.spill.jsonl`. */
export function spillFilePath(dir: string, service: string, instance: number, index: number, sink: string): string {
  return join(dir, `${fileSafe(service)}.${process.pid}.${instance}.${index}.${fileSafe(sink)}.spill.jsonl`);
}

export function markOwnSpillFile(path: string): void {
  ownFiles().add(path);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes over the spill files that a dead process left for the same service and sink: each is
 * renamed (atomically, so two starting processes cannot both take one) and the new names returned.
 */
export function claimOrphanSpills(dir: string, service: string, index: number, sink: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const prefix = `${fileSafe(service)}.`;
  const suffix = `.${index}.${fileSafe(sink)}.spill.jsonl`;
  const claimed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(suffix)) continue;
    const pid = Number(name.slice(prefix.length).split('.')[0]);
    const path = join(dir, name);
    if (!Number.isInteger(pid) || ownFiles().has(path)) continue;
    if (pid !== process.pid && isAlive(pid)) continue;
    const taken = `${path}.${process.pid}.claimed`;
    try {
      renameSync(path, taken);
      claimed.push(taken);
    } catch {
      // Another process took it first.
    }
  }
  return claimed.sort();
}
