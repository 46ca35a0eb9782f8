import type { IntegrityInfo } from '../event';
import { uuidv7 } from '../uuid-v7';
import { canonicalize } from './canonical-json';
import { GENESIS_HASH, hashCanonical } from './chain-hash';

/** Where a chain stands: the next record gets `seq` and links to `head`. */
export interface ChainPosition {
  chain: string;
  /** Sequence number the next record receives; equals the number of records so far. */
  seq: number;
  /** Hash of the last record, or the genesis hash before the first. */
  head: string;
}

export interface SealedRecord<T extends object> {
  record: T & { integrity: IntegrityInfo };
  /** One JSON line, newline included. */
  line: string;
}

/** A new chain id: a UUIDv7, so ids of successive chains sort by when they began. */
export function newChainId(): string {
  return uuidv7();
}

const INTEGRITY = 'integrity';

/**
 * The record as one canonical (RFC 8785) JSON line with `integrity` in it, and its chain hash. The
 * hashed text is the same line without the `"hash":"…",` member, so a verifier can check a
 * line as written by cutting that member out, without re-canonicalising (see `inspectRecord`).
 */
function sealLine(record: object, chain: string, seq: number, prev: string): { line: string; hash: string } {
  let open = '{';
  let after = '';
  const members = Object.keys(record).sort();
  for (const key of members) {
    const value = (record as Record<string, unknown>)[key];
    if (key === INTEGRITY || value === undefined) continue;
    const member = JSON.stringify(key) + ':' + canonicalize(value);
    // Default string order is UTF-16 code unit order, the order RFC 8785 sorts members in.
    if (key < INTEGRITY) open += member + ',';
    else after += ',' + member;
  }
  const close = after + '}';
  const head = `"${INTEGRITY}":{"chain":${JSON.stringify(chain)},`;
  const rest = `"prev":"${prev}","seq":${seq}}`;
  const hash = hashCanonical(prev, open + head + rest + close);
  return { line: `${open}${head}"hash":"${hash}",${rest}${close}\n`, hash };
}

/**
 * Links records one after another. `seal` does not advance the chain: the writer calls `commit`
 * once the line is durably written, so a failed write leaves no gap in the sequence.
 */
export class HashChain {
  private position: ChainPosition;

  constructor(start: Partial<ChainPosition> = {}) {
    this.position = {
      chain: start.chain ?? newChainId(),
      seq: start.seq ?? 0,
      head: start.head ?? GENESIS_HASH,
    };
  }

  get current(): Readonly<ChainPosition> {
    return this.position;
  }

  /** Seals `records` as the next ones in the chain, without committing them. */
  sealAll<T extends object>(records: readonly T[]): SealedRecord<T>[] {
    let { seq, head } = this.position;
    const chain = this.position.chain;
    return records.map((record) => {
      const { line, hash } = sealLine(record, chain, seq, head);
      const integrity: IntegrityInfo = { chain, seq, prev: head, hash };
      seq++;
      head = hash;
      return { record: { ...record, integrity }, line };
    });
  }

  /** Marks sealed records as written: the chain now continues after the last of them. */
  commit(last: IntegrityInfo): void {
    this.position = { chain: last.chain, seq: last.seq + 1, head: last.hash };
  }
}
