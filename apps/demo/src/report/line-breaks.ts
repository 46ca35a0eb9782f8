/** Whether any string (or key) inside holds a raw line break: the stuff forged log lines are made of. */
export function holdsLineBreak(value: unknown): boolean {
  if (typeof value === 'string') return /[\r\n\u2028\u2029]/.test(value);
  if (Array.isArray(value)) return value.some(holdsLineBreak);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([key, inner]) => holdsLineBreak(key) || holdsLineBreak(inner));
  return false;
}
