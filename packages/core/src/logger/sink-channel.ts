import type { SecurityEvent } from '../event';
import { BoundedQueue, type QueueLimits } from '../pipeline/bounded-queue';
import { CircuitBreaker, type CircuitBreakerOptions, type CircuitState } from '../pipeline/circuit-breaker';
import { DeliveryError } from '../pipeline/delivery-error';
import { fallbackWrite } from '../pipeline/fallback-write';
import { settleTicket, type QueueEntry } from '../pipeline/queue-entry';
import { backoffMs, type RetryOptions } from '../pipeline/retry-policy';
import { copyShedStats, countShed, createShedStats, type ShedReason, type ShedStats } from '../pipeline/shed-stats';
import { SpillFile, type SpillOptions } from '../pipeline/spill-file';
import { sleep, withTimeout } from '../pipeline/timers';
import type { Sink } from '../sinks/sink';

export interface SinkErrorInfo {
  sink: string;
  /** Events concerned. */
  events: number;
  /** 1 for the first try. */
  attempt: number;
  /** True when this sink gave the events up (LOW/MEDIUM are then shed, HIGH/CRITICAL spilled). */
  dropped: boolean;
}

export type ErrorHandler = (error: unknown, info: SinkErrorInfo) => void;

export interface ChannelOptions {
  maxBatch: number;
  /** How long the first event of a batch waits for others to share its write; 0: the next turn. */
  lingerMs: number;
  retry: RetryOptions;
  /** A write that has not settled after this long counts as failed (the batch is retried). */
  timeoutMs: number;
  circuitBreaker: CircuitBreakerOptions | false;
  queue: QueueLimits;
  /** Spill file for this sink; undefined when spilling is off. */
  spill: (SpillOptions & { path: string; orphans: readonly string[] }) | undefined;
  /** Where HIGH/CRITICAL go synchronously when no spill file can take them. */
  fallbackFd: number | false;
  now: () => number;
}

export interface ChannelHooks {
  onError: ErrorHandler;
  /** Builds the `seclog.events_dropped` entry reporting what this channel shed. */
  dropSummary(sink: string, shed: ShedStats, since: number): QueueEntry;
}

export interface SinkStats {
  /** Events waiting in memory. */
  queued: number;
  /** Their approximate size. */
  queuedBytes: number;
  /** Events the sink accepted (replayed ones included). */
  delivered: number;
  /** Events this sink gave up on after the last retry (then shed if LOW/MEDIUM, spilled if HIGH/CRITICAL). */
  failed: number;
  /** Failed write attempts: throws, rejections and timeouts. */
  errors: number;
  /** Attempts that timed out. */
  timeouts: number;
  /** Events dropped, by severity and reason. */
  shed: ShedStats;
  /** HIGH/CRITICAL events written to the spill file. */
  spilled: number;
  /** Spilled events later delivered from the spill file. */
  replayed: number;
  /** Bytes in the spill file not delivered yet. */
  spillBacklogBytes: number;
  /** HIGH/CRITICAL events written synchronously to the fallback descriptor. */
  fallback: number;
  circuit: CircuitState;
}

interface Progress {
  done: number;
  /** The attempt allowed to advance `done`; a timed-out attempt that wakes up later must not. */
  owner: object;
}

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as PromiseLike<unknown> | undefined)?.then === 'function';

const eventsOf = (batch: readonly QueueEntry[]): SecurityEvent[] => batch.map((entry) => entry.event);

const DROP_SUMMARY = 'seclog.events_dropped';

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One sink's pipeline: a bounded, severity-aware queue drained in batches after a short linger, retries
 * with backoff and jitter, a timeout and a circuit breaker, and a spill file for the HIGH/CRITICAL
 * events it cannot hold. Whatever this sink does, it holds up nobody but itself.
 */
