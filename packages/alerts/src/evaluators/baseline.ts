/** A learned typical value and its spread, fed one finished interval at a time. */
export interface Baseline {
  readonly samples: number;
  center(): number;
  spread(): number;
  add(value: number): void;
}

/** Exponentially weighted mean and variance (West's incremental form). */
export function ewmaBaseline(alpha: number): Baseline {
  let mean = 0;
  let variance = 0;
  let samples = 0;
  return {
    get samples() {
      return samples;
    },
    center: () => mean,
    spread: () => Math.sqrt(variance),
    add(value) {
      if (samples === 0) {
        mean = value;
      } else {
        const diff = value - mean;
        mean += alpha * diff;
        variance = (1 - alpha) * (variance + alpha * diff * diff);
      }
      samples++;
    },
  };
}

const MAD_TO_SIGMA = 1.4826;

function median(sorted: readonly number[]): number {
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Median and median absolute deviation (scaled to a standard deviation) of the last `size`
 * intervals; robust to a few outliers. Recomputed once per finished interval, not per event.
 */
export function madBaseline(size: number): Baseline {
  const values: number[] = [];
  let next = 0;
  let samples = 0;
  let cached = { center: 0, spread: 0 };
  return {
    get samples() {
      return samples;
    },
    center: () => cached.center,
    spread: () => cached.spread,
    add(value) {
      if (values.length < size) values.push(value);
      else values[next] = value;
      next = (next + 1) % size;
      samples++;
      const sorted = [...values].sort((a, b) => a - b);
      const center = median(sorted);
      const deviations = sorted.map((item) => Math.abs(item - center)).sort((a, b) => a - b);
      cached = { center, spread: median(deviations) * MAD_TO_SIGMA };
    },
  };
}
