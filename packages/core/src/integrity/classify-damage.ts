import type { InspectedRecord } from './inspect-record';
import type { Damage } from './verify-report';

export interface LogEntry extends InspectedRecord {
  file: string;
  line: number;
  /** The log's final line, without a terminating newline. */
  unterminated: boolean;
}

export interface DamageContext {
  /** The last entry that checked out, if any. */
  previous: LogEntry | undefined;
  /** What the first bad entry should have been. */
  expectedSeq: number;
  expectedPrev: string;
  chain: string | undefined;
  /** Size of the latest signed checkpoint (0 without one). */
  signedSize: number;
  /** The first entry that did not check out, then every entry after it. */
  rest: LogEntry[];
}

/**
 * Names the first bad line and the kind of damage from where the chain first broke and what
 * follows. A chain proves that something changed; which line and which kind are read from the
 * pattern: a deleted record leaves a gap in the sequence that is never filled, a reordered one
 * fills it later, an inserted line is one the chain continues around, a modified record is one the
 * chain expected but whose content no longer hashes to what the next record links to.
 */
export function classifyDamage(context: DamageContext): Damage {
  const { previous, expectedSeq: x, expectedPrev: p, chain, rest } = context;
  const e = rest[0]!;
  const next = rest[1];
  const at = (entry: LogEntry, kind: Damage['kind'], detail: string, seq = entry.seq): Damage =>
    seq === undefined ? { kind, file: entry.file, line: entry.line, detail } : { kind, file: entry.file, line: entry.line, seq, detail };
  const continues = (entry: LogEntry | undefined, seq: number, prev: string) =>
    entry !== undefined && entry.state === 'sealed' && entry.seq === seq && entry.prev === prev && (chain === undefined || entry.chain === chain);
  const later = rest.slice(1);

  if (e.state !== 'sealed' || (chain !== undefined && e.chain !== chain)) {
    const what =
      e.state === 'unreadable'
        ? 'the line is not a JSON record'
        : e.state === 'unchained'
          ? 'the record carries no valid integrity field'
          : e.state === 'altered'
            ? "the record's content does not match its hash"
            : `the record belongs to another chain (${e.chain})`;
    if (next === undefined) {
      if (e.unterminated) return at(e, 'truncated', `the last line is cut short: ${what}`, x);
      if (context.signedSize <= x) return at(e, 'inserted', `a line was appended after the last record: ${what}`);
    }
    if (continues(next, x, p)) return at(e, 'inserted', `the chain continues around this line: ${what}`);
    return at(e, 'modified', `expected record seq ${x}: ${what}`, x);
  }

  const seq = e.seq!;
  if (seq === x) {
    if (previous) return at(previous, 'modified', `the record was changed and re-hashed: the next record (seq ${seq}) no longer links to it`);
    return at(e, 'modified', 'the first record does not start from the genesis hash');
  }
  if (seq < x) {
    if (previous && e.hash === previous.hash) return at(e, 'inserted', `a copy of the record above (seq ${seq}) was inserted`);
    if (previous && seq === x - 1 && e.prev === previous.prev && continues(next, x, e.hash!)) {
      return at(previous, 'inserted', `a forged record seq ${seq} was inserted before the real one`);
    }
    return at(e, 'inserted', `record seq ${seq} appears again after seq ${x - 1}`);
  }
  if (later.some((entry) => entry.state === 'sealed' && entry.hash === e.hash)) {
    return at(e, 'inserted', `a copy of record seq ${seq}, which appears later, was inserted`);
  }
  if (later.some((entry) => entry.state === 'sealed' && entry.seq === x)) {
    return at(e, 'reordered', `record seq ${seq} stands where seq ${x} belongs; seq ${x} appears later`);
  }
  const where = e.line === 1 && previous && previous.file !== e.file ? ` (between ${previous.file} and ${e.file})` : '';
  const missing = seq - 1 === x ? `record seq ${x} is` : `records seq ${x} to ${seq - 1} are`;
  return at(e, 'deleted', `${missing} missing before this line${where}`, x);
}
