import { basename } from 'node:path';
import { readLineBatches } from './read-log-lines';

/** Lines looked at for a file's first sequence number before it is ordered by name alone. */
const PROBE_LINES = 1000;

const ROTATION_STAMP = /\.(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)(?:-(\d+))?(?:\.gz)?$/;

async function firstSeq(path: string): Promise<number | undefined> {
  let seen = 0;
  for await (const batch of readLineBatches(path)) {
    for (const line of batch.lines) {
      try {
        const seq = (JSON.parse(line) as { integrity?: { seq?: unknown } }).integrity?.seq;
        if (Number.isSafeInteger(seq)) return seq as number;
      } catch {
        // A damaged first line is reported by the verifier; ordering looks further.
      }
      if (++seen >= PROBE_LINES) return undefined;
    }
  }
  return undefined;
}

function nameKey(path: string): string {
  const match = ROTATION_STAMP.exec(basename(path));
  // The live file has no stamp and is the newest.
  return match ? `${match[1]}-${(match[2] ?? '0').padStart(6, '0')}` : '~';
}

/**
 * Puts log files in chain order, whatever order they were named in: files are laid out by the
 * rotation time in their names, then those with a readable first record are re-ordered among
 * their own places by its sequence number, so a file whose head is damaged keeps its named place.
 */
export async function orderLogFiles(paths: readonly string[]): Promise<string[]> {
  const keyed = await Promise.all(paths.map(async (path) => ({ path, seq: await firstSeq(path), name: nameKey(path) })));
  keyed.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const bySeq = keyed.filter((entry) => entry.seq !== undefined).sort((a, b) => a.seq! - b.seq!);
  let next = 0;
  return keyed.map((entry) => (entry.seq === undefined ? entry.path : bySeq[next++]!.path));
}
