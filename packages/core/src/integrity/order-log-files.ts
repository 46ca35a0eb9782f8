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

function rotationStamp(path: string): string | undefined {
  const match = ROTATION_STAMP.exec(basename(path));
  return match ? `${match[1]}-${(match[2] ?? '0').padStart(6, '0')}` : undefined;
}

/**
 * Puts log files in chain order, whatever order they were named in. Files named by rotation
 * (`<live>.<stamp>[.gz]`) sort by their stamps with the live file last: the names come from the
 * writer, and moving records between files then shows up as reordering instead of being undone by
 * the sort. Files renamed some other way sort by the sequence number of their first record.
 */
export async function orderLogFiles(paths: readonly string[]): Promise<string[]> {
  const unstamped = paths.filter((path) => rotationStamp(path) === undefined);
  if (unstamped.length <= 1) {
    const stamped = paths.filter((path) => rotationStamp(path) !== undefined);
    stamped.sort((a, b) => (rotationStamp(a)! < rotationStamp(b)! ? -1 : 1));
    return [...stamped, ...unstamped];
  }
  const keyed = await Promise.all(paths.map(async (path) => ({ path, seq: await firstSeq(path) })));
  // Files whose head cannot be read go last; the verifier reports them.
  keyed.sort((a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER));
  return keyed.map((entry) => entry.path);
}