export class SinkChannel {
  readonly name: string;
  private readonly queue: BoundedQueue;
  private readonly spill: SpillFile | undefined;
  private readonly breaker: CircuitBreaker;
  private running: Promise<void> | undefined;
  /** The wait before the next drain, while it may still be cut short. */
  private lingering: { timer: NodeJS.Timeout; resolve: () => void } | undefined;
  /** A `logDurable()` event was queued since the last drain began: the next one does not linger. */
  private ticketQueued = false;
  /** flush() and close() calls waiting for the queue to drain: no drain lingers meanwhile. */
  private waiters = 0;
  private inflight: QueueEntry[] | undefined;
  private aborted = false;
  private replayParkedUntil = 0;
  private unparkTimer: NodeJS.Timeout | undefined;
  private reportedFull = false;
  private readonly counts = { delivered: 0, failed: 0, errors: 0, timeouts: 0, replayed: 0, fallback: 0 };
  private readonly shed = createShedStats();
  private unreported = createShedStats();
  private unreportedSince = 0;

  constructor(
    private readonly sink: Sink,
    name: string,
    private readonly hooks: ChannelHooks,
    private readonly options: ChannelOptions,
  ) {
    this.name = name;
    this.breaker = new CircuitBreaker(options.circuitBreaker, options.now);
    this.queue = new BoundedQueue(options.queue, (entry) => this.countShed(entry, 'queue_full'));
    if (options.spill) {
      this.spill = new SpillFile(options.spill.path, options.spill, {
        durable: (entries, error) => {
          const failure =
            error === undefined
              ? undefined
              : new DeliveryError('NOT_DURABLE', `fdatasync of ${options.spill!.path} failed: ${String(error)}`);
          for (const entry of entries) settleTicket(entry.ticket, failure);
          // The sink may be back by now: the drain finds out, and parks replay again if not.
          if (!this.aborted) this.running ??= this.run();
        },
        unwritable: (entries, error) => this.fallback(entries, error),
        corrupt: (error, offset) => this.report(new DeliveryError('SPILL_CORRUPT', `${options.spill!.path} at byte ${offset}: ${String(error)}`), 1, 1, true),
      });
      // What a crashed predecessor spilled for this sink is delivered first.
      if (this.spill.adopt(options.spill.orphans) > 0) this.running = this.run();
    }
  }

  /** Queues an entry; never throws, never does I/O (bar a spill burst past its bound). */
  push(entry: QueueEntry): void {
    if (this.queue.offer(entry) === 'overflow') this.toSpill([entry]);
    if (entry.ticket) this.ticketQueued = true;
    if (this.running === undefined) this.running = this.run();
    else if (this.lingering && (entry.ticket || this.queue.count >= this.options.maxBatch)) this.hurry();
  }

  stats(): SinkStats {
    return {
      queued: this.queue.count,
      queuedBytes: this.queue.bytes,
      ...this.counts,
      shed: copyShedStats(this.shed),
      spilled: this.spill?.recordsWritten ?? 0,
      spillBacklogBytes: this.spill?.backlogBytes ?? 0,
      circuit: this.breaker.state,
    };
  }

  /** True while events wait in memory or in the spill file. */
  hasPending(): boolean {
    return this.queue.count > 0 || this.running !== undefined || (this.spill?.hasUnread() ?? false);
  }

  /**
   * Resolves once every event pushed so far was delivered, shed, or is durably in the spill file,
   * and the sink's own flush() has resolved.
   */
  async flush(): Promise<void> {
    await this.drained();
    try {
      const flushing = this.sink.flush?.();
      if (flushing) await withTimeout(flushing, this.options.timeoutMs, this.name);
    } catch (error) {
      this.report(error, 0, 1, false);
    }
  }

