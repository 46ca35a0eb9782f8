import { readFileSync, readdirSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';

interface AttrDef {
  requirement?: string;
  enum?: Record<string, { caption: string }>;
  type?: string;
  is_array?: boolean;
  /** Set when the attribute comes from a profile. */
  profile?: string;
}

interface Definition {
  name: string;
  caption: string;
  uid?: number;
  extends?: string;
  category?: string;
  attributes: Record<string, AttrDef>;
  constraints?: { at_least_one?: string[]; just_one?: string[] };
}

export interface OcsfClass {
  classUid: number;
  name: string;
  caption: string;
  categoryUid: number;
  attributes: Record<string, AttrDef>;
  constraints: NonNullable<Definition['constraints']>;
}

export interface OcsfSchema {
  classes: Map<number, OcsfClass>;
  object(name: string): { attributes: Record<string, AttrDef>; constraints: NonNullable<Definition['constraints']> } | undefined;
  dictionary: Record<string, AttrDef>;
  types: Record<string, { type?: string; regex?: string; range?: [number, number] }>;
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.json') ? [join(dir, entry.name)] : [],
  );
}

/**
 * Loads OCSF the way its schema server compiles it: a definition's attributes are its `extends`
 * chain's (base first) overlaid by its own, `$include`d profile attributes are marked with their
 * profile, and every attribute takes its type, array-ness and enum from the dictionary unless the
 * definition narrows the enum.
 */
export function loadOcsf(root: string): OcsfSchema {
  const base = join(root, 'ocsf-schema-1.8.0');
  const dictionaryFile = readJson(join(base, 'dictionary.json')) as {
    attributes: Record<string, AttrDef>;
    types: { attributes: OcsfSchema['types'] };
  };
  const categories = (readJson(join(base, 'categories.json')) as { attributes: Record<string, { uid: number }> }).attributes;
  const load = (dir: string) => {
    const byName = new Map<string, Definition>();
    for (const file of walk(join(base, dir))) {
      const def = readJson(file) as unknown as Definition;
      byName.set(def.name, def);
    }
    return byName;
  };
  const events = load('events');
  const objects = load('objects');

  const ownAttributes = (def: Definition): Record<string, AttrDef> => {
    const out: Record<string, AttrDef> = {};
    for (const [name, attr] of Object.entries(def.attributes ?? {})) {
      if (name !== '$include') {
        out[name] = attr;
        continue;
      }
      for (const include of attr as unknown as string[]) {
        const profile = readJson(join(base, include)) as unknown as Definition;
        for (const [pname, pattr] of Object.entries(profile.attributes)) out[pname] = { ...pattr, profile: profile.name };
      }
    }
    return out;
  };
  const resolveChain = (def: Definition, pool: Map<string, Definition>): { attributes: Record<string, AttrDef>; def: Definition[] } => {
    const parent = def.extends ? pool.get(def.extends) : undefined;
    const inherited = parent ? resolveChain(parent, pool) : { attributes: {}, def: [] };
    const attributes = { ...inherited.attributes };
    for (const [name, attr] of Object.entries(ownAttributes(def))) {
      // A class re-listing an attribute without a profile makes it its own.
      const previous = attributes[name];
      const merged: AttrDef = { ...previous, ...attr };
      if (previous?.enum && attr.enum) merged.enum = { ...previous.enum, ...attr.enum };
      if (!attr.profile) delete merged.profile;
      attributes[name] = merged;
    }
    return { attributes, def: [...inherited.def, def] };
  };
  const withDictionary = (attributes: Record<string, AttrDef>) => {
    const out: Record<string, AttrDef> = {};
    for (const [name, attr] of Object.entries(attributes)) {
      const dict = dictionaryFile.attributes[name];
      out[name] = { ...dict, ...attr, enum: attr.enum ?? dict?.enum };
    }
    return out;
  };
  const constraintsOf = (chain: Definition[]) =>
    chain.reduce<NonNullable<Definition['constraints']>>((acc, def) => ({ ...acc, ...def.constraints }), {});

  const classes = new Map<number, OcsfClass>();
  for (const def of events.values()) {
    const { attributes, def: chain } = resolveChain(def, events);
    const categoryName = [...chain].reverse().find((d) => d.category)?.category;
    const categoryUid = def.name === 'base_event' ? 0 : (categories[categoryName ?? '']?.uid ?? -1);
    if (def.uid === undefined && def.name !== 'base_event') continue;
    const classUid = def.name === 'base_event' ? 0 : categoryUid * 1000 + (def.uid ?? 0);
    classes.set(classUid, { classUid, name: def.name, caption: def.caption, categoryUid, attributes: withDictionary(attributes), constraints: constraintsOf(chain) });
  }
  const objectCache = new Map<string, ReturnType<OcsfSchema['object']>>();
  return {
    classes,
    dictionary: dictionaryFile.attributes,
    types: dictionaryFile.types.attributes,
    object(name) {
      if (!objectCache.has(name)) {
        const def = objects.get(name);
        objectCache.set(
          name,
          def && (() => {
            const { attributes, def: chain } = resolveChain(def, objects);
            return { attributes: withDictionary(attributes), constraints: constraintsOf(chain) };
          })(),
        );
      }
      return objectCache.get(name);
    },
  };
}

/** Enums the schema server generates per class; checked by `ocsfProblems` itself. */
const GENERATED_ENUMS = new Set(['class_uid', 'category_uid', 'type_uid']);

