// The config's JSON Schema (data/schema/config.schema.json, what editors check a config against)
// and adrlint's own check of a config agree on every rule's settings: for each rule, generated good
// and bad option objects (from the rule's options schema: each key with values of its type and of
// others, out-of-range numbers, unknown and mistyped keys) are accepted by both or refused by both,
// at the top level and in `overrides`. The schema's rule settings are written from the rules
// (`npm run schema`, scripts/config-schema.ts): the file must be what the script writes.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.ts';
import { resolveConfig } from '../src/run/config.ts';
import { CONFIG_SCHEMA, generatedConfigSchema } from '../scripts/config-schema.ts';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ strict: true, strictTuples: false, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(CONFIG_SCHEMA, 'utf8')) as object);

interface PropertySchema {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: PropertySchema[];
  minimum?: number;
  minItems?: number;
  format?: string;
  items?: PropertySchema;
  default?: unknown;
}

const typesOf = (schema: PropertySchema): string[] => [
  ...new Set([...(schema.type === undefined ? [] : [schema.type].flat()), ...(schema.anyOf ?? []).flatMap(typesOf), ...(schema.enum ?? []).map((v) => (typeof v === 'boolean' ? 'boolean' : 'string'))]),
];

/** Values of every kind for one option: some fit its schema, some do not (the check says which). */
function candidateValues(schema: PropertySchema): unknown[] {
  const values: unknown[] = [true, false, 0, 1, -1, 1.5, 1000, '', 'x', 'zzz', '(', '^ADR-\\d+', [], ['x'], [1], [''], {}, null];
  values.push(...(schema.enum ?? []), ...(schema.anyOf ?? []).flatMap((branch) => branch.enum ?? []));
  if (schema.default !== undefined) values.push(schema.default);
  if (schema.minimum !== undefined) values.push(schema.minimum, schema.minimum - 1, schema.minimum + 1);
  return values;
}

/** Option objects for a rule: {} , each key alone with each candidate value, a misspelt key, all keys at their defaults, and what is not an object. */
function optionCandidates(schema: { properties?: Record<string, PropertySchema> }): unknown[] {
  const properties = Object.entries(schema.properties ?? {});
  const candidates: unknown[] = [{}, 'x', 3, [], null, { unknown: true }];
  for (const [key, property] of properties) {
    expect(typesOf(property).length, `${key} has a type`).toBeGreaterThan(0);
    for (const value of candidateValues(property)) candidates.push({ [key]: value });
    candidates.push({ [key.slice(0, -1)]: property.default ?? 1 }, { [`${key}s`]: property.default ?? 1 });
  }
  candidates.push(Object.fromEntries(properties.map(([key, property]) => [key, property.default])));
  return candidates;
}

/** Whether adrlint accepts a config. */
function runtimeAccepts(config: object): boolean {
  try {
    resolveConfig(config, null, '/project');
    return true;
  } catch {
    return false;
  }
}

const SEVERITIES: unknown[] = ['off', 'warn', 'error', 0, 1, 2, 'bogus', 3, ['warn'], [], ['warn', {}, {}], ['nope', {}]];

describe('the config schema and the runtime agree', () => {
  it('the schema file is what scripts/config-schema.ts writes from the rules (run npm run schema)', () => {
    expect(readFileSync(CONFIG_SCHEMA, 'utf8')).toBe(generatedConfigSchema());
  });

  it.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s: every generated setting is accepted by both or refused by both', (id, rule) => {
    const settings: unknown[] = [...SEVERITIES, ...(rule.meta.schema ? optionCandidates(rule.meta.schema as { properties?: Record<string, PropertySchema> }).map((options) => ['warn', options]) : [['warn', {}], ['warn', { x: 1 }]])];
    let accepted = 0;
    let refused = 0;
    for (const setting of settings) {
      for (const config of [{ rules: { [id]: setting } }, { overrides: [{ files: ['docs/**'], rules: { [id]: setting } }] }]) {
        const bySchema = validate(config);
        expect([JSON.stringify(config), runtimeAccepts(config)]).toEqual([JSON.stringify(config), bySchema]);
        if (bySchema) accepted++;
        else refused++;
      }
    }
    // Both kinds were tried.
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it('refuses minMention, which pattern-undeclared does not take (it takes minMentions), in both', () => {
    const config = { rules: { 'pattern-undeclared': ['warn', { minMention: 2 }] } };
    expect(validate(config)).toBe(false);
    expect(() => resolveConfig(config, null, '/project')).toThrow(/unknown key "minMention"/);
    expect(validate({ rules: { 'pattern-undeclared': ['warn', { minMentions: 2 }] } })).toBe(true);
  });
});
