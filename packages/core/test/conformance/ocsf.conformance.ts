import { beforeAll, describe, expect, it } from 'vitest';
import { formatEvent } from '../../src/formats';
import { defaultTaxonomy } from '../../src/taxonomy';
import { everyTaxonomyEvent } from './event-variants';
import { loadOcsf, ocsfProblems, type OcsfSchema } from './ocsf-schema';
import { schemasDir } from './schemas-dir';

describe('OCSF output conforms to OCSF 1.8.0', () => {
  let schema: OcsfSchema;
  beforeAll(() => {
    schema = loadOcsf(schemasDir());
  });

  it('resolves the classes the issue names', () => {
    for (const uid of [3002, 3001, 3004, 3005, 6003, 2004, 6002]) expect(schema.classes.has(uid), String(uid)).toBe(true);
    expect(schema.classes.get(3002)!.attributes.user?.requirement).toBe('required');
  });

  const cases = everyTaxonomyEvent();
  it.each(cases)('$name: required present, every attribute defined, enums valid', ({ events }) => {
    for (const event of events) {
      const record = formatEvent(event, 'ocsf');
      expect(ocsfProblems(schema, record), JSON.stringify(record)).toEqual([]);
      expect(record.type_uid).toBe(record.class_uid * 100 + record.activity_id);
    }
  });

  it('uses the seven classes the issue asks for somewhere in the taxonomy', () => {
    const used = new Set(defaultTaxonomy.list().map((d) => d.ocsf.classUid));
    for (const uid of [3002, 3001, 3004, 3005, 6003, 2004, 6002]) expect(used.has(uid), String(uid)).toBe(true);
  });

  it('flags missing required attributes, undefined attributes, bad enums and bad type_uid', () => {
    const record = formatEvent(cases[0]!.events[0]!, 'ocsf') as Record<string, unknown>;
    const { metadata: _metadata, ...withoutMetadata } = record;
    const broken = { ...withoutMetadata, severity_id: 42, invented: true, type_uid: 1 };
    expect(ocsfProblems(schema, broken)).toEqual(
      expect.arrayContaining([
        'metadata: required attribute missing',
        'invented: attribute not defined here',
        'severity_id: 42 is not in the enum',
        'type_uid is not class_uid * 100 + activity_id',
      ]),
    );
  });
});
