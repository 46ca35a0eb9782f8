import { describe, expect, it } from 'vitest';
import { createSanitizer, DEFAULT_LIMITS, sanitize } from '../../src/sanitizer';

describe('prototype safety', () => {
  it('copies __proto__, constructor and prototype as plain data', () => {
    const input = JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":1}');
    const out = sanitize(input) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(Object.getOwnPropertyDescriptor(out, '__proto__')?.value).toEqual({ polluted: true });
    expect(JSON.parse(JSON.stringify(out))).toEqual(input);
    // A consumer merging the output does not get polluted either.
    expect(({ ...out } as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads objects without a prototype', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1, password: 'x' });
    expect(sanitize(bare)).toEqual({ a: 1, password: '[REDACTED]' });
  });
});

describe('hostile objects', () => {
  it('survives throwing getters and keeps the other fields', () => {
    const input = { ok: 1 } as Record<string, unknown>;
    Object.defineProperty(input, 'boom', { enumerable: true, get: () => { throw new Error('getter'); } });
    expect(sanitize(input)).toEqual({ ok: 1, boom: '[UNREADABLE]' });
  });

  it('survives revoked Proxies and Proxies whose traps throw', () => {
    const revocable = Proxy.revocable({ a: 1 }, {});
    revocable.revoke();
    const trap = new Proxy({}, { ownKeys: () => { throw new Error('trap'); } });
    const getTrap = new Proxy({ a: 1 }, { get: () => { throw new Error('get'); } });
    const getOnlyA = new Proxy({ a: 1, b: 2 }, { get: (target, key) => { if (key === 'a') throw new Error('a'); return Reflect.get(target, key); } });
    expect(sanitize({ revoked: revocable.proxy, trap, getTrap, getOnlyA, fine: 'yes' })).toEqual({
      revoked: '[UNREADABLE]',
      trap: '[UNREADABLE]',
      getTrap: '[UNREADABLE]',
      getOnlyA: { a: '[UNREADABLE]', b: 2 },
      fine: 'yes',
    });
  });

  it('uses toJSON, survives a throwing one, and bounds toJSON chains', () => {
    const chain = (n: number): unknown => ({ toJSON: () => chain(n + 1), n });
    const out = sanitize({
      money: { toJSON: () => ({ amount: '10.00', owner: 'eve@example.com' }) },
      bad: { toJSON: () => { throw new Error('x'); } },
      self: { toJSON() { return this; }, v: 1 },
      chain: chain(0),
    }) as Record<string, unknown>;
    expect(out.money).toEqual({ amount: '10.00', owner: '[REDACTED:email]' });
    expect(out.bad).toBe('[UNREADABLE]');
    expect(out.self).toMatchObject({ v: 1 });
    expect(JSON.stringify(out.chain)).toContain('[TRUNCATED:depth]');
  });

  it('marks cycles and still copies shared (non-cyclic) references', () => {
    const shared = { id: 7 };
    const a: Record<string, unknown> = { name: 'a', left: shared, right: shared };
    a.self = a;
    a.list = [a, { back: a }];
    expect(sanitize(a)).toEqual({
      name: 'a',
      left: { id: 7 },
      right: { id: 7 },
      self: '[CIRCULAR]',
      list: ['[CIRCULAR]', { back: '[CIRCULAR]' }],
    });
  });
});

describe('built-in types', () => {
  it('turns an Error into name, message, stack, code and cause, all sanitised', () => {
    const cause = new Error('db password=hunter22 rejected');
    const error = Object.assign(new TypeError('failed for bob@example.com\nFORGED LINE', { cause }), { code: 'E_AUTH', token: 't' });
    const out = sanitize(error) as Record<string, any>;
    expect(out.name).toBe('TypeError');
    expect(out.message).toBe('failed for [REDACTED:email]\\nFORGED LINE');
    expect(out.stack).toContain('TypeError: failed for [REDACTED:email]\\nFORGED LINE\\n    at ');
    expect(out.stack).not.toMatch(/\n/);
    expect(out.code).toBe('E_AUTH');
    expect(out.token).toBe('[REDACTED]');
    expect(out.cause.message).toBe('db password=[REDACTED:credential] rejected');
    expect(Object.keys(out)).toEqual(['name', 'message', 'stack', 'code', 'cause', 'token']);
  });

  it('includes the inner errors of an AggregateError', () => {
    const out = sanitize(new AggregateError([new Error('a@b.co')], 'many')) as Record<string, any>;
    expect(out.errors[0].message).toBe('[REDACTED:email]');
  });

  it('renders Map, Set, Date, Buffer, typed arrays, BigInt, symbols, functions, RegExp and boxed values', () => {
    function namedHandler() {}
    expect(
      sanitize({
        map: new Map([['k', new Set([1, 'carol@example.com'])]]),
        date: new Date('2026-11-27T23:10:00.123Z'),
        invalidDate: new Date('nope'),
        buffer: Buffer.from('secret bytes'),
        typed: new Float64Array(3),
        arrayBuffer: new ArrayBuffer(8),
        big: 12345678901234567890n,
        symbol: Symbol('tag'),
        fn: namedHandler,
        arrow: () => 1,
        re: /a+b/gi,
        boxed: [new String('s'), new Number(2), new Boolean(false)],
        nan: NaN,
        inf: -Infinity,
        negZero: -0,
        undef: undefined,
        sparse: [1, , 3], // eslint-disable-line no-sparse-arrays
      }),
    ).toEqual({
      map: { k: [1, '[REDACTED:email]'] },
      date: '2026-11-27T23:10:00.123Z',
      invalidDate: 'Invalid Date',
      buffer: '[Buffer: 12 bytes]',
      typed: '[Float64Array: 24 bytes]',
      arrayBuffer: '[ArrayBuffer: 8 bytes]',
      big: '12345678901234567890',
      symbol: 'Symbol(tag)',
      fn: '[Function: namedHandler]',
      arrow: '[Function: arrow]',
      re: '/a+b/gi',
      boxed: ['s', 2, false],
      nan: 'NaN',
      inf: '-Infinity',
      negZero: 0,
      undef: undefined,
      sparse: [1, null, 3],
    });
  });

  it('redacts a card number held in a JavaScript number, and keeps other large numbers', () => {
    expect(sanitize({ pan: 4111111111111111, epochMs: 1764285000123, orderId: 4111111111111112 })).toEqual({
      pan: '[REDACTED:card]',
      epochMs: 1764285000123,
      orderId: 4111111111111112,
    });
  });

  it('returns primitives sanitised and undefined as null', () => {
    expect(sanitize('x@example.org')).toBe('[REDACTED:email]');
    expect(sanitize(42)).toBe(42);
    expect(sanitize(undefined)).toBeNull();
    expect(sanitize(null)).toBeNull();
  });
});

describe('limits and their markers', () => {
  it('uses the documented defaults', () => {
    expect(DEFAULT_LIMITS).toEqual({ maxDepth: 10, maxKeys: 200, maxArrayLength: 200, maxStringLength: 8192, maxTotalSize: 65536 });
  });

  const small = createSanitizer({ limits: { maxDepth: 2, maxKeys: 3, maxArrayLength: 3, maxStringLength: 64, maxTotalSize: 300 } });

  it('cuts depth', () => {
    expect(small.sanitize({ a: { b: { c: 1 } }, list: [[1]] })).toEqual({ a: { b: '[TRUNCATED:depth]' }, list: ['[TRUNCATED:depth]'] });
  });

  it('cuts keys and array items, saying how many were dropped', () => {
    expect(small.sanitize({ a: 1, b: 2, c: 3, d: 4, e: 5 })).toEqual({ a: 1, b: 2, '[TRUNCATED]': '[TRUNCATED:3 more keys]' });
    expect(small.sanitize([1, 2, 3, 4, 5, 6])).toEqual([1, 2, '[TRUNCATED:4 more items]']);
    expect(small.sanitize(new Set([1, 2, 3, 4]))).toEqual([1, 2, '[TRUNCATED:2 more items]']);
    expect(small.sanitize([1, 2, 3])).toEqual([1, 2, 3]);
  });

  it('cuts long strings, marker included in the bound', () => {
    const out = small.sanitize('x'.repeat(100)) as string;
    expect(out).toBe(`${'x'.repeat(36)}…[TRUNCATED:100 chars total]`);
    expect(out.length).toBe(64);
  });

  it('never cuts through a redaction marker', () => {
    const out = small.sanitize(`${'y'.repeat(29)} alice@example.com and more text here`) as string;
    expect(out).toBe(`${'y'.repeat(29)} …[TRUNCATED:66 chars total]`);
  });

  it('stops at the total size budget with a marker', () => {
    const budget = createSanitizer({ limits: { maxTotalSize: 256 } });
    const out = budget.sanitize({ one: 'a'.repeat(100), two: 'b'.repeat(100), three: 'c'.repeat(100), four: { five: 'd' } });
    expect(out).toEqual({ one: 'a'.repeat(100), two: 'b'.repeat(100), three: '[TRUNCATED:size]', '[TRUNCATED]': '[TRUNCATED:size]' });
    expect(JSON.stringify(out).length).toBeLessThanOrEqual(256 + 20 + 33);
  });

  it('cuts a huge string before the rules run but still marks and bounds it', () => {
    const out = sanitize({ blob: `${'z'.repeat(1_000_000)}` }) as { blob: string };
    expect(out.blob.length).toBeLessThanOrEqual(8192);
    expect(out.blob.endsWith('…[TRUNCATED:1000000 chars total]')).toBe(true);
  });
});

describe('untyped callers', () => {
  it('sanitizeString logs a non-string as its string form, and never throws', () => {
    const s = createSanitizer();
    expect(s.sanitizeString(4111111111111111 as unknown as string)).toBe('[REDACTED:card]');
    expect(s.sanitizeString({ toString: () => { throw new Error('x'); } } as unknown as string)).toBe('[UNREADABLE]');
  });

  it('survives a revoked Proxy of a function', () => {
    const revocable = Proxy.revocable(() => 1, {});
    revocable.revoke();
    expect(sanitize({ fn: revocable.proxy, ok: 1 })).toEqual({ fn: '[Function: anonymous]', ok: 1 });
  });
});
