import { compileMatch } from '../match/compile-match';
import type { EventFields } from '../match/event-fields';
import { parseDuration } from '@seclog/core';
import { durationText } from '../rules/duration';
import type { AnomalyRule } from '../rules/types';
import { ewmaBaseline, madBaseline, type Baseline } from './baseline';
import { describeMatch } from './describe-match';
import type { Evaluator } from './evaluator';
import { singleMatch } from './single-match';

interface AnomalyState {
  baseline: Baseline;
  /** Start of the current interval (aligned to the epoch, so all keys share boundaries). */
  bucket: number;
  successes: number;
  failures: number;
  total: number;
  firstEventId: string;
  /** The current interval went beyond the bound (even below the floor): it will not be learned. */
  outlier: boolean;
  /** The current interval already raised its finding. */
  alerted: boolean;
}

/** Empty intervals learned after a gap; beyond this an EWMA or a MAD window has forgotten the past. */
const MAX_GAP_FILL = 200;
/** A key quiet for this many intervals starts over. */
const LIFETIME_INTERVALS = 1_000;

const fixed = (value: number) => (Math.round(value * 100) / 100).toString();

export function anomalyEvaluator(rule: AnomalyRule, fields: EventFields): Evaluator<AnomalyState> {
  const intervalMs = parseDuration(rule.interval)!;
  const ratio = rule.measure === 'success_ratio';
  const sensitivity = rule.sensitivity ?? 3;
  const warmup = rule.warmup ?? 5;
  const minEvents = rule.minEvents ?? 10;
  const minSpread = rule.minSpread ?? (ratio ? 0.05 : 1);
  const baselineOptions = rule.baseline ?? { method: 'ewma' };
  const makeBaseline = () =>
    baselineOptions.method === 'mad' ? madBaseline(baselineOptions.size ?? 30) : ewmaBaseline(baselineOptions.alpha ?? 0.3);
  const what = describeMatch(rule.match);
  const span = durationText(rule.interval);

  function measure(state: AnomalyState): number {
    return ratio ? state.successes / Math.max(1, state.successes + state.failures) : state.total;
  }

  /** Where the current interval becomes an anomaly: above it for counts, below it for ratios. */
  function boundOf(baseline: Baseline): number {
    const spread = Math.max(baseline.spread(), minSpread);
    return ratio ? baseline.center() - sensitivity * spread : baseline.center() + sensitivity * spread;
  }

  /** Learns the interval that ended, then the empty ones skipped since (counts only: no ratio without events). */
  function roll(state: AnomalyState, bucket: number): void {
    if (!state.outlier && state.total > 0 && (!ratio || state.total >= minEvents)) state.baseline.add(measure(state));
    if (!ratio) {
      const skipped = Math.min(MAX_GAP_FILL, (bucket - state.bucket) / intervalMs - 1);
      for (let index = 0; index < skipped; index++) state.baseline.add(0);
    }
    Object.assign(state, { bucket, successes: 0, failures: 0, total: 0, outlier: false, alerted: false });
  }

  return {
    rule,
    ...singleMatch(compileMatch(rule.match, fields)),
    windowMs: intervalMs,
    lifetimeMs: intervalMs * LIFETIME_INTERVALS,
    create: () => ({ baseline: makeBaseline(), bucket: Number.NaN, successes: 0, failures: 0, total: 0, firstEventId: '', outlier: false, alerted: false }),
    observe(state, current) {
      const { at, event } = current;
      const bucket = Math.floor(at / intervalMs) * intervalMs;
      if (Number.isNaN(state.bucket)) state.bucket = bucket;
      else if (bucket > state.bucket) roll(state, bucket);
      if (state.total === 0) state.firstEventId = event.event_id;
      state.total++;
      if (event.outcome === 'success') state.successes++;
      else if (event.outcome === 'failure') state.failures++;

      const { baseline } = state;
      if (state.alerted || baseline.samples < warmup) return false;
      // A ratio of a handful of events says little: judge it only from the floor up.
      if (ratio && state.total < minEvents) return false;
      const observed = measure(state);
      const bound = boundOf(baseline);
      if (ratio ? observed >= bound : observed <= bound) return false;
      state.outlier = true;
      if (state.total < minEvents) return false;
      state.alerted = true;
      return true;
    },
    finding(state, event, key) {
      const { baseline } = state;
      const observed = measure(state);
      const center = baseline.center();
      const spread = Math.max(baseline.spread(), minSpread);
      const bound = boundOf(baseline);
      const reason = ratio
        ? `success ratio of ${what} for ${key} fell to ${fixed(observed)} in ${span} (${state.successes} of ${state.successes + state.failures}; expected about ${fixed(center)} ± ${fixed(spread)}, alert below ${fixed(bound)})`
        : `${state.total} ${what} events in ${span} for ${key} (expected about ${fixed(center)} ± ${fixed(spread)}, alert above ${fixed(bound)})`;
      return {
        count: state.total,
        threshold: Math.round(bound * 100) / 100,
        windowMs: intervalMs,
        firstEventId: state.firstEventId,
        lastEventId: event.event_id,
        reason,
        details: {
          observed: Math.round(observed * 1e4) / 1e4,
          expected: Math.round(center * 1e4) / 1e4,
          spread: Math.round(spread * 1e4) / 1e4,
          learned_intervals: baseline.samples,
          method: baselineOptions.method,
        },
      };
    },
    fired: () => undefined,
  };
}
