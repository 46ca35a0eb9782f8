import { SecurityLogConfigError } from '../errors';
import { normalizeKey } from './sensitive-keys';

/** One level of the allow-list: `all` lets the whole subtree through; otherwise only `children`. */
export interface AllowNode {
  all: boolean;
  readonly children: Map<string, AllowNode>;
}

/** `['reason', 'http.method']` -> root { reason: all, http: { method: all } }. */
export function compileAllowList(entries: readonly string[] | undefined): AllowNode | null {
  if (entries === undefined || entries === null) return null;
  if (!Array.isArray(entries)) {
    throw new SecurityLogConfigError('OPTION_INVALID', 'sanitizer.allowKeys', 'must be an array of key paths');
  }
  const root: AllowNode = { all: false, children: new Map() };
  entries.forEach((entry, index) => {
    if (typeof entry !== 'string' || entry.trim() === '') {
      throw new SecurityLogConfigError('OPTION_INVALID', `sanitizer.allowKeys[${index}]`, 'must be a non-empty string');
    }
    let node = root;
    for (const segment of entry.split('.')) {
      const name = normalizeKey(segment);
      let child = node.children.get(name);
      if (child === undefined) {
        child = { all: false, children: new Map() };
        node.children.set(name, child);
      }
      node = child;
    }
    node.all = true;
  });
  return root;
}
