import { Ajv2020 } from 'ajv/dist/2020';
import addFormatsModule from 'ajv-formats';
import schema from '../schema.json';

// ajv-formats is CommonJS: its default export arrives wrapped or not depending on the loader.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Throws with ajv's explanation when `record` is not a valid seclog/1 event. */
export function expectValidEvent(record: unknown): void {
  if (!validate(JSON.parse(JSON.stringify(record)))) {
    throw new Error(`invalid seclog/1 event: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(record)}`);
  }
}
