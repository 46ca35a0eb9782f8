import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import schema from '../schema.json';

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default ? addFormats.default(ajv) : (addFormats as unknown as (a: Ajv2020) => void)(ajv);
const validate = ajv.compile(schema);

/** Throws with ajv's explanation when `record` is not a valid seclog/1 event. */
export function expectValidEvent(record: unknown): void {
  if (!validate(JSON.parse(JSON.stringify(record)))) {
    throw new Error(`invalid seclog/1 event: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(record)}`);
  }
}
