/** What the engine stores per key: mutable state, updated in place, and when it runs out. */
export interface StoredEntry {
  /** Milliseconds since the epoch; the engine moves it forward in place as the key stays in use. */
  expiresAt: number;
}

/**
 * Where the engine keeps one rule's per-key state (sliding windows, baselines, suppression).
 * Synchronous on purpose: the engine does O(1) work per event and never waits. Entries are
 * mutated in place after `get`, so one lookup per rule and event suffices; a persistent store can
 * snapshot them. The default keeps them in memory only.
 */
export interface AlertStore {
  /** The live entry (now counted as in use), or undefined when missing or expired at `now`. */
  get<E extends StoredEntry>(key: string, now: number): E | undefined;
  /** Adds an entry for a new key; may evict another key to stay bounded. */
  add<E extends StoredEntry>(key: string, entry: E, now: number): void;
  delete(key: string): void;
  stats(): StoreStats;
}

export interface StoreStats {
  keys: number;
  /** Keys dropped because `maxKeys` was reached. */
  evicted: number;
  /** Keys dropped because their time ran out. */
  expired: number;
}

export interface MemoryStoreOptions {
  /** Most keys held at once. Default 100 000. */
  maxKeys?: number;
}

interface Slot {
  entry: StoredEntry;
  /** Used since it last reached the front of the queue: it gets a second chance. */
  referenced: boolean;
}

/** Expired keys at the front that one new key may sweep away (in every default store). */
export const SWEEP_PER_INSERT = 2;

/**
 * In-memory store, bounded with the "second chance" (CLOCK) approximation of least recently used:
 * use does not reorder anything, and when full, the front key is evicted unless it was used since
 * it was last looked at, in which case it goes to the back. Expired keys are dropped when read and
 * swept from the front as new keys arrive. All O(1) amortised.
 */
export function memoryStore(options: MemoryStoreOptions = {}): AlertStore {
  const maxKeys = options.maxKeys ?? 100_000;
  if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new RangeError('memoryStore: maxKeys must be a positive integer');
  const slots = new Map<string, Slot>();
  let evicted = 0;
  let expired = 0;

  function sweep(now: number): void {
    for (let budget = SWEEP_PER_INSERT; budget > 0 && slots.size > 0; budget--) {
      const [key, slot] = slots.entries().next().value as [string, Slot];
      if (slot.entry.expiresAt > now) return;
      slots.delete(key);
      expired++;
    }
  }

  function evictOne(): void {
    for (;;) {
      const [key, slot] = slots.entries().next().value as [string, Slot];
      slots.delete(key);
      if (!slot.referenced) {
        evicted++;
        return;
      }
      slot.referenced = false;
      slots.set(key, slot);
    }
  }

  return {
    get<E extends StoredEntry>(key: string, now: number): E | undefined {
      const slot = slots.get(key);
      if (!slot) return undefined;
      if (slot.entry.expiresAt <= now) {
        slots.delete(key);
        expired++;
        return undefined;
      }
      slot.referenced = true;
      return slot.entry as E;
    },
    add(key, entry, now) {
      if (slots.has(key)) {
        slots.set(key, { entry, referenced: true });
        return;
      }
      sweep(now);
      if (slots.size >= maxKeys) evictOne();
      slots.set(key, { entry, referenced: false });
    },
    delete(key) {
      slots.delete(key);
    },
    stats: () => ({ keys: slots.size, evicted, expired }),
  };
}
