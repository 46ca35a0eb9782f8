import { randomFillSync } from 'node:crypto';

// Random bytes are drawn in blocks: one syscall per 512 ids instead of one per id.
const POOL_IDS = 512;
const pool = Buffer.allocUnsafe(POOL_IDS * 10);
let poolOffset = pool.length;

let lastMs = -1;
let counter = 0;

const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
// The 36-character text form; the dashes at 8, 13, 18 and 23 are never overwritten.
const text = Buffer.alloc(36, 0x2d);

function hex(at: number, byte: number): void {
  text[at] = HEX_DIGITS[byte >>> 4]!;
  text[at + 1] = HEX_DIGITS[byte & 0x0f]!;
}

/**
 * RFC 9562 UUID version 7. Within one millisecond the 12-bit `rand_a` field is a counter seeded
 * randomly (method 1 of section 6.2), so ids from one process sort in the order they were made.
 * The id is written into a byte buffer and decoded once: a flat string, not a rope of pieces,
 * because consumers such as alert windows keep ids for a long time.
 */
export function uuidv7(now: number = Date.now()): string {
  if (poolOffset + 10 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const r = poolOffset;
  poolOffset += 10;

  let ms = now;
  if (ms > lastMs) {
    lastMs = ms;
    counter = ((pool[r]! << 8) | pool[r + 1]!) & 0x7ff; // leave head-room before the counter overflows
  } else {
    ms = lastMs;
    counter++;
    if (counter > 0xfff) {
      // Counter exhausted in this millisecond: borrow the next one, keeping order monotonic.
      lastMs = ms = lastMs + 1;
      counter = 0;
    }
  }

  const high = Math.floor(ms / 0x1000000);
  const low = ms % 0x1000000;
  hex(0, (high >>> 16) & 0xff);
  hex(2, (high >>> 8) & 0xff);
  hex(4, high & 0xff);
  hex(6, (low >>> 16) & 0xff);
  hex(9, (low >>> 8) & 0xff);
  hex(11, low & 0xff);
  hex(14, 0x70 | (counter >>> 8));
  hex(16, counter & 0xff);
  hex(19, 0x80 | (pool[r + 2]! & 0x3f));
  hex(21, pool[r + 3]!);
  for (let i = 0; i < 6; i++) hex(24 + 2 * i, pool[r + 4 + i]!);
  return text.toString('latin1');
}

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuidV7(value: string): boolean {
  return UUID_V7.test(value);
}
