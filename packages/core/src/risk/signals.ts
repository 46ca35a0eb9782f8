import { SecurityLogConfigError } from '../errors';

/**
 * Weights of the signals callers most often attach; `RiskOptions.signals` adds to and overrides
 * them. Adapters raise `http.error_response` for 401 and 403 through `http_401` and `http_403`.
 */
export const DEFAULT_SIGNAL_WEIGHTS: Readonly<Record<string, number>> = Object.freeze({
  tor_exit: 2,
  known_bad_ip: 3,
  impossible_travel: 3,
  credential_stuffing: 3,
  brute_force: 2,
  attack_tool: 2,
  malware_detected: 4,
  new_device: 1,
  new_country: 1,
  http_401: 1,
  http_403: 2,
});

/** What a signal without a configured weight adds: someone flagged it, so it counts a little. */
export const DEFAULT_UNKNOWN_SIGNAL_WEIGHT = 0.5;

/** Signals beyond this many distinct names in one input are not scored. */
export const MAX_SIGNALS = 32;

/** Names echoed in `risk_reasons`; anything else is counted as `signal:invalid` and not echoed. */
const SIGNAL_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export function isSignalName(value: unknown): value is string {
  return typeof value === 'string' && SIGNAL_NAME.test(value);
}

export function checkWeight(value: unknown, path: string): number {
  if (typeof value !== 'number' || !(value >= -10 && value <= 10)) {
    throw new SecurityLogConfigError('OPTION_INVALID', path, 'must be a number from -10 to 10');
  }
  return value;
}

/** A Map, so that names such as `__proto__` or `constructor` are only ever data. */
export function compileSignalWeights(extra: Readonly<Record<string, number>> = {}): Map<string, number> {
  const weights = new Map(Object.entries(DEFAULT_SIGNAL_WEIGHTS));
  for (const [name, weight] of Object.entries(extra)) {
    if (!isSignalName(name)) {
      throw new SecurityLogConfigError('OPTION_INVALID', 'risk.signals', `signal name ${JSON.stringify((name as string).slice(0, 64))} must match ${SIGNAL_NAME}`);
    }
    weights.set(name, checkWeight(weight, `risk.signals.${name}`));
  }
  return weights;
}
