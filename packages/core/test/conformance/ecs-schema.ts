import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { parse } from 'yaml';

interface EcsFieldDef {
  type: string;
  normalize?: string[];
  allowed_values?: { name: string }[];
}

export type EcsFlat = Record<string, EcsFieldDef>;

export function loadEcsFlat(dir: string): EcsFlat {
  return parse(readFileSync(join(dir, 'ecs-9.4.0', 'ecs_flat.yml'), 'utf8'), { maxAliasCount: -1 }) as EcsFlat;
}

/** Namespaces ECS leaves to the user: anything goes under `seclog`, keyword values under `labels`. */
const CUSTOM = 'seclog';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Dotted leaf paths of a nested document, arrays of scalars kept as one value. */
export function flatten(doc: Record<string, unknown>, prefix = ''): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [key, value] of Object.entries(doc)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value)) out.push(...flatten(value, path));
    else out.push([path, value]);
  }
  return out;
}

function matchesType(type: string, value: unknown): boolean {
  switch (type) {
    case 'keyword':
    case 'constant_keyword':
    case 'wildcard':
    case 'match_only_text':
      return typeof value === 'string';
    case 'long':
    case 'integer':
      return Number.isInteger(value);
    case 'float':
    case 'double':
    case 'scaled_float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'ip':
      return typeof value === 'string' && isIP(value) !== 0;
    default:
      return false;
  }
}

/** Every problem with one ECS document, as human-readable lines; empty when it conforms. */
export function ecsProblems(flat: EcsFlat, doc: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [path, value] of flatten(doc)) {
    if (path === CUSTOM || path.startsWith(`${CUSTOM}.`)) continue;
    if (path.startsWith('labels.')) {
      if (typeof value !== 'string') problems.push(`${path}: labels are keywords, got ${typeof value}`);
      continue;
    }
    const def = flat[path];
    if (!def) {
      problems.push(`${path}: not an ECS 9.4.0 field`);
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    if (Array.isArray(value) && !def.normalize?.includes('array')) problems.push(`${path}: ECS does not expect an array`);
    if (!Array.isArray(value) && def.normalize?.includes('array')) problems.push(`${path}: ECS expects an array`);
    for (const item of values) {
      if (!matchesType(def.type, item)) problems.push(`${path}: ${JSON.stringify(item)} is not of ECS type ${def.type}`);
      if (def.allowed_values && !def.allowed_values.some((allowed) => allowed.name === item)) {
        problems.push(`${path}: ${JSON.stringify(item)} is not an allowed value`);
      }
    }
  }
  return problems;
}
