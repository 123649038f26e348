// ESLint's RuleTester, for adrlint rules: tables of valid and invalid ADR texts with the exact
// messages and positions expected, and the text after the rule's fixes.
import { describe, expect, it } from 'vitest';
import { type Catalogue } from '../../src/model/catalogue.ts';
import { catalogueWithUser } from '../../src/io/catalogue-file.ts';
import { resolveConfig } from '../../src/run/config.ts';
import { checkAdr } from '../../src/engine/run-rules.ts';
import { parseAdr } from '../../src/parse/parse-adr.ts';
import { buildRecord, markdownAnchors } from '../../src/parse/record.ts';
import { memoryProject } from '../../src/io/project-index.ts';
import { dirname } from 'node:path';
import { applyEdits } from '../../src/engine/apply-edits.ts';
import { rules as shippedRules, rulesById } from '../../rules/index.ts';
import { folderConventions, withPatternPages } from '../../src/parse/conventions.ts';
import { isTemplateName } from '../../src/model/naming.ts';

export interface CaseSettings {
  options?: Record<string, unknown>;
  /** Extra config keys (statuses, linkTemplate, ...). */
  config?: Record<string, unknown>;
  /** A user catalogue (YAML text) merged into the built-in one. */
  catalogue?: string;
  /** The file's path, relative to the repository root /repo (default docs/adr/0001-test.md). */
  filename?: string;
  /** Other files of the repository (path relative to /repo → text): the ADR set and link targets. */
  files?: Record<string, string>;
  /**
   * The rule runs at its default severity, as with no config, instead of being set by name (the
   * other rules are still off). For rules that stay quiet where the set has not adopted what they check.
   */
  byDefault?: boolean;
  /** Today as YYYY-MM-DD (default TODAY): rule tables never depend on the clock. */
  today?: string;
}

/** The day rule cases are linted on, unless a case says otherwise. */
export const TODAY = '2026-12-01';

export const REPO = '/repo';

export type ValidCase = string | ({ name?: string; code: string } & CaseSettings);

export interface ExpectedError {
  message: string | RegExp;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity?: 'warn' | 'error';
}

export interface InvalidCase extends CaseSettings {
  name?: string;
  code: string;
  errors: ExpectedError[];
  /** The text after applying this rule's fixes once; omit when the rule fixes nothing here. */
  output?: string;
}

const builtIn = catalogueWithUser(null, null);

function catalogueFor(settings: CaseSettings): Catalogue {
  return settings.catalogue ? catalogueWithUser('user.yaml', settings.catalogue) : builtIn;
}

/** Lint `code` with only `ruleId` on (set by name in the config, unless `byDefault`). */
export function lintWithRule(ruleId: string, code: string, settings: CaseSettings = {}) {
  const rule = rulesById.get(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  if (settings.byDefault && (rule.meta.defaultSeverity === 'off' || settings.options)) throw new Error(`byDefault: ${ruleId} is off by default, or the case sets its options`);
  const severity = rule.meta.defaultSeverity === 'off' ? 'error' : rule.meta.defaultSeverity;
  const rules: Record<string, unknown> = {};
  for (const id of rulesById.keys()) if (id !== ruleId) rules[id] = 'off';
  if (!settings.byDefault) rules[ruleId] = settings.options ? [severity, settings.options] : severity;
  // A case's catalogue is the config's, as `catalogue:` in .adrlintrc.yml would name it.
  const config = resolveConfig({ ...(settings.catalogue ? { catalogue: 'user.yaml' } : {}), ...settings.config, rules: { ...rules, ...(settings.config?.rules as object) } }, null, '/');
  const catalogue = catalogueFor(settings);
  const path = `${REPO}/${settings.filename ?? 'docs/adr/0001-test.md'}`;
  const adr = parseAdr(path, code, catalogue);
  const files: Record<string, string> = { [path]: code };
  for (const [name, text] of Object.entries(settings.files ?? {})) files[`${REPO}/${name}`] = text;
  // The set: every markdown file of the linted file's folder but its template, as a run would gather it.
  const folder = Object.entries(files).filter(([file]) => dirname(file) === dirname(path) && /\.(md|markdown)$/.test(file));
  const adrs = folder.filter(([file]) => file === path || !isTemplateName(file));
  const template = folder.find(([file]) => file !== path && isTemplateName(file));
  const set = adrs.map(([file, text]) => (file === path ? buildRecord(adr, catalogue) : buildRecord(parseAdr(file, text, catalogue), catalogue)));
  const project = memoryProject(REPO, files, markdownAnchors);
  const own = folderConventions(adrs.map(([file, source]) => ({ path: file, source })), template ? { path: template[0], source: template[1] } : null);
  const conventions = new Map([[dirname(path), withPatternPages(own, dirname(path), { linkTemplate: config.linkTemplate, catalogue, project })]]);
  const messages = checkAdr(adr, set, { rules: shippedRules, catalogue, config, project, conventions, today: settings.today ?? TODAY });
  return { adr, messages };
}

export function ruleTester(ruleId: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    describe('valid', () => {
      cases.valid.forEach((entry, index) => {
        const test = typeof entry === 'string' ? { code: entry } : entry;
        it(test.name ?? `valid #${index + 1}: ${JSON.stringify(test.code.slice(0, 60))}`, () => {
          const { messages } = lintWithRule(ruleId, test.code, test);
          expect(messages).toEqual([]);
        });
      });
    });
    describe('invalid', () => {
      cases.invalid.forEach((test, index) => {
        it(test.name ?? `invalid #${index + 1}: ${JSON.stringify(test.code.slice(0, 60))}`, () => {
          const { adr, messages } = lintWithRule(ruleId, test.code, test);
          expect(messages.map((m) => m.ruleId)).toEqual(test.errors.map(() => ruleId));
          test.errors.forEach((expected, i) => {
            const actual = messages[i];
            if (!actual) throw new Error(`missing diagnostic #${i + 1}`);
            if (typeof expected.message === 'string') expect(actual.message).toBe(expected.message);
            else expect(actual.message).toMatch(expected.message);
            expect({ line: actual.line, column: actual.column }).toEqual({ line: expected.line, column: expected.column });
            if (expected.endLine !== undefined) expect(actual.endLine).toBe(expected.endLine);
            if (expected.endColumn !== undefined) expect(actual.endColumn).toBe(expected.endColumn);
            if (expected.severity) expect(actual.severity).toBe(expected.severity);
            expect(actual.url).toBe(rulesById.get(ruleId)?.meta.docs.url);
          });
          const edits = messages.flatMap((m) => (m.fix ? [m.fix] : []));
          const fixed = (adr.bom ? '\uFEFF' : '') + applyEdits(adr.text, edits).text;
          if (process.env.ADRLINT_PRINT_OUTPUT) console.log('OUTPUT', JSON.stringify(test.name ?? index), JSON.stringify(fixed));
          if (test.output !== undefined) expect(fixed).toBe(test.output);
          else expect(edits, 'this case has fixes; give the expected output').toEqual([]);
        });
      });
    });
  });
}
