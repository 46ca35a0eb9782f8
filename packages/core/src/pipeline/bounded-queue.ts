import { Fifo } from './fifo';
import type { QueueEntry } from './queue-entry';

export interface QueueLimits {
  /** Most events held per sink. Default 10,000. */
  maxEvents: number;
  /** Most (approximate) bytes held per sink. Default 16 MiB. */
  maxBytes: number;
}

export const DEFAULT_QUEUE_LIMITS: Readonly<QueueLimits> = Object.freeze({ maxEvents: 10_000, maxBytes: 16 * 1024 * 1024 });

/** What `offer()` did with an entry. */
export type Offer =
  | 'queued'
  /** Dropped (the entry itself, LOW or MEDIUM); the shed callback has been told. */
  | 'shed'
  /** A kept entry with no room even after evicting every LOW and MEDIUM: the caller spills it. */
  | 'overflow';

/**
 * A sink's bounded queue. LOW, MEDIUM and kept (HIGH/CRITICAL, durable, summaries) entries sit in
 * three lists, each in acceptance order, so the oldest LOW, then the oldest MEDIUM, can be evicted in
 * O(1) to make room; `shift()` merges the three by sequence number so delivery keeps the order of
 * acceptance.
 */
export class BoundedQueue {
  private readonly low = new Fifo<QueueEntry>();
  private readonly medium = new Fifo<QueueEntry>();
  private readonly kept = new Fifo<QueueEntry>();
  count = 0;
  bytes = 0;
  /** Set when something was shed or overflowed; cleared by `eased()`. */
  private pressure = false;

  constructor(
    private readonly limits: QueueLimits,
    private readonly onShed: (entry: QueueEntry) => void,
  ) {}

  offer(entry: QueueEntry): Offer {
    if (!this.fits(entry)) {
      this.pressure = true;
      if (entry.keep) {
        while (!this.fits(entry) && this.evict(this.low.length > 0 ? this.low : this.medium));
        if (!this.fits(entry)) return 'overflow';
      } else if (entry.rank === 1) {
        while (!this.fits(entry) && this.evict(this.low));
        if (!this.fits(entry)) {
          this.onShed(entry);
          return 'shed';
        }
      } else {
        this.onShed(entry);
        return 'shed';
      }
    }
    this.count++;
    this.bytes += entry.bytes;
    (entry.keep ? this.kept : entry.rank === 1 ? this.medium : this.low).push(entry);
    return 'queued';
  }

  /** Sequence number of the oldest entry, or Infinity when empty. */
  headSeq(): number {
    return this.oldest()?.peek()?.seq ?? Infinity;
  }

  shift(): QueueEntry | undefined {
    const entry = this.oldest()?.shift();
    if (entry) {
      this.count--;
      this.bytes -= entry.bytes;
    }
    return entry;
  }

  /** True once, after shedding, when the queue is back under half its bounds. */
  eased(): boolean {
    if (!this.pressure || this.count * 2 > this.limits.maxEvents || this.bytes * 2 > this.limits.maxBytes) return false;
    this.pressure = false;
    return true;
  }

  /** Everything still queued, in acceptance order (shutdown paths). */
  takeAll(): QueueEntry[] {
    const all = [...this.low.takeAll(), ...this.medium.takeAll(), ...this.kept.takeAll()];
    this.count = 0;
    this.bytes = 0;
    return all.sort((a, b) => a.seq - b.seq);
  }

  private fits(entry: QueueEntry): boolean {
    return this.count < this.limits.maxEvents && this.bytes + entry.bytes <= this.limits.maxBytes;
  }

  private evict(list: Fifo<QueueEntry>): boolean {
    const victim = list.shift();
    if (!victim) return false;
    this.count--;
    this.bytes -= victim.bytes;
    this.onShed(victim);
    return true;
  }

  private oldest(): Fifo<QueueEntry> | undefined {
    const kept = this.kept.peek()?.seq ?? Infinity;
    const medium = this.medium.peek()?.seq ?? Infinity;
    const low = this.low.peek()?.seq ?? Infinity;
    if (kept === Infinity && medium === Infinity && low === Infinity) return undefined;
    if (kept < medium) return kept < low ? this.kept : this.low;
    return medium < low ? this.medium : this.low;
  }
}
