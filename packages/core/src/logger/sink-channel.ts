import type { SecurityEvent } from '../event';
import type { Sink } from '../sinks/sink';

export interface SinkErrorInfo {
  sink: string;
  /** Events in the failed delivery. */
  events: number;
  /** 1 for the first try. */
  attempt: number;
  /** True when the events were given up on after the last attempt. */
  dropped: boolean;
}

export type ErrorHandler = (error: unknown, info: SinkErrorInfo) => void;

export interface ChannelOptions {
  maxBatch: number;
  retries: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

export interface SinkStats {
  queued: number;
  delivered: number;
  failed: number;
}

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref?.();
  });

/**
 * One sink's own queue: events are taken in batches on a later tick, so `log()` does no I/O and a
 * slow or failing sink holds up nobody but itself.
 */
export class SinkChannel {
  readonly name: string;
  private queue: SecurityEvent[] = [];
  private running: Promise<void> | undefined;
  private readonly counts = { delivered: 0, failed: 0 };

  constructor(
    private readonly sink: Sink,
    name: string,
    private readonly onError: ErrorHandler,
    private readonly options: ChannelOptions,
  ) {
    this.name = name;
  }

  push(event: SecurityEvent): void {
    this.queue.push(event);
    this.running ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.drain());
  }

  stats(): SinkStats {
    return { queued: this.queue.length, ...this.counts };
  }

  /** Resolves once every event pushed so far has been delivered or given up on. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    try {
      await this.sink.flush?.();
    } catch (error) {
      this.report(error, { sink: this.name, events: 0, attempt: 1, dropped: false });
    }
  }

  async close(): Promise<void> {
    await this.flush();
    try {
      await this.sink.close?.();
    } catch (error) {
      this.report(error, { sink: this.name, events: 0, attempt: 1, dropped: false });
    }
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch =
          this.queue.length <= this.options.maxBatch ? this.queue : this.queue.slice(0, this.options.maxBatch);
        this.queue = batch === this.queue ? [] : this.queue.slice(batch.length);
        await this.deliver(batch);
      }
    } finally {
      this.running = undefined;
    }
  }

  private async deliver(batch: SecurityEvent[]): Promise<void> {
    // Without writeBatch, events already written are not sent again on a retry.
    let done = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        if (this.sink.writeBatch) {
          await this.sink.writeBatch(batch);
          done = batch.length;
        } else {
          for (; done < batch.length; done++) await this.sink.write(batch[done]!);
        }
        this.counts.delivered += batch.length;
        return;
      } catch (error) {
        const dropped = attempt > this.options.retries;
        this.report(error, { sink: this.name, events: batch.length - done, attempt, dropped });
        if (dropped) {
          this.counts.delivered += done;
          this.counts.failed += batch.length - done;
          return;
        }
        const backoff = Math.min(this.options.retryMaxMs, this.options.retryBaseMs * 2 ** (attempt - 1));
        await sleep(backoff / 2 + Math.random() * (backoff / 2));
      }
    }
  }

  private report(error: unknown, info: SinkErrorInfo): void {
    try {
      this.onError(error, info);
    } catch {
      // An error handler that throws must not take the pipeline down with it.
    }
  }
}
