import type { SecurityEvent } from '@seclog/core';
import { encodeId, type IdParts } from '../state/event-id';
import { compileFieldReader, type FieldReader, type FieldValue } from './field-path';

/**
 * The event being evaluated, as every rule sees it: its time, its id in the compact form rules keep
 * (see `encodeId`), and the field paths the engine's rules read (in `where`, `groupBy` and
 * `distinct`) or values derived from them such as group keys, each resolved at most once per event
 * however many rules read it. Names get an index when rules are compiled; the values of the event
 * being processed are then cached by index, stamped with the event's turn. One per engine, reused
 * for every event, so nothing about an event is allocated to pass it around.
 */
export class EventFields implements IdParts {
  /** Rule time of the event: its timestamp, or the clock's time for an unparsable one. */
  at = 0;
  idHi = 0;
  idMid = 0;
  idLo = 0;
  idText = '';
  private readonly indexes = new Map<string, number>();
  private readonly readers: FieldReader[] = [];
  private readonly values: (FieldValue | undefined)[] = [];
  /** The turn each value was read in; turns only grow (2^53 of them outlast any process). */
  private readonly stamps: number[] = [];
  private turnNumber = 0;
  private current: SecurityEvent | undefined;

  /** The index of a field path, or of a derived value under its own name, registering it on first use. */
  index(name: string, derive?: FieldReader): number {
    let index = this.indexes.get(name);
    if (index === undefined) {
      index = this.readers.push(derive ?? compileFieldReader(name)) - 1;
      this.indexes.set(name, index);
      this.values.push(undefined);
      this.stamps.push(0);
    }
    return index;
  }

  /** Starts a new event: values cached for the previous one no longer count. */
  reset(event: SecurityEvent, at: number): void {
    this.current = event;
    this.at = at;
    encodeId(event.event_id, this);
    this.turnNumber++;
  }

  /** Which event this is: a number no earlier event of this engine had. */
  get turn(): number {
    return this.turnNumber;
  }

  get event(): SecurityEvent {
    return this.current!;
  }

  get(index: number): FieldValue | undefined {
    if (this.stamps[index] === this.turnNumber) return this.values[index];
    const value = this.readers[index]!(this.current!);
    this.values[index] = value;
    this.stamps[index] = this.turnNumber;
    return value;
  }
}
