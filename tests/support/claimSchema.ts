import Ajv2020 from 'ajv/dist/2020';
import claimSchema from '../../resources/schemas/claim.schema.json';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(claimSchema);

/** Schema errors of an ltc-claim document, as readable lines (empty: valid). */
export function claimSchemaErrors(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}
