import { readFile } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const tempLogFile = (name: string) => join(mkdtempSync(join(tmpdir(), 'seclog-example-')), `${name}.log`);

/** The security events a file holds: every JSON line with a seclog event type (pino/winston add their own fields). */
export async function readEvents(path: string): Promise<Record<string, any>[]> {
  const text = await readFile(path, 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, any>)
    .filter((record) => record.schema === 'seclog/1');
}
