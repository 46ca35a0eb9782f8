import type { IdParts } from '../state/event-id';
import { doubles, PackedTexts, putIdParts, readId } from '../state/packed-ids';

/** Numbers per slot: the time, then the id's three. */
const STRIDE = 4;

/**
 * The last `capacity` (time, id) pairs, oldest first. A count threshold of "more than N" only needs
 * the last N+1 events: it holds exactly when the oldest of them is still inside the window. A pair
 * is one record of four numbers, so pushing touches one place in memory.
 */
export class TimeRing {
  private readonly data: number[];
  private readonly texts: PackedTexts;
  private start = 0;
  size = 0;

  constructor(readonly capacity: number) {
    this.data = doubles(capacity * STRIDE);
    this.texts = new PackedTexts(capacity);
  }

  push(time: number, id: IdParts): void {
    const slot = this.nextSlot();
    const at = slot * STRIDE;
    this.data[at] = time;
    putIdParts(this.data, at + 1, id);
    this.texts.put(slot, id);
  }

  /** Pushes the oldest pair of `other`. */
  pushOldestOf(other: TimeRing): void {
    const from = other.start * STRIDE;
    const slot = this.nextSlot();
    const to = slot * STRIDE;
    for (let index = 0; index < STRIDE; index++) this.data[to + index] = other.data[from + index]!;
    this.texts.copy(slot, other.texts, other.start);
  }

  /** Full, with its oldest pair less than `windowMs` before `at`: the last `capacity` events fit in the window. */
  fullWithin(at: number, windowMs: number): boolean {
    return this.size === this.capacity && at - this.oldestTime() < windowMs;
  }


  oldestTime(): number {
    return this.data[this.start * STRIDE]!;
  }

  oldestId(): string {
    return readId(this.data, this.start * STRIDE + 1, this.texts.get(this.start));
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
