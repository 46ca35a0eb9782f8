import type { Writable } from 'node:stream';
import type { SecurityEvent } from '../event';
import { serializeBatch } from './serialize-event';
import type { Sink } from './sink';

export interface StreamSinkOptions {
  name?: string;
  /** End the stream on close; default false (never end process.stdout). */
  end?: boolean;
}

/** JSON lines to any writable stream, honouring its backpressure. */
export function streamSink(stream: Writable, options: StreamSinkOptions = {}): Sink {
  const writeText = (text: string): void | Promise<void> => {
    if (stream.write(text)) return;
    return new Promise<void>((resolve, reject) => {
      const onDrain = () => {
        stream.off('error', onError);
        resolve();
      };
      const onError = (error: Error) => {
        stream.off('drain', onDrain);
        reject(error);
      };
      stream.once('drain', onDrain);
      stream.once('error', onError);
    });
  };
  return {
    name: options.name ?? 'stream',
    write: (event: SecurityEvent) => writeText(serializeBatch([event])),
    writeBatch: (events) => writeText(serializeBatch(events)),
    async close() {
      if (!options.end) return;
      await new Promise<void>((resolve) => stream.end(resolve));
    },
  };
}
