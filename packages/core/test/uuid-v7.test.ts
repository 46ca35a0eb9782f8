import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUuidV7, uuidv7 } from '../src/uuid-v7';

describe('uuidv7', () => {
  it('produces RFC 9562 version 7 ids carrying the millisecond timestamp', () => {
    const now = Date.UTC(2026, 10, 27, 12, 0, 0, 123);
    const id = uuidv7(now);
    expect(isUuidV7(id)).toBe(true);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(now);
  });

  it('sorts in creation order, also within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => uuidv7(1_700_000_000_000));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never goes backwards when the clock does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 47 }), { minLength: 2, maxLength: 50 }), (times) => {
        const ids = times.map((t) => uuidv7(t));
        for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
        for (const id of ids) expect(isUuidV7(id)).toBe(true);
      }),
    );
  });
});
