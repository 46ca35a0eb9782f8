import { connect, type Socket } from 'node:net';
import type { CheckpointRequest, CheckpointSigner } from './checkpoint-signer';

export interface RemoteSignerOptions {
  /** Where `seclog signer` listens: a Unix socket path, or a TCP port on `host` (default 127.0.0.1). */
  connect: { path: string } | { port: number; host?: string };
  /** Milliseconds to wait for an answer. Default 5000. */
  timeoutMs?: number;
}

export class RemoteSignerError extends Error {
  override readonly name = 'RemoteSignerError';
}

/**
 * A `CheckpointSigner` that asks a separate signer process, which alone holds the private key. Only
 * `(size, head)` leaves the writer. One request at a time over one connection, reconnecting after
 * a failure.
 */
export function remoteSigner(options: RemoteSignerOptions): CheckpointSigner {
  const timeoutMs = options.timeoutMs ?? 5000;
  let socket: Socket | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const open = (): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const target = options.connect;
      const s = 'path' in target ? connect(target.path) : connect(target.port, target.host ?? '127.0.0.1');
      s.setEncoding('utf8');
      s.once('connect', () => {
        s.off('error', reject);
        // An idle connection must not keep the application alive; a pending request's timer does.
        s.unref();
        s.on('error', () => s.destroy());
        s.on('close', () => {
          if (socket === s) socket = undefined;
        });
        resolve(s);
      });
      s.once('error', reject);
    });

  const exchange = async (request: CheckpointRequest): Promise<string> => {
    const s = (socket ??= await open().catch((error: unknown) => {
      throw new RemoteSignerError(`cannot reach the signer: ${(error as Error).message}`, { cause: error });
    }));
    const reply = await new Promise<string>((resolve, reject) => {
      let buffered = '';
      const done = (error?: Error, line?: string) => {
        clearTimeout(timer);
        s.off('data', onData);
        s.off('close', onClose);
        if (error) {
          s.destroy();
          reject(error);
        } else resolve(line!);
      };
      const onData = (chunk: string) => {
        buffered += chunk;
        const newline = buffered.indexOf('\n');
        if (newline >= 0) done(undefined, buffered.slice(0, newline));
      };
      const onClose = () => done(new RemoteSignerError('the signer closed the connection'));
      const timer = setTimeout(() => done(new RemoteSignerError(`no answer from the signer within ${timeoutMs} ms`)), timeoutMs);
      s.on('data', onData);
      s.on('close', onClose);
      s.write(JSON.stringify({ size: request.size, head: request.head }) + '\n');
    });
    let parsed: { note?: unknown; error?: unknown };
    try {
      parsed = JSON.parse(reply) as typeof parsed;
    } catch {
      throw new RemoteSignerError('the signer sent an unreadable answer');
    }
    if (typeof parsed.note === 'string') return parsed.note;
    throw new RemoteSignerError(`the signer refused: ${String(parsed.error)}`);
  };

  return {
    sign(request) {
      const result = queue.then(() => exchange(request));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      await queue;
      socket?.destroy();
      socket = undefined;
    },
  };
}
