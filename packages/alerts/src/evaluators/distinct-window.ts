import { decodeId, type IdParts } from '../state/event-id';
import { LinkedQueue, type Linked } from '../state/linked-queue';

/** The latest sighting of one value, linked in sighting order. */
interface Sighting extends IdParts, Linked<Sighting> {
  value: string;
  time: number;
}

/**
 * Distinct values by latest sighting, oldest first: a map to nodes of a doubly linked list, so a
 * value seen again moves to the newest end in O(1) without allocating, and the oldest is at hand
 * without an iterator.
 */
export class DistinctWindow {
  private readonly byValue = new Map<string, Sighting>();
  private readonly order = new LinkedQueue<Sighting>();

  get size(): number {
    return this.byValue.size;
  }

  see(value: string, time: number, id: IdParts): void {
    let sighting = this.byValue.get(value);
    if (sighting) {
      sighting.time = time;
      sighting.idHi = id.idHi;
      sighting.idMid = id.idMid;
      sighting.idLo = id.idLo;
      sighting.idText = id.idText;
      if (sighting === this.order.newest) return;
      this.order.unlink(sighting);
    } else {
      sighting = { value, time, idHi: id.idHi, idMid: id.idMid, idLo: id.idLo, idText: id.idText, older: undefined, newer: undefined };
      this.byValue.set(value, sighting);
    }
    this.order.append(sighting);
  }

  /** Drops the oldest sightings until at most `most` are left and the oldest is less than `windowMs` before `at`. */
  keep(most: number, at: number, windowMs: number): void {
    let sighting = this.order.oldest;
    while (sighting && (this.byValue.size > most || at - sighting.time >= windowMs)) {
      this.byValue.delete(sighting.value);
      this.order.unlink(sighting);
      sighting = this.order.oldest;
    }
  }

  oldestId(): string {
    const { idHi, idMid, idLo, idText } = this.order.oldest!;
    return decodeId(idHi, idMid, idLo, idText);
  }

  clear(): void {
    this.byValue.clear();
    this.order.clear();
  }
}
