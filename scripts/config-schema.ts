// Writes the rule settings of data/schema/config.schema.json from each rule's options schema
// (`npm run schema`), so that an editor validates a rule's options as adrlint does.
// test/config-schema-agreement.test.ts checks that the file is what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rules } from '../rules/index.ts';

export const CONFIG_SCHEMA = fileURLToPath(new URL('../data/schema/config.schema.json', import.meta.url));

const SEVERITY = { $ref: '#/definitions/severity' };

/** One rule's setting: a severity, or [severity] and, for a rule that takes options, [severity, options]. */
function settingSchema(rule: (typeof rules)[number]): object {
  const { schema } = rule.meta;
  const tuple = schema
    ? { type: 'array', minItems: 1, maxItems: 2, items: [SEVERITY, schema] }
    : { type: 'array', minItems: 1, maxItems: 1, items: [SEVERITY] };
  return { description: rule.meta.description, anyOf: [SEVERITY, tuple] };
}

/** The config schema with its `rules` written from the rules' metas (the rest as it is). */
export function generatedConfigSchema(text = readFileSync(CONFIG_SCHEMA, 'utf8')): string {
  const schema = JSON.parse(text) as { properties: { rules: Record<string, unknown> } };
  schema.properties.rules = {
    type: 'object',
    description: 'Rule id → severity, or [severity, options] (the options a rule takes are in its documentation page).',
    propertyNames: { enum: rules.map((rule) => rule.meta.id) },
    properties: Object.fromEntries(rules.map((rule) => [rule.meta.id, settingSchema(rule)])),
    additionalProperties: false,
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) writeFileSync(CONFIG_SCHEMA, generatedConfigSchema());
