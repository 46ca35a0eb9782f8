import type { Writable } from 'node:stream';
import type { SecurityEvent } from '../event';
import { lineFormatter } from '../formats/format-event';
import type { OutputFormat } from '../formats/output-format';
import type { Sink } from './sink';

export interface StreamSinkOptions {
  name?: string;
  /** End the stream on close; default false (never end process.stdout). */
  end?: boolean;
  /** The record shape written per line; default `'seclog'`. */
  format?: OutputFormat;
}

/** JSON lines to any writable stream, honouring its backpressure. */
export function streamSink(stream: Writable, options: StreamSinkOptions = {}): Sink {
  const toLine = lineFormatter(options.format);
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
    write: (event: SecurityEvent) => writeText(toLine(event)),
    writeBatch: (events) => writeText(events.map(toLine).join('')),
    async close() {
      if (!options.end) return;
      await new Promise<void>((resolve) => stream.end(resolve));
    },
  };
}
