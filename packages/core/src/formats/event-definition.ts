import type { SecurityEvent } from '../event';
import type { EventTypeDefinition } from '../taxonomy';
import { defaultTaxonomy, type Taxonomy } from '../taxonomy';

/**
 * The taxonomy entry behind an event. An event written by another process may carry a type this
 * one never registered: the taxonomy then makes up an entry from the name's category.
 */
export function definitionOf(event: SecurityEvent, taxonomy: Taxonomy = defaultTaxonomy): EventTypeDefinition {
  return taxonomy.get(event.event_type) ?? taxonomy.resolve(event.event_type);
}
