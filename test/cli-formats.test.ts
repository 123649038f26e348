// End-to-end tests of `--format sarif` and `--format github` through the built command: exit
// codes, paths from the repository root wherever adrlint runs, --output-file and --quiet.
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { findRepositoryRoot } from '../src/io/project-index.ts';
import { adrlint, fixture, removeFixtures, type FixtureFiles } from './helpers/cli.ts';
import { CLEAN, ERRORS, WARNING } from './helpers/adr-texts.ts';

// ajv-formats is CommonJS; under some loaders its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(new URL('./schemas/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object);

interface SarifLog {
  runs: Array<{
    results: Array<{
      ruleId: string;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }>;
    }>;
    invocations: Array<{ toolExecutionNotifications?: Array<{ message: { text: string } }> }>;
    originalUriBaseIds: Record<string, { uri: string }>;
  }>;
}

function parseSarif(text: string): SarifLog {
  const log = JSON.parse(text) as unknown;
  validateSarif(log);
  expect(validateSarif.errors ?? [], 'the SARIF schema rejects the log').toEqual([]);
  return log as SarifLog;
}

const located = (log: SarifLog) =>
  log.runs[0]!.results.map((r) => {
    const { artifactLocation, region } = r.locations[0]!.physicalLocation;
    return [r.ruleId, r.level, artifactLocation.uri, `${region.startLine}:${region.startColumn}`];
  });

/** A repository (it has a .git folder) whose ADRs are in docs/adr. */
function repository(files: FixtureFiles): string {
  return fixture({ '.git/HEAD': 'ref: refs/heads/main\n', ...files });
}

afterAll(() => removeFixtures());

describe('--format sarif', () => {
  it('exits 1 on errors, with results relative to the repository root, run from a subfolder', async () => {
    const root = repository({ 'docs/adr/0001-clean.md': CLEAN, 'docs/adr/0002-errors.md': ERRORS, 'docs/adr/0003-warning.md': WARNING });
    const run = await adrlint(join(root, 'docs'), ['--format', 'sarif', 'adr']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toBe('');
    const log = parseSarif(run.stdout);
    expect(located(log)).toEqual([
      ['adr-status', 'error', 'docs/adr/0002-errors.md', '2:9'],
      ['pattern-slug', 'error', 'docs/adr/0002-errors.md', '4:12'],
      ['pattern-link', 'warning', 'docs/adr/0003-warning.md', '9:38'],
    ]);
    expect(log.runs[0]!.results.every((r) => r.locations[0]!.physicalLocation.artifactLocation.uriBaseId === '%SRCROOT%')).toBe(true);
    expect(log.runs[0]!.originalUriBaseIds['%SRCROOT%']!.uri).toBe(`file://${root}/`);
  });

  it('makes a file that could not be linted and a directive\'s own problems results of adrlint/fatal and adrlint/directive', async () => {
    const directive = CLEAN.replace('# 1. Use sagas', '<!-- adrlint-disable-next-line patern-link -->\n# 1. Use sagas');
    const root = repository({ 'docs/adr/0001-clean.md': directive, 'docs/adr/0002-binary.md': Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02, 0xff]) });
    const run = await adrlint(root, ['--format', 'sarif']);
    expect(run.code, run.stderr).toBe(1);
    const log = parseSarif(run.stdout);
    expect(located(log)).toEqual([
      ['adrlint/directive', 'error', 'docs/adr/0001-clean.md', '7:1'],
      ['adrlint/fatal', 'error', 'docs/adr/0002-binary.md', '1:1'],
    ]);
    const messages = log.runs[0]!.results.map((r) => r.message.text);
    expect(messages).toEqual(['Unknown rule "patern-link" in adrlint-disable-next-line comment', 'docs/adr/0002-binary.md is a binary file, not markdown text']);
    // The file that was not linted is also a notification that results are missing; the directive is not.
    expect(log.runs[0]!.invocations[0]!.toolExecutionNotifications!.map((n) => n.message.text)).toEqual([messages[1]]);
  });

  it('exits 0 with warnings only, and --quiet leaves them out', async () => {
    const root = repository({ 'docs/adr/0003-warning.md': WARNING });
    const run = await adrlint(root, ['--format', 'sarif']);
    expect(run.code, run.stderr).toBe(0);
    expect(located(parseSarif(run.stdout))).toEqual([['pattern-link', 'warning', 'docs/adr/0003-warning.md', '9:38']]);
    const quiet = await adrlint(root, ['--format', 'sarif', '--quiet']);
    expect(quiet.code).toBe(0);
    expect(parseSarif(quiet.stdout).runs[0]!.results).toEqual([]);
  });

  it('writes --output-file instead of stdout', async () => {
    const root = repository({ 'docs/adr/0002-errors.md': ERRORS, 'docs/adr/nested/0004-sub folder é.md': ERRORS });
    const run = await adrlint(join(root, 'docs', 'adr'), ['--format', 'sarif', '--output-file', 'x.sarif', '.', 'nested']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toBe('');
    const file = join(root, 'docs', 'adr', 'x.sarif');
    expect(existsSync(file)).toBe(true);
    const uris = new Set(located(parseSarif(readFileSync(file, 'utf8'))).map((row) => row[2]));
    expect([...uris].sort()).toEqual(['docs/adr/0002-errors.md', 'docs/adr/nested/0004-sub%20folder%20%C3%A9.md']);
  });

  it('names files from the working folder outside a repository', async () => {
    // No .git above the temp folder, or the fixture would sit inside that repository.
    expect(findRepositoryRoot(tmpdir())).toBe(resolve(tmpdir()));
    const root = fixture({ 'docs/adr/0002-errors.md': ERRORS });
    const log = parseSarif((await adrlint(root, ['--format', 'sarif'])).stdout);
    expect(new Set(located(log).map((row) => row[2]))).toEqual(new Set(['docs/adr/0002-errors.md']));
  });
});

