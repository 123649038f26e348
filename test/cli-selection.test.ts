// Which files a run lints, from the command line: negated paths and globs (also in the config's
// `adrs`), --ignore-pattern, --no-ignore and --no-error-on-unmatched-pattern, through the built CLI.
import { afterAll, describe, expect, it } from 'vitest';
import { adrlint, fixture, parseJson, removeFixtures, STACK_TRACE, type CliRun, type FixtureFiles } from './helpers/cli.ts';

afterAll(removeFixtures);

const adr = (number: number, title: string) => `# ${number}. ${title}

Date: 2024-01-0${number}

## Status

Accepted

## Context

We need it.

## Decision

We do it.

## Consequences

It is done.
`;

/** docs/adr with two records and a drafts folder holding one with an error (a broken link). */
const SET: FixtureFiles = {
  'docs/adr/0001-use-postgres.md': adr(1, 'Use Postgres'),
  'docs/adr/0002-use-kafka.md': adr(2, 'Use Kafka'),
  'docs/adr/drafts/0003-use-redis.md': `${adr(3, 'Use Redis')}\nSee [the old one](0009-gone.md).\n`,
};

/** The files a JSON report names, relative to `root`, sorted. */
function linted(run: CliRun, root: string): string[] {
  expect(run.stderr).not.toMatch(STACK_TRACE);
  return parseJson(run)
    .map((result) => result.filePath.slice(root.length + 1))
    .sort();
}

const ALL = ['docs/adr/0001-use-postgres.md', 'docs/adr/0002-use-kafka.md', 'docs/adr/drafts/0003-use-redis.md'];

describe('negated paths and globs', () => {
  it('leave out what they match, wherever they stand among the paths', async () => {
    const root = fixture(SET);
    expect(linted(await adrlint(root, ['-f', 'json']), root)).toEqual(ALL);
    for (const args of [
      ['docs/adr', '!docs/adr/drafts/**'],
      ['!docs/adr/drafts/**', 'docs/adr'],
      ['docs/adr', '!docs/adr/drafts'],
      ['docs/adr/**/*.md', '!**/drafts/*.md'],
    ]) {
      const run = await adrlint(root, ['-f', 'json', ...args]);
      expect(linted(run, root), args.join(' ')).toEqual(ALL.slice(0, 2));
      expect(run.code, args.join(' ')).toBe(0);
    }
    expect(linted(await adrlint(root, ['-f', 'json', 'docs/adr', '!docs/adr/0002-use-kafka.md']), root)).toEqual([ALL[0], ALL[2]]);
  });

  it('alone, leave out what a run without paths lints', async () => {
    const root = fixture(SET);
    const run = await adrlint(root, ['-f', 'json', '!docs/adr/drafts/**']);
    expect(run.code).toBe(0);
    expect(linted(run, root)).toEqual(ALL.slice(0, 2));
  });

  it('in the config\'s adrs, relative to the config file', async () => {
    const root = fixture({ ...SET, '.adrlintrc.yml': 'adrs: [docs/adr, "!docs/adr/drafts/**"]\n' });
    expect(linted(await adrlint(root, ['-f', 'json']), root)).toEqual(ALL.slice(0, 2));
    expect(linted(await adrlint(`${root}/docs`, ['-f', 'json']), root)).toEqual(ALL.slice(0, 2));
    // Paths on the command line replace `adrs`, its negated entries with it.
    expect(linted(await adrlint(root, ['-f', 'json', 'docs/adr']), root)).toEqual(ALL);
  });

  it('in adrs alone: the usual ADR folder less them', async () => {
    const root = fixture({ ...SET, '.adrlintrc.yml': 'adrs: ["!docs/adr/drafts/**"]\n' });
    expect(linted(await adrlint(root, ['-f', 'json']), root)).toEqual(ALL.slice(0, 2));
  });

  it('leaving out everything is "nothing matched" (exit 2)', async () => {
    const root = fixture(SET);
    const run = await adrlint(root, ['docs/adr', '!docs/adr/**']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('adrlint: no ADR markdown files matched\n');
  });
});

describe('--ignore-pattern', () => {
  it('leaves out what a .gitignore pattern from the working folder matches; repeatable', async () => {
    const root = fixture(SET);
    expect(linted(await adrlint(root, ['-f', 'json', '--ignore-pattern', 'drafts/']), root)).toEqual(ALL.slice(0, 2));
    expect(linted(await adrlint(root, ['-f', 'json', '--ignore-pattern', 'drafts/', '--ignore-pattern', '0001-*']), root)).toEqual([ALL[1]]);
    expect(linted(await adrlint(`${root}/docs`, ['-f', 'json', 'adr', '--ignore-pattern', 'adr/drafts/**']), root)).toEqual(ALL.slice(0, 2));
  });

  it('skips a file named on the command line, saying why', async () => {
    const root = fixture(SET);
    const run = await adrlint(root, ['-f', 'json', '--ignore-pattern', 'drafts/', 'docs/adr/0001-use-postgres.md', 'docs/adr/drafts/0003-use-redis.md']);
    expect(linted(run, root)).toEqual([ALL[0]]);
    expect(run.stderr).toBe('adrlint: skipped docs/adr/drafts/0003-use-redis.md: ignored by --ignore-pattern\n');
  });
});

describe('--no-ignore', () => {
  it('lints what .gitignore, the config\'s ignore and --ignore-pattern leave out', async () => {
    const root = fixture({ ...SET, '.gitignore': 'docs/adr/drafts/\n', '.adrlintrc.yml': 'ignore: ["0002-*"]\n' });
    expect(linted(await adrlint(root, ['-f', 'json']), root)).toEqual([ALL[0]]);
    expect(linted(await adrlint(root, ['-f', 'json', '--no-ignore']), root)).toEqual(ALL);
    expect(linted(await adrlint(root, ['-f', 'json', '--no-ignore', '--ignore-pattern', '0001-*']), root)).toEqual(ALL);
  });
});

describe('--no-error-on-unmatched-pattern', () => {
  it('leaves out a path or glob that matches nothing, with no result and no error', async () => {
    const root = fixture(SET);
    // Without it, a path that names nothing is an error of its own (exit 1), and a glob too.
    const strict = await adrlint(root, ['-f', 'json', 'docs/adr/0001-use-postgres.md', 'docs/adr/0009-gone.md', 'notes/*.md']);
    expect(strict.code).toBe(1);
    expect(parseJson(strict).map((result) => result.messages.map((message) => message.message))).toEqual([
      ['docs/adr/0009-gone.md does not exist (no such file or folder)'],
      ['no files match "notes/*.md"'],
      [],
    ]);
    const run = await adrlint(root, ['-f', 'json', '--no-error-on-unmatched-pattern', 'docs/adr/0001-use-postgres.md', 'docs/adr/0009-gone.md', 'notes/*.md']);
    expect(run.code).toBe(0);
    expect(linted(run, root)).toEqual([ALL[0]]);
  });

  it('exits 0 when nothing at all matched', async () => {
    const root = fixture(SET);
    expect((await adrlint(root, ['notes/*.md'])).code).toBe(2);
    const run = await adrlint(root, ['--no-error-on-unmatched-pattern', 'notes/*.md']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
  });

  it('still exits 1 for the problems of what matched', async () => {
    const root = fixture(SET);
    const run = await adrlint(root, ['-f', 'json', '--no-error-on-unmatched-pattern', 'docs/adr/drafts/0003-use-redis.md', 'gone.md']);
    expect(run.code).toBe(1);
    expect(linted(run, root)).toEqual([ALL[2]]);
  });
});
