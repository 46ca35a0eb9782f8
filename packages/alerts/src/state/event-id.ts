/**
 * An event id as the engine keeps it. Rules hold the ids of the events in their windows (to name the
 * first one in an alert); held as strings, every event would leave one more object for the garbage
 * collector to copy and trace for as long as the window lasts. A canonical UUID (what core writes)
 * is held as three numbers instead, in arrays the collector never looks into; any other id as its
 * text.
 */
export interface IdParts {
  /** Hex digits 1–12 of the UUID; -1 when the id is held as its text. */
  idHi: number;
  /** Hex digits 13–24. */
  idMid: number;
  /** Hex digits 25–32. */
  idLo: number;
  /** The id itself when it is not a canonical (lower-case, hyphenated) UUID (which may be ''); otherwise ''. */
  idText: string;
}

/**
 * Two lower-case hex digits (their char codes, 7 bits each) -> their value, or -1: reading a pair
 * per step halves the lookups, and the id of every event is read.
 */
const PAIRS = new Int16Array(1 << 14).fill(-1);
for (let high = 0; high < 16; high++) {
  for (let low = 0; low < 16; low++) PAIRS[(high.toString(16).charCodeAt(0) << 7) | low.toString(16).charCodeAt(0)] = high * 16 + low;
}

/** The value of `pairs` pairs of hex digits from `from`, or NaN when one is not a lower-case hex digit. */
function hex(id: string, from: number, pairs: number, value: number): number {
  for (let index = from; index < from + 2 * pairs; index += 2) {
    const high = id.charCodeAt(index);
    const low = id.charCodeAt(index + 1);
    if ((high | low) > 127) return Number.NaN;
    const pair = PAIRS[(high << 7) | low]!;
    if (pair < 0) return Number.NaN;
    value = value * 256 + pair;
  }
  return value;
}

const HYPHEN = 45;

export function encodeId(id: string, into: IdParts): void {
  if (id.length === 36 && id.charCodeAt(8) === HYPHEN && id.charCodeAt(13) === HYPHEN && id.charCodeAt(18) === HYPHEN && id.charCodeAt(23) === HYPHEN) {
    // 12 hex digits are 48 bits: exact in a double.
    const hi = hex(id, 9, 2, hex(id, 0, 4, 0));
    const mid = hex(id, 24, 2, hex(id, 19, 2, hex(id, 14, 2, 0)));
    const lo = hex(id, 28, 4, 0);
    if (!Number.isNaN(hi + mid + lo)) {
      into.idHi = hi;
      into.idMid = mid;
      into.idLo = lo;
      into.idText = '';
      return;
    }
  }
  into.idHi = -1;
  into.idMid = 0;
  into.idLo = 0;
  into.idText = id;
}

/** The id `encodeId` was given, character for character. */
export function decodeId(hi: number, mid: number, lo: number, text: string): string {
  if (hi < 0) return text;
  const a = hi.toString(16).padStart(12, '0');
  const b = mid.toString(16).padStart(12, '0');
  return `${a.slice(0, 8)}-${a.slice(8)}-${b.slice(0, 4)}-${b.slice(4, 8)}-${b.slice(8)}${lo.toString(16).padStart(8, '0')}`;
}
