import { parseDuration } from '@seclog/core';
import type { Suppression } from '../rules/types';

export interface SuppressionPolicy {
  forMs: number;
  backoff: number;
  maxMs: number;
  resetAfterMs: number;
}

/** Per key: until when alerts are held back, and how many findings were held since the last alert. */
export interface SuppressionState {
  until: number;
  holdMs: number;
  lastFired: number;
  held: number;
}

/** The rule's policy; without `suppress`, repeats are held for the rule's own window. */
export function suppressionPolicy(suppress: Suppression | false | undefined, windowMs: number): SuppressionPolicy | undefined {
  if (suppress === false) return undefined;
  const forMs = suppress ? parseDuration(suppress.for)! : windowMs;
  const maxMs = suppress?.max === undefined ? forMs * 24 : parseDuration(suppress.max)!;
  return {
    forMs,
    backoff: suppress?.backoff ?? 1,
    maxMs,
    resetAfterMs: suppress?.resetAfter === undefined ? maxMs : parseDuration(suppress.resetAfter)!,
  };
}

/** True when a finding at `at` may become an alert; otherwise it is counted as held. */
export function admit(policy: SuppressionPolicy | undefined, state: SuppressionState, at: number): boolean {
  if (!policy) return true;
  if (at < state.until) {
    state.held++;
    return false;
  }
  const repeat = at - state.lastFired <= policy.resetAfterMs;
  state.holdMs = repeat ? Math.min(policy.maxMs, state.holdMs * policy.backoff) : policy.forMs;
  state.until = at + state.holdMs;
  state.lastFired = at;
  return true;
}

/** Until when the suppression memory of a key matters; -Infinity before its first alert. */
export function suppressionEnd(policy: SuppressionPolicy | undefined, state: SuppressionState): number {
  if (!policy || state.lastFired === -Infinity) return -Infinity;
  return Math.max(state.until, state.lastFired + policy.resetAfterMs);
}
