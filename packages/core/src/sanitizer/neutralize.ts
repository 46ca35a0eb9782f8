/**
 * Characters that can forge or hide log lines: C0 controls except TAB, DEL, C1 controls (NEL, CSI),
 * the Unicode line/paragraph separators and the bidi embedding, override and isolate controls.
 */
const UNSAFE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

function escapeOf(code: number): string {
  if (code === 0x0a) return '\\n';
  if (code === 0x0d) return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Each character code below the last unsafe one, with its escape when it is unsafe: one read per character. */
const ESCAPES: (string | undefined)[] = [];
for (let code = 0; code <= 0x2069; code++) ESCAPES.push(UNSAFE.test(String.fromCharCode(code)) ? escapeOf(code) : undefined);

/**
 * Output is flattened every this many input characters: appending one escape at a time builds a rope of
 * one node per escape, and a megabyte of control characters would otherwise leave a million of them
 * for the collector.
 */
const FLATTEN_EVERY = 16_384;

/**
 * Rewrites each unsafe character as visible ASCII (`\n`, `\r`, `\x1b`, `\u202e` ...), so an injected
 * line break or terminal escape shows up as text instead of acting. The escapes themselves are plain
 * characters, which makes this idempotent; the price is that a literal backslash-n in the input and a
 * neutralised newline read the same.
 */
export function neutralize(value: string): string {
  if (!UNSAFE.test(value)) return value;
  let out = '';
  let part = '';
  let kept = 0;
  let partStart = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const escape = code < ESCAPES.length ? ESCAPES[code] : undefined;
    if (escape === undefined) continue;
    part += i > kept ? value.slice(kept, i) + escape : escape;
    kept = i + 1;
    if (kept - partStart >= FLATTEN_EVERY) {
      // Reading a character flattens the rope in place.
      part.charCodeAt(0);
      out += part;
      part = '';
      partStart = kept;
    }
  }
  return out + part + value.slice(kept);
}
