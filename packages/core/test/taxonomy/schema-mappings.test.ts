import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ECS_EVENT_CATEGORIES, ECS_EVENT_KINDS, ECS_EVENT_TYPES, EVENT_TYPES, createTaxonomy } from '../../src/taxonomy';

// The official ECS and OCSF definitions are read where they are; nothing of them is copied into the repo.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const schemasDir = resolve(repoRoot, process.env.SECLOG_SCHEMAS_DIR ?? '../shared/data');
const ecsFile = join(schemasDir, 'ecs-9.4.0', 'ecs_flat.yml');
const ocsfDir = join(schemasDir, 'ocsf-schema-1.8.0');
if (!existsSync(ecsFile) || !existsSync(join(ocsfDir, 'events'))) {
  throw new Error(
    `ECS/OCSF definitions not found under ${schemasDir}: set SECLOG_SCHEMAS_DIR to the directory holding ` +
      'ecs-9.4.0/ecs_flat.yml and ocsf-schema-1.8.0/',
  );
}

interface AllowedValue {
  name: string;
  expected_event_types?: string[];
}
const ecsFields = parse(readFileSync(ecsFile, 'utf8')) as Record<string, { allowed_values?: AllowedValue[] }>;
const allowed = (field: string) => (ecsFields[field]?.allowed_values ?? []).map((v) => v.name);

interface OcsfClassFile {
  name: string;
  caption: string;
  uid?: number;
  category?: string;
  extends?: string;
  attributes?: { activity_id?: { enum?: Record<string, { caption: string }> } };
}

function readJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(join(ocsfDir, ...parts), 'utf8')) as T;
}

const categoryUids = new Map(
  Object.entries(readJson<{ attributes: Record<string, { uid: number }> }>('categories.json').attributes).map(
    ([name, c]) => [name, c.uid],
  ),
);

/** Every event class of the schema by its full class_uid, with its activity enum merged along `extends`. */
function loadOcsfClasses(): Map<number, { caption: string; categoryUid: number; activities: Map<number, string> }> {
  const files = new Map<string, OcsfClassFile>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(ocsfDir, dir)).sort()) {
      const rel = join(dir, entry);
      if (entry.endsWith('.json')) {
        const file = readJson<OcsfClassFile>(rel);
        files.set(file.name, file);
      } else walk(rel);
    }
  };
  walk('events');
  const classes = new Map<number, { caption: string; categoryUid: number; activities: Map<number, string> }>();
  for (const file of files.values()) {
    const chain: OcsfClassFile[] = [];
    for (let f: OcsfClassFile | undefined = file; f; f = f.extends ? files.get(f.extends) : undefined) chain.push(f);
    const category = chain.find((f) => f.category !== undefined)?.category;
    const activities = new Map<number, string>();
    for (const f of [...chain].reverse()) {
      for (const [id, value] of Object.entries(f.attributes?.activity_id?.enum ?? {})) activities.set(Number(id), value.caption);
    }
    if (file.name === 'base_event') classes.set(0, { caption: file.caption, categoryUid: 0, activities });
    else if (file.uid !== undefined && category !== undefined) {
      const categoryUid = categoryUids.get(category);
      if (categoryUid === undefined) throw new Error(`OCSF class ${file.name} has unknown category ${category}`);
      classes.set(categoryUid * 1000 + file.uid, { caption: file.caption, categoryUid, activities });
    }
  }
  return classes;
}

const ocsfClasses = loadOcsfClasses();

describe('ECS mappings (ECS 9.4 ecs_flat.yml)', () => {
  it('core ships exactly the allowed values of event.kind, event.category and event.type', () => {
    expect([...ECS_EVENT_KINDS].sort()).toEqual(allowed('event.kind').sort());
    expect([...ECS_EVENT_CATEGORIES].sort()).toEqual(allowed('event.category').sort());
    expect([...ECS_EVENT_TYPES].sort()).toEqual(allowed('event.type').sort());
  });

  it.each(EVENT_TYPES.map((d) => [d.name, d] as const))('%s uses allowed ECS values', (_name, definition) => {
    expect(allowed('event.kind')).toContain(definition.ecs.kind);
    expect(definition.ecs.type.length).toBeGreaterThan(0);
    for (const category of definition.ecs.category) expect(allowed('event.category')).toContain(category);
    for (const type of definition.ecs.type) expect(allowed('event.type')).toContain(type);
  });

  it('every category is given at least one of the event types ECS expects with it', () => {
    const expected = new Map(
      (ecsFields['event.category']?.allowed_values ?? []).map((v) => [v.name, v.expected_event_types ?? []]),
    );
    const mismatched = EVENT_TYPES.flatMap((d) =>
      d.ecs.category
        .filter((category) => !d.ecs.type.some((type) => expected.get(category)?.includes(type)))
        .map((category) => `${d.name}: ${category} [${d.ecs.type.join(',')}]`),
    );
    expect(mismatched).toEqual([]);
  });
});

describe('OCSF mappings (OCSF 1.8.0 schema)', () => {
  it('reads the schema version it validates against', () => {
    expect(readJson<{ version: string }>('version.json').version).toBe('1.8.0');
    expect(ocsfClasses.get(3002)?.caption).toBe('Authentication');
  });

  it.each(EVENT_TYPES.map((d) => [d.name, d] as const))('%s names an existing class and activity', (_name, definition) => {
    const { classUid, className, categoryUid, activityId, activityName } = definition.ocsf;
    const cls = ocsfClasses.get(classUid);
    expect(cls, `class ${classUid}`).toBeDefined();
    expect(cls?.caption).toBe(className);
    expect(cls?.categoryUid).toBe(categoryUid);
    expect(cls?.activities.get(activityId)).toBe(activityName);
  });

  it('types made up for unregistered names also map to existing classes and activities', () => {
    const taxonomy = createTaxonomy();
    for (const name of ['auth.webauthn_ceremony', 'alert.custom_rule', 'billing.refund_issued']) {
      const { classUid, className, activityId, activityName } = taxonomy.resolve(name).ocsf;
      expect(ocsfClasses.get(classUid)?.caption).toBe(className);
      expect(ocsfClasses.get(classUid)?.activities.get(activityId)).toBe(activityName);
    }
  });

  it('covers the classes the output formats must support', () => {
    const used = new Set(EVENT_TYPES.map((d) => d.ocsf.classUid));
    for (const uid of [3002, 3001, 3004, 3005, 6003, 2004, 6002]) expect(used).toContain(uid);
  });
});
