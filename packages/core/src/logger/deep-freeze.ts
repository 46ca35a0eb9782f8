/**
 * Freezes a tree of plain data (the sanitiser's output holds nothing else). Loops without
 * `Object.keys` so that freezing allocates nothing: it runs on every `log()`.
 */
export function deepFreeze<T>(value: T): T {
  if (isUnfrozenObject(value)) freezeTree(value);
  return value;
}

function isUnfrozenObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Object.isFrozen(value);
}

// Most leaves are strings and numbers: they are tested here instead of costing a call each.
function freezeTree(value: object): void {
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (isUnfrozenObject(item)) freezeTree(item);
    }
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const item = record[key];
    if (isUnfrozenObject(item)) freezeTree(item);
  }
}
