import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../src/integrity/canonical-json';
import { chainHash, GENESIS_HASH } from '../../src/integrity/chain-hash';
import { HashChain } from '../../src/integrity/hash-chain';
import { inspectRecord } from '../../src/integrity/inspect-record';

const record = fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 });

describe('HashChain', () => {
  it('writes canonical lines whose hash is the documented SHA-256 over domain tag, prev and JCS', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 5 }), fc.string({ minLength: 1, maxLength: 20 }), (records, chainId) => {
        const chain = new HashChain({ chain: chainId });
        const sealed = chain.sealAll(records);
        let prev = GENESIS_HASH;
        sealed.forEach((entry, seq) => {
          const parsed = JSON.parse(entry.line) as { integrity: { chain: string; seq: number; prev: string; hash: string } };
          expect(entry.line).toBe(canonicalize(parsed) + '\n');
          expect(parsed.integrity).toEqual({ chain: chainId, seq, prev, hash: entry.record.integrity.hash });
          expect(chainHash(parsed, prev)).toBe(parsed.integrity.hash);
          const { integrity: _ignored, ...content } = parsed;
          expect(content).toEqual(JSON.parse(JSON.stringify({ ...records[seq], integrity: undefined })));
          expect(inspectRecord(entry.line.trimEnd())).toMatchObject({ state: 'sealed', seq, prev });
          // The same record serialised in another key order is still recognised (general path).
          const reordered = JSON.stringify(Object.fromEntries(Object.entries(parsed).reverse()));
          expect(inspectRecord(reordered).state).toBe('sealed');
          prev = parsed.integrity.hash;
        });
      }),
      { numRuns: 200 },
    );
  });

  it('advances only on commit, so a failed write leaves no gap', () => {
    const chain = new HashChain();
    const first = chain.sealAll([{ a: 1 }]);
    expect(chain.sealAll([{ a: 1 }])[0]!.line).toBe(first[0]!.line);
    chain.commit(first[0]!.record.integrity);
    expect(chain.current).toMatchObject({ seq: 1, head: first[0]!.record.integrity.hash });
  });

  it('marks a changed record as altered, whichever path checks it', () => {
    const [entry] = new HashChain().sealAll([{ message: 'hello', n: 1 }]);
    expect(inspectRecord(entry!.line.replace('hello', 'hellO')).state).toBe('altered');
    expect(inspectRecord(entry!.line.replace('"n":1', '"n":1.0')).state).toBe('sealed');
    expect(inspectRecord(entry!.line.replace('"n":1', '"n":2')).state).toBe('altered');
    expect(inspectRecord('not json').state).toBe('unreadable');
    expect(inspectRecord('{"integrity":{"seq":-1}}').state).toBe('unchained');
  });
});
