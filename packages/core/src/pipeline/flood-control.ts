import type { SecurityEvent, Severity } from '../event';

export interface FloodControlOptions {
  /** Sustained events per second allowed for one (event_type, actor). Default 10. */
  rate: number;
  /** Events allowed at once before the rate applies. Default 100. */
  burst: number;
  /** Severities never suppressed. Default HIGH and CRITICAL. */
  exempt: readonly Severity[];
  /** How often a `seclog.events_suppressed` summary is logged while suppressing. Default 60,000 ms. */
  intervalMs: number;
  /** Buckets kept; the least recently created is forgotten beyond this. Default 10,000. */
  maxKeys: number;
}

export const DEFAULT_FLOOD_CONTROL: Readonly<FloodControlOptions> = Object.freeze({
  rate: 10,
  burst: 100,
  exempt: Object.freeze(['HIGH', 'CRITICAL'] as Severity[]),
  intervalMs: 60_000,
  maxKeys: 10_000,
});

interface Bucket {
  tokens: number;
  last: number;
}

interface SuppressedKey {
  event_type: string;
  actor: string;
  count: number;
}

/** What a `seclog.events_suppressed` summary carries. */
export interface SuppressionReport {
  total: number;
  /** The keys suppressed most, at most 20. */
  top: SuppressedKey[];
  /** Distinct keys suppressed in the window. */
  keys: number;
  since: string;
  until: string;
}

const TOP_KEYS = 20;

/**
 * Token buckets per (event_type, actor id): an attacker repeating one event is throttled to the
 * rate, while other keys and exempt severities pass untouched. Suppressed events are counted per key
 * until the next summary.
 */
export class FloodControl {
  private readonly buckets = new Map<string, Bucket>();
  private window = new Map<string, SuppressedKey>();
  private windowTotal = 0;
  private windowStart = 0;
  private readonly exempt: boolean[];
  /** Suppressed since the logger started. */
  total = 0;

  constructor(
    private readonly options: FloodControlOptions,
    private readonly now: () => number,
  ) {
    this.exempt = (['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const).map((severity) => options.exempt.includes(severity));
  }

  /** False when the event is to be suppressed (and counted). */
  allow(event: SecurityEvent, rank: number): boolean {
    if (this.exempt[rank]) return true;
    const key = `${event.event_type}\u0000${event.actor.id}`;
    const at = this.now();
    const bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= this.options.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
      this.buckets.set(key, { tokens: this.options.burst - 1, last: at });
      return true;
    }
    const refill = ((at - bucket.last) * this.options.rate) / 1000;
    if (refill > 0) {
      bucket.tokens = Math.min(this.options.burst, bucket.tokens + refill);
      bucket.last = at;
    }
    if (bucket.tokens >= 1) {
      bucket.tokens--;
      return true;
    }
    this.suppress(key, event, at);
    return false;
  }

  /** The window's counts, and a fresh window; undefined when nothing was suppressed. */
  takeReport(): SuppressionReport | undefined {
    if (this.windowTotal === 0) return undefined;
    const top = [...this.window.values()].sort((a, b) => b.count - a.count).slice(0, TOP_KEYS);
    const report: SuppressionReport = {
      total: this.windowTotal,
      top,
      keys: this.window.size,
      since: new Date(this.windowStart).toISOString(),
      until: new Date(this.now()).toISOString(),
    };
    this.window = new Map();
    this.windowTotal = 0;
    return report;
  }

  private suppress(key: string, event: SecurityEvent, at: number): void {
    this.total++;
    if (this.windowTotal++ === 0) this.windowStart = at;
    const counted = this.window.get(key);
    if (counted) counted.count++;
    // Past maxKeys distinct keys the window still counts the total, just not per key.
    else if (this.window.size < this.options.maxKeys) {
      this.window.set(key, { event_type: event.event_type, actor: event.actor.id, count: 1 });
    }
  }
}