describe('--format github', () => {
  it('prints one annotation a problem, paths from the repository root, and exits as other formats do', async () => {
    const root = repository({ 'docs/adr/0001-clean.md': CLEAN, 'docs/adr/0002-errors.md': ERRORS, 'docs/adr/0003-warning.md': WARNING });
    const run = await adrlint(join(root, 'docs'), ['--format', 'github', 'adr']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')).toEqual([
      '::error title=adr-status,file=docs/adr/0002-errors.md,line=2,endLine=2,col=9,endColumn=13::Unknown status "done" (closest in meaning: "accepted"); use one of proposed, accepted, rejected, deprecated, superseded, or add it to "statuses" in the config (adrlint init writes them)',
      '::error title=pattern-slug,file=docs/adr/0002-errors.md,line=4,endLine=4,col=12,endColumn=22::Unknown pattern "sagapatern"; did you mean "saga-pattern"?',
      expect.stringMatching(/^::warning title=pattern-link,file=docs\/adr\/0003-warning\.md,line=9,endLine=9,col=38,endColumn=42::Link the first mention of Saga Pattern/),
      '',
    ]);
  });

  it('prints nothing and exits 0 for clean ADRs; --quiet drops warnings', async () => {
    const root = repository({ 'docs/adr/0001-clean.md': CLEAN, 'docs/adr/0003-warning.md': WARNING });
    expect(await adrlint(root, ['--format', 'github', 'docs/adr/0001-clean.md'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const warned = await adrlint(root, ['--format', 'github']);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(/^::warning title=pattern-link,file=docs\/adr\/0003-warning\.md,/);
    expect(await adrlint(root, ['--format', 'github', '--quiet'])).toMatchObject({ code: 0, stdout: '' });
  });

  it('prints the line the README shows', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const shown = readme.split('\n').filter((line) => line.startsWith('::error title='));
    expect(shown).toHaveLength(1);
    const run = await adrlint(repository({ 'docs/adr/0002-use-sagas.md': ERRORS }), ['--format', 'github']);
    expect(run.stdout.split('\n')).toContain(shown[0]);
  });

  it('escapes a file name with a comma and a colon', async () => {
    const root = repository({ 'docs/adr/a,b:c.md': ERRORS });
    const run = await adrlint(root, ['--format', 'github']);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) title=[\w-]+,file=docs\/adr\/a%2Cb%3Ac\.md,line=\d+,/);
    expect(lines).toContain('::error title=pattern-slug,file=docs/adr/a%2Cb%3Ac.md,line=4,endLine=4,col=12,endColumn=22::Unknown pattern "sagapatern"; did you mean "saga-pattern"?');
  });
});