  /** Drains within `deadlineMs`; what is left then is spilled (HIGH/CRITICAL) or shed; closes the sink. */
  async close(deadlineMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    // A referenced timer: it keeps a process that is shutting down alive until the deadline.
    const deadline = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, deadlineMs, true)));
    const late = await Promise.race([this.drained().then(() => false), deadline]);
    clearTimeout(timer);
    if (late) {
      const left = this.abandon();
      this.report(new DeliveryError('SHUTDOWN_DEADLINE', `close() deadline of ${deadlineMs} ms passed with ${left} events undelivered`), left, 1, true);
    }
    this.aborted = true;
    clearTimeout(this.unparkTimer);
    if (this.spill && !(await this.spill.close()) && this.spill.backlogBytes > 0) {
      this.report(
        new DeliveryError('SHUTDOWN_DEADLINE', `undelivered HIGH/CRITICAL events remain in ${this.spill.path}`),
        0,
        1,
        false,
      );
    }
    for (const step of [this.sink.flush, this.sink.close]) {
      try {
        const pending = step?.call(this.sink);
        if (pending) await withTimeout(pending, late ? 100 : this.options.timeoutMs, this.name);
      } catch (error) {
        this.report(error, 0, 1, false);
      }
    }
  }

  /** For a dying process: writes every pending HIGH/CRITICAL synchronously; the channel stops. */
  emergency(): void {
    if (this.aborted) return;
    this.abandon();
    this.spill?.closeNow();
  }

  private async drained(): Promise<void> {
    this.waiters++;
    try {
      this.summarise();
      if (this.spill?.hasUnread()) this.running ??= this.run();
      while (this.running) {
        this.hurry();
        await this.running;
      }
      await this.spill?.settle();
    } finally {
      this.waiters--;
    }
  }

  private async run(): Promise<void> {
    await this.pause();
    this.ticketQueued = false;
    try {
      await this.drain();
    } catch (error) {
      // A bug here must not become an unhandled rejection in the app.
      this.report(error, 0, 1, false);
    } finally {
      this.running = undefined;
    }
    if (this.aborted) return;
    // Pushed between the drain finding the queue empty and this point, when `running` was still set.
    if (this.queue.count > 0) this.running = this.run();
    else if (this.spill?.hasUnread() && this.replayParkedUntil > 0) this.scheduleUnpark();
  }

  /**
   * Waits before a drain: until the next turn when someone awaits delivery, the batch is already
   * full or only the spill file has work; otherwise up to `lingerMs`, so that events logged by
   * separate requests share one sink write instead of paying a write each.
   */
  private pause(): Promise<void> {
    const { lingerMs, maxBatch } = this.options;
    const count = this.queue.count;
    if (lingerMs <= 0 || count === 0 || count >= maxBatch || this.ticketQueued || this.waiters > 0) return nextTick();
    return new Promise<void>((resolve) => {
      // Referenced, as the turn it replaces was: queued events keep the process alive until written.
      const timer = setTimeout(() => this.hurry(), lingerMs);
      this.lingering = { timer, resolve };
    });
  }

  /** Ends the linger now. */
  private hurry(): void {
    const lingering = this.lingering;
    if (!lingering) return;
    this.lingering = undefined;
    clearTimeout(lingering.timer);
    lingering.resolve();
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.aborted) return;
      const spill = this.replayable();
      if (spill && spill.buffered === 0 && spill.hasUnread() && !(await spill.fill())) this.parkReplay();
      if (this.aborted) return;
      const batch = this.takeBatch(this.replayable());
      if (batch.length === 0) {
        if (this.replayable()?.hasUnread()) continue;
        return;
      }
      this.inflight = batch;
      await this.deliver(batch);
      this.inflight = undefined;
      if (this.queue.eased()) {
        this.reportedFull = false;
        this.summarise();
      }
    }
  }

  private takeBatch(spill: SpillFile | undefined): QueueEntry[] {
    const batch: QueueEntry[] = [];
    while (batch.length < this.options.maxBatch) {
      const fromQueue = this.queue.headSeq();
      if (spill) {
        const fromSpill = spill.headSeq();
        // Older spilled records may still be unread: read them before anything newer goes out.
        if (fromSpill === Infinity && spill.hasUnread()) break;
        if (fromSpill < fromQueue) {
          batch.push(spill.shift()!);
          continue;
        }
      }
      if (fromQueue === Infinity) break;
      batch.push(this.queue.shift()!);
    }
    return batch;
  }

  private async deliver(batch: QueueEntry[]): Promise<void> {
    const progress: Progress = { done: 0, owner: {} };
    // Attempts are counted since the last progress: a per-event sink that wrote some events before
    // failing is not given up on as if it had written none.
    let attempt = 0;
    let doneAtLastFailure = -1;
    for (;;) {
      for (let wait = this.breaker.waitMs(); wait > 0 && !this.aborted; wait = this.breaker.waitMs()) await sleep(wait);
      if (this.aborted) return;
      const owner = {};
      progress.owner = owner;
      try {
        const writing = this.write(batch, progress, owner);
        if (writing) await withTimeout(writing, this.options.timeoutMs, this.name);
      } catch (error) {
        if (this.aborted) return;
        progress.owner = {};
        this.counts.errors++;
        if ((error as DeliveryError)?.code === 'SINK_TIMEOUT') this.counts.timeouts++;
        if (progress.done > doneAtLastFailure && doneAtLastFailure >= 0) {
          attempt = 0;
          this.breaker.success();
        }
        doneAtLastFailure = progress.done;
        attempt++;
        this.breaker.failure();
        const last = attempt > this.options.retry.retries;
        this.report(error, batch.length - progress.done, attempt, last);
        if (last) {
          await this.giveUp(batch, progress.done);
          return;
        }
        await sleep(backoffMs(attempt, this.options.retry));
        continue;
      }
      if (this.aborted) return;
      this.breaker.success();
      await this.acknowledge(batch);
      return;
    }
  }

  /** Starts one attempt; returns a promise only when the sink is asynchronous. */
  private write(batch: QueueEntry[], progress: Progress, owner: object): PromiseLike<unknown> | undefined {
    const { sink } = this;
    if (sink.writeBatch) {
      const result = sink.writeBatch(eventsOf(batch));
      return isThenable(result) ? result : undefined;
    }
    for (; progress.done < batch.length; progress.done++) {
      const result = sink.write(batch[progress.done]!.event);
      if (isThenable(result)) return this.writeRest(batch, progress, owner, result);
    }
    return undefined;
  }

  // Without writeBatch, events already written are not sent again on a retry.
  private async writeRest(batch: QueueEntry[], progress: Progress, owner: object, first: PromiseLike<unknown>): Promise<void> {
    await first;
    while (progress.owner === owner && ++progress.done < batch.length) {
      const result = this.sink.write(batch[progress.done]!.event);
      if (isThenable(result)) await result;
    }
  }

  private async acknowledge(batch: readonly QueueEntry[]): Promise<void> {
    let replayed = 0;
    let tickets = false;
    for (const entry of batch) {
      if (entry.fromSpill) replayed++;
      if (entry.ticket) tickets = true;
    }
    this.counts.delivered += batch.length;
    this.counts.replayed += replayed;
    if (replayed > 0) this.spill!.commit(replayed);
    // A sink that takes fresh events again has recovered: resume replaying the spill file.
    if (replayed < batch.length) this.replayParkedUntil = 0;
    if (!tickets) return;
    let failure: DeliveryError | undefined;
    try {
      const flushing = this.sink.flush?.();
      if (flushing) await withTimeout(flushing, this.options.timeoutMs, this.name);
    } catch (error) {
      this.report(error, batch.length, 1, false);
      failure = new DeliveryError('NOT_DURABLE', `sink ${this.name} accepted the event but its flush() failed`);
    }
    for (const entry of batch) settleTicket(entry.ticket, failure);
  }

  private async giveUp(batch: QueueEntry[], done: number): Promise<void> {
    if (done > 0) await this.acknowledge(batch.slice(0, done));
    const keep: QueueEntry[] = [];
    let rewind = false;
    for (let i = done; i < batch.length; i++) {
      const entry = batch[i]!;
      this.counts.failed++;
      if (entry.fromSpill) rewind = true;
      else if (entry.keep) keep.push(entry);
      else this.countShed(entry, 'delivery_failed');
    }
    if (rewind) {
      this.spill!.rewind();
      this.parkReplay();
    }
    if (keep.length > 0) this.toSpill(keep);
  }

  private toSpill(entries: readonly QueueEntry[]): void {
    const spill = this.spill;
    if (!spill?.available) {
      this.fallback(entries, spill ? 'spill file unavailable' : 'spilling is off');
      return;
    }
    for (const entry of entries) spill.append(entry);
  }

  /** The last resort for HIGH/CRITICAL: a synchronous write, said out loud. */
  private fallback(entries: readonly QueueEntry[], cause: unknown): void {
    const fd = this.options.fallbackFd;
    const why = String((cause as Error)?.message ?? cause);
    if (fd !== false && fallbackWrite(fd, entries)) {
      this.counts.fallback += entries.length;
      this.report(
        new DeliveryError('SPILL_UNAVAILABLE', `${why}: ${entries.length} HIGH/CRITICAL events written synchronously to fd ${fd}`),
        entries.length,
        1,
        false,
      );
      const notDurable = new DeliveryError('NOT_DURABLE', `only the fallback (fd ${fd}) holds this event`);
      for (const entry of entries) settleTicket(entry.ticket, notDurable);
      return;
    }
    for (const entry of entries) this.countShed(entry, 'spill_unavailable');
    const lost = new DeliveryError('EVENTS_LOST', `${why}, and no fallback could take them: ${entries.length} HIGH/CRITICAL events lost`);
    this.report(lost, entries.length, 1, true);
    for (const entry of entries) settleTicket(entry.ticket, lost);
  }

  /** Stops the channel: pending HIGH/CRITICAL are written synchronously, the rest is shed. */
  private abandon(): number {
    this.aborted = true;
    this.hurry();
    const pending = [...(this.inflight ?? []), ...this.queue.takeAll()];
    this.inflight = undefined;
    this.spill?.rewind();
    const keep: QueueEntry[] = [];
    for (const entry of pending) {
      if (entry.fromSpill) continue; // still in the spill file
      if (entry.keep) keep.push(entry);
      else this.countShed(entry, 'shutdown');
    }
    const unwritten = this.spill?.available ? this.spill.writeNow(keep) : keep;
    if (unwritten.length > 0) this.fallback(unwritten, this.spill ? 'spill file unavailable' : 'spilling is off');
    return pending.length;
  }

  private countShed(entry: QueueEntry, reason: ShedReason): void {
    countShed(this.shed, entry.rank, reason);
    // A lost summary is counted, but not summarised again: that would never end for a dead sink.
    if (entry.event.event_type === DROP_SUMMARY) return;
    if (this.unreported.total === 0) this.unreportedSince = this.options.now();
    countShed(this.unreported, entry.rank, reason);
    if (reason === 'queue_full' && !this.reportedFull) {
      this.reportedFull = true;
      this.report(
        new DeliveryError('QUEUE_FULL', `queue of ${this.name} is full; shedding LOW, then MEDIUM events`),
        1,
        1,
        true,
      );
    }
  }

  /** Queues a `seclog.events_dropped` summary of what was shed since the last one. */
  private summarise(): void {
    if (this.unreported.total === 0 || this.aborted) return;
    const shed = this.unreported;
    this.unreported = createShedStats();
    this.push(this.hooks.dropSummary(this.name, shed, this.unreportedSince));
  }

  private replayable(): SpillFile | undefined {
    if (!this.spill || this.aborted) return undefined;
    if (this.replayParkedUntil > 0 && this.options.now() < this.replayParkedUntil) return undefined;
    return this.spill;
  }

  private parkReplay(): void {
    const cooldown = this.options.circuitBreaker ? this.options.circuitBreaker.cooldownMs : this.options.retry.maxMs;
    this.replayParkedUntil = this.options.now() + cooldown;
  }

  private scheduleUnpark(): void {
    if (this.unparkTimer) return;
    const wait = Math.max(1, this.replayParkedUntil - this.options.now());
    this.unparkTimer = setTimeout(() => {
      this.unparkTimer = undefined;
      this.running ??= this.run();
    }, wait);
    this.unparkTimer.unref?.();
  }

  private report(error: unknown, events: number, attempt: number, dropped: boolean): void {
    try {
      this.hooks.onError(error, { sink: this.name, events, attempt, dropped });
    } catch {
      // An error handler that throws must not take the pipeline down with it.
    }
  }
}
