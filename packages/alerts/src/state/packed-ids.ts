import { decodeId, type IdParts } from './event-id';

/**
 * Event ids inside records of a number array (three numbers at an offset, see `IdParts`), so a
 * window keeps an event's time, id and any score on one cache line instead of in parallel arrays.
 * The text of an id that is not a UUID sits beside, by slot, in an array made on the first such id.
 */
export class PackedTexts {
  private texts: string[] | undefined;

  constructor(private capacity: number) {}

  put(slot: number, id: IdParts): void {
    if (id.idHi < 0 && id.idText !== '') (this.texts ??= new Array<string>(this.capacity).fill(''))[slot] = id.idText;
    else if (this.texts) this.texts[slot] = '';
  }

  /** Copies slot `fromSlot` of `from` into `slot`. */
  copy(slot: number, from: PackedTexts, fromSlot: number): void {
    const text = from.texts?.[fromSlot] ?? '';
    if (text !== '') (this.texts ??= new Array<string>(this.capacity).fill(''))[slot] = text;
    else if (this.texts) this.texts[slot] = '';
  }

  get(slot: number): string {
    return this.texts?.[slot] ?? '';
  }

  /** Lets go of the text of a slot that left the ring. */
  release(slot: number): void {
    if (this.texts) this.texts[slot] = '';
  }

  /** Room for `capacity` slots, the `size` slots from `start` (wrapping) moved to 0 onwards. */
  resize(capacity: number, start: number, size: number): void {
    const old = this.texts;
    const previous = this.capacity;
    this.capacity = capacity;
    if (!old) return;
    const texts = new Array<string>(capacity).fill('');
    for (let index = 0; index < size; index++) texts[index] = old[(start + index) % previous]!;
    this.texts = texts;
  }
}

/**
 * `length` zeros held as unboxed doubles from the start (filling with `-0`, which is not a small
 * integer, gives double elements), so the first time stored does not convert the array. A plain
 * array rather than a `Float64Array`: the engine makes one per key and grows some, and typed
 * arrays cost an allocation outside the heap each.
 */
export function doubles(length: number): number[] {
  return new Array<number>(length).fill(-0);
}

/** Writes the id's numbers at `at`, `at + 1`, `at + 2`. */
export function putIdParts(data: number[], at: number, id: IdParts): void {
  data[at] = id.idHi;
  data[at + 1] = id.idMid;
  data[at + 2] = id.idLo;
}

/** The id whose numbers are at `at` (`text` for one that is not a UUID). */
export function readId(data: number[], at: number, text: string): string {
  return decodeId(data[at]!, data[at + 1]!, data[at + 2]!, text);
}
