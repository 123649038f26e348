// The remark plugin: through remark-cli itself (the built dist/remark.js, imported by file URL and
// by the package's own specifier `adrlint/remark`), and through unified() directly, where the
// messages' fields are checked one by one and compared with what `lintProject` reports.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import remarkAdrlint, { type RemarkAdrlintOptions } from '../src/remark.ts';
import { lintProject } from '../src/run/lint-project.ts';
import { cleanEnv, fixture, PACKAGE_ROOT, removeFixtures, writeFiles, type FixtureFiles } from './helpers/cli.ts';
import { CLEAN, ERRORS, WARNING } from './helpers/adr-texts.ts';

const PLUGIN = join(PACKAGE_ROOT, 'dist', 'remark.js');
if (!existsSync(PLUGIN)) throw new Error('dist/remark.js is missing: run "npm run build" first');
const REMARK_CLI = join(PACKAGE_ROOT, 'node_modules', 'remark-cli', 'cli.js');

const SAGA_URL = 'https://learn.microsoft.com/azure/architecture/patterns/saga';
const docsUrl = (ruleId: string) => `https://github.com/adrlint/adrlint/blob/main/docs/rules/${ruleId}.md`;

/** A repository whose ADRs are in docs/adr, with a README there that adrlint must leave alone. */
function repository(files: FixtureFiles = {}): string {
  return fixture({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'docs/adr/0001-clean.md': CLEAN,
    'docs/adr/0002-errors.md': ERRORS,
    'docs/adr/0003-warning.md': WARNING,
    'docs/adr/README.md': ERRORS,
    'docs/guide.md': ERRORS,
    ...files,
  });
}

