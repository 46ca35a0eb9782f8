import { decodeId, type IdParts } from './event-id';

/** Event ids by slot for a ring: three numbers per slot, and the text only of slots that need it (see `IdParts`). */
export class IdSlots {
  private parts: number[];
  /** Made on the first id that is not a canonical UUID. */
  private texts: string[] | undefined;

  constructor(private capacity: number) {
    // Filled up front so the array starts packed and holds unboxed doubles.
    this.parts = new Array<number>(capacity * 3).fill(0);
  }

  put(slot: number, id: IdParts): void {
    const at = slot * 3;
    this.parts[at] = id.idHi;
    this.parts[at + 1] = id.idMid;
    this.parts[at + 2] = id.idLo;
    if (id.idHi < 0) (this.texts ??= new Array<string>(this.capacity).fill(''))[slot] = id.idText;
    else if (this.texts) this.texts[slot] = '';
  }

  /** Copies slot `fromSlot` of `from` into `slot`. */
  copy(slot: number, from: IdSlots, fromSlot: number): void {
    const at = slot * 3;
    const source = fromSlot * 3;
    this.parts[at] = from.parts[source]!;
    this.parts[at + 1] = from.parts[source + 1]!;
    this.parts[at + 2] = from.parts[source + 2]!;
    if (from.parts[source]! < 0) (this.texts ??= new Array<string>(this.capacity).fill(''))[slot] = from.texts![fromSlot]!;
    else if (this.texts) this.texts[slot] = '';
  }

  get(slot: number): string {
    const at = slot * 3;
    return decodeId(this.parts[at]!, this.parts[at + 1]!, this.parts[at + 2]!, this.texts?.[slot] ?? '');
  }

  /** Lets go of the text of a slot that left the ring. */
  release(slot: number): void {
    if (this.texts) this.texts[slot] = '';
  }

  /** A copy with room for `capacity` slots, holding the `size` slots from `start` (wrapping) at 0 onwards. */
  resized(capacity: number, start: number, size: number): IdSlots {
    const next = new IdSlots(capacity);
    for (let index = 0; index < size; index++) next.copy(index, this, (start + index) % this.capacity);
    return next;
  }
}
