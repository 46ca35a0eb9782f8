import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Where signed checkpoints go. Keep it somewhere the application cannot rewrite. */
export interface CheckpointStore {
  append(note: string): Promise<void>;
  close?(): Promise<void>;
}

/**
 * Checkpoints appended to their own file, one JSON line `{"note": "<signed note>"}` each, fsynced
 * before `append` resolves: a checkpoint that could be lost in a crash proves nothing.
 */
export function checkpointFile(path: string): CheckpointStore {
  let handle: Promise<FileHandle> | undefined;
  const file = () => (handle ??= mkdir(dirname(path), { recursive: true }).then(() => open(path, 'a', 0o640)));
  return {
    async append(note) {
      const fh = await file();
      await fh.appendFile(JSON.stringify({ note }) + '\n', 'utf8');
      await fh.datasync();
    },
    async close() {
      if (!handle) return;
      const fh = await handle;
      handle = undefined;
      await fh.close();
    },
  };
}
