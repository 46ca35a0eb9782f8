/**
 * Where the engine keeps per-rule, per-key state (sliding windows, baselines, suppression).
 * Synchronous on purpose: the engine does O(1) work per event and never waits. A persistent
 * store can snapshot these values; the default keeps them in memory only.
 */
export interface AlertStore {
  /** The live value, or undefined when missing or expired at `now`. */
  get<T>(key: string, now: number): T | undefined;
  /** Stores (or refreshes) a value until `expiresAt`; may evict the least recently written key. */
  set<T>(key: string, value: T, expiresAt: number): void;
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
  /** Most keys held at once, across all rules. Default 100 000. */
  maxKeys?: number;
}

interface Entry {
  value: unknown;
  expiresAt: number;
}

/** Entries expired at the front that one call may sweep; keeps each call O(1). */
const SWEEP_PER_CALL = 2;

/**
 * In-memory store: a Map in order of last write (a write moves the key to the end; the engine
 * writes every key it reads), so the stalest key is always first, eviction is O(1), and expired
 * keys are swept from the front as we go.
 */
export function memoryStore(options: MemoryStoreOptions = {}): AlertStore {
  const maxKeys = options.maxKeys ?? 100_000;
  if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new RangeError('memoryStore: maxKeys must be a positive integer');
  const entries = new Map<string, Entry>();
  let evicted = 0;
  let expired = 0;

  function sweep(now: number): void {
    let budget = SWEEP_PER_CALL;
    for (const [key, entry] of entries) {
      if (budget-- === 0 || entry.expiresAt > now) return;
      entries.delete(key);
      expired++;
    }
  }

  return {
    get<T>(key: string, now: number): T | undefined {
      sweep(now);
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expiresAt <= now) {
        entries.delete(key);
        expired++;
        return undefined;
      }
      return entry.value as T;
    },
    set(key, value, expiresAt) {
      const entry = entries.get(key);
      if (entry) {
        entries.delete(key);
        entry.value = value;
        entry.expiresAt = expiresAt;
        entries.set(key, entry);
        return;
      }
      if (entries.size >= maxKeys) {
        const oldest = entries.keys().next().value as string;
        entries.delete(oldest);
        evicted++;
      }
      entries.set(key, { value, expiresAt });
    },
    delete(key) {
      entries.delete(key);
    },
    stats: () => ({ keys: entries.size, evicted, expired }),
  };
}
