import type { CompiledMatch } from '../match/compile-match';
import type { Evaluator } from './evaluator';

/** Dispatch for a rule with one `match`: its only part is bit 0. */
export function singleMatch(match: CompiledMatch): Pick<Evaluator, 'namesAlerts' | 'typeMask' | 'match'> {
  const { rest } = match;
  return {
    namesAlerts: match.namesAlerts,
    typeMask: (type) => (match.acceptsType(type) ? 1 : 0),
    match: rest ? (event, fields) => (rest(event, fields) ? 1 : 0) : () => 1,
  };
}
