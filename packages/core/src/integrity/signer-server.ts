import { createServer, type Server, type Socket } from 'node:net';
import { chmod, unlink } from 'node:fs/promises';
import type { CheckpointSigner } from './checkpoint-signer';
import type { CheckpointStore } from './checkpoint-file';

export interface SignerServerOptions {
  signer: CheckpointSigner;
  /** A Unix socket path (or Windows pipe name), or a TCP port on `host`. */
  listen: { path: string } | { port: number; host?: string };
  /** The signer's own copy of every checkpoint it signs, out of the writer's reach. */
  store?: CheckpointStore;
}

export interface SignerServer {
  /** The socket path, or `host:port` once listening. */
  readonly address: string;
  close(): Promise<void>;
}

/** Longest request line accepted; a checkpoint request is well under 200 bytes. */
const MAX_REQUEST = 4096;

/**
 * Serves `CheckpointSigner.sign` over newline-delimited JSON: request `{"size":N,"head":"hex"}`,
 * answer `{"note":"..."}` or `{"error":"..."}`. The key stays in this process.
 */
export async function startSignerServer(options: SignerServerOptions): Promise<SignerServer> {
  const sockets = new Set<Socket>();
  // One signature at a time keeps the signer's monotonic-size check meaningful across clients.
  let queue: Promise<unknown> = Promise.resolve();

  const answer = async (line: string): Promise<string> => {
    try {
      const request = JSON.parse(line) as { size: number; head: string };
      const note = await options.signer.sign({ size: request.size, head: request.head });
      await options.store?.append(note);
      return JSON.stringify({ note });
    } catch (error) {
      return JSON.stringify({ error: error instanceof Error ? error.message : String(error) });
    }
  };

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.setEncoding('utf8');
    let buffered = '';
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      if (buffered.length > MAX_REQUEST && !buffered.includes('\n')) {
        socket.end(JSON.stringify({ error: 'request too long' }) + '\n');
        return;
      }
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        const reply = (queue = queue.then(() => answer(line)));
        void reply.then((text) => {
          if (!socket.destroyed) socket.write(text + '\n');
        });
      }
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
  });

  const { listen } = options;
  if ('path' in listen) await unlink(listen.path).catch(() => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    if ('path' in listen) server.listen(listen.path, resolve);
    else server.listen(listen.port, listen.host ?? '127.0.0.1', resolve);
  });
  if ('path' in listen) await chmod(listen.path, 0o660).catch(() => undefined);
  const bound = server.address();
  const address = typeof bound === 'string' || bound === null ? ('path' in listen ? listen.path : '') : `${bound.address}:${bound.port}`;

  return {
    address,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue.catch(() => undefined);
      await options.store?.close?.();
    },
  };
}
