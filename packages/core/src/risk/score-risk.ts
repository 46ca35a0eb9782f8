import { SecurityLogConfigError } from '../errors';
import { OUTCOMES, type Actor, type Outcome } from '../event';
import type { EventTypeDefinition } from '../taxonomy/definition';
import { defaultTaxonomy } from '../taxonomy/default-taxonomy';
import { DEFAULT_BASE_RISK } from '../taxonomy/normalise-registration';
import type { Taxonomy } from '../taxonomy/registry';
import { compileOffHours, type OffHoursWindow } from './off-hours';
import { compilePrivilegedTargets, DEFAULT_PRIVILEGED_TARGETS } from './privileged-target';
import { validateSeverityBands, type SeverityBands } from './severity';
import {
  checkWeight,
  compileSignalWeights,
  DEFAULT_UNKNOWN_SIGNAL_WEIGHT,
  isSignalName,
  MAX_SIGNALS,
} from './signals';

/** What the scorer looks at. Everything but `eventType` is optional. */
export interface RiskInput {
  /** Dotted name or OWASP token; resolved through the taxonomy. */
  eventType: string;
  /** Defaults to the event type's default outcome. */
  outcome?: Outcome;
  actor?: Partial<Actor>;
  target?: string;
  /** When the event happened; only the off-hours modifier reads it. The scorer never reads the clock. */
  timestamp?: Date | string;
  /** The caller's own score, 0–10: honoured, and explained by what the scorer would have said. */
  riskScore?: number;
  /** Named signals, weighted by `RiskOptions.signals` over `DEFAULT_SIGNAL_WEIGHTS`. */
  signals?: readonly string[];
}

/** How much each modifier adds. */
export interface RiskWeights {
  /** A failure the event type does not already imply (default 1). */
  failure: number;
  /** An actor of type `anonymous` (default 1). */
  anonymous: number;
  /** A target matching the privileged patterns (default 2). */
  privilegedTarget: number;
  /** A timestamp inside the off-hours window (default 1). */
  offHours: number;
}

export const DEFAULT_RISK_WEIGHTS: Readonly<RiskWeights> = Object.freeze({
  failure: 1,
  anonymous: 1,
  privilegedTarget: 2,
  offHours: 1,
});

export interface RiskOptions {
  /** Where base risks come from. Default `defaultTaxonomy`. */
  taxonomy?: Taxonomy;
  /** Base risk per event type (dotted name or OWASP token), over the taxonomy's. */
  baseScores?: Readonly<Record<string, number>>;
  weights?: Partial<RiskWeights>;
  /** Replaces `DEFAULT_PRIVILEGED_TARGETS`; strings match case-insensitively as substrings. */
  privilegedTargets?: readonly (string | RegExp)[];
  /** Off by default: working hours depend on the organisation, not on where the server runs. */
  offHours?: OffHoursWindow;
  /** Signal weights, added to and overriding `DEFAULT_SIGNAL_WEIGHTS`. */
  signals?: Readonly<Record<string, number>>;
  /** What a signal without a weight adds. Default 0.5; 0 ignores unknown signals. */
  unknownSignalWeight?: number;
  /** Severity bands of the logger using these options (validated here, applied by `severityFromScore`). */
  bands?: SeverityBands;
}

export interface RiskResult {
  /** 0–10, one decimal. */
  score: number;
  /** Why, e.g. `base:auth.login_failure=5`, `actor:anonymous+1`, `override:7`. Never empty. */
  reasons: string[];
}

export type RiskScorer = (input: RiskInput) => RiskResult;

function toScore(value: number): number {
  return Math.round(Math.min(10, Math.max(0, value)) * 10) / 10;
}

function signed(value: number): string {
  return value < 0 ? `${value}` : `+${value}`;
}

function compileWeights(weights: Partial<RiskWeights> = {}): RiskWeights {
  const result = { ...DEFAULT_RISK_WEIGHTS };
  for (const key of Object.keys(DEFAULT_RISK_WEIGHTS) as (keyof RiskWeights)[]) {
    if (weights[key] !== undefined) result[key] = checkWeight(weights[key], `risk.weights.${key}`);
  }
  return result;
}

function compileBaseScores(scores: Readonly<Record<string, number>>, taxonomy: Taxonomy): Map<string, number> {
  const result = new Map<string, number>();
  for (const [type, score] of Object.entries(scores)) {
    if (typeof score !== 'number' || !(score >= 0 && score <= 10)) {
      throw new SecurityLogConfigError('OPTION_INVALID', `risk.baseScores.${type}`, 'must be a number from 0 to 10');
    }
    result.set(taxonomy.get(type)?.name ?? type, score);
  }
  return result;
}

function instant(timestamp: unknown): number {
  if (timestamp instanceof Date) return timestamp.getTime();
  if (typeof timestamp === 'string') return Date.parse(timestamp);
  return Number.NaN;
}

/**
 * Checks the options once and returns a scorer for them: patterns, weights and the time-zone
 * formatter are prepared here, so that scoring an event is a few lookups and comparisons.
 * Throws `SecurityLogConfigError` `OPTION_INVALID` naming the bad option.
 */
