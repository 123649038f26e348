// The index of an ADR set end to end through the built CLI: `adrlint index` prints the block,
// `--write` writes it (in place between the markers, at the end of a page without them, or as a new
// README.md), `adr-index` reports a stale block in the index page and `--fix` rewrites it and
// nothing else; the project's own docs/adr/README.md is kept true; and on a copy of each folder of
// ../shared/corpus, the written index is clean and its links resolve.
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { adrlint, fixture, PACKAGE_ROOT, parseJson, removeFixtures } from './helpers/cli.ts';
import { lintProject } from '../src/run/lint-project.ts';
import { INDEX_END, INDEX_ROWS, INDEX_SET, INDEX_START } from './helpers/adr-texts.ts';

afterAll(removeFixtures);

const S = INDEX_START;
const E = INDEX_END;
const ADRS = INDEX_SET;
const ROWS = INDEX_ROWS;
const block = (eol = '\n', rows = ROWS) => `${S}${eol}${eol}${rows.join(eol)}${eol}${eol}${E}`;
const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

describe('adrlint index', () => {
  it('prints the block of the default ADR folder, markers included; writes nothing', async () => {
    const root = fixture(ADRS);
    const run = await adrlint(root, ['index']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(`${block()}\n`);
    expect(existsSync(join(root, 'docs/adr/README.md'))).toBe(false);
  });

  it('--write creates README.md with a title and the block when the folder has no index page, and says so', async () => {
    const root = fixture(ADRS);
    const run = await adrlint(root, ['index', '--write']);
    expect(run).toMatchObject({ code: 0, stdout: 'created docs/adr/README.md with the index of 3 ADRs of its folder\n' });
    expect(read(root, 'docs/adr/README.md')).toBe(`# Architecture decision records\n\n${block()}\n`);
    expect((await adrlint(root, ['--rule', 'adr-index:error'])).code).toBe(0);
  });

  it('--write appends the markers and block to an index page without them, every byte before kept', async () => {
    const page = '# Decisions\n\n- hand-made list, left as it is\n';
    const root = fixture({ ...ADRS, 'docs/adr/index.md': page });
    const run = await adrlint(root, ['index', '--write', 'docs/adr']);
    expect(run).toMatchObject({ code: 0, stdout: 'wrote the index at the end of docs/adr/index.md, between new markers\n' });
    expect(read(root, 'docs/adr/index.md')).toBe(`${page}\n${block()}\n`);
  });

  it('--write replaces only the text between the markers of a CRLF page, and then has nothing to do', async () => {
    const before = '# Decisions\r\n\r\nIntro  \t é\r\n\r\n';
    const after = '\r\n\r\nOutro\r\n';
    const root = fixture({ ...ADRS, 'docs/adr/README.md': `${before}${S}\r\n| stale |\r\n${E}${after}` });
    expect((await adrlint(root, ['index', '--write'])).stdout).toBe('wrote the index of docs/adr/README.md\n');
    expect(read(root, 'docs/adr/README.md')).toBe(`${before}${block('\r\n')}${after}`);
    expect((await adrlint(root, ['index', '--write'])).stdout).toBe('docs/adr/README.md: the index is up to date\n');
  });

  it('--write refuses a page with a start marker and no end marker (exit 2, one line naming the file)', async () => {
    const root = fixture({ ...ADRS, 'docs/adr/README.md': `# Decisions\n\n${S}\n` });
    const run = await adrlint(root, ['index', '--write']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`adrlint: docs/adr/README.md has ${S} without ${E}; mend the markers, then write again\n`);
    expect(read(root, 'docs/adr/README.md')).toBe(`# Decisions\n\n${S}\n`);
  });

  it("follows the config's index and indexTemplate: the whole set, links from the page's folder", async () => {
    const root = fixture({ ...ADRS, '.adrlintrc.yml': 'index: docs/DECISIONS.md\nindexTemplate: "- {number}: [{title}]({link}), {status}"\n' });
    await adrlint(root, ['index', '--write']);
    expect(read(root, 'docs/DECISIONS.md')).toBe(
      `# Architecture decision records\n\n${S}\n\n- 0001: [Record architecture decisions](adr/0001-record-architecture-decisions.md), Accepted\n- 0002: [Use PostgreSQL](adr/0002-use-postgresql.md), Superseded by [0003](adr/0003-use-sqlite.md)\n- 0003: [Use SQLite](adr/0003-use-sqlite.md), Accepted\n\n${E}\n`,
    );
    expect((await adrlint(root, ['--rule', 'adr-index:error'])).code).toBe(0);
  });

  it('the list template', async () => {
    const root = fixture({ ...ADRS, '.adrlintrc.yml': 'indexTemplate: list\n' });
    expect((await adrlint(root, ['index'])).stdout).toContain('\n- 0002 [Use PostgreSQL](0002-use-postgresql.md) (Superseded by [0003](0003-use-sqlite.md))\n');
  });

  it('refuses the flags of other commands', async () => {
    const run = await adrlint(fixture(ADRS), ['index', '--fix']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^adrlint: .*--fix/);
  });
});

describe('adr-index in a lint run', () => {
  const stale = { ...ADRS, 'docs/adr/README.md': `# Decisions\n\n${block('\n', [...ROWS.slice(0, 3), '| 0002 | [Use PostgreSQL](0002-use-postgresql.md) | Accepted |'])}\n\nOutro\n` };

  it('is off by default: a stale block says nothing', async () => {
    expect((await adrlint(fixture(stale), [])).code).toBe(0);
  });

  it('reports a stale block in the index page, at the entries, fixable', async () => {
    const root = fixture(stale);
    const run = await adrlint(root, ['--rule', 'adr-index:error', '-f', 'json']);
    expect(run.code).toBe(1);
    // (The other rules have their say on the ADRs.)
    const results = parseJson(run).filter((result) => result.messages.some((m) => m.ruleId === 'adr-index'));
    expect(results.map((result) => result.filePath)).toEqual([resolve(root, 'docs/adr/README.md')]);
    expect(results[0]!.messages.map((m) => [m.ruleId, m.line, m.message])).toEqual([
      ['adr-index', 8, 'The index gives ADR 0002 "Use PostgreSQL" (0002-use-postgresql.md) an old status; it is now "Superseded by [0003](0003-use-sqlite.md)"'],
      ['adr-index', 10, 'The index lacks ADR 0003 "Use SQLite" (0003-use-sqlite.md)'],
    ]);
  });

  it('is on in the strict preset', async () => {
    const root = fixture({ ...stale, '.adrlintrc.yml': 'extends: strict\nrules:\n  adr-sections: off\n  adr-date: off\n' });
    const run = await adrlint(root, ['-f', 'json']);
    expect(parseJson(run).flatMap((result) => result.messages.map((m) => m.ruleId))).toContain('adr-index');
  });

  it('--fix rewrites the block and nothing else; the ADRs are untouched', async () => {
    const root = fixture(stale);
    const run = await adrlint(root, ['--rule', 'adr-index:error', '--fix']);
    expect(run.code).toBe(0);
    expect(read(root, 'docs/adr/README.md')).toBe(`# Decisions\n\n${block()}\n\nOutro\n`);
    for (const [path, text] of Object.entries(ADRS)) expect(read(root, path)).toBe(text);
  });

  it('--fix-dry-run writes nothing', async () => {
    const root = fixture(stale);
    await adrlint(root, ['--rule', 'adr-index:error', '--fix-dry-run']);
    expect(read(root, 'docs/adr/README.md')).toBe(stale['docs/adr/README.md']);
  });
});

describe("the project's own docs/adr/README.md", () => {
  it('has the index block, and it is true (adr-index is on in .adrlintrc.yml)', async () => {
    expect(read(PACKAGE_ROOT, '.adrlintrc.yml')).toMatch(/^ {2}adr-index: error$/m);
    expect(read(PACKAGE_ROOT, 'docs/adr/README.md')).toContain(S);
    const outcome = await lintProject({ cwd: PACKAGE_ROOT });
    expect(outcome.results.flatMap((result) => result.messages)).toEqual([]);
    expect(outcome.records.length).toBe(readdirSync(join(PACKAGE_ROOT, 'docs/adr')).filter((name) => /^\d{4}-.*\.md$/.test(name)).length);
  });
});

const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const folders = existsSync(corpus) ? readdirSync(corpus, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name) : [];

describe.skipIf(folders.length === 0)('on a copy of each corpus folder', () => {
  it.each(folders)('%s: off by default nothing changes; index --write, then adr-index is clean and the block links resolve', async (folder) => {
    const root = fixture({});
    cpSync(join(corpus, folder), join(root, 'docs/adr'), { recursive: true });
    const lint = async (args: string[]) => parseJson(await adrlint(root, ['-f', 'json', ...args]));
    const ruleMessages = (results: Awaited<ReturnType<typeof lint>>, id: string) => results.flatMap((result) => result.messages.filter((m) => m.ruleId === id).map((m) => `${result.filePath}:${m.line} ${m.message}`));
    const before = await lint([]);
    // The sets' own hand-made indexes have no markers: the rule, even on, has nothing to say.
    expect(ruleMessages(await lint(['--rule', 'adr-index:error']), 'adr-index')).toEqual([]);
    const write = await adrlint(root, ['index', '--write']);
    expect(write.code).toBe(0);
    const after = await lint(['--rule', 'adr-index:error']);
    expect(ruleMessages(after, 'adr-index')).toEqual([]);
    expect(ruleMessages(after, 'adr-link')).toEqual(ruleMessages(before, 'adr-link'));
    const page = ['README.md', 'readme.md', 'index.md'].map((name) => join(root, 'docs/adr', name)).find((path) => existsSync(path) && readFileSync(path, 'utf8').includes(S))!;
    const text = readFileSync(page, 'utf8');
    const inBlock = text.slice(text.indexOf(S), text.indexOf(E));
    const targets = [...inBlock.matchAll(/\]\(([^)]+)\)/g)].map((match) => decodeURI(match[1]!));
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(existsSync(resolve(dirname(page), target)), target).toBe(true);
    // Every ADR the run lints is in the block.
    expect(new Set(targets).size).toBeGreaterThanOrEqual(before.length);
  });
});