function scalarMatches(schema: OcsfSchema, type: string, value: unknown): boolean {
  switch (type) {
    case 'string_t':
      return typeof value === 'string';
    case 'integer_t':
    case 'long_t':
      return Number.isInteger(value);
    case 'float_t':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean_t':
      return typeof value === 'boolean';
    case 'json_t':
      return value !== undefined;
    case 'ip_t':
      return typeof value === 'string' && isIP(value) !== 0;
    default: {
      const derived = schema.types[type];
      if (!derived?.type) return false;
      if (!scalarMatches(schema, derived.type, value)) return false;
      if (derived.regex && typeof value === 'string' && !new RegExp(derived.regex).test(value)) return false;
      if (derived.range && typeof value === 'number' && (value < derived.range[0] || value > derived.range[1])) return false;
      return true;
    }
  }
}

/**
 * Every problem with one value against a set of attribute definitions: undefined attributes,
 * missing required ones, wrong types, values outside an enum, captions that disagree with their
 * `_id`, and broken `at_least_one` / `just_one` constraints. Recurses into objects.
 */
function checkAttributes(
  schema: OcsfSchema,
  attributes: Record<string, AttrDef>,
  constraints: NonNullable<Definition['constraints']>,
  value: Record<string, unknown>,
  path: string,
  profiles: readonly string[],
): string[] {
  const problems: string[] = [];
  const active = (attr: AttrDef) => !attr.profile || profiles.includes(attr.profile);
  for (const [name, attr] of Object.entries(attributes)) {
    if (attr.requirement === 'required' && active(attr) && value[name] === undefined) problems.push(`${path}${name}: required attribute missing`);
  }
  for (const group of [constraints.at_least_one, constraints.just_one]) {
    if (!group) continue;
    const present = group.filter((name) => value[name] !== undefined).length;
    if (present === 0) problems.push(`${path}: needs at least one of ${group.join(', ')}`);
    if (group === constraints.just_one && present > 1) problems.push(`${path}: needs just one of ${group.join(', ')}`);
  }
  for (const [name, item] of Object.entries(value)) {
    const attr = attributes[name];
    const where = `${path}${name}`;
    if (!attr) {
      problems.push(`${where}: attribute not defined here`);
      continue;
    }
    if (!active(attr)) problems.push(`${where}: belongs to profile ${attr.profile}, not listed in metadata.profiles`);
    if (!attr.type) {
      problems.push(`${where}: attribute has no type in the dictionary`);
      continue;
    }
    if (attr.is_array !== Array.isArray(item) && !(attr.is_array === undefined && !Array.isArray(item))) {
      problems.push(`${where}: ${attr.is_array ? 'expected an array' : 'did not expect an array'}`);
      continue;
    }
    const items = Array.isArray(item) ? item : [item];
    items.forEach((one, index) => {
      const at = Array.isArray(item) ? `${where}[${index}]` : where;
      if (attr.type === 'object') {
        if (typeof one !== 'object' || one === null) problems.push(`${at}: expected an object`);
        return;
      }
      if (!attr.type!.endsWith('_t')) {
        const objectDef = schema.object(attr.type!);
        if (!objectDef) problems.push(`${at}: unknown object type ${attr.type}`);
        else if (typeof one !== 'object' || one === null || Array.isArray(one)) problems.push(`${at}: expected a ${attr.type} object`);
        else problems.push(...checkAttributes(schema, objectDef.attributes, objectDef.constraints, one as Record<string, unknown>, `${at}.`, profiles));
        return;
      }
      if (!scalarMatches(schema, attr.type!, one)) problems.push(`${at}: ${JSON.stringify(one)} is not ${attr.type}`);
      if (attr.enum && !GENERATED_ENUMS.has(where) && !Object.hasOwn(attr.enum, String(one))) problems.push(`${at}: ${JSON.stringify(one)} is not in the enum`);
    });
    if (name.endsWith('_id') && attr.enum && Object.hasOwn(value, name.slice(0, -3))) {
      const caption = attr.enum[String(item)]?.caption;
      const sibling = value[name.slice(0, -3)];
      if (caption && String(item) !== '99' && sibling !== caption) {
        problems.push(`${path}${name.slice(0, -3)}: ${JSON.stringify(sibling)} is not the caption of ${name} ${String(item)} (${caption})`);
      }
    }
  }
  return problems;
}

export function ocsfProblems(schema: OcsfSchema, record: Record<string, unknown>): string[] {
  const cls = schema.classes.get(record.class_uid as number);
  if (!cls) return [`class_uid ${String(record.class_uid)} is not an OCSF 1.8.0 class`];
  const problems: string[] = [];
  if (record.category_uid !== cls.categoryUid) problems.push(`category_uid ${String(record.category_uid)} is not ${cls.name}'s category ${cls.categoryUid}`);
  if (record.type_uid !== cls.classUid * 100 + (record.activity_id as number)) problems.push('type_uid is not class_uid * 100 + activity_id');
  if (record.class_name !== cls.caption) problems.push(`class_name ${JSON.stringify(record.class_name)} is not ${JSON.stringify(cls.caption)}`);
  const activityCaption = cls.attributes.activity_id?.enum?.[String(record.activity_id)]?.caption;
  if (record.activity_name !== activityCaption && record.activity_id !== 99) {
    problems.push(`activity_name ${JSON.stringify(record.activity_name)} is not the caption ${JSON.stringify(activityCaption)}`);
  }
  const profiles = ((record.metadata as { profiles?: string[] } | undefined)?.profiles ?? []).slice();
  problems.push(...checkAttributes(schema, cls.attributes, cls.constraints, record, '', profiles));
  return problems;
}
