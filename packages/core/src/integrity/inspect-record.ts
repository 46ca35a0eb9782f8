import { canonicalize } from './canonical-json';
import { hashCanonical, isChainHash } from './chain-hash';

/**
 * What one line of a chained log is, on its own: not JSON (`unreadable`), JSON without a well-formed
 * `integrity` object (`unchained`), a record whose stored hash is not the hash of its content
 * (`altered`), or a self-consistent record (`sealed`). Links between records are checked elsewhere.
 */
export type RecordState = 'unreadable' | 'unchained' | 'altered' | 'sealed';

export interface InspectedRecord {
  state: RecordState;
  chain?: string;
  seq?: number;
  prev?: string;
  hash?: string;
}

export function inspectRecord(line: string): InspectedRecord {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return { state: 'unreadable' };
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return { state: 'unreadable' };
  const integrity = (record as { integrity?: unknown }).integrity as Record<string, unknown> | undefined;
  if (
    integrity === null ||
    typeof integrity !== 'object' ||
    typeof integrity.chain !== 'string' ||
    !Number.isSafeInteger(integrity.seq) ||
    (integrity.seq as number) < 0 ||
    !isChainHash(integrity.prev) ||
    !isChainHash(integrity.hash)
  ) {
    return { state: 'unchained' };
  }
  const { chain, seq, prev, hash } = integrity as { chain: string; seq: number; prev: string; hash: string };
  // Fast path for lines written in canonical form (as HashChain writes them): the hashed text is the
  // line without its hash member. A match proves the line is, byte for byte, what was hashed with
  // the member put back, so it needs no re-canonicalising. Anything else takes the general path.
  const member = `"hash":"${hash}",`;
  const at = line.indexOf(member);
  if (at >= 0 && hashCanonical(prev, line.slice(0, at) + line.slice(at + member.length)) === hash) {
    return { state: 'sealed', chain, seq, prev, hash };
  }
  // The parsed object is ours alone, so the stored hash is removed in place rather than copied.
  delete integrity.hash;
  let canonical: string;
  try {
    canonical = canonicalize(record);
  } catch {
    return { state: 'altered', chain, seq, prev, hash };
  }
  const actual = hashCanonical(prev, canonical);
  return { state: actual === hash ? 'sealed' : 'altered', chain, seq, prev, hash };
}
