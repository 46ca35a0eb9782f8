import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { serializeBatch } from './serialize-event';
import type { Sink } from './sink';

export interface FileSinkOptions {
  path: string;
  name?: string;
  /** `'always'` fsyncs after every write; `'never'` leaves it to the OS. Default `'never'`. */
  fsync?: 'always' | 'never';
}

/** JSON lines appended to a file (opened in append mode, created with its directory, mode 0640). */
export function fileSink(options: FileSinkOptions): Sink {
  let handle: Promise<FileHandle> | undefined;
  const file = () =>
    (handle ??= mkdir(dirname(options.path), { recursive: true }).then(() => open(options.path, 'a', 0o640)));

  const append = async (text: string) => {
    const fh = await file();
    await fh.appendFile(text, 'utf8');
    if (options.fsync === 'always') await fh.datasync();
  };

  return {
    name: options.name ?? `file:${options.path}`,
    write: (event) => append(serializeBatch([event])),
    writeBatch: (events) => append(serializeBatch(events)),
    async flush() {
      if (handle) await (await handle).datasync();
    },
    async close() {
      if (!handle) return;
      const fh = await handle;
      handle = undefined;
      await fh.close();
    },
  };
}
