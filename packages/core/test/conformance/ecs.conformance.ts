import type { Ecs } from '@elastic/ecs';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { formatEvent, type EcsRecord } from '../../src/formats';
import { defaultTaxonomy } from '../../src/taxonomy';
import { ecsProblems, loadEcsFlat, type EcsFlat } from './ecs-schema';
import { everyTaxonomyEvent } from './event-variants';
import { schemasDir } from './schemas-dir';

/** Nested keys of T that U does not have: `never` when T's standard part is a subset of U. */
type ExtraKeys<T, U> = {
  [K in keyof T]-?: K extends keyof U
    ? NonNullable<T[K]> extends readonly unknown[]
      ? never
      : NonNullable<T[K]> extends object
        ? ExtraKeys<NonNullable<T[K]>, NonNullable<U[K]>>
        : never
    : K;
}[keyof T];

describe('ECS output conforms to ECS 9.4.0', () => {
  let flat: EcsFlat;
  beforeAll(() => {
    flat = loadEcsFlat(schemasDir());
  });

  it('is typed against @elastic/ecs', () => {
    type Standard = Omit<EcsRecord, 'seclog'>;
    expectTypeOf<Standard>().toExtend<Ecs>();
    expectTypeOf<ExtraKeys<Standard, Ecs>>().toBeNever();
    const record: Ecs = formatEvent(everyTaxonomyEvent()[0]!.events[0]!, 'ecs');
    expect(record.ecs.version).toBe('9.4.0');
  });

  const cases = everyTaxonomyEvent();
  it(`covers every taxonomy entry (${cases.length})`, () => {
    expect(cases.length).toBe(defaultTaxonomy.list().length + 1);
  });

  it.each(cases)('$name: every field exists in ECS with a matching type', ({ events }) => {
    for (const event of events) {
      const record = formatEvent(event, 'ecs') as unknown as Record<string, unknown>;
      expect(ecsProblems(flat, record), JSON.stringify(record)).toEqual([]);
    }
  });

  it('flags a field ECS does not have, a wrong type and a bad allowed value', () => {
    const record = formatEvent(everyTaxonomyEvent()[0]!.events[0]!, 'ecs') as unknown as Record<string, unknown>;
    const broken = { ...record, user: { id: 42, nickname: 'x' }, event: { ...(record.event as object), kind: 'nonsense' } };
    expect(ecsProblems(flat, broken)).toEqual(
      expect.arrayContaining([
        'user.id: 42 is not of ECS type keyword',
        'user.nickname: not an ECS 9.4.0 field',
        'event.kind: "nonsense" is not an allowed value',
      ]),
    );
  });
});
