import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSanitizer, sanitize, type SanitizerLimits } from '../../src/sanitizer';

const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

const keyArb = fc.oneof(
  { weight: 3, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.constantFrom(...POLLUTING_KEYS, 'password', 'apiKey', 'token_type', 'a\nb', '\u202e') },
);

/** Strings that mix secret fragments, separators and control characters, so rules and markers collide. */
const nastyString = fc
  .array(
    fc.constantFrom(
      'alice@example.com', '4111 1111 1111 1111', '4111', '-', ' ', '=', ':', '"', "'", '\\', '\n', '\r', '\u2028', '\u202e', '\x1b[31m',
      '\0', 'password', 'token', 'Bearer ', 'Basic dXNlcjpwYXNz', 'https://u:p@h/', '?token=x', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig',
      '123-45-6789', 'DE89 3704 0044 0532 0130 00', '[REDACTED:email]', '[REDACTED', ']', '…[TRUNCATED:9 chars total]', 'AKIAIOSFODNN7EXAMPLE',
      '-----BEGIN PRIVATE KEY-----', '-----END PRIVATE KEY-----', 'ssn ', '123456789', '\ud83d\ude00', '\ud800', 'x',
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

const valueArb = fc.oneof(
  fc.anything({
    key: keyArb,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withBoxedValues: true,
    withNullPrototype: true,
    withObjectString: true,
    maxDepth: 6,
  }),
  fc.dictionary(keyArb, fc.oneof(nastyString, fc.integer(), fc.array(nastyString, { maxLength: 5 }))),
  nastyString,
  fc.json().map((text) => JSON.parse(text) as unknown),
);

const tight: SanitizerLimits = { maxDepth: 3, maxKeys: 4, maxArrayLength: 3, maxStringLength: 64, maxTotalSize: 400 };
const sanitizers = [
  ['defaults', { sanitize }],
  ['tight limits', createSanitizer({ limits: tight })],
  ['allow-list', createSanitizer({ allowKeys: ['a', 'b.c', 'password'], limits: { maxTotalSize: 2000 } })],
] as const;

const UNSAFE_CHAR = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

/** Visits every string, key, object and array of a sanitised value. */
function visit(value: unknown, depth: number, seen: (kind: string, value: unknown, depth: number) => void): void {
  if (typeof value === 'string') seen('string', value, depth);
  else if (Array.isArray(value)) {
    seen('array', value, depth + 1);
    for (const item of value) visit(item, depth + 1, seen);
  } else if (value !== null && typeof value === 'object') {
    seen('object', value, depth + 1);
    for (const key of Object.keys(value)) {
      seen('string', key, depth);
      visit((value as Record<string, unknown>)[key], depth + 1, seen);
    }
  }
}

describe.each(sanitizers)('properties (%s)', (_name, sanitizer) => {
  it('never throws, and leaves Object.prototype alone', () => {
    fc.assert(
      fc.property(valueArb, (value) => {
        sanitizer.sanitize(value);
        expect(Object.prototype).toEqual({});
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(valueArb, (value) => {
        const once = sanitizer.sanitize(value);
        expect(sanitizer.sanitize(once)).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('emits JSON that round-trips to the same value', () => {
    fc.assert(
      fc.property(valueArb, (value) => {
        const out = sanitizer.sanitize(value);
        expect(JSON.parse(JSON.stringify(out))).toEqual(out);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no CR, LF, NUL, ESC, U+2028/2029 or bidi control in any string or key', () => {
    fc.assert(
      fc.property(valueArb, (value) => {
        visit(sanitizer.sanitize(value), 0, (kind, v) => {
          if (kind === 'string') expect(UNSAFE_CHAR.test(v as string), JSON.stringify(v)).toBe(false);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the output objects ordinary: no prototype other than Object.prototype or Array.prototype', () => {
    fc.assert(
      fc.property(valueArb, (value) => {
        visit(sanitizer.sanitize(value), 0, (kind, v) => {
          if (kind === 'object') expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
          if (kind === 'array') expect(Array.isArray(v)).toBe(true);
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('bounds (tight limits)', () => {
  const bounded = createSanitizer({ limits: tight });
  it('respects depth, keys, array length, string length and total size', () => {
    fc.assert(
      fc.property(valueArb, (value) => {
        const out = bounded.sanitize(value);
        visit(out, 0, (kind, v, depth) => {
          if (kind === 'string') expect((v as string).length).toBeLessThanOrEqual(tight.maxStringLength);
          if (kind === 'object') {
            expect(depth).toBeLessThanOrEqual(tight.maxDepth);
            expect(Object.keys(v as object).length).toBeLessThanOrEqual(tight.maxKeys + 1);
          }
          if (kind === 'array') {
            expect(depth).toBeLessThanOrEqual(tight.maxDepth);
            expect((v as unknown[]).length).toBeLessThanOrEqual(tight.maxArrayLength);
          }
        });
        // Past the budget each open container closes with one uncounted marker.
        expect(JSON.stringify(out).length).toBeLessThanOrEqual(tight.maxTotalSize + 20 + 33 * tight.maxDepth);
      }),
      { numRuns: 500 },
    );
  });

  it('bounds sanitizeString on any string', () => {
    fc.assert(
      fc.property(fc.oneof(nastyString, fc.string({ maxLength: 200 })), (text) => {
        const out = bounded.sanitizeString(text);
        expect(out.length).toBeLessThanOrEqual(tight.maxStringLength);
        expect(bounded.sanitizeString(out)).toBe(out);
      }),
      { numRuns: 500 },
    );
  });
});
