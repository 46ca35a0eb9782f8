import { randomFillSync } from 'node:crypto';

// Random bytes are drawn in blocks: one syscall per 512 ids instead of one per id.
const POOL_IDS = 512;
const pool = Buffer.allocUnsafe(POOL_IDS * 10);
let poolOffset = pool.length;

let lastMs = -1;
let counter = 0;

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * RFC 9562 UUID version 7. Within one millisecond the 12-bit `rand_a` field is a counter seeded
 * randomly (method 1 of section 6.2), so ids from one process sort in the order they were made.
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
  return (
    HEX[(high >>> 16) & 0xff]! +
    HEX[(high >>> 8) & 0xff]! +
    HEX[high & 0xff]! +
    HEX[(low >>> 16) & 0xff]! +
    '-' +
    HEX[(low >>> 8) & 0xff]! +
    HEX[low & 0xff]! +
    '-' +
    HEX[0x70 | (counter >>> 8)]! +
    HEX[counter & 0xff]! +
    '-' +
    HEX[0x80 | (pool[r + 2]! & 0x3f)]! +
    HEX[pool[r + 3]!]! +
    '-' +
    HEX[pool[r + 4]!]! +
    HEX[pool[r + 5]!]! +
    HEX[pool[r + 6]!]! +
    HEX[pool[r + 7]!]! +
    HEX[pool[r + 8]!]! +
    HEX[pool[r + 9]!]!
  );
}

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuidV7(value: string): boolean {
  return UUID_V7.test(value);
}
