import { SecurityEventError } from '../errors';
import { OWASP_EVENT_TYPES } from './catalogue-owasp';
import { SECLOG_EVENT_TYPES } from './catalogue-seclog';
import type { EventTypeDefinition, EventTypeRegistration } from './definition';
import {
  MAX_OWASP_EVENT_LENGTH,
  isDottedName,
  isOwaspTokenShape,
  malformedEventType,
  missingEventType,
} from './event-type-name';
import { DEFAULT_BASE_RISK, inheritedMappings, normaliseRegistration, sameDefinition } from './normalise-registration';

/** Every built-in event type: the OWASP vocabulary first, then @seclog's own families. */
export const EVENT_TYPES: readonly EventTypeDefinition[] = Object.freeze([...OWASP_EVENT_TYPES, ...SECLOG_EVENT_TYPES]);

/** What `parse()` finds in an event type string. */
export interface ParsedEventType {
  definition: EventTypeDefinition;
  /**
   * The arguments after the colon of an OWASP token, e.g. `joebob1` in `authn_login_fail:joebob1`,
   * verbatim. They are caller (often attacker) data: put them in metadata, which is sanitised.
   */
  owaspArgs?: string;
}

export interface Taxonomy {
  /** The registered entry for a dotted name or an OWASP token (any case, no arguments), else undefined. */
  get(nameOrOwaspToken: string): EventTypeDefinition | undefined;
  /**
   * The entry `log()` uses for an `eventType`: a registered name, an OWASP token (with or without
   * `:args`), or a made-up entry for a well-formed name nobody registered. Throws
   * `SecurityEventError` `EVENT_TYPE_MISSING` (empty or not a string) or `EVENT_TYPE_MALFORMED`.
   */
  resolve(eventType: string): EventTypeDefinition;
  /** `resolve()`, also returning the arguments of an OWASP `token:args` string. */
  parse(eventType: string): ParsedEventType;
  /**
   * Adds an event type; registering an identical definition again is a no-op. Throws
   * `EVENT_TYPE_CONFLICT` when the name or OWASP token is already taken by a different definition,
   * `EVENT_TYPE_MALFORMED` when a field is invalid.
   */
  register(definition: EventTypeRegistration): EventTypeDefinition;
  /** Every registered entry, in registration order. */
  list(): EventTypeDefinition[];
}

function synthesise(name: string, template: EventTypeDefinition | undefined): EventTypeDefinition {
  const category = name.slice(0, name.indexOf('.'));
  return Object.freeze({
    name,
    category,
    description: name,
    defaultOutcome: 'unknown',
    baseRisk: DEFAULT_BASE_RISK,
    ...inheritedMappings(template),
    synthetic: true,
  });
}

/** A taxonomy holding the built-in catalogue plus `extra`; independent of `defaultTaxonomy`. */
export function createTaxonomy(extra: readonly EventTypeRegistration[] = []): Taxonomy {
  const byName = new Map<string, EventTypeDefinition>();
  const byOwasp = new Map<string, EventTypeDefinition>();
  // The first entry of each category lends its mappings to types of that category that bring none.
  const firstOfCategory = new Map<string, EventTypeDefinition>();
  const template = (category: string) => firstOfCategory.get(category);
  // Made-up entries are remembered (boundedly) because the logger and the scorer both resolve the
  // same name; a registration clears them, since it may give their category its mappings.
  const madeUp = new Map<string, EventTypeDefinition>();
  const MAX_MADE_UP = 1024;

  function add(definition: EventTypeDefinition): EventTypeDefinition {
    const existing = byName.get(definition.name);
    if (existing) {
      if (sameDefinition(existing, definition)) return existing;
      throw new SecurityEventError(
        'EVENT_TYPE_CONFLICT',
        `event type "${definition.name}" is already registered with a different definition`,
      );
    }
    const owner = definition.owasp === undefined ? undefined : byOwasp.get(definition.owasp);
    if (owner) {
      throw new SecurityEventError(
        'EVENT_TYPE_CONFLICT',
        `OWASP token "${definition.owasp}" already stands for "${owner.name}", not "${definition.name}"`,
      );
    }
    madeUp.clear();
    byName.set(definition.name, definition);
    if (definition.owasp !== undefined) byOwasp.set(definition.owasp, definition);
    if (!firstOfCategory.has(definition.category)) firstOfCategory.set(definition.category, definition);
    return definition;
  }

  function get(nameOrOwaspToken: string): EventTypeDefinition | undefined {
    if (typeof nameOrOwaspToken !== 'string') return undefined;
    return byName.get(nameOrOwaspToken) ?? byOwasp.get(nameOrOwaspToken.toLowerCase());
  }

  function parse(eventType: string): ParsedEventType {
    const known = byName.get(eventType);
    if (known) return { definition: known };
    if (typeof eventType !== 'string' || eventType.length === 0) throw missingEventType(eventType);
    if (eventType.length > MAX_OWASP_EVENT_LENGTH) throw malformedEventType(eventType);
    // The cheat sheet writes tokens in either case (`AUTHN_login_success:joebob1`) with `:args` after them.
    const colon = eventType.indexOf(':');
    const token = (colon === -1 ? eventType : eventType.slice(0, colon)).toLowerCase();
    if (isOwaspTokenShape(token)) {
      const definition = byOwasp.get(token);
      if (definition) return colon === -1 ? { definition } : { definition, owaspArgs: eventType.slice(colon + 1) };
    } else if (colon === -1) {
      const remembered = madeUp.get(eventType);
      if (remembered) return { definition: remembered };
      if (isDottedName(eventType)) {
        const definition = synthesise(eventType, template(eventType.slice(0, eventType.indexOf('.'))));
        if (madeUp.size >= MAX_MADE_UP) madeUp.clear();
        madeUp.set(eventType, definition);
        return { definition };
      }
    }
    throw malformedEventType(eventType);
  }

  function resolve(eventType: string): EventTypeDefinition {
    // The hot path of log(): a registered name is one Map lookup, before any pattern runs.
    return byName.get(eventType) ?? parse(eventType).definition;
  }

  const taxonomy: Taxonomy = {
    get,
    resolve,
    parse,
    register: (definition) => add(normaliseRegistration(definition, template)),
    list: () => [...byName.values()],
  };
  for (const definition of EVENT_TYPES) add(definition);
  for (const definition of extra) taxonomy.register(definition);
  return taxonomy;
}
