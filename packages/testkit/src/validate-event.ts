import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormatsModule from 'ajv-formats';

/** One schema violation, in the words of the validator. */
export interface EventViolation {
  path: string;
  message: string;
}

// ajv-formats is CommonJS: its default export arrives wrapped or not depending on the loader.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;
// Resolved through core's package exports, so the built testkit reads the schema core ships.
const schema = createRequire(import.meta.url)('@seclog/core/schema.json') as object;

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const check = ajv.compile(schema);

/**
 * Checks one record (an event object, or one line of a sink's output) against `seclog/1`, the
 * JSON Schema `@seclog/core` ships. Returns the violations; empty means valid.
 */
export function validateEvent(record: unknown): EventViolation[] {
  let value = record;
  if (typeof record === 'string') {
    try {
      value = JSON.parse(record);
    } catch (error) {
      return [{ path: '', message: `not JSON: ${(error as Error).message}` }];
    }
  }
  // Validate what a sink writes, not the in-memory object (which may hold undefined fields).
  const written: unknown = JSON.parse(JSON.stringify(value) ?? 'null');
  if (check(written)) return [];
  return (check.errors ?? []).map((error) => ({ path: error.instancePath, message: error.message ?? error.keyword }));
}

/** Throws one error listing every record that breaks the schema, with its index and violations. */
export function assertValidEvents(records: readonly unknown[]): void {
  const failures: string[] = [];
  records.forEach((record, index) => {
    const violations = validateEvent(record);
    if (violations.length > 0) {
      failures.push(`record ${index}: ${violations.map((v) => `${v.path || '/'} ${v.message}`).join('; ')}`);
    }
  });
  if (failures.length > 0) {
    throw new Error(`${failures.length} of ${records.length} records break seclog/1:\n${failures.join('\n')}`);
  }
}
