// The JSON Schemas shipped for editors: they compile, say what each key is, and agree with what
// adrlint itself accepts: the frontmatter of real ADRs that lint clean passes, and the shapes
// frontmatter-fields reports fail.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { catalogueWithUser } from '../src/io/catalogue-file.ts';
import { resolveConfig } from '../src/run/config.ts';
import { lintText } from '../src/lib.ts';
import { parseAdr } from '../src/parse/parse-adr.ts';
import { rules } from '../rules/index.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const RAW = 'https://raw.githubusercontent.com/adrlint/adrlint/main/data/schema/';
const catalogue = catalogueWithUser(null, null);
const config = resolveConfig({}, null, ROOT);

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

const readSchema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'data', 'schema', name), 'utf8')) as Record<string, any>;

/** A fresh ajv as strict as the one adrlint validates its config with (src/io/schema.ts). */
function compile(name: string): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTuples: false, allowUnionTypes: true });
  addFormats(ajv);
  return ajv.compile(readSchema(name));
}

/** Paths of every `properties` entry, recursively (through definitions, anyOf and items too). */
function properties(schema: unknown, at = ''): Array<{ path: string; schema: Record<string, unknown> }> {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as Record<string, unknown>;
  const found: Array<{ path: string; schema: Record<string, unknown> }> = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value && typeof value === 'object')
      for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
        found.push({ path: `${at}/${name}`, schema: child as Record<string, unknown> });
        found.push(...properties(child, `${at}/${name}`));
      }
    else if (value && typeof value === 'object') found.push(...properties(value, `${at}/${key}`));
  }
  return found;
}

const frontmatterOf = (text: string) => parseAdr('/x/0001-x.md', text, catalogue).frontmatter?.data ?? null;

describe.each(['config.schema.json', 'frontmatter.schema.json'])('%s', (name) => {
  const schema = readSchema(name);

  it('compiles under strict ajv, as draft-07 with its raw URL as $id', () => {
    expect(() => compile(name)).not.toThrow();
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.$id).toBe(RAW + name);
    expect(schema.title).toEqual(expect.any(String));
    expect(schema.description).toEqual(expect.any(String));
  });

  it('describes every property, so editors can show what a key is for', () => {
    const undocumented = properties(schema).filter(({ schema: child }) => typeof child.description !== 'string' || child.description.length < 10);
    expect(undocumented.map(({ path }) => path)).toEqual([]);
  });
});

