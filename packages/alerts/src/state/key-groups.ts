import { flatten } from './flatten';
import { LinkedQueue, type Linked } from './linked-queue';
import { SWEEP_PER_INSERT, type StoredEntry, type StoreStats } from './store';

/** What a rule keeps under a key in a key group: its entry, linked into the rule's own queue. */
export interface GroupedEntry extends StoredEntry, Linked<GroupedEntry> {
  /** The key's record while the entry is held; undefined once dropped. */
  record: KeyRecord | undefined;
  /** Used since it last reached the front of its rule's queue: it gets a second chance. */
  referenced: boolean;
}

/** One key of a group: the entries of the group's rules under it (by slot), held while any is. */
export class KeyRecord {
  readonly entries: (GroupedEntry | undefined)[];
  live = 0;

  constructor(
    readonly key: string,
    slots: number,
  ) {
    this.entries = new Array<GroupedEntry | undefined>(slots).fill(undefined);
  }
}

/**
 * The rules that key their state by the same value (e.g. every rule grouping by `actor.ip`) share
 * one map from key to record, so an event costs one lookup per group, not one per rule. The record
 * of the event being evaluated is remembered for the event's turn, so the rules after the first
 * find it without a lookup.
 */
export class KeyGroup {
  private readonly records = new Map<string, KeyRecord>();
  private slots = 0;
  private turn = -1;
  private key = '';
  private record: KeyRecord | undefined;

  /** A share for one more rule; bounded by `maxKeys` of its own. */
  join(maxKeys: number): RuleKeys {
    return new RuleKeys(this, this.slots++, maxKeys);
  }

  find(key: string, turn: number): KeyRecord | undefined {
    if (turn !== this.turn || key !== this.key) {
      this.turn = turn;
      this.key = key;
      this.record = this.records.get(key);
    }
    return this.record;
  }

  /** The record of `key`, made if missing; after `find` in the same turn. */
  open(key: string, turn: number): KeyRecord {
    let record = this.find(key, turn);
    if (record === undefined) {
      // Held as long as the key lives: flat, so it keeps no pieces of the event alive.
      record = new KeyRecord(flatten(key), this.slots);
      this.records.set(record.key, record);
      this.record = record;
    }
    return record;
  }

  close(record: KeyRecord): void {
    this.records.delete(record.key);
    if (this.record === record) this.record = undefined;
  }
}

/**
 * One rule's share of a key group: its entries, at most `maxKeys`, in a queue of its own with the
 * same policy as `memoryStore` — "second chance" (CLOCK) eviction when full, expired entries
 * dropped when read and swept from the front as new keys arrive. Other rules of the group neither
 * count against its bound nor keep its entries alive.
 */
export class RuleKeys {
  private readonly queue = new LinkedQueue<GroupedEntry>();
  private keys = 0;
  private evicted = 0;
  private expired = 0;

  constructor(
    private readonly group: KeyGroup,
    private readonly slot: number,
    private readonly maxKeys: number,
  ) {
    if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new RangeError('maxKeys must be a positive integer');
  }

  /** The live entry of `key` (now counted as in use), or undefined when missing or expired at `now`. */
  get<E extends GroupedEntry>(key: string, now: number, turn: number): E | undefined {
    const entry = this.group.find(key, turn)?.entries[this.slot];
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= now) {
      this.drop(entry);
      this.expired++;
      return undefined;
    }
    entry.referenced = true;
    return entry as E;
  }

  /** Adds the entry of a key `get` did not find in this turn. */
  add(key: string, entry: GroupedEntry, now: number, turn: number): void {
    this.sweep(now);
    if (this.keys >= this.maxKeys) this.evictOne();
    const record = this.group.open(key, turn);
    record.entries[this.slot] = entry;
    record.live++;
    entry.record = record;
    entry.referenced = false;
    this.queue.append(entry);
    this.keys++;
  }

  stats(): StoreStats {
    return { keys: this.keys, evicted: this.evicted, expired: this.expired };
  }

  private sweep(now: number): void {
    for (let budget = SWEEP_PER_INSERT; budget > 0; budget--) {
      const entry = this.queue.oldest;
      if (entry === undefined || entry.expiresAt > now) return;
      this.drop(entry);
      this.expired++;
    }
  }

  private evictOne(): void {
    for (;;) {
      const entry = this.queue.oldest!;
      if (!entry.referenced) {
        this.drop(entry);
        this.evicted++;
        return;
      }
      entry.referenced = false;
      this.queue.unlink(entry);
      this.queue.append(entry);
    }
  }

  private drop(entry: GroupedEntry): void {
    this.queue.unlink(entry);
    this.keys--;
    const record = entry.record!;
    entry.record = undefined;
    record.entries[this.slot] = undefined;
    if (--record.live === 0) this.group.close(record);
  }
}
