import type { Checkpoint } from './checkpoint';

/** What `verifyLog` found wrong, named as an investigator would. */
export type DamageKind = 'modified' | 'deleted' | 'inserted' | 'reordered' | 'truncated' | 'bad signature';

export const DAMAGE_KINDS: readonly DamageKind[] = ['modified', 'deleted', 'inserted', 'reordered', 'truncated', 'bad signature'];

export interface Damage {
  kind: DamageKind;
  /** The file holding the first bad line (a log file, or the checkpoint file for `bad signature`). */
  file: string;
  /** 1-based line number in that file (after decompression for `.gz`); one past the end for `truncated`. */
  line: number;
  /** Sequence number involved, when known. */
  seq?: number;
  /** One sentence on what was seen. */
  detail: string;
}

export interface VerifyReport {
  ok: boolean;
  /** The log files in the order they were verified (by chain position, not by name). */
  files: string[];
  /** Records checked before the first damage (all of them when `ok`). */
  records: number;
  chain?: string;
  firstSeq?: number;
  lastSeq?: number;
  /** Checkpoints whose signature verified. */
  checkpoints: number;
  latestCheckpoint?: Checkpoint;
  /** Records after the latest checkpoint: a chain alone cannot tell if more followed them. */
  unanchored: number;
  damage?: Damage;
}