export function createRiskScorer(options: RiskOptions = {}): RiskScorer {
  const taxonomy = options.taxonomy ?? defaultTaxonomy;
  if (options.bands !== undefined) validateSeverityBands(options.bands);
  const weights = compileWeights(options.weights);
  const baseScores = compileBaseScores(options.baseScores ?? {}, taxonomy);
  const isPrivileged = compilePrivilegedTargets(options.privilegedTargets ?? DEFAULT_PRIVILEGED_TARGETS);
  const isOffHours = options.offHours === undefined ? undefined : compileOffHours(options.offHours);
  const signalWeights = compileSignalWeights(options.signals);
  const unknownSignalWeight =
    options.unknownSignalWeight === undefined
      ? DEFAULT_UNKNOWN_SIGNAL_WEIGHT
      : checkWeight(options.unknownSignalWeight, 'risk.unknownSignalWeight');

  function addSignals(signals: unknown, reasons: string[]): number {
    if (!Array.isArray(signals)) return 0;
    let total = 0;
    let invalid = false;
    const seen = new Set<string>();
    for (const signal of signals as unknown[]) {
      if (!isSignalName(signal)) {
        invalid = true;
        continue;
      }
      if (seen.has(signal)) continue;
      if (seen.size === MAX_SIGNALS) {
        reasons.push('signal:truncated');
        break;
      }
      seen.add(signal);
      const weight = signalWeights.get(signal) ?? unknownSignalWeight;
      if (weight !== 0) {
        total += weight;
        reasons.push(`signal:${signal}${signed(weight)}`);
      }
    }
    if (invalid) reasons.push('signal:invalid');
    return total;
  }

  return function scoreRiskWith(input: RiskInput): RiskResult {
    const given = (typeof input === 'object' && input !== null ? input : {}) as Partial<RiskInput>;
    const reasons: string[] = [];
    let definition: EventTypeDefinition | undefined;
    try {
      definition = taxonomy.resolve(given.eventType as string);
    } catch {
      // The logger has already refused a bad type; scoring one directly gets the default base.
    }

    let total: number;
    if (definition) {
      total = baseScores.get(definition.name) ?? definition.baseRisk;
      reasons.push(`base:${definition.name}=${total}`);
      if (definition.synthetic) reasons.push('type:unregistered');
    } else {
      total = DEFAULT_BASE_RISK;
      reasons.push('type:invalid', `base:default=${total}`);
    }

    const outcome = OUTCOMES.includes(given.outcome as Outcome) ? given.outcome : definition?.defaultOutcome;
    // A type whose normal outcome is failure (auth.login_failure) has that in its base already.
    if (outcome === 'failure' && definition?.defaultOutcome !== 'failure' && weights.failure !== 0) {
      total += weights.failure;
      reasons.push(`outcome:failure${signed(weights.failure)}`);
    }
    const { actor, target } = given;
    if (typeof actor === 'object' && actor !== null && actor.type === 'anonymous' && weights.anonymous !== 0) {
      total += weights.anonymous;
      reasons.push(`actor:anonymous${signed(weights.anonymous)}`);
    }
    if (typeof target === 'string' && weights.privilegedTarget !== 0 && isPrivileged(target)) {
      total += weights.privilegedTarget;
      reasons.push(`target:privileged${signed(weights.privilegedTarget)}`);
    }
    if (isOffHours && given.timestamp !== undefined && weights.offHours !== 0) {
      const ms = instant(given.timestamp);
      if (Number.isNaN(ms)) reasons.push('time:invalid');
      else if (isOffHours(ms)) {
        total += weights.offHours;
        reasons.push(`time:off_hours${signed(weights.offHours)}`);
      }
    }
    total += addSignals(given.signals, reasons);

    const computed = toScore(total);
    if (computed !== Math.round(total * 10) / 10) reasons.push(`clamped:${computed}`);

    const override = given.riskScore;
    if (override === undefined || override === null) return { score: computed, reasons };
    if (typeof override !== 'number' || !Number.isFinite(override)) {
      reasons.push('override:invalid');
      return { score: computed, reasons };
    }
    const score = toScore(override);
    const head = override < 0 || override > 10 ? [`override:${score}`, 'override:clamped'] : [`override:${score}`];
    return { score, reasons: [...head, ...reasons, `computed:${computed}`] };
  };
}

let defaultScorer: RiskScorer | undefined;
const scorers = new WeakMap<RiskOptions, RiskScorer>();

/**
 * Scores one event: pure and deterministic, never throws for bad input. Scorers are cached per
 * options object, so pass the same object each time (or keep a `createRiskScorer` result); an
 * options object changed after its first use keeps its first meaning.
 */
export function scoreRisk(input: RiskInput, options?: RiskOptions): RiskResult {
  if (options === undefined) return (defaultScorer ??= createRiskScorer())(input);
  let scorer = scorers.get(options);
  if (!scorer) {
    scorer = createRiskScorer(options);
    scorers.set(options, scorer);
  }
  return scorer(input);
}
