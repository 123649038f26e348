// adrlint as a commit hook: the pre-commit manifest, and files named on the command line the way
// pre-commit and lint-staged name them (every staged markdown file, README.md included, as relative
// or absolute paths). Files that are not ADRs are skipped with one line each on stderr, the exit
// code and stdout unchanged; a path that does not exist is still an error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_ADR_FOLDERS } from '../src/model/config.ts';
import { adrlint, fixture, parseJson, PACKAGE_ROOT, removeFixtures, type FixtureFiles } from './helpers/cli.ts';

const SECTIONS = '\n## Context\n\nThe order flow spans three teams.\n\n## Decision\n\nAs written above.\n\n## Consequences\n\nMore moving parts.\n';

// Two errors: an unknown status (2:9) and an unknown pattern slug (4:12).
const ERRORS = `---
status: done
date: 2024-03-02
patterns: [sagapatern]
---

# 1. Broken references

Nothing else here.
${SECTIONS}`;

function repository(files: FixtureFiles = {}): string {
  return fixture({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'README.md': ERRORS,
    'CONTRIBUTING.md': ERRORS,
    'docs/adr/0001-x.md': ERRORS,
    'docs/adr/README.md': ERRORS,
    'docs/adr/template.md': ERRORS,
    ...files,
  });
}

afterAll(() => removeFixtures());

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(PACKAGE_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
  const hook = hooks.find((entry) => entry.id === 'adrlint');

  it('declares the adrlint hook with the keys pre-commit requires', () => {
    expect(Array.isArray(hooks)).toBe(true);
    expect(hook).toMatchObject({ id: 'adrlint', name: 'adrlint', entry: 'adrlint', language: 'node', types: ['markdown'] });
    for (const key of ['id', 'name', 'entry', 'language']) expect(typeof hook?.[key], key).toBe('string');
    // `entry` runs the package's command, which `language: node` installs from package.json's bin.
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(Object.keys(pkg.bin)).toContain(hook?.entry);
  });

  it('passes the files of the ADR folders adrlint looks for by default, and nothing else', () => {
    // pre-commit matches `files` with Python's re.search; this pattern reads the same in JavaScript.
    const files = new RegExp(String(hook?.files));
    for (const folder of DEFAULT_ADR_FOLDERS) {
      expect(files.test(`${folder}/0001-use-sagas.md`), folder).toBe(true);
      expect(files.test(`${folder}/2024/0002-x.markdown`), folder).toBe(true);
    }
    for (const path of ['README.md', 'docs/guide.md', 'docs/adrs/0001-x.md', 'src/docs/adr/0001-x.md']) expect(files.test(path), path).toBe(false);
  });
});

describe('files named by a hook', () => {
  it('lints only the ADRs among them', async () => {
    const root = repository();
    const run = await adrlint(root, ['-f', 'json', 'README.md', 'docs/adr/README.md', 'docs/adr/0001-x.md', 'CONTRIBUTING.md']);
    expect(run.code).toBe(1);
    // The notices go to stderr: stdout is the JSON report alone.
    expect(parseJson(run).map((result) => result.filePath)).toEqual([join(root, 'docs/adr/0001-x.md')]);
    expect(run.stderr).toMatch(/^adrlint: skipped CONTRIBUTING\.md: .*\nadrlint: skipped README\.md: .*\nadrlint: skipped docs\/adr\/README\.md: .*\n$/);
  });

  it('exits 0 with no report when none of them is an ADR, and says on stderr why each was skipped', async () => {
    const root = repository();
    const NON_ADR = 'not an ADR (its name matches "nonAdrFiles")';
    expect(await adrlint(root, ['README.md', 'CONTRIBUTING.md'])).toMatchObject({
      code: 0,
      stdout: '',
      stderr: `adrlint: skipped CONTRIBUTING.md: ${NON_ADR}\nadrlint: skipped README.md: ${NON_ADR}\n`,
    });
    expect(await adrlint(root, ['docs/adr/README.md', 'docs/adr/template.md'])).toMatchObject({
      code: 0,
      stdout: '',
      stderr: `adrlint: skipped docs/adr/README.md: ${NON_ADR}\nadrlint: skipped docs/adr/template.md: a template, not an ADR\n`,
    });
    // lint-staged passes absolute paths.
    expect(await adrlint(root, [join(root, 'README.md')])).toMatchObject({ code: 0, stdout: '', stderr: `adrlint: skipped README.md: ${NON_ADR}\n` });
    // --quiet keeps stderr for errors.
    expect(await adrlint(root, ['--quiet', 'README.md'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    // A report format still writes its (empty) report.
    const json = await adrlint(root, ['-f', 'json', 'README.md']);
    expect(json.code).toBe(0);
    expect(parseJson(json)).toEqual([]);
  });

  it('skips files the config or .gitignore ignores, and those the config says are not ADRs', async () => {
    const root = repository({
      '.adrlintrc.yml': 'ignore: [docs/adr/drafts/]\nnonAdrFiles: ["NOTES.md"]\n',
      '.gitignore': 'docs/adr/generated/\n',
      'docs/adr/drafts/0002-draft.md': ERRORS,
      'docs/adr/generated/0003-gen.md': ERRORS,
      'docs/adr/NOTES.md': ERRORS,
    });
    const run = await adrlint(root, ['docs/adr/drafts/0002-draft.md', 'docs/adr/generated/0003-gen.md', 'docs/adr/NOTES.md']);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr.split('\n')).toEqual([
      'adrlint: skipped docs/adr/NOTES.md: not an ADR (its name matches "nonAdrFiles")',
      'adrlint: skipped docs/adr/drafts/0002-draft.md: ignored by .gitignore or the config\'s "ignore"',
      'adrlint: skipped docs/adr/generated/0003-gen.md: ignored by .gitignore or the config\'s "ignore"',
      '',
    ]);
  });

  it('still fails for a path that does not exist, even beside skipped files', async () => {
    const root = repository();
    const run = await adrlint(root, ['README.md', 'docs/adr/0099-missing.md']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^adrlint: no such file or folder: docs\/adr\/0099-missing\.md$/m);
  });

  it('still fails when a folder or a glob among the paths holds no ADR', async () => {
    const root = repository({ 'notes/.keep': '' });
    expect((await adrlint(root, ['README.md', 'notes'])).stderr).toMatch(/^adrlint: no ADR markdown files matched$/m);
    expect((await adrlint(root, ['README.md', 'docs/adr/*.txt'])).stderr).toMatch(/^adrlint: no files match docs\/adr\/\*\.txt$/m);
    // A file that is not markdown is no hook's doing: it keeps the error too.
    const text = await adrlint(repository({ 'notes.txt': 'text\n' }), ['notes.txt']);
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/^adrlint: no ADR markdown files matched$/m);
  });
});
