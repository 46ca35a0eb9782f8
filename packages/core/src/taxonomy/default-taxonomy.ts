import type { EventTypeDefinition, EventTypeRegistration } from './definition';
import { createTaxonomy, type Taxonomy } from './registry';

const KEY = Symbol.for('seclog.core.v1.taxonomy');

type WithTaxonomy = typeof globalThis & { [KEY]?: Taxonomy };

/**
 * One default taxonomy per process, even when both the ESM and the CJS build of core are loaded:
 * a type registered through one copy is known to a logger created by the other.
 */
function sharedTaxonomy(): Taxonomy {
  const g = globalThis as WithTaxonomy;
  let taxonomy = g[KEY];
  if (!taxonomy) {
    taxonomy = createTaxonomy();
    Object.defineProperty(g, KEY, { value: taxonomy, enumerable: false, configurable: false, writable: false });
  }
  return taxonomy;
}

/** The taxonomy loggers use unless given their own. */
export const defaultTaxonomy: Taxonomy = sharedTaxonomy();

/** Registers an event type in `defaultTaxonomy`. */
export function registerEventType(definition: EventTypeRegistration): EventTypeDefinition {
  return defaultTaxonomy.register(definition);
}
