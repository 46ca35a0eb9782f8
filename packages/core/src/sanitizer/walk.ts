import { Buffer } from 'node:buffer';
import type { AllowNode } from './allow-list';
import { isPaymentCard } from './checksums';
import { jsonLength } from './json-length';
import {
  CIRCULAR,
  NOT_ALLOWED,
  REDACTED,
  TRUNCATED_DEPTH,
  TRUNCATED_KEY,
  TRUNCATED_SIZE,
  UNREADABLE,
  moreItemsMarker,
  moreKeysMarker,
  redactedMarker,
} from './markers';
import type { SanitizerLimits } from './types';

export interface KeyInfo {
  /** The key as written to the output: neutralised, redacted, bounded. */
  readonly out: string;
  readonly sensitive: boolean;
  readonly normal: string;
  /** JSON length of `out` with its quotes, plus the colon and the comma before the next entry. */
  readonly cost: number;
}

/** What one walk needs from its sanitizer. */
export interface WalkCore {
  readonly limits: SanitizerLimits;
  readonly cardRuleOn: boolean;
  /** JSON length of a string known to come out of sanitising unchanged; undefined when not known. */
  cleanCost(value: string): number | undefined;
  /** `sanitizeString` for a string `cleanCost` has just not known. */
  sanitizeUnknown(value: string): string;
  keyInfo(key: string): KeyInfo;
}

/** Thrown-by-getter stand-in, distinct from every value a getter can return. */
const THREW = Symbol('threw');

const hasOwn = Object.prototype.hasOwnProperty;
const toStringTag = Object.prototype.toString;

/** `__proto__` must become an own data property, never a prototype assignment. */
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Two input keys can sanitise to one output key (two e-mails); the later one gets `#2`, `#3`... */
function uniqueKey(target: Record<string, unknown>, key: string): string {
  if (!hasOwn.call(target, key)) return key;
  let n = 2;
  while (hasOwn.call(target, `${key}#${n}`)) n++;
  return `${key}#${n}`;
}

function read(source: object, key: PropertyKey): unknown {
  try {
    return (source as Record<PropertyKey, unknown>)[key];
  } catch {
    return THREW;
  }
}

function describeMapKey(key: unknown): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'symbol') return key.toString();
  if (key === null || typeof key !== 'object') return String(key);
  return '[object]';
}

/**
 * One `sanitize()` call: a depth-first copy that charges every emitted value against the size budget.
 * Once the budget is spent, every later value becomes `[TRUNCATED:size]`; the charges depend only on
 * the output, so sanitising the output again reproduces it.
 */
export class Walk {
  private used = 0;
  private exhausted = false;
  private readonly ancestors: object[] = [];

  constructor(private readonly core: WalkCore) {}

  private leaf<T>(value: T, cost: number): T | string {
    if (this.exhausted) return TRUNCATED_SIZE;
    if (this.used + cost > this.core.limits.maxTotalSize) {
      this.exhausted = true;
      return TRUNCATED_SIZE;
    }
    this.used += cost;
    return value;
  }

  private text(value: string): string {
    const known = this.core.cleanCost(value);
    if (known !== undefined) return this.leaf(value, known);
    const clean = this.core.sanitizeUnknown(value);
    return this.leaf(clean, jsonLength(clean));
  }

  value(value: unknown, depth: number, allow: AllowNode | null): unknown {
    if (value === THREW) return this.text(UNREADABLE);
    switch (typeof value) {
      case 'string':
        return this.text(value);
      case 'number':
        return this.number(value);
      case 'boolean':
        return this.leaf(value, value ? 4 : 5);
      case 'undefined':
        return undefined;
      case 'bigint':
        return this.text(value.toString());
      case 'symbol':
        return this.text(value.toString());
      case 'function': {
        const name = read(value, 'name');
        return this.text(`[Function: ${typeof name === 'string' && name !== '' ? name : 'anonymous'}]`);
      }
      default:
        if (value === null) return this.leaf(null, 4);
        return this.container(value as object, depth, allow);
    }
  }

