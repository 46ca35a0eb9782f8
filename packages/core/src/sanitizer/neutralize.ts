/**
 * Characters that can forge or hide log lines: C0 controls except TAB, DEL, C1 controls (NEL, CSI),
 * the Unicode line/paragraph separators and the bidi embedding, override and isolate controls.
 */
const UNSAFE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

function escapeOf(code: number): string {
  if (code === 0x0a) return '\\n';
  if (code === 0x0d) return '\\r';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Every unsafe character's escape, computed once: an input made of nothing else costs one lookup per character. */
const ESCAPES = new Map<string, string>();
for (const [from, to] of [[0x00, 0x9f], [0x61c, 0x61c], [0x200e, 0x200f], [0x2028, 0x202e], [0x2066, 0x2069]] as const) {
  for (let code = from; code <= to; code++) {
    const char = String.fromCharCode(code);
    if (UNSAFE.test(char)) ESCAPES.set(char, escapeOf(code));
  }
}

function escapeChar(char: string): string {
  return ESCAPES.get(char) ?? escapeOf(char.charCodeAt(0));
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
