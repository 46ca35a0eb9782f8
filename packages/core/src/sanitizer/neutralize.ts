/**
 * Characters that can forge or hide log lines: C0 controls except TAB, DEL, C1 controls (NEL, CSI),
 * the Unicode line/paragraph separators and the bidi embedding, override and isolate controls.
 */
const UNSAFE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

function escapeChar(char: string): string {
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Rewrites each unsafe character as visible ASCII (`\n`, `\r`, `\x1b`, `\u202e` ...), so an injected
 * line break or terminal escape shows up as text instead of acting. The escapes themselves are plain
 * characters, which makes this idempotent; the price is that a literal backslash-n in the input and a
 * neutralised newline read the same.
 */
export function neutralize(value: string): string {
  return UNSAFE.test(value) ? value.replace(UNSAFE_ALL, escapeChar) : value;
}
