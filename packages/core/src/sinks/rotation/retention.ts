import { readdir, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { rotatedAt } from './rotated-name';

/**
 * Deletes rotated files older than `retainMs`. A file's age counts from the later of its rotation
 * time (in its name) and its modification time, so nothing younger than the retention period is
 * ever deleted, even if one of the two is wrong. The live file and anything not named as a rotated
 * file of it are never touched. Returns the deleted paths.
 */
export async function applyRetention(livePath: string, retainMs: number, now: number): Promise<string[]> {
  const dir = dirname(livePath);
  const deleted: string[] = [];
  for (const name of await readdir(dir)) {
    const rotated = rotatedAt(livePath, name);
    if (rotated === undefined) continue;
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) continue;
    const age = now - Math.max(rotated, info.mtimeMs);
    if (age > retainMs) {
      await unlink(path);
      deleted.push(path);
    }
  }
  return deleted;
}
