import type { IdParts } from '../state/event-id';
import { IdSlots } from '../state/id-slots';

/** Slots a window starts with; it doubles as scores arrive, up to the evaluator's bound. */
const INITIAL_CAPACITY = 8;

/**
 * (time, score, id) triples in arrival order, in a ring that grows by doubling: pushing and
 * dropping the oldest are O(1) and nothing is re-sliced as the window slides.
 */
export class ScoreWindow {
  // Filled up front so the arrays start packed and hold unboxed doubles.
  private times: number[] = new Array<number>(INITIAL_CAPACITY).fill(0);
  private scores: number[] = new Array<number>(INITIAL_CAPACITY).fill(0);
  private ids = new IdSlots(INITIAL_CAPACITY);
  private start = 0;
  size = 0;
  sum = 0;
  /** Over the threshold since the last crossing; the rule fires again only after dropping below. */
  above = false;

  push(time: number, score: number, id: IdParts): void {
    let capacity = this.times.length;
    if (this.size === capacity) capacity = this.grow();
    let slot = this.start + this.size;
    if (slot >= capacity) slot -= capacity;
    this.times[slot] = time;
    this.scores[slot] = score;
    this.ids.put(slot, id);
    this.size++;
    this.sum += score;
  }

  /**
   * Drops the oldest triples that are `windowMs` or more before `at` (up to the first that is not),
   * then the oldest beyond `most`.
   */
  slide(at: number, windowMs: number, most: number): void {
    while (this.size > 0 && at - this.times[this.start]! >= windowMs) this.dropOldest();
    while (this.size > most) this.dropOldest();
  }

  oldestId(): string {
    return this.ids.get(this.start);
  }

  private dropOldest(): void {
    this.sum -= this.scores[this.start]!;
    this.ids.release(this.start);
    if (++this.start === this.times.length) this.start = 0;
    this.size--;
  }

  private grow(): number {
    const old = this.times.length;
    const capacity = old * 2;
    const times = new Array<number>(capacity).fill(0);
    const scores = new Array<number>(capacity).fill(0);
    for (let index = 0; index < this.size; index++) {
      const from = (this.start + index) % old;
      times[index] = this.times[from]!;
      scores[index] = this.scores[from]!;
    }
    this.ids = this.ids.resized(capacity, this.start, this.size);
    this.times = times;
    this.scores = scores;
    this.start = 0;
    return capacity;
  }
}
