import { decodeId, type IdParts } from '../state/event-id';

/** The latest sighting of one value, linked in sighting order. */
interface Sighting extends IdParts {
  value: string;
  time: number;
  older: Sighting | undefined;
  newer: Sighting | undefined;
}

/**
 * Distinct values by latest sighting, oldest first: a map to nodes of a doubly linked list, so a
 * value seen again moves to the newest end in O(1) without allocating, and the oldest is at hand
 * without an iterator.
 */
export class DistinctWindow {
  private readonly byValue = new Map<string, Sighting>();
  private oldest: Sighting | undefined;
  private newest: Sighting | undefined;

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
      if (sighting === this.newest) return;
      this.unlink(sighting);
    } else {
      sighting = { value, time, idHi: id.idHi, idMid: id.idMid, idLo: id.idLo, idText: id.idText, older: undefined, newer: undefined };
      this.byValue.set(value, sighting);
    }
    sighting.older = this.newest;
    if (this.newest) this.newest.newer = sighting;
    else this.oldest = sighting;
    this.newest = sighting;
  }

  /** Drops the oldest sightings until at most `most` are left and the oldest is less than `windowMs` before `at`. */
  keep(most: number, at: number, windowMs: number): void {
    let sighting = this.oldest;
    while (sighting && (this.byValue.size > most || at - sighting.time >= windowMs)) {
      this.byValue.delete(sighting.value);
      const next = sighting.newer;
      this.unlink(sighting);
      sighting = next;
    }
  }

  oldestId(): string {
    const { idHi, idMid, idLo, idText } = this.oldest!;
    return decodeId(idHi, idMid, idLo, idText);
  }

  clear(): void {
    this.byValue.clear();
    this.oldest = undefined;
    this.newest = undefined;
  }

  private unlink(sighting: Sighting): void {
    if (sighting.older) sighting.older.newer = sighting.newer;
    else this.oldest = sighting.newer;
    if (sighting.newer) sighting.newer.older = sighting.older;
    else this.newest = sighting.older;
    sighting.older = undefined;
    sighting.newer = undefined;
  }
}