  private number(value: number): unknown {
    if (!Number.isFinite(value)) return this.text(String(value));
    // A card number kept as a JavaScript number is still a card number.
    if (this.core.cardRuleOn && Number.isSafeInteger(value) && value >= 1e12 && isPaymentCard(String(value))) {
      return this.text(redactedMarker('card'));
    }
    return this.leaf(value === 0 ? 0 : value, String(value).length);
  }

  private container(value: object, depth: number, allow: AllowNode | null): unknown {
    if (this.exhausted) return TRUNCATED_SIZE;
    if (depth >= this.core.limits.maxDepth) return this.text(TRUNCATED_DEPTH);
    if (this.ancestors.includes(value)) return this.text(CIRCULAR);
    this.ancestors.push(value);
    try {
      return this.structured(value, depth, allow);
    } catch {
      // A revoked Proxy or a hostile trap: what could be read is lost, the event is not.
      return this.text(UNREADABLE);
    } finally {
      this.ancestors.pop();
    }
  }

  private structured(value: object, depth: number, allow: AllowNode | null): unknown {
    if (Array.isArray(value)) return this.array(value, depth, allow);
    const proto: unknown = Object.getPrototypeOf(value);
    // Plain objects (the common case) skip the class checks below.
    if ((proto === Object.prototype || proto === null) && read(value, 'toJSON') === undefined) {
      return this.object(value, Object.keys(value), depth, allow);
    }
    if (value instanceof Date) {
      const time = Date.prototype.getTime.call(value);
      return this.text(Number.isNaN(time) ? 'Invalid Date' : new Date(time).toISOString());
    }
    if (ArrayBuffer.isView(value)) {
      const name = Buffer.isBuffer(value) ? 'Buffer' : (toStringTag.call(value).slice(8, -1) || 'TypedArray');
      return this.text(`[${name}: ${value.byteLength} bytes]`);
    }
    if (value instanceof ArrayBuffer || toStringTag.call(value) === '[object SharedArrayBuffer]') {
      return this.text(`[ArrayBuffer: ${(value as ArrayBuffer).byteLength} bytes]`);
    }
    if (value instanceof Error || toStringTag.call(value) === '[object Error]') return this.error(value as Error, depth, allow);
    if (value instanceof Map) return this.map(value, depth, allow);
    if (value instanceof Set) return this.list(value.values(), value.size, depth, allow);
    if (value instanceof RegExp) return this.text(String(value));
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return this.value(value.valueOf(), depth, allow);
    }
    const toJSON = read(value, 'toJSON');
    if (typeof toJSON === 'function') {
      let json: unknown;
      try {
        json = toJSON.call(value);
      } catch {
        return this.text(UNREADABLE);
      }
      // A new object from toJSON counts one level deeper, so toJSON chains stay bounded.
      if (json !== value) return this.value(json, depth + 1, allow);
    }
    return this.object(value, Object.keys(value), depth, allow);
  }

  private object(value: object, keys: readonly string[], depth: number, allow: AllowNode | null): Record<string, unknown> | string {
    const container = this.leaf(null, 2);
    if (container !== null) return container;
    const out: Record<string, unknown> = {};
    const { maxKeys } = this.core.limits;
    const limit = keys.length > maxKeys ? maxKeys - 1 : keys.length;
    for (let i = 0; i < limit; i++) {
      const key = keys[i]!;
      if (this.exhausted || !this.put(out, key, read(value, key), depth, allow)) return this.closeExhausted(out);
    }
    if (keys.length > maxKeys && (this.exhausted || !this.put(out, TRUNCATED_KEY, moreKeysMarker(keys.length - limit), depth, null))) {
      return this.closeExhausted(out);
    }
    return out;
  }

  private closeExhausted(out: Record<string, unknown>): Record<string, unknown> {
    define(out, uniqueKey(out, TRUNCATED_KEY), TRUNCATED_SIZE);
    return out;
  }

  /**
   * Adds one entry; `false` (nothing added, budget spent) when even its key does not fit.
   * `allow` is the allow-list node of the object holding the key (null: everything allowed).
   */
  private put(out: Record<string, unknown>, rawKey: string, raw: unknown, depth: number, allow: AllowNode | null): boolean {
    const info = this.core.keyInfo(rawKey);
    const key = uniqueKey(out, info.out);
    // Quotes, colon and the comma before the next entry.
    const keyCost = key === info.out ? info.cost : jsonLength(key) + 2;
    if (this.used + keyCost > this.core.limits.maxTotalSize) {
      this.exhausted = true;
      return false;
    }
    this.used += keyCost;
    let childAllow: AllowNode | null = null;
    if (allow !== null && rawKey !== TRUNCATED_KEY) {
      const node = allow.children.get(info.normal);
      if (node === undefined) {
        define(out, key, this.text(NOT_ALLOWED));
        return true;
      }
      childAllow = node.all ? null : node;
    }
    let clean: unknown;
    if (info.sensitive && raw !== null && raw !== undefined && typeof raw !== 'boolean') {
      // Booleans and null carry no secret and keep `passwordSet: true` readable.
      clean = this.text(REDACTED);
    } else {
      clean = this.value(raw, depth + 1, childAllow);
    }
    define(out, key, clean);
    return true;
  }

  private error(error: Error, depth: number, allow: AllowNode | null): Record<string, unknown> | string {
    const keys = ['name', 'message', 'stack'];
    for (const extra of ['code', 'cause', 'errors']) if (extra in error) keys.push(extra);
    for (const own of Object.keys(error)) if (!keys.includes(own)) keys.push(own);
    return this.object(error, keys, depth, allow);
  }

  private map(map: Map<unknown, unknown>, depth: number, allow: AllowNode | null): Record<string, unknown> | string {
    const container = this.leaf(null, 2);
    if (container !== null) return container;
    const out: Record<string, unknown> = {};
    const { maxKeys } = this.core.limits;
    const limit = map.size > maxKeys ? maxKeys - 1 : map.size;
    let i = 0;
    for (const [key, entry] of map) {
      if (i++ >= limit) break;
      if (this.exhausted || !this.put(out, describeMapKey(key), entry, depth, allow)) return this.closeExhausted(out);
    }
    if (map.size > maxKeys && (this.exhausted || !this.put(out, TRUNCATED_KEY, moreKeysMarker(map.size - limit), depth, null))) {
      return this.closeExhausted(out);
    }
    return out;
  }

  private array(array: readonly unknown[], depth: number, allow: AllowNode | null): unknown[] | string {
    const { maxArrayLength } = this.core.limits;
    const length = array.length;
    // Brackets and commas, for as many slots as the output will have.
    const container = this.leaf(null, 2 + Math.min(length, maxArrayLength));
    if (container !== null) return container;
    const limit = length > maxArrayLength ? maxArrayLength - 1 : length;
    const out: unknown[] = [];
    for (let i = 0; i < limit; i++) {
      if (this.exhausted) {
        out.push(TRUNCATED_SIZE);
        return out;
      }
      out.push(this.item(read(array, i), depth, allow));
    }
    if (length > maxArrayLength) out.push(this.text(moreItemsMarker(length - limit)));
    return out;
  }

  private list(items: Iterator<unknown>, size: number, depth: number, allow: AllowNode | null): unknown[] | string {
    const { maxArrayLength } = this.core.limits;
    const container = this.leaf(null, 2 + Math.min(size, maxArrayLength));
    if (container !== null) return container;
    const limit = size > maxArrayLength ? maxArrayLength - 1 : size;
    const out: unknown[] = [];
    for (let i = 0; i < limit; i++) {
      const next = items.next();
      if (next.done === true) break;
      if (this.exhausted) {
        out.push(TRUNCATED_SIZE);
        return out;
      }
      out.push(this.item(next.value, depth, allow));
    }
    if (size > maxArrayLength) out.push(this.text(moreItemsMarker(size - limit)));
    return out;
  }

  /** Array slots have no key of their own, so they keep the allow-list node of the array's key. */
  private item(raw: unknown, depth: number, allow: AllowNode | null): unknown {
    const clean = this.value(raw, depth + 1, allow);
    return clean === undefined ? this.leaf(null, 4) : clean;
  }
}
