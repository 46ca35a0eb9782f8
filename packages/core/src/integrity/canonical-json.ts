/** Thrown for values RFC 8785 cannot represent: non-finite numbers, bigints, functions, symbols. */
export class CanonicalJsonError extends TypeError {
  override readonly name = 'CanonicalJsonError';
}

/**
 * RFC 8785 (JCS) canonical JSON: object members sorted by their UTF-16 code units, no whitespace,
 * numbers and strings serialised as ECMAScript's JSON.stringify does (which is what JCS specifies),
 * so a verifier in any language recomputes the same bytes. `undefined` members are left out, as
 * JSON leaves them out; lone surrogates are escaped as JSON.stringify escapes them rather than
 * rejected, because log input is attacker-controlled and must not become unloggable.
 */
export function canonicalize(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`cannot canonicalise the number ${value}`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value as Record<string, unknown>);
    default:
      throw new CanonicalJsonError(`cannot canonicalise a value of type ${typeof value}`);
  }
}

function canonicalArray(items: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ',';
    const item = items[i];
    // JSON turns holes and undefined array items into null; so must we, to match JSON.parse output.
    out += item === undefined ? 'null' : canonicalize(item);
  }
  return out + ']';
}

function canonicalObject(object: Record<string, unknown>): string {
  if (typeof (object as { toJSON?: unknown }).toJSON === 'function') {
    return canonicalize((object as { toJSON(): unknown }).toJSON());
  }
  // Default sort compares UTF-16 code units, exactly the order RFC 8785 section 3.2.3 asks for.
  const keys = Object.keys(object).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = object[key];
    if (member === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += JSON.stringify(key) + ':' + canonicalize(member);
  }
  return out + '}';
}
