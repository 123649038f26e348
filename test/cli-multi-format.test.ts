// Several reports from one run through the built command: `--format name=path` writes a file per
// format, one format (stylish unless named) goes to stdout or --output-file, and mistakes in the
// list are usage errors that write nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { adrlint, fixture, parseJson, removeFixtures, type CliRun, type FixtureFiles, type JsonResult } from './helpers/cli.ts';
import { CLEAN, ERRORS, WARNING } from './helpers/adr-texts.ts';

const junitSchema = { fileName: 'junit-10.xsd', contents: readFileSync(new URL('./schemas/junit-10.xsd', import.meta.url), 'utf8') };

function repository(files: FixtureFiles = {}): string {
  return fixture({
    '.git/HEAD': 'ref: refs/heads/main\n',
    'docs/adr/0001-clean.md': CLEAN,
    'docs/adr/0002-errors.md': ERRORS,
    'docs/adr/0003-warning.md': WARNING,
    ...files,
  });
}

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

/** [file, ruleId] of every problem of a JSON report, by file name. */
const problems = (results: JsonResult[]) => results.flatMap((r) => r.messages.map((m) => [r.filePath.split('/').pop(), m.ruleId]));

const EXPECTED = [
  ['0002-errors.md', 'adr-status'],
  ['0002-errors.md', 'pattern-slug'],
  ['0003-warning.md', 'pattern-link'],
];

function expectUsageError(run: CliRun, message: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(message);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
}

afterAll(() => removeFixtures());

describe('--format name=path', () => {
  it('writes each format with a path to it and the one without to stdout, from one run', async () => {
    const root = repository();
    const run = await adrlint(root, ['--format', 'stylish', '--format', 'sarif=reports/ci/adrlint.sarif', '--format=junit=report.xml', '-f', 'json=out/adrlint.json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('docs/adr/0002-errors.md');
    expect(run.stdout).toContain('3 problems (2 errors, 1 warning)');

    const sarif = JSON.parse(read(root, 'reports/ci/adrlint.sarif')) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(EXPECTED.map(([, rule]) => rule));

    const junit = read(root, 'report.xml');
    const validation = await validateXML({ xml: { fileName: 'report.xml', contents: junit }, schema: junitSchema });
    expect(validation.errors.map((error) => error.rawMessage)).toEqual([]);
    expect(junit).toContain('<testsuites name="adrlint" tests="4" failures="3" errors="0"');

    expect(problems(JSON.parse(read(root, 'out/adrlint.json')) as JsonResult[])).toEqual(EXPECTED);
  });

  it('still prints stylish to stdout when every format names a file', async () => {
    const root = repository();
    const run = await adrlint(root, ['--format', 'junit=report.xml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('3 problems (2 errors, 1 warning)');
    expect(read(root, 'report.xml')).toContain('<testsuite name="docs/adr/0002-errors.md" tests="2" failures="2" errors="0"');
  });

  it('sends the format without a path to --output-file, and only that one', async () => {
    const root = repository();
    const run = await adrlint(root, ['-f', 'json', '-o', 'main.json', '--format', 'junit=junit.xml']);
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: '' });
    expect(problems(JSON.parse(read(root, 'main.json')) as JsonResult[])).toEqual(EXPECTED);
    expect(read(root, 'junit.xml')).toMatch(/^<\?xml /);
  });

  it('keeps -f json alone working as before', async () => {
    const root = repository();
    const run = await adrlint(root, ['-f', 'json']);
    expect(run.code).toBe(1);
    expect(problems(parseJson(run))).toEqual(EXPECTED);
  });

  it('writes the same results to every report, --quiet included', async () => {
    const root = repository();
    const run = await adrlint(root, ['--quiet', '-f', 'json', '--format', 'json=all.json', '--format', 'github=annotations.txt']);
    expect(run.code).toBe(1);
    const errorsOnly = EXPECTED.filter(([, rule]) => rule !== 'pattern-link');
    expect(problems(parseJson(run))).toEqual(errorsOnly);
    expect(problems(JSON.parse(read(root, 'all.json')) as JsonResult[])).toEqual(errorsOnly);
    expect(read(root, 'annotations.txt').trim().split('\n')).toHaveLength(2);
  });

  it('writes empty reports for a clean run, and exits 0', async () => {
    const root = repository();
    const run = await adrlint(root, ['--format', 'github=annotations.txt', '--format', 'junit=report.xml', 'docs/adr/0001-clean.md']);
    expect(run).toMatchObject({ code: 0, stdout: '✔ 1 ADR, no problems\n', stderr: '' });
    expect(read(root, 'annotations.txt')).toBe('');
    expect(read(root, 'report.xml')).toContain('<testsuites name="adrlint" tests="1" failures="0" errors="0"');
  });

  it.each([
    [['--format', 'stylish', '--format', 'json'], /^adrlint: only one --format can go to stdout \(given: stylish, json\); send the others to files with --format <name>=<file>$/m],
    [['-f', 'json', '-f', 'sarif', '-o', 'x.json'], /^adrlint: only one --format can go to --output-file \(given: json, sarif\)/],
    [['--format', 'xml=report.xml'], /^adrlint: unknown format "xml"; use one of stylish, json, sarif, github, junit$/m],
    [['--format', 'junit='], /^adrlint: --format junit= names no file; write --format junit=<file>, or junit alone for stdout$/m],
    [['--format', 'json=r.out', '--format', 'junit=./r.out'], /^adrlint: junit and json reports would both be written to \.\/r\.out$/m],
    [['-f', 'json', '-o', 'r.out', '--format', 'junit=r.out'], /^adrlint: junit and json reports would both be written to r\.out$/m],
    [['rules', '--format', 'json=rules.json'], /^adrlint: --format <name>=<file> writes lint reports; to write this list to a file, use --output-file$/m],
  ])('is a usage error that writes nothing: %j', async (args, message) => {
    const root = repository();
    expectUsageError(await adrlint(root, args), message);
    for (const file of ['report.xml', 'r.out', 'x.json', 'rules.json']) expect(existsSync(join(root, file)), file).toBe(false);
  });
});
