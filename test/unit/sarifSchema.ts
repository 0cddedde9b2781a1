/**
 * A validator for SARIF 2.1.0 logs against the OASIS 2.1.0 schema as the devDependency
 * @microsoft/jest-sarif ships it (lib/schemas/sarif-2.1.0-rtm.5.json, read from node_modules, not copied),
 * a JSON Schema draft-04 document, read here by ajv's default (draft-07) dialect after its draft-04 `id` is
 * renamed `$id` (it uses no other draft-04-only keyword).
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';

const REPO = path.resolve(__dirname, '..', '..');

export function sarifValidator(): (log: unknown) => string[] {
  const schema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', { paths: [REPO] }), 'utf8'));
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  // unicodeRegExp off: the schema's `language` pattern has a stray `]` that only a /u regexp refuses.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);
  return (log) => (validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}
