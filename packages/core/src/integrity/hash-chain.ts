import type { IntegrityInfo } from '../event';
import { uuidv7 } from '../uuid-v7';
import { chainHash, GENESIS_HASH } from './chain-hash';

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
      const integrity: IntegrityInfo = { chain, seq, prev: head, hash: '' };
      const sealed = { ...record, integrity } as T & { integrity: IntegrityInfo };
      integrity.hash = chainHash(sealed, head);
      seq++;
      head = integrity.hash;
      return { record: sealed, line: JSON.stringify(sealed) + '\n' };
    });
  }

  /** Marks sealed records as written: the chain now continues after the last of them. */
  commit(last: IntegrityInfo): void {
    this.position = { chain: last.chain, seq: last.seq + 1, head: last.hash };
  }
}