const remarkrc = (specifier: string, options = '') => `import adrlint from ${JSON.stringify(specifier)};\n\nexport default { plugins: [${options ? `[adrlint, ${options}]` : 'adrlint'}] };\n`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function remark(cwd: string, args: readonly string[]): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [REMARK_CLI, ...args, '--no-stdout', '--no-color'], { cwd, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** vfile-reporter's report as [file, place, severity, reason, ruleId, source] rows, and its other lines. */
function reportRows(report: string): { rows: string[][]; other: string[] } {
  const rows: string[][] = [];
  const other: string[] = [];
  let file = '';
  for (const line of report.split('\n').filter(Boolean)) {
    const row = /^(\d+:\d+-\d+:\d+)\s+(error|warning)\s+(.+?)\s+(\S+)\s+(\S+)$/.exec(line);
    if (row) rows.push([file, ...row.slice(1)]);
    else {
      if (/^\S+\.md$/.test(line)) file = line;
      other.push(line);
    }
  }
  return { rows, other };
}

const ERROR_ROWS = [
  ['docs/adr/0002-errors.md', '2:9-2:13', 'error', 'Unknown status "done" (closest in meaning: "accepted"); use one of proposed, accepted, rejected, deprecated, superseded, or add it to "statuses" in the config (adrlint init writes them)', 'adr-status', 'adrlint'],
  ['docs/adr/0002-errors.md', '4:12-4:22', 'error', 'Unknown pattern "sagapatern"; did you mean "saga-pattern"?', 'pattern-slug', 'adrlint'],
];
const WARNING_ROWS = [['docs/adr/0003-warning.md', '9:38-9:42', 'warning', `Link the first mention of Saga Pattern: [saga](${SAGA_URL})`, 'pattern-link', 'adrlint']];

afterAll(() => removeFixtures());

describe('remark-cli with the plugin', () => {
  const byFileUrl = remarkrc(pathToFileURL(PLUGIN).href);

  it('reports errors and warnings as remark-lint problems, and fails on errors without --frail', async () => {
    const root = repository({ '.remarkrc.mjs': byFileUrl });
    const run = await remark(root, ['docs']);
    const { rows, other } = reportRows(run.stderr);
    expect(rows).toEqual([...ERROR_ROWS, ...WARNING_ROWS]);
    // README.md and a guide outside the ADR folder are read by remark, and left alone by adrlint.
    expect(other).toEqual([
      'docs/adr/0001-clean.md: no issues found',
      'docs/adr/0002-errors.md',
      'docs/adr/0003-warning.md',
      'docs/adr/README.md: no issues found',
      'docs/guide.md: no issues found',
      '3 messages (✖ 2 errors, ⚠ 1 warning)',
    ]);
    expect(run.code).toBe(1);
  });

  it('exits 0 for warnings, and 1 with --frail', async () => {
    const root = repository({ '.remarkrc.mjs': byFileUrl });
    const run = await remark(root, ['docs/adr/0003-warning.md', 'docs/adr/0001-clean.md']);
    expect(reportRows(run.stderr).rows).toEqual(WARNING_ROWS);
    expect(run.code).toBe(0);
    expect((await remark(root, ['docs/adr/0003-warning.md', '--frail'])).code).toBe(1);
  });

  it('exits 0 with no problems for a clean file', async () => {
    const root = repository({ '.remarkrc.mjs': byFileUrl });
    const run = await remark(root, ['docs/adr/0001-clean.md', '--frail']);
    expect(run.stderr.trim()).toBe('docs/adr/0001-clean.md: no issues found');
    expect(run.code).toBe(0);
  });

  it('takes options from .remarkrc.mjs', async () => {
    const root = repository({ '.remarkrc.mjs': remarkrc(pathToFileURL(PLUGIN).href, `{ rules: { 'adr-status': 'warn', 'pattern-link': 'off' } }`) });
    const run = await remark(root, ['docs/adr']);
    expect(reportRows(run.stderr).rows.map(([file, place, severity, , ruleId]) => [file, place, severity, ruleId])).toEqual([
      ['docs/adr/0002-errors.md', '2:9-2:13', 'warning', 'adr-status'],
      ['docs/adr/0002-errors.md', '4:12-4:22', 'error', 'pattern-slug'],
    ]);
    expect(run.code).toBe(1);
  });

  it('loads as adrlint/remark, the specifier users write', async () => {
    const root = repository({ '.remarkrc.mjs': remarkrc('adrlint/remark') });
    mkdirSync(join(root, 'node_modules'));
    symlinkSync(PACKAGE_ROOT, join(root, 'node_modules', 'adrlint'), 'dir');
    const run = await remark(root, ['docs/adr']);
    expect(reportRows(run.stderr).rows).toEqual([...ERROR_ROWS, ...WARNING_ROWS]);
    expect(run.code).toBe(1);
  });
});

/** Run the plugin on one file the way unified-engine does: parse, then run the transformers. */
async function lintWithPlugin(cwd: string, path: string | undefined, options?: RemarkAdrlintOptions): Promise<VFile> {
  const file = new VFile({ cwd, ...(path !== undefined ? { path } : {}), value: readFileSync(resolve(cwd, path ?? 'docs/adr/0002-errors.md'), 'utf8') });
  const processor = unified().use(remarkParse).use(remarkAdrlint, options);
  await processor.run(processor.parse(file), file);
  return file;
}

describe('the plugin through unified()', () => {
  it('gives each message its rule, source, docs URL, place, severity and replacements', async () => {
    const root = repository();
    const errors = await lintWithPlugin(root, 'docs/adr/0002-errors.md');
    expect(errors.messages.map((m) => ({ reason: m.reason, ruleId: m.ruleId, source: m.source, url: m.url, place: m.place, fatal: m.fatal, expected: m.expected, actual: m.actual }))).toEqual([
      {
        reason: 'Unknown status "done" (closest in meaning: "accepted"); use one of proposed, accepted, rejected, deprecated, superseded, or add it to "statuses" in the config (adrlint init writes them)',
        ruleId: 'adr-status',
        source: 'adrlint',
        url: docsUrl('adr-status'),
        place: { start: { line: 2, column: 9 }, end: { line: 2, column: 13 } },
        fatal: true,
        expected: ['accepted'],
        actual: 'done',
      },
      {
        reason: 'Unknown pattern "sagapatern"; did you mean "saga-pattern"?',
        ruleId: 'pattern-slug',
        source: 'adrlint',
        url: docsUrl('pattern-slug'),
        place: { start: { line: 4, column: 12 }, end: { line: 4, column: 22 } },
        fatal: true,
        expected: ['saga-pattern'],
        actual: 'sagapatern',
      },
    ]);
    const [warning] = (await lintWithPlugin(root, 'docs/adr/0003-warning.md')).messages;
    expect(warning).toMatchObject({
      ruleId: 'pattern-link',
      source: 'adrlint',
      url: docsUrl('pattern-link'),
      place: { start: { line: 9, column: 38 }, end: { line: 9, column: 42 } },
      fatal: false,
      expected: [`[saga](${SAGA_URL})`],
      actual: 'saga',
    });
    expect((await lintWithPlugin(root, 'docs/adr/0001-clean.md')).messages).toEqual([]);
  });

  it('leaves files that are not ADRs alone: a README, a file outside the ADR folders, a file without a path', async () => {
    const root = repository();
    for (const path of ['docs/adr/README.md', 'docs/guide.md', undefined]) expect((await lintWithPlugin(root, path)).messages, String(path)).toEqual([]);
    // The config's `ignore` too.
    const ignoring = repository({ '.adrlintrc.yml': 'ignore: ["docs/adr/0002-*"]\n' });
    expect((await lintWithPlugin(ignoring, 'docs/adr/0002-errors.md')).messages).toEqual([]);
    // An unnumbered page among numbered records, unless the config lists it.
    const page = repository({ 'docs/adr/install.md': ERRORS });
    expect((await lintWithPlugin(page, 'docs/adr/install.md')).messages).toEqual([]);
    writeFiles(page, { '.adrlintrc.yml': 'adrs: [docs/adr, docs/adr/install.md]\n' });
    expect((await lintWithPlugin(page, 'docs/adr/install.md')).messages).not.toEqual([]);
  });

  it('merges its rules over the config file it finds above the file, or the one it is given', async () => {
    const root = repository({
      '.adrlintrc.yml': 'rules:\n  adr-status: off\n',
      'other.yml': 'rules:\n  pattern-slug: warn\n',
    });
    const ruleIds = (file: VFile) => file.messages.map((m) => [m.ruleId, m.fatal]);
    expect(ruleIds(await lintWithPlugin(root, 'docs/adr/0002-errors.md'))).toEqual([['pattern-slug', true]]);
    expect(ruleIds(await lintWithPlugin(root, 'docs/adr/0002-errors.md', { rules: { 'pattern-slug': 'warn' } }))).toEqual([['pattern-slug', false]]);
    expect(ruleIds(await lintWithPlugin(root, 'docs/adr/0002-errors.md', { config: 'other.yml' }))).toEqual([
      ['adr-status', true],
      ['pattern-slug', false],
    ]);
  });

  it('a pattern rule named in its rules runs on a set that has not adopted patterns', async () => {
    const root = fixture({ '.git/HEAD': 'ref: refs/heads/main\n', 'docs/adr/0005-orders.md': '# 5. Orders\n\nWe use a saga.\n' });
    const ruleIds = (file: VFile) => file.messages.map((m) => m.ruleId);
    expect(ruleIds(await lintWithPlugin(root, 'docs/adr/0005-orders.md'))).not.toContain('pattern-undeclared');
    expect(ruleIds(await lintWithPlugin(root, 'docs/adr/0005-orders.md', { rules: { 'pattern-undeclared': 'warn' } }))).toContain('pattern-undeclared');
  });

  it('reports each mistake of an unusable catalogue as a fatal message of its own', async () => {
    const root = repository({ '.adrlintrc.yml': 'catalogue: patterns.yml\n', 'patterns.yml': 'patterns:\n  - slug: a\n    category: Data Pattern\n  - slug: b\n    category: Data Pattern\n' });
    const messages = (await lintWithPlugin(root, 'docs/adr/0002-errors.md')).messages;
    expect(messages.map((m) => [m.fatal, m.reason])).toEqual([
      [true, `configuration error: ${join(root, 'patterns.yml')}: 2:5: patterns[0] (a): a new pattern needs a name`],
      [true, `configuration error: ${join(root, 'patterns.yml')}: 4:5: patterns[1] (b): a new pattern needs a name`],
    ]);
  });

  it('reports an unusable config or option as one fatal message', async () => {
    const root = repository();
    const [message, ...more] = (await lintWithPlugin(root, 'docs/adr/0002-errors.md', { rules: { 'pattern-slugg': 'error' } })).messages;
    expect(more).toEqual([]);
    expect(message).toMatchObject({ fatal: true, source: 'adrlint', reason: 'configuration error: rules option: rules: unknown rule "pattern-slugg"; did you mean "pattern-slug"?' });
    const [missing] = (await lintWithPlugin(root, 'docs/adr/0002-errors.md', { config: 'nowhere.yml' })).messages;
    expect(missing).toMatchObject({ fatal: true, reason: `configuration error: ${join(root, 'nowhere.yml')}: config file not found` });
  });

  it('reports what lintProject reports for the same files, cross-file problems and disable comments included', async () => {
    const root = repository({
      // Two ADRs numbered 4, and a link to an ADR that does not exist.
      'docs/adr/0004-one.md': `${CLEAN.replace('# 1. Use sagas for orders', '# 4. One')}\nSee [the missing one](0009-missing.md).\n`,
      'docs/adr/0004-two.md': CLEAN.replace('# 1. Use sagas for orders', '# 4. Two'),
      // The warning turned off by a comment.
      'docs/adr/0005-quiet.md': WARNING.replace('# 3. A warning only', '# 5. Quiet').replace('\nWe coordinate', '\n<!-- adrlint-disable-next-line pattern-link -->\nWe coordinate'),
    });
    await expectSameAsLintProject(root, {});
    expect((await lintWithPlugin(root, 'docs/adr/0005-quiet.md')).messages).toEqual([]);
  });

  const corpus = fileURLToPath(new URL('../../shared/corpus/konflux/', import.meta.url));
  it.skipIf(!existsSync(corpus))('reports what lintProject reports over a real ADR collection', async () => {
    const root = fixture({ '.git/HEAD': 'ref: refs/heads/main\n', 'adrlint.yml': `adrs: [${JSON.stringify(corpus)}]\n` });
    await expectSameAsLintProject(root, { config: 'adrlint.yml' }, corpus);
  });
});

async function expectSameAsLintProject(root: string, options: RemarkAdrlintOptions, folder = join(root, 'docs/adr')): Promise<void> {
  const outcome = await lintProject({ cwd: root, ...(options.config ? { configFile: options.config } : {}), concurrency: 'off' });
  const expected = new Map(
    outcome.results.map((result) => [
      result.filePath,
      result.messages.map((m) => [m.ruleId, m.message, `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`, m.severity === 'error']),
    ]),
  );
  expect([...expected.values()].flat().some((m) => /adr-number-duplicate|adr-link|adr-supersede|adr-filename/.test(String(m[0])))).toBe(true);
  for (const name of readdirSync(folder).filter((entry) => entry.endsWith('.md'))) {
    const path = join(folder, name);
    const file = await lintWithPlugin(root, path, options);
    const got = file.messages.map((m) => [m.ruleId ?? null, m.reason, `${m.place && 'start' in m.place ? `${m.place.start.line}:${m.place.start.column}-${m.place.end.line}:${m.place.end.column}` : ''}`, m.fatal]);
    // A file lintProject does not lint (README.md, a template) gets nothing from the plugin either.
    expect(got, name).toEqual(expected.get(path) ?? []);
  }
}
