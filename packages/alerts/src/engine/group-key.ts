import type { SecurityEvent } from '@seclog/core';
import { compileFieldReader } from '../match/field-path';

export interface GroupKey {
  key: string;
  group: Record<string, string>;
}

const SPECIAL = /[\\,=]/g;

/** `,` and `=` in a value are escaped, so two different groups can never share a key. */
function escapeValue(value: string): string {
  return value.replace(SPECIAL, (char) => `\\${char}`);
}

/**
 * Builds the key state is kept under, e.g. `actor.ip=203.0.113.7`. Returns undefined when a
 * field is missing: an event that cannot be attributed is not lumped in with others.
 */
export function compileGroupKey(fields: readonly string[]): (event: SecurityEvent) => GroupKey | undefined {
  if (fields.length === 0) return () => ({ key: '*', group: {} });
  const readers = fields.map((field) => ({ field, read: compileFieldReader(field) }));
  return (event) => {
    const group: Record<string, string> = {};
    const parts: string[] = [];
    for (const { field, read } of readers) {
      const value = read(event);
      if (value === undefined || value === '') return undefined;
      const text = String(value);
      group[field] = text;
      parts.push(`${field}=${escapeValue(text)}`);
    }
    return { key: parts.join(','), group };
  };
}
