import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createLocalSigner } from '../../src/integrity/checkpoint-signer';
import { generateSigningKeys } from '../../src/integrity/signing-keys';
import { fileSink, type FileSinkOptions } from '../../src/sinks/file-sink';
import { sampleEvent } from './sample-events';

export interface ChainedLog {
  dir: string;
  livePath: string;
  checkpointsPath: string;
  publicKeyPem: string;
  /** Log files in chain order (rotated by age, then the live file). */
  files: string[];
  /** Decompressed lines of each file, same order as `files`. */
  lines: string[][];
  /** Sizes of the signed checkpoints, in file order. */
  checkpointSizes: number[];
}

export interface ChainedLogOptions {
  records: number;
  /** Events per writeBatch call, cycled. */
  batches?: number[];
  rotateBytes?: number;
  compress?: boolean;
  checkpointEvery?: number;
  extra?: Partial<FileSinkOptions>;
}

export async function readLogLines(path: string): Promise<string[]> {
  const raw = await readFile(path);
  const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Writes a signed, chained log through the real file sink, with a clock that moves 1 s per event. */
export async function writeChainedLog(options: ChainedLogOptions): Promise<ChainedLog> {
  const dir = await mkdtemp(join(tmpdir(), 'seclog-chain-'));
  const livePath = join(dir, 'security.log');
  const checkpointsPath = `${livePath}.checkpoints`;
  const keys = generateSigningKeys();
  let clock = Date.now();
  const now = () => clock;
  const sink = fileSink({
    path: livePath,
    now,
    ...(options.rotateBytes ? { rotate: { size: options.rotateBytes } } : {}),
    compress: options.compress ?? false,
    integrity: {
      signer: createLocalSigner({ privateKey: keys.privateKeyPem, origin: 'test.example/security-log', now }),
      checkpointEvery: { records: options.checkpointEvery ?? 1000, interval: '1d' },
    },
    ...options.extra,
  });
  const batches = options.batches ?? [1];
  let written = 0;
  for (let b = 0; written < options.records; b++) {
    const count = Math.min(batches[b % batches.length]!, options.records - written);
    const events = Array.from({ length: count }, (_, k) => sampleEvent(written + k, (clock += 1000)));
    await sink.writeBatch!(events);
    written += count;
  }
  await sink.close!();
  // Rotated files by rotation stamp, then counter (two rotations within one clock tick), then the live file.
  const rotationKey = (name: string) => {
    const [, stamp, counter] = /^security\.log\.(.+?Z)(?:-(\d+))?(?:\.gz)?$/.exec(name)!;
    return `${stamp}#${counter?.padStart(4, '0') ?? '0000'}`;
  };
  const rotated = (await readdir(dir)).filter((name) => name.startsWith('security.log.') && name !== 'security.log.checkpoints');
  rotated.sort((a, b) => (rotationKey(a) < rotationKey(b) ? -1 : 1));
  const files = [...rotated, 'security.log'].map((n) => join(dir, n));
  const lines = await Promise.all(files.map(readLogLines));
  const checkpointSizes = (await readLogLines(checkpointsPath)).map(
    (line) => Number((JSON.parse(line) as { note: string }).note.split('\n')[1]),
  );
  return { dir, livePath, checkpointsPath, publicKeyPem: keys.publicKeyPem, files, lines, checkpointSizes };
}
