import type { IdParts } from '../state/event-id';
import { IdSlots } from '../state/id-slots';

/**
 * The last `capacity` (time, id) pairs, oldest first. A count threshold of "more than N" only needs
 * the last N+1 events: it holds exactly when the oldest of them is still inside the window.
 */
export class TimeRing {
  // Filled up front so the array starts packed and holds unboxed doubles.
  private readonly times: number[];
  private readonly ids: IdSlots;
  private start = 0;
  size = 0;

  constructor(readonly capacity: number) {
    this.times = new Array<number>(capacity).fill(0);
    this.ids = new IdSlots(capacity);
  }

  push(time: number, id: IdParts): void {
    const slot = this.nextSlot();
    this.times[slot] = time;
    this.ids.put(slot, id);
  }

  /** Pushes the oldest pair of `other`. */
  pushOldestOf(other: TimeRing): void {
    const slot = this.nextSlot();
    this.times[slot] = other.oldestTime();
    this.ids.copy(slot, other.ids, other.start);
  }

  /** Full, with its oldest pair less than `windowMs` before `at`: the last `capacity` events fit in the window. */
  fullWithin(at: number, windowMs: number): boolean {
    return this.size === this.capacity && at - this.times[this.start]! < windowMs;
  }

  get full(): boolean {
    return this.size === this.capacity;
  }

  oldestTime(): number {
    return this.times[this.start]!;
  }

  oldestId(): string {
    return this.ids.get(this.start);
  }

  clear(): void {
    this.start = 0;
    this.size = 0;
  }

  /** The slot of a new pair; when full, the oldest's. */
  private nextSlot(): number {
    let slot = this.start + this.size;
    if (slot >= this.capacity) slot -= this.capacity;
    if (this.size < this.capacity) this.size++;
    else if (++this.start === this.capacity) this.start = 0;
    return slot;
  }
}
