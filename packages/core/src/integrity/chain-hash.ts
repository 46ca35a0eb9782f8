import { createHash } from 'node:crypto';
import { canonicalize } from './canonical-json';

/**
 * Prefixed to every hashed record so a chain hash can never be confused with a hash of the same
 * bytes made for another purpose (a checkpoint, a file digest).
 */
export const CHAIN_DOMAIN_TAG = 'seclog-chain-v1\u0000';

/** `prev` of the first record of a chain (seq 0): 32 zero bytes, hex. */
export const GENESIS_HASH = '0'.repeat(64);

const HEX_HASH = /^[0-9a-f]{64}$/;

export function isChainHash(value: unknown): value is string {
  return typeof value === 'string' && HEX_HASH.test(value);
}

/**
 * `SHA-256(domain tag || prev || JCS(record without integrity.hash))`, lowercase hex. `prev` enters
 * as its 32 raw bytes. The record must already carry `integrity.{chain,seq,prev}`; any
 * `integrity.hash` on it is ignored.
 */
export function chainHash(record: { integrity: { prev: string } } & object, prev: string): string {
  const integrity = (record as { integrity: Record<string, unknown> }).integrity;
  const { hash: _ignored, ...withoutHash } = integrity;
  return hashCanonical(prev, canonicalize({ ...record, integrity: withoutHash }));
}

const TAG = Buffer.from(CHAIN_DOMAIN_TAG, 'latin1');

/** The chain hash over an already canonicalised record. */
export function hashCanonical(prev: string, canonical: string): string {
  return createHash('sha256').update(TAG).update(prev, 'hex').update(canonical, 'utf8').digest('hex');
}
