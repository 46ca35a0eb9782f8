import type { StoredEntry } from '../state/store';
import type { SuppressionState } from './suppression';

/** What the engine keeps per rule and key: the evaluator's state and the key's suppression, in one object. */
export class KeyEntry implements StoredEntry, SuppressionState {
  expiresAt = 0;
  until = -Infinity;
  holdMs = 0;
  lastFired = -Infinity;
  held = 0;
  /** `suppressionEnd` as of the last alert, so the expiry needs no recomputing per event. */
  holdEnd = -Infinity;

  constructor(readonly state: unknown) {}
}
