import type { IdParts } from '../state/event-id';
import { doubles, PackedTexts, putIdParts, readId } from '../state/packed-ids';

/** Slots a window starts with; it doubles as scores arrive, up to the evaluator's bound. */
const INITIAL_CAPACITY = 8;
/** Numbers per slot: the time, the score, then the id's three. */
const STRIDE = 5;

/**
 * (time, score, id) triples in arrival order, in a ring that grows by doubling: pushing and
 * dropping the oldest are O(1) and nothing is re-sliced as the window slides. A triple is one
 * record of five numbers, so pushing touches one place in memory.
 */
export class ScoreWindow {
  private data = doubles(INITIAL_CAPACITY * STRIDE);
  private readonly texts = new PackedTexts(INITIAL_CAPACITY);
  private capacity = INITIAL_CAPACITY;
  private start = 0;
  size = 0;
  sum = 0;
  /** Over the threshold since the last crossing; the rule fires again only after dropping below. */
  above = false;

  push(time: number, score: number, id: IdParts): void {
    if (this.size === this.capacity) this.grow();
    let slot = this.start + this.size;
    if (slot >= this.capacity) slot -= this.capacity;
    const at = slot * STRIDE;
    this.data[at] = time;
    this.data[at + 1] = score;
    putIdParts(this.data, at + 2, id);
    this.texts.put(slot, id);
    this.size++;
    this.sum += score;
  }

  /**
   * Drops the oldest triples that are `windowMs` or more before `at` (up to the first that is not),
   * then the oldest beyond `most`.
   */
  slide(at: number, windowMs: number, most: number): void {
    while (this.size > 0 && at - this.data[this.start * STRIDE]! >= windowMs) this.dropOldest();
    while (this.size > most) this.dropOldest();
  }

  oldestId(): string {
    return readId(this.data, this.start * STRIDE + 2, this.texts.get(this.start));
  }

  private dropOldest(): void {
    this.sum -= this.data[this.start * STRIDE + 1]!;
    this.texts.release(this.start);
    if (++this.start === this.capacity) this.start = 0;
    this.size--;
  }

  /** Doubles the room of a full ring, its oldest triple moved to slot 0. */
  private grow(): void {
    const old = this.data;
    const capacity = this.capacity * 2;
    const data = doubles(capacity * STRIDE);
    const split = this.start * STRIDE;
    const tail = old.length - split;
    for (let index = 0; index < tail; index++) data[index] = old[split + index]!;
    for (let index = 0; index < split; index++) data[tail + index] = old[index]!;
    this.texts.resize(capacity, this.start, this.size);
    this.data = data;
    this.capacity = capacity;
    this.start = 0;
  }
}
