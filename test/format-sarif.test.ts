// The SARIF formatter: logs that the official SARIF 2.1.0 schema accepts, regions and URIs that
// point where our diagnostics do, and fixes that change the file as our own fixes do.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import GithubSlugger from 'github-slugger';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { rules, rulesById } from '../rules/index.ts';
import { catalogueWithUser } from '../src/io/catalogue-file.ts';
import { resolveConfig } from '../src/run/config.ts';
import { applyEdits } from '../src/engine/apply-edits.ts';
import { fixText, lintText } from '../src/lib.ts';
import { FINGERPRINT_KEY, formatSarif } from '../src/format/sarif.ts';
import { fatalResult, fileProblem, summarise, type LintResult } from '../src/engine/run-rules.ts';
import { REPOSITORY_URL } from '../src/model/rule-docs-url.ts';
import type { Diagnostic } from '../src/model/types.ts';
import { CLEAN, SECTIONS } from './helpers/adr-texts.ts';

// ajv-formats is CommonJS; under some loaders its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

// The vendored schema declares JSON Schema 2020-12 (see test/schemas/LICENSE-sarif-schema.txt).
const schema = JSON.parse(readFileSync(new URL('./schemas/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

function expectValidSarif(log: unknown): void {
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? [], 'the SARIF schema rejects the log').toEqual([]);
  expect(valid).toBe(true);
}

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: SarifArtifactLocation; region: SarifRegion } }>;
  partialFingerprints: Record<string, string>;
  fixes?: Array<{
    description: { text: string };
    artifactChanges: Array<{ artifactLocation: SarifArtifactLocation; replacements: Array<{ deletedRegion: SarifRegion; insertedContent: { text: string } }> }>;
  }>;
}
interface SarifRun {
  tool: {
    driver: {
      name: string;
      version: string;
      rules: Array<{ id: string; helpUri: string; shortDescription: { text: string }; help: { text: string; markdown: string }; defaultConfiguration: { level: string; enabled?: boolean } }>;
    };
  };
  invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: Array<{ level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: SarifArtifactLocation } }> }> }>;
  originalUriBaseIds: Record<string, { uri: string }>;
  results: SarifResult[];
  columnKind: string;
  newlineSequences: string[];
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: SarifRun[];
}

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const ROOT = '/repo';
const VERSION = '1.2.3';
const catalogue = catalogueWithUser(null, null);
const config = resolveConfig({}, null, '/');
const context = { catalogue, config };

function sarif(results: readonly LintResult[]): SarifLog {
  const text = formatSarif(results, { root: ROOT, version: VERSION });
  expect(text.endsWith('}\n')).toBe(true);
  const log = JSON.parse(text) as SarifLog;
  expectValidSarif(log);
  return log;
}


// A slug typo pattern-slug fixes (4:12-4:22), and a body mention of CQRS that is neither linked
// (pattern-link, fixable) nor declared (pattern-undeclared, fixed by an insertion).
const BROKEN = `---
status: accepted
date: 2024-03-02
patterns: [sagapatern]
---

# 2. Broken references

We coordinate the order steps with a [saga](https://learn.microsoft.com/azure/architecture/patterns/saga) and use CQRS.
${SECTIONS}`;

// A pattern declared twice in a block list: pattern-duplicate's fix deletes a whole line.
const DUPLICATE = `---
status: accepted
date: 2024-03-04
patterns:
  - saga-pattern
  - saga-pattern
---

# 4. Twice

We coordinate the order steps with the [Saga Pattern](https://learn.microsoft.com/azure/architecture/patterns/saga).
${SECTIONS}`;


const crlf = (text: string) => text.replace(/\n/g, '\r\n');
const loneCr = (text: string) => text.replace(/\n/g, '\r');

/**
 * A SARIF reader's view of a replacement: line starts from the run's newline sequences (the
 * first that matches at a point wins), then offset = line start + column - 1.
 */