describe('frontmatter.schema.json', () => {
  const validate = compile('frontmatter.schema.json');
  const schema = readSchema('frontmatter.schema.json');

  it('knows every rule id for adrlint-disable', () => {
    const items = schema.properties['adrlint-disable'].anyOf[2].items.anyOf[0].enum;
    expect(items).toEqual([...rules.map((rule) => rule.meta.id), 'all']);
  });

  // Files whose frontmatter adrlint reads without a problem: the schema must accept it too.
  const FRONTMATTER_RULES = new Set(['frontmatter-syntax', 'frontmatter-fields', 'pattern-slug', 'pattern-category', 'adr-status']);
  const folders = [join(ROOT, 'docs', 'adr'), ...['madr', 'konflux', 'log4brains', 'adr-tools'].map((folder) => join(CORPUS, folder)).filter(existsSync)];

  it('accepts the frontmatter of every ADR here and in the corpus that adrlint reads without a frontmatter problem', () => {
    const konfluxStatuses = ['Proposed', 'In consideration', 'Implementable', 'Approved', 'Accepted', 'Implemented', 'Deprecated', 'Replaced', 'Superseded'];
    let checked = 0;
    const rejected: string[] = [];
    for (const folder of folders) {
      const context = { catalogue, config: folder.endsWith('konflux') ? resolveConfig({ statuses: konfluxStatuses }, null, folder) : config };
      for (const name of readdirSync(folder).filter((file) => file.endsWith('.md'))) {
        const path = join(folder, name);
        const text = readFileSync(path, 'utf8');
        const data = frontmatterOf(text);
        if (data === null) continue;
        const problems = lintText(path, text, context).messages.filter((m) => m.ruleId !== null && FRONTMATTER_RULES.has(m.ruleId));
        if (problems.length > 0) continue;
        checked++;
        if (!validate(data)) rejected.push(`${name}: ${JSON.stringify(validate.errors?.[0])}`);
      }
    }
    expect(rejected).toEqual([]);
    // docs/adr alone has 6; with the corpus, MADR's and konflux's records too.
    expect(checked).toBeGreaterThanOrEqual(existsSync(CORPUS) ? 60 : 6);
  });

  it('accepts every shape adrlint reads', () => {
    const valid = [
      'status: accepted\ndate: 2024-02-29\npatterns: saga-pattern',
      'patterns:\n  - saga-pattern\n  - slug: cqrs-pattern\n    category: Data Pattern\ncategories: [Data Pattern]',
      'patterns: { slug: saga-pattern }\ncategories: Data Pattern',
      'patterns:\ncategories:',
      'supersedes: 12\nsuperseded-by: ["0013", 0014-x.md]\nsuperseded_by: ADR-0015\namends: [3]\namended-by: 0004-y.md\namended_by: [5]',
      'decision-makers: [Ana, Bo]\ndeciders: Ana\nconsulted: []\ninformed: [Team]',
      'adrlint-disable: true',
      'adrlint-disable: [pattern-link, "adr-link adr-title"]',
      'adrlint-disable: all',
      'title: "12. Use Kafka"\nparent: Decisions\nnav_order: 12\napplies_to: [build-service]',
    ];
    for (const yaml of valid) expect([yaml, validate(frontmatterOf(`---\n${yaml}\n---\n# T\n`))]).toEqual([yaml, true]);
  });

  it('rejects what frontmatter-fields reports: a date that is not a YYYY-MM-DD string, patterns of the wrong shape', () => {
    const invalid = [
      'date: 20240105',
      'date: [2024-01-05]',
      'date:',
      'date: 2024-02-30',
      'date: 5 January 2024',
      'patterns: [[saga-pattern]]',
      'patterns: [{ name: saga-pattern }]',
      'patterns: [{ slug: saga-pattern, why: consistency }]',
      'patterns: [{ slug: saga-pattern, category: 3 }]',
      'patterns: [""]',
      'categories: 5',
      'categories: [[Data Pattern]]',
    ];
    for (const yaml of invalid) {
      const text = `---\n${yaml}\n---\n\n# T\n`;
      const reported = lintText('/x/0001-x.md', text, { catalogue, config }).messages.some((m) => m.ruleId === 'frontmatter-fields');
      expect([yaml, reported, validate(frontmatterOf(text))]).toEqual([yaml, true, false]);
    }
  });

  it('rejects what only editors can flag early: names instead of slugs, unknown rule ids, a status of another type', () => {
    for (const yaml of ['patterns: [Saga Pattern]', 'patterns: 42', 'adrlint-disable: [pattern-lnk]', 'status: 3', 'supersedes: { id: 3 }']) {
      expect([yaml, validate(frontmatterOf(`---\n${yaml}\n---\n# T\n`))]).toEqual([yaml, false]);
    }
  });
});

describe('config.schema.json', () => {
  it('accepts a full config and rejects an unknown key, as adrlint does', () => {
    const validate = compile('config.schema.json');
    const full = {
      $schema: `${RAW}config.schema.json`,
      adrs: ['docs/adr'],
      ignore: ['docs/adr/drafts/'],
      nonAdrFiles: ['README.*'],
      maxFileSize: 1024,
      catalogue: 'docs/patterns.yaml',
      linkTemplate: '../patterns/{slug}.md',
      statuses: ['proposed', 'accepted'],
      extends: ['strict', 'madr'],
      rules: { 'pattern-link': 'off', 'pattern-undeclared': ['warn', { minMentions: 2 }] },
    };
    expect(validate(full)).toBe(true);
    expect(() => resolveConfig(full, null, ROOT)).not.toThrow();
    expect(validate({ adr: ['docs/adr'] })).toBe(false);
    expect(() => resolveConfig({ adr: ['docs/adr'] }, null, ROOT)).toThrow(/unknown key "adr"/);
  });
});

describe('package.json', () => {
  it('ships data/, so the schemas are in the package', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files?: string[] };
    expect(pkg.files).toContain('data');
  });
});
