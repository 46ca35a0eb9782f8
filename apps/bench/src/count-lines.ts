import { createReadStream } from 'node:fs';

/** Lines in a file, read as a stream: proves every event of a run reached the disk. */
export async function countLines(path: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(path)) {
    const buffer = chunk as Buffer;
    for (let i = buffer.indexOf(10); i !== -1; i = buffer.indexOf(10, i + 1)) lines++;
  }
  return lines;
}