function offsetOf(text: string, newlineSequences: readonly string[], line: number, column: number): number {
  const starts = [0];
  for (let i = 0; i < text.length; ) {
    const sequence = newlineSequences.find((candidate) => text.startsWith(candidate, i));
    if (sequence) {
      i += sequence.length;
      starts.push(i);
    } else i++;
  }
  const start = starts[line - 1];
  if (start === undefined) throw new Error(`line ${line} is past the end of the text`);
  return start + column - 1;
}

function applySarifFix(text: string, run: SarifRun, fix: NonNullable<SarifResult['fixes']>[number]): string {
  const replacements = fix.artifactChanges.flatMap((change) => change.replacements);
  const edits = replacements.map(({ deletedRegion: r, insertedContent }) => ({
    start: offsetOf(text, run.newlineSequences, r.startLine, r.startColumn),
    end: offsetOf(text, run.newlineSequences, r.endLine, r.endColumn),
    text: insertedContent.text,
  }));
  let out = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** Every fix of the log, applied on its own, changes the text as the diagnostic's own fix does. */
function expectFixesAgree(result: LintResult, text: string, run: SarifRun): number {
  const fixed = result.messages.filter((m): m is Diagnostic & { fix: NonNullable<Diagnostic['fix']> } => m.fix !== undefined);
  const withFixes = run.results.filter((r) => r.fixes);
  expect(withFixes).toHaveLength(fixed.length);
  fixed.forEach((m, i) => {
    const sarifFix = withFixes[i]?.fixes?.[0];
    if (!sarifFix) throw new Error(`no SARIF fix for ${m.ruleId} at ${m.line}:${m.column}`);
    expect(withFixes[i]?.ruleId).toBe(m.ruleId ?? (m.directive ? 'adrlint/directive' : 'adrlint/fatal'));
    expect(applySarifFix(text, run, sarifFix), `${m.ruleId} at ${m.line}:${m.column}`).toBe(applyEdits(text, [m.fix]).text);
  });
  return fixed.length;
}

describe('formatSarif', () => {
  it('is one run of adrlint, declaring every rule with its documentation', () => {
    const log = sarif([]);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'adrlint', version: VERSION, semanticVersion: VERSION, informationUri: 'https://github.com/adrlint/adrlint' });
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual([...rules.map((rule) => rule.meta.id), 'adrlint/fatal', 'adrlint/directive']);
    for (const descriptor of run.tool.driver.rules.slice(0, rules.length)) {
      const { meta } = rulesById.get(descriptor.id)!;
      expect(descriptor).toMatchObject({
        helpUri: meta.docs.url,
        shortDescription: { text: meta.description },
        fullDescription: { text: meta.docs.why },
        properties: { fixable: meta.fixable },
      });
      const level = { error: 'error', warn: 'warning', off: 'warning' }[meta.defaultSeverity];
      expect(descriptor.defaultConfiguration).toEqual(meta.defaultSeverity === 'off' ? { enabled: false, level } : { level });
    }
    expect(run.results).toEqual([]);
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds['%SRCROOT%']).toEqual({ uri: 'file:///repo/' });
  });

  it('gives a clean file no results', () => {
    const clean = lintText(`${ROOT}/docs/adr/0001-clean.md`, CLEAN, context);
    expect(clean.messages).toEqual([]);
    expect(sarif([clean]).runs[0]!.results).toEqual([]);
  });

  it('gives each diagnostic a result: rule, level, message, region and URI relative to the root', () => {
    const result = lintText(`${ROOT}/docs/adr/0002-broken.md`, BROKEN, context);
    expect(result.messages.map((m) => m.ruleId)).toEqual(['pattern-slug', 'pattern-link', 'pattern-undeclared']);
    const run = sarif([result]).runs[0]!;
    expect(run.results).toHaveLength(result.messages.length);
    result.messages.forEach((m, i) => {
      const r = run.results[i]!;
      expect(r.ruleId).toBe(m.ruleId);
      expect(run.tool.driver.rules[r.ruleIndex]?.id).toBe(m.ruleId);
      expect(r.level).toBe(m.severity === 'error' ? 'error' : 'warning');
      expect(r.message.text).toBe(m.message);
      expect(r.locations).toEqual([
        {
          physicalLocation: {
            artifactLocation: { uri: 'docs/adr/0002-broken.md', uriBaseId: '%SRCROOT%' },
            region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
          },
        },
      ]);
    });
    const slug = run.results[0]!;
    expect(slug.locations[0]!.physicalLocation.region).toEqual({ startLine: 4, startColumn: 12, endLine: 4, endColumn: 22 });
    expect(slug.fixes?.[0]?.description.text).toBe('Replace "sagapatern" with "saga-pattern"');
    expect(slug.fixes?.[0]?.artifactChanges[0]).toEqual({
      artifactLocation: { uri: 'docs/adr/0002-broken.md', uriBaseId: '%SRCROOT%' },
      replacements: [{ deletedRegion: { startLine: 4, startColumn: 12, endLine: 4, endColumn: 22 }, insertedContent: { text: 'saga-pattern' } }],
    });
    // pattern-undeclared inserts into the frontmatter: an empty deleted region.
    const undeclared = run.results[2]!.fixes?.[0]?.artifactChanges[0]?.replacements[0];
    expect(undeclared).toEqual({ deletedRegion: { startLine: 4, startColumn: 22, endLine: 4, endColumn: 22 }, insertedContent: { text: ', cqrs-pattern' } });
    expect(expectFixesAgree(result, BROKEN, run)).toBe(3);
  });

  it('reports the level a diagnostic has, not the rule default', () => {
    const result = lintText(`${ROOT}/docs/adr/0002-broken.md`, BROKEN, { catalogue, config: resolveConfig({ rules: { 'pattern-slug': 'warn', 'pattern-link': 'error' } }, null, '/') });
    const levels = sarif([result]).runs[0]!.results.map((r) => [r.ruleId, r.level]);
    expect(levels).toEqual([
      ['pattern-slug', 'warning'],
      ['pattern-link', 'error'],
      ['pattern-undeclared', 'warning'],
    ]);
  });

  it.each([
    ['LF', (text: string) => text],
    ['CRLF', crlf],
    ['lone CR', loneCr],
  ])('maps fixes onto %s line endings, a deletion across a line break included', (_name, endings) => {
    for (const source of [BROKEN, DUPLICATE].map(endings)) {
      const result = lintText(`${ROOT}/docs/adr/0004-twice.md`, source, context);
      const run = sarif([result]).runs[0]!;
      expect(run.newlineSequences).toEqual(['\r\n', '\n', '\r']);
      expect(expectFixesAgree(result, source, run)).toBeGreaterThan(0);
    }
    const duplicate = lintText(`${ROOT}/docs/adr/0004-twice.md`, endings(DUPLICATE), context);
    const removal = sarif([duplicate]).runs[0]!.results.find((r) => r.ruleId === 'pattern-duplicate');
    // The second "- saga-pattern" line goes, its line break with it.
    expect(removal?.fixes?.[0]?.artifactChanges[0]?.replacements[0]?.deletedRegion).toMatchObject({ startLine: 6, endLine: 7, endColumn: 1 });
  });

  it('gives a CRLF file the same regions as its LF twin', () => {
    const regions = (text: string) =>
      sarif([lintText(`${ROOT}/docs/adr/0002-broken.md`, text, context)]).runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.region);
    expect(regions(crlf(BROKEN))).toEqual(regions(BROKEN));
  });

  it('keeps an edit that ends between a CR and its LF exact', () => {
    const source = 'ab\r\ncd\n';
    const result = summarise(`${ROOT}/docs/adr/0005-x.md`, [{ ruleId: 'adr-title', severity: 'warn', message: 'm', line: 1, column: 2, endLine: 1, endColumn: 3, fix: { range: [1, 3], text: 'X' } }], source);
    const run = sarif([result]).runs[0]!;
    expect(run.results[0]!.fixes?.[0]?.artifactChanges[0]?.replacements[0]?.deletedRegion).toEqual({ startLine: 1, startColumn: 2, endLine: 1, endColumn: 4 });
    expect(expectFixesAgree(result, source, run)).toBe(1);
  });

  it('maps fixes onto the fixed text after a partial fix, BOM excluded', () => {
    const path = `${ROOT}/docs/adr/0002-broken.md`;
    const original = `\uFEFF${BROKEN}`;
    // Fix only the link and the declaration; the slug typo and its fix remain, in the fixed text.
    const fixed = fixText(path, original, context, { options: { rules: new Set(['pattern-link', 'pattern-undeclared']) } });
    expect(fixed.output).not.toBe(original);
    const result: LintResult = { ...fixed.result, source: original, output: fixed.output, fixedCount: fixed.fixedCount };
    const run = sarif([result]).runs[0]!;
    const slug = run.results.find((r) => r.ruleId === 'pattern-slug');
    expect(slug?.locations[0]?.physicalLocation.region.startLine).toBe(4);
    expect(expectFixesAgree(result, fixed.output.slice(1), run)).toBeGreaterThan(0);
  });

  it('encodes a path with spaces, non-ASCII and URI delimiters segment by segment', () => {
    const names: Array<[string, string]> = [
      ['docs/adr/Entscheidungen 2024/0003-größe.md', 'docs/adr/Entscheidungen%202024/0003-gr%C3%B6%C3%9Fe.md'],
      ['docs/adr/100%/0004-a#b?c.md', 'docs/adr/100%25/0004-a%23b%3Fc.md'],
      ['a:b/0005-a,b:c.md', 'a%3Ab/0005-a,b%3Ac.md'],
      ['docs/adr/0006-日本語 [draft].md', 'docs/adr/0006-%E6%97%A5%E6%9C%AC%E8%AA%9E%20%5Bdraft%5D.md'],
    ];
    for (const [name, uri] of names) {
      const result = lintText(`${ROOT}/${name}`, BROKEN, context);
      const run = sarif([result]).runs[0]!;
      const locations = run.results.flatMap((r) => [r.locations[0]!.physicalLocation.artifactLocation, ...(r.fixes ?? []).map((f) => f.artifactChanges[0]!.artifactLocation)]);
      expect(locations.length).toBeGreaterThan(0);
      for (const location of locations) expect(location).toEqual({ uri, uriBaseId: '%SRCROOT%' });
    }
  });

  it('names a file outside the root by its absolute file URI', () => {
    const result = lintText('/elsewhere/[draft] my adr.md', BROKEN, context);
    const location = sarif([result]).runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation;
    expect(location).toEqual({ uri: 'file:///elsewhere/%5Bdraft%5D%20my%20adr.md' });
  });

  it('gives the problems of no rule rules of their own, documented where the README explains them', () => {
    const run = sarif([]).runs[0]!;
    const own = run.tool.driver.rules.slice(rules.length);
    expect(own).toMatchObject([
      { id: 'adrlint/fatal', name: 'Fatal', defaultConfiguration: { level: 'error' }, helpUri: 'https://github.com/adrlint/adrlint#report-formats' },
      { id: 'adrlint/directive', name: 'Directive', defaultConfiguration: { level: 'error' }, helpUri: 'https://github.com/adrlint/adrlint#turning-rules-off-in-a-file' },
    ]);
    const slugger = new GithubSlugger();
    const anchors = new Set(README.split('\n').flatMap((line) => (/^#{1,6} /.test(line) ? [`#${slugger.slug(line.replace(/^#+ /, ''))}`] : [])));
    for (const descriptor of own) {
      expect(descriptor.shortDescription.text).not.toBe('');
      expect(anchors, descriptor.helpUri).toContain(descriptor.helpUri.replace(REPOSITORY_URL, ''));
      expect(descriptor.help.markdown).toContain(`(${descriptor.helpUri})`);
    }
    // The README says what each is.
    const formats = README.slice(README.indexOf('\n## Report formats'));
    for (const id of ['adrlint/fatal', 'adrlint/directive']) expect(formats).toContain(`\`${id}\``);
  });

  it('turns a file that could not be linted into an adrlint/fatal result, and a tool notification', () => {
    const fatal = fatalResult(`${ROOT}/docs/adr/0007-locked.md`, 'docs/adr/0007-locked.md could not be read: EACCES');
    const broken = lintText(`${ROOT}/docs/adr/0002-broken.md`, BROKEN, context);
    const run = sarif([fatal, broken]).runs[0]!;
    expect(run.results.map((r) => r.ruleId)).toEqual(['adrlint/fatal', 'pattern-slug', 'pattern-link', 'pattern-undeclared']);
    const location = { uri: 'docs/adr/0007-locked.md', uriBaseId: '%SRCROOT%' };
    expect(run.results[0]).toEqual({
      ruleId: 'adrlint/fatal',
      ruleIndex: rules.length,
      level: 'error',
      message: { text: 'docs/adr/0007-locked.md could not be read: EACCES' },
      locations: [{ physicalLocation: { artifactLocation: location, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } } }],
      partialFingerprints: { [FINGERPRINT_KEY]: expect.stringMatching(/^[0-9a-f]{32}:1$/) },
    });
    expect(run.tool.driver.rules[run.results[0]!.ruleIndex]?.id).toBe('adrlint/fatal');
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [{ level: 'error', message: { text: 'docs/adr/0007-locked.md could not be read: EACCES' }, locations: [{ physicalLocation: { artifactLocation: location } }] }],
      },
    ]);
  });

  it('files a fixed text that could not be written under adrlint/fatal too, beside the problems of the file', () => {
    const problems = lintText(`${ROOT}/docs/adr/0002-broken.md`, BROKEN, context).messages;
    const result = summarise(`${ROOT}/docs/adr/0002-broken.md`, [fileProblem('docs/adr/0002-broken.md could not be written: EROFS'), ...problems], BROKEN);
    const run = sarif([result]).runs[0]!;
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['adrlint/fatal', 'error'],
      ['pattern-slug', 'error'],
      ['pattern-link', 'warning'],
      ['pattern-undeclared', 'warning'],
    ]);
    expect(run.invocations[0]!.toolExecutionNotifications?.map((n) => n.message.text)).toEqual(['docs/adr/0002-broken.md could not be written: EROFS']);
  });

  it('turns a directive\'s own problems into adrlint/directive results, with their fix, and no notification', () => {
    const text = `${BROKEN}\n<!-- adrlint-disable-next-line patern-link -->\nNothing here.\n\n<!-- adrlint-disable-next-line adr-link -->\nNor here.\n`;
    const result = lintText(`${ROOT}/docs/adr/0002-broken.md`, text, { ...context, reportUnusedDisable: true });
    const own = result.messages.filter((m) => m.ruleId === null);
    expect(own.map((m) => [m.directive, m.severity, m.message])).toEqual([
      [true, 'error', 'Unknown rule "patern-link" in adrlint-disable-next-line comment'],
      [true, 'warn', 'Unused adrlint-disable-next-line directive (no problems were reported from "adr-link")'],
    ]);
    const run = sarif([result]).runs[0]!;
    const directives = run.results.filter((r) => r.ruleId === 'adrlint/directive');
    expect(directives.map((r) => [r.ruleIndex, r.level, r.message.text, r.locations[0]!.physicalLocation.region.startLine])).toEqual(
      own.map((m) => [rules.length + 1, m.severity === 'error' ? 'error' : 'warning', m.message, m.line]),
    );
    expect(directives[1]!.fixes?.[0]?.description.text).toBe('Delete "<!-- adrlint-disable-next-line adr-link -->\\n"');
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
    expect(expectFixesAgree(result, text, run)).toBe(result.messages.filter((m) => m.fix).length);
  });

  it('fingerprints a problem by its rule, file and text, not by its line number', () => {
    const fingerprints = (path: string, text: string) =>
      Object.fromEntries(sarif([lintText(path, text, context)]).runs[0]!.results.map((r) => [r.ruleId, r.partialFingerprints[FINGERPRINT_KEY]]));
    const path = `${ROOT}/docs/adr/0002-broken.md`;
    const before = fingerprints(path, BROKEN);
    expect(Object.values(before).every((value) => /^[0-9a-f]{32}:1$/.test(value ?? ''))).toBe(true);
    // A paragraph above the body mention moves it two lines down: same fingerprints.
    const moved = fingerprints(path, BROKEN.replace('# 2. Broken references\n', '# 2. Broken references\n\nAn added paragraph.\n'));
    expect(moved).toEqual(before);
    expect(fingerprints(`${ROOT}/docs/adr/0003-other.md`, BROKEN)['pattern-slug']).not.toBe(before['pattern-slug']);
    expect(fingerprints(path, BROKEN.replace('sagapatern', 'sagapattren'))['pattern-slug']).not.toBe(before['pattern-slug']);
  });

  it('tells apart several problems of one rule at one place', () => {
    // No sections at all: adr-sections reports each missing one at the title.
    const result = lintText(`${ROOT}/docs/adr/0009-bare.md`, BROKEN.replace(SECTIONS, ''), context);
    const sections = sarif([result]).runs[0]!.results.filter((r) => r.ruleId === 'adr-sections');
    expect(sections.length).toBeGreaterThan(1);
    const values = sections.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(new Set(values).size).toBe(values.length);
    expect(values.every((value) => value?.endsWith(':1'))).toBe(true);
  });

  it('numbers identical problems on identical lines apart', () => {
    const m: Diagnostic = { ruleId: 'adr-title', severity: 'warn', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2 };
    const result = summarise(`${ROOT}/docs/adr/0008-x.md`, [m, { ...m, line: 2, endLine: 2 }], 'x\nx\n');
    const values = sarif([result]).runs[0]!.results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(values[0]?.replace(/:1$/, ':2')).toBe(values[1]);
  });

  it('leaves fixes out when the result carries no source', () => {
    const { source: _source, ...withoutSource } = lintText(`${ROOT}/docs/adr/0002-broken.md`, BROKEN, context);
    const run = sarif([withoutSource]).runs[0]!;
    expect(run.results).toHaveLength(3);
    expect(run.results.every((r) => r.fixes === undefined && /^[0-9a-f]{32}:1$/.test(r.partialFingerprints[FINGERPRINT_KEY] ?? ''))).toBe(true);
  });

  it('is checked by a schema that rejects what SARIF does not allow', () => {
    const log = sarif([lintText(`${ROOT}/docs/adr/0002-broken.md`, BROKEN, context)]);
    const broken = (change: (copy: SarifLog) => void) => {
      const copy = structuredClone(log);
      change(copy);
      return validateSarif(copy);
    };
    expect(broken(() => {})).toBe(true);
    expect(broken((copy) => ((copy.runs[0]!.results[0] as unknown as { level: string }).level = 'fatal'))).toBe(false);
    expect(broken((copy) => (copy.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startColumn = 0))).toBe(false);
    expect(broken((copy) => (copy.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri = 'docs/adr/a b.md'))).toBe(false);
    expect(broken((copy) => (copy.version = '2.0.0'))).toBe(false);
    expect(broken((copy) => delete (copy.runs[0]!.invocations[0] as Partial<SarifRun['invocations'][number]>).executionSuccessful)).toBe(false);
  });
});
