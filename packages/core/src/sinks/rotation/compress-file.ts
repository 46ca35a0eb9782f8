import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, open, rename, unlink } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

/**
 * Replaces `path` with `path.gz` (read-only, mode 0440). The original is removed only once the
 * compressed copy is complete and fsynced, so a crash leaves one whole file or the other.
 */
export async function gzipFile(path: string): Promise<string> {
  const target = `${path}.gz`;
  const partial = `${target}.partial`;
  await pipeline(createReadStream(path), createGzip(), createWriteStream(partial, { mode: 0o640 }));
  const fh = await open(partial, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  await chmod(partial, 0o440);
  await rename(partial, target);
  await unlink(path);
  return target;
}
