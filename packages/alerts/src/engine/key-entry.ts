import type { GroupedEntry, KeyRecord } from '../state/key-groups';
import type { SuppressionState } from './suppression';

/**
 * What the engine keeps per rule and key: the evaluator's state and the key's suppression, in one
 * object, which the default store also links into the rule's queue (see `RuleKeys`).
 */
export class KeyEntry implements GroupedEntry, SuppressionState {
  expiresAt = 0;
  until = -Infinity;
  holdMs = 0;
  lastFired = -Infinity;
  held = 0;
  /** `suppressionEnd` as of the last alert, so the expiry needs no recomputing per event. */
  holdEnd = -Infinity;
  record: KeyRecord | undefined = undefined;
  older: GroupedEntry | undefined = undefined;
  newer: GroupedEntry | undefined = undefined;
  referenced = false;

  constructor(readonly state: unknown) {}
}
