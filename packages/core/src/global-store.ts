import { AsyncLocalStorage } from 'node:async_hooks';
import type { SecurityContext } from './context/security-context';
import type { TransportFactory } from './logger/transport-types';

/**
 * State that must be one per process even when both the ESM and the CJS build of core are
 * loaded (an app importing one, a dependency requiring the other): kept on a `Symbol.for` key.
 */
export interface CoreGlobalStore {
  readonly contextStorage: AsyncLocalStorage<SecurityContext>;
  readonly transports: Map<string, TransportFactory>;
}

const KEY = Symbol.for('seclog.core.v1');

type WithStore = typeof globalThis & { [KEY]?: CoreGlobalStore };

export function coreGlobalStore(): CoreGlobalStore {
  const g = globalThis as WithStore;
  let store = g[KEY];
  if (!store) {
    store = { contextStorage: new AsyncLocalStorage<SecurityContext>(), transports: new Map() };
    Object.defineProperty(g, KEY, { value: store, enumerable: false, configurable: false, writable: false });
  }
  return store;
}
