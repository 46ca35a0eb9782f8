const SURROGATE = /[\ud800-\udfff]/;

/**
 * Characters JSON.stringify writes for a sanitised string (or more): quotes, plus its escapes, with
 * surrogates counted as lone. Sanitised text holds no control character but TAB, so three `indexOf`
 * scans and a surrogate test (nearly free on one-byte strings) settle the common case.
 */
export function jsonLength(value: string): number {
  let length = value.length + 2;
  if (value.indexOf('"') === -1 && value.indexOf('\\') === -1 && value.indexOf('\t') === -1 && !SURROGATE.test(value)) {
    return length;
  }
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === 0x22 || code === 0x5c || code < 0x20) length += code < 0x20 ? 5 : 1;
    else if (code >= 0xd800 && code <= 0xdfff) length += 5;
  }
  return length;
}
