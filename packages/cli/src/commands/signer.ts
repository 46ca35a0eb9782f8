import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { checkpointFile, createLocalSigner, loadPrivateKey, startSignerServer } from '@seclog/core';
import { EXIT_OK, UsageError, write, type CliIo } from '../cli-io';
import { asUsageError, requireString } from '../parse-options';

/**
 * `seclog signer`: the only process that holds the private key. Writers send it `(size, head)`;
 * it signs with its own clock, refuses rolled-back sizes, and keeps its own checkpoint file.
 * Runs until SIGINT/SIGTERM (or the io signal).
 */
export async function signer(args: string[], io: CliIo): Promise<number> {
  const { values } = asUsageError(() =>
    parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        key: { type: 'string' },
        origin: { type: 'string' },
        name: { type: 'string' },
        socket: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        checkpoints: { type: 'string' },
      },
    }),
  );
  const keyPath = requireString(values.key, '--key');
  const origin = requireString(values.origin, '--origin');
  if (/[\r\n]/.test(origin)) throw new UsageError('--origin must be one line');
  if ((values.socket === undefined) === (values.port === undefined)) throw new UsageError('give one of --socket PATH or --port N');
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new UsageError('--port must be 0-65535');
  const keyName = values.name ?? origin;
  if (/[\s+]/.test(keyName)) throw new UsageError('the key name (--name, default the origin) must not contain spaces or "+"');

  let privateKey;
  try {
    privateKey = loadPrivateKey(await readFile(keyPath));
  } catch (error) {
    throw new UsageError(`cannot use ${keyPath}: ${(error as Error).message}`);
  }
  const server = await startSignerServer({
    signer: createLocalSigner({ privateKey, origin, keyName }),
    listen: values.socket !== undefined ? { path: values.socket } : { port: port!, ...(values.host ? { host: values.host } : {}) },
    ...(values.checkpoints ? { store: checkpointFile(values.checkpoints) } : {}),
  });
  write(io.stdout, `seclog signer for ${origin} listening on ${server.address}`);

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    io.signal?.addEventListener('abort', stop, { once: true });
    if (io.signal?.aborted) stop();
  });
  await server.close();
  write(io.stdout, 'seclog signer stopped');
  return EXIT_OK;
}
