// JSON Schema validation of the data files adrlint reads (catalogue, config, rule options).
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { dataPath } from './package-files.ts';

export type ValidationError = ErrorObject;

// ajv-formats is CommonJS; under some loaders its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

const instances = new Map<string, Ajv>();

// `shipped`: a schema of data/schema/, which test/schemas.test.ts checks against the meta-schema;
// a run does not check it again (compiling the meta-schema was most of a one-file run's ajv time).
function instance(allErrors = false, shipped = false): Ajv {
  const key = `${allErrors} ${shipped}`;
  let ajv = instances.get(key);
  if (!ajv) {
    ajv = new Ajv({ allErrors, strict: true, strictTuples: false, allowUnionTypes: true, validateSchema: !shipped });
    addFormats(ajv);
    instances.set(key, ajv);
  }
  return ajv;
}

/** Compile a schema shipped in data/schema/; with `allErrors`, validation finds every error, not the first. */
export function compileSchema(name: string, { allErrors = false }: { allErrors?: boolean } = {}): ValidateFunction {
  const schema = JSON.parse(readFileSync(dataPath('schema', name), 'utf8')) as object;
  return instance(allErrors, true).compile(schema);
}

export function compileInlineSchema(schema: object): ValidateFunction {
  return instance().compile(schema);
}

/** One readable sentence for an ajv error: where, and what is wrong. */
export function describeAjvError(error: ErrorObject): string {
  const where = error.instancePath ? `${error.instancePath.slice(1).replace(/\//g, '.')}` : 'the top level';
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where}: unknown key "${(error.params as { additionalProperty: string }).additionalProperty}"`;
    case 'enum':
      return `${where}: must be one of ${((error.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'required':
      return `${where}: missing "${(error.params as { missingProperty: string }).missingProperty}"`;
    default:
      return `${where}: ${error.message ?? 'is invalid'}`;
  }
}
