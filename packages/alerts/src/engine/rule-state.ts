import { flatten } from '../state/flatten';
import { KeyGroup } from '../state/key-groups';
import type { AlertStore } from '../state/store';
import type { RuleState } from './active-rule';
import type { KeyEntry } from './key-entry';

/** A store the user gave, one per rule: one lookup per rule and event, under the full key. */
export function storeState(store: AlertStore): RuleState {
  return {
    get: (key, now) => store.get<KeyEntry>(key, now),
    // Held as long as the key lives: flat, so it keeps no pieces of the event alive.
    add: (key, entry, now) => store.add(flatten(key), entry, now),
    stats: () => store.stats(),
  };
}

/**
 * The engine's own state: rules keyed by the same field share a key group (one lookup per group
 * and event), each rule bounded by `maxKeys` of its own.
 */
export function groupedStates(maxKeys: number): (keyField: number) => RuleState {
  const groups = new Map<number, KeyGroup>();
  return (keyField) => {
    let group = groups.get(keyField);
    if (group === undefined) groups.set(keyField, (group = new KeyGroup()));
    return group.join(maxKeys) as RuleState;
  };
}
