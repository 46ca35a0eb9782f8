import type { SecurityEvent } from '@seclog/core';
import type { EventFields } from '../match/event-fields';
import { compileFieldReader, type FieldReader } from '../match/field-path';
import { flatten } from '../state/flatten';

const SPECIAL = /[\\,=]/;
const SPECIALS = /[\\,=]/g;

/** `\`, `,` and `=` in a value are escaped, so two different groups can never share a key. */
function escapeValue(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIALS, (char) => `\\${char}`) : value;
}

export interface Grouping {
  /**
   * The key state is kept under, e.g. `actor.ip=203.0.113.7`, or undefined when a field is
   * missing: an event that cannot be attributed is not lumped in with others.
   */
  key(event: SecurityEvent): string | undefined;
  /** The same, field by field; built only for an alert. */
  group(event: SecurityEvent): Record<string, string>;
}

export function compileGrouping(fields: readonly string[]): Grouping {
  const readers: { field: string; read: FieldReader }[] = fields.map((field) => ({ field, read: compileFieldReader(field) }));
  return {
    key(event) {
      if (readers.length === 0) return '*';
      let key = '';
      for (let index = 0; index < readers.length; index++) {
        const { field, read } = readers[index]!;
        const value = read(event);
        if (value === undefined || value === '') return undefined;
        key += `${index === 0 ? '' : ','}${field}=${escapeValue(String(value))}`;
      }
      // Looked up once per rule, and held by the store as long as the key lives.
      return flatten(key);
    },
    group(event) {
      const group: Record<string, string> = {};
      for (const { field, read } of readers) group[field] = String(read(event));
      return group;
    },
  };
}

/**
 * Registers with `eventFields` the key a rule's store holds an event's state under, so rules that
 * group alike build it once per event; returns its index. With `byValue` and one field, the key is
 * the field's value itself: the store is the engine's own and belongs to one rule, so the value
 * alone tells keys apart, and the `actor.ip=...` text is built only for an alert. Otherwise (several
 * fields, or a store given by the user, who sees its keys) it is the full key of `compileGrouping`.
 */
export function storeKeyField(fields: readonly string[], eventFields: EventFields, byValue: boolean): number {
  if (fields.length === 0) return eventFields.index('key:*', () => '*');
  if (byValue && fields.length === 1) {
    const field = eventFields.index(fields[0]!);
    return eventFields.index(`value:${fields[0]!}`, () => {
      const value = eventFields.get(field);
      return value === undefined || value === '' ? undefined : String(value);
    });
  }
  const grouping = compileGrouping(fields);
  return eventFields.index(`key:${JSON.stringify(fields)}`, (event) => grouping.key(event));
}
