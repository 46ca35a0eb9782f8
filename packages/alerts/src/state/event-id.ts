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

const HEX = new Int8Array(128).fill(-1);
for (let digit = 0; digit < 16; digit++) HEX[digit.toString(16).charCodeAt(0)] = digit;

/** The value of `count` hex digits from `from`, or NaN when one is not a lower-case hex digit. */
function hex(id: string, from: number, count: number, value: number): number {
  for (let index = from; index < from + count; index++) {
    const code = id.charCodeAt(index);
    const digit = code < 128 ? HEX[code]! : -1;
    if (digit < 0) return Number.NaN;
    value = value * 16 + digit;
  }
  return value;
}

const HYPHEN = 45;

export function encodeId(id: string, into: IdParts): void {
  if (id.length === 36 && id.charCodeAt(8) === HYPHEN && id.charCodeAt(13) === HYPHEN && id.charCodeAt(18) === HYPHEN && id.charCodeAt(23) === HYPHEN) {
    // 12 hex digits are 48 bits: exact in a double.
    const hi = hex(id, 9, 4, hex(id, 0, 8, 0));
    const mid = hex(id, 24, 4, hex(id, 19, 4, hex(id, 14, 4, 0)));
    const lo = hex(id, 28, 8, 0);
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
