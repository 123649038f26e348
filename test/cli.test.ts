// End-to-end tests of the built `adrlint` command: exit codes, output formats, options, config
// discovery and keys, file discovery, subcommands and large output through a pipe.
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findConfigFile } from '../src/io/config-file.ts';
import { rules } from '../rules/index.ts';
import {
  adrlint,
  ADRLINT_COMMAND,
  ANSI,
  fixture,
  parseJson,
  positions,
  removeFixtures,
  resultFor,
  shell,
  STACK_TRACE,
  writeFiles,
  type CliRun,
  type FixtureFiles,
} from './helpers/cli.ts';
import { CLEAN, ERRORS, SECTIONS } from './helpers/adr-texts.ts';

// Three warnings: two unlinked first mentions (9:12, 9:34) and an undeclared pattern (9:34).
const WARNINGS = `---
status: accepted
date: 2024-03-03
patterns: [saga-pattern]
---

# 3. Warnings only

We use the saga pattern and also CQRS.
${SECTIONS}`;

// Nested aliases that would expand to 9^6 entries.
const ALIAS_BOMB = ['a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]', ...'bcdef'.split('').map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcde'[i]}`).join(', ')}]`)].join('\n') + '\n';

/** The ADR `status: <status>` with nothing else to report. */
const withStatus = (status: string, title = 'A decision') => `---\nstatus: ${status}\n---\n\n# ${title}\n\nPlain text.\n`;

function project(files: FixtureFiles): string {
  return fixture(files);
}

/** The one line a usage or config error prints: stderr only, no stack, exit 2. */
function expectOneLineFailure(run: CliRun, pattern: RegExp): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.stderr.trimEnd().split('\n')[0]).toMatch(pattern);
}

/** Stylish message rows: `  line:col  severity  message  rule-id`. */
const ROW = /^ {2}(\d+:\d+) +(error|warning) {2}(.*?)(?: {2,}([a-z][a-z-]*))?$/;

beforeAll(() => {
  // Config discovery searches upward: a stray config above the temp folder would change every run.
  expect(findConfigFile(tmpdir()), 'a config file above the temp folder would leak into these tests').toBeNull();
});

afterAll(() => removeFixtures());

describe('exit codes', () => {
  it('is 0 with only the one-line summary for clean ADRs', async () => {
    const cwd = project({ 'docs/adr/0001-clean.md': CLEAN });
    const run = await adrlint(cwd);
    expect(run).toMatchObject({ code: 0, stdout: '✔ 1 ADR, no problems\n', stderr: '' });
  });

  it('is 1 when there are errors', async () => {
    const cwd = project({ 'docs/adr/0001-clean.md': CLEAN, 'docs/adr/0002-errors.md': ERRORS });
    const run = await adrlint(cwd);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('docs/adr/0002-errors.md');
    expect(run.stderr).toBe('');
  });

  it('is 0 with warnings only, and with warnings up to --max-warnings', async () => {
    const cwd = project({ 'docs/adr/0003-warnings.md': WARNINGS });
    expect((await adrlint(cwd)).code).toBe(0);
    const atLimit = await adrlint(cwd, ['--max-warnings', '3']);
    expect(atLimit.code).toBe(0);
    expect(atLimit.stderr).toBe('');
  });

  it('is 1 when warnings exceed --max-warnings, saying so on stderr', async () => {
    const cwd = project({ 'docs/adr/0003-warnings.md': WARNINGS });
    for (const max of ['2', '0']) {
      const run = await adrlint(cwd, ['--max-warnings', max]);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('3 problems (0 errors, 3 warnings)');
      expect(run.stderr).toBe(`adrlint found too many warnings (3; maximum allowed is ${max}).\n`);
    }
  });

  it('is 1 for errors whatever --max-warnings says', async () => {
    const cwd = project({ 'docs/adr/0002-errors.md': ERRORS });
    expect((await adrlint(cwd, ['--max-warnings', '100'])).code).toBe(1);
  });

  it.each([
    [['--bogus'], /^adrlint: unknown option --bogus$/m],
    [['--format', 'xml'], /^adrlint: unknown format "xml"; use one of stylish, json, sarif, github, junit$/m],
    [['-f', 'checkstyle'], /^adrlint: unknown format "checkstyle"/],
    [['--max-warnings', 'many'], /^adrlint: --max-warnings takes a whole number, not "many"$/m],
    [['--max-warnings=-5'], /^adrlint: --max-warnings takes a whole number, not "-5"$/m],
    [['--max-warnings', '1.5'], /^adrlint: --max-warnings takes a whole number, not "1.5"$/m],
    [['--format'], /^adrlint: --format needs a value: --format <name>\[=<file>\]$/m],
    [['--rule', 'pattern-slug'], /^adrlint: configuration error: --rule: "pattern-slug" is not of the form rule-id:severity or rule-id:\[severity, \{options\}\]$/m],
    [['--rule', 'no-such-rule:error'], /^adrlint: configuration error: --rule: unknown rule "no-such-rule"/],
    [['--rule', 'pattern-slg:warn'], /unknown rule "pattern-slg"; did you mean "pattern-slug"\?/],
    [['--rule', 'pattern-slug:loud'], /--rule: severity must be off, warn or error, not "loud"/],
  ])('is 2 for a usage error: %j', async (args, message) => {
    const cwd = project({ 'docs/adr/0002-errors.md': ERRORS });
    expectOneLineFailure(await adrlint(cwd, args), message);
  });

  it('is 2 when no ADR folder exists and no paths are given', async () => {
    const cwd = project({ 'notes/0001-x.md': ERRORS });
    expectOneLineFailure(
      await adrlint(cwd),
      /^adrlint: no ADR folder found \(looked for docs\/adr, docs\/decisions, doc\/adr, docs\/architecture\/decisions\)/,
    );
  });

  it('is 2 when the paths match no ADR markdown file', async () => {
    const cwd = project({ 'docs/adr/README.md': ERRORS, 'docs/adr/notes.txt': 'text', 'empty/.keep': '' });
    expectOneLineFailure(await adrlint(cwd), /^adrlint: no ADR markdown files matched$/m);
    expectOneLineFailure(await adrlint(cwd, ['empty']), /^adrlint: no ADR markdown files matched$/m);
    expectOneLineFailure(await adrlint(cwd, ['docs/adr/*.txt']), /^adrlint: no files match docs\/adr\/\*\.txt$/m);
    expectOneLineFailure(await adrlint(cwd, ['docs/adr/0009-nothing.md']), /^adrlint: no such file or folder: docs\/adr\/0009-nothing\.md$/m);
  });

  it('is 0 for --help and --version', async () => {
    const cwd = project({});
    const help = await adrlint(cwd, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage:');
    expect(help.stdout).toContain('--max-warnings');
    const version = await adrlint(cwd, ['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toBe(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
  });
});

describe('config errors (exit 2, one line naming the file)', () => {
  it.each([
    ['an unknown rule id', 'rules:\n  pattern-slg: error\n', /\.adrlintrc\.yml: 2:3: rules: unknown rule "pattern-slg"; did you mean "pattern-slug"\?$/m],
    ['an unknown key', 'statuses: [accepted]\nfoo: 1\n', /\.adrlintrc\.yml: .*unknown key "foo"$/m],
    ['a bad severity', 'rules:\n  pattern-slug: fatal\n', /\.adrlintrc\.yml: 2:\d+: rules\.pattern-slug: severity must be off, warn or error \(or 0, 1, 2\), not "fatal"$/m],
    ['a bad preset', 'extends: lax\n', /\.adrlintrc\.yml: 1:\d+: extends: must be one of "recommended", "strict", "madr", "nygard"$/m],
    ['options for a rule without any', 'rules:\n  pattern-slug: [error, {fast: true}]\n', /\.adrlintrc\.yml: .*rules\.pattern-slug: this rule takes no options$/m],
    ['a YAML syntax error', 'statuses: [accepted\nrules: {}\n', /\.adrlintrc\.yml: \d+:\d+: invalid YAML: /],
    ['a list at the top', '- accepted\n', /\.adrlintrc\.yml: the configuration must be a mapping of keys to values$/m],
    ['an alias bomb', ALIAS_BOMB, /\.adrlintrc\.yml: invalid YAML: Excessive alias count/],
  ])('%s', async (_name, text, message) => {
    const cwd = project({ '.adrlintrc.yml': text, 'docs/adr/0001-clean.md': CLEAN });
    const run = await adrlint(cwd);
    expectOneLineFailure(run, /^adrlint: configuration error: /);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain(join(cwd, '.adrlintrc.yml'));
    // The subcommands that read the config fail the same way.
    expect((await adrlint(cwd, ['--print-config'])).code).toBe(2);
  });

  it('a broken .adrlintrc.json names the file', async () => {
    const cwd = project({ '.adrlintrc.json': '{"rules": {', 'docs/adr/0001-clean.md': CLEAN });
    expectOneLineFailure(await adrlint(cwd), /^adrlint: configuration error: .*\.adrlintrc\.json: invalid JSON: /);
  });

  it('a missing --config file names the file', async () => {
    const cwd = project({ 'docs/adr/0001-clean.md': CLEAN });
    expectOneLineFailure(await adrlint(cwd, ['--config', 'nowhere.yml']), /^adrlint: configuration error: .*nowhere\.yml: config file not found$/m);
  });
});

describe('stylish format', () => {
  const files = { 'docs/adr/0001-clean.md': CLEAN, 'docs/adr/0002-errors.md': ERRORS, 'docs/adr/0003-warnings.md': WARNINGS };

  it('groups problems by file as "line:col  severity  message  rule-id", then a summary', async () => {
    const cwd = project(files);
    const run = await adrlint(cwd);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    // Files with problems only, relative to the working folder, each after a blank line.
    const headers = lines.filter((line) => line !== '' && !line.startsWith(' ') && !/problems? \(/.test(line));
    expect(headers).toEqual(['docs/adr/0002-errors.md', 'docs/adr/0003-warnings.md']);
    expect(lines[0]).toBe('');
    expect(lines[1]).toBe('docs/adr/0002-errors.md');

    const rows = lines.filter((line) => line.startsWith('  ') && ROW.test(line)).map((line) => ROW.exec(line)?.slice(1, 5));
    expect(rows).toEqual([
      ['2:9', 'error', 'Unknown status "done" (closest in meaning: "accepted"); use one of proposed, accepted, rejected, deprecated, superseded, or add it to "statuses" in the config (adrlint init writes them)', 'adr-status'],
      ['4:12', 'error', 'Unknown pattern "sagapatern"; did you mean "saga-pattern"?', 'pattern-slug'],
      ['9:12', 'warning', expect.stringMatching(/^Link the first mention of Saga Pattern: \[saga pattern\]\(https:/), 'pattern-link'],
      ['9:34', 'warning', expect.stringMatching(/^Link the first mention of CQRS Pattern/), 'pattern-link'],
      ['9:34', 'warning', expect.stringMatching(/^"CQRS" mentions the pattern "cqrs-pattern"/), 'pattern-undeclared'],
    ]);
    expect(run.stdout).toContain('\n✖ 5 problems (2 errors, 3 warnings)\n');
  });

  it('aligns the columns of each file', async () => {
    const cwd = project(files);
    const { stdout } = await adrlint(cwd);
    for (const block of stdout.split('\n\n').filter((b) => b.includes('  error') || b.includes('  warning'))) {
      const rows = block.split('\n').filter((line) => ROW.test(line));
      expect(rows.length).toBeGreaterThan(0);
      const severityAt = new Set(rows.map((line) => line.search(/(error|warning)/)));
      const ruleAt = new Set(rows.map((line) => line.search(/[a-z-]+$/)));
      expect(severityAt.size).toBe(1);
      expect(ruleAt.size).toBe(1);
    }
  });

  it('has a warning summary when there are no errors', async () => {
    const cwd = project({ 'docs/adr/0003-warnings.md': WARNINGS });
    const { stdout } = await adrlint(cwd);
    expect(stdout).toContain('\n⚠ 3 problems (0 errors, 3 warnings)\n');
  });

  it('uses no ANSI colour when stdout is not a terminal', async () => {
    const cwd = project(files);
    const run = await adrlint(cwd);
    expect(run.stdout.length).toBeGreaterThan(0);
    expect(run.stdout).not.toMatch(ANSI);
    expect((await adrlint(cwd, [], { NO_COLOR: '1' })).stdout).not.toMatch(ANSI);
  });

  it('colours with --color (and FORCE_COLOR), and --no-color wins', async () => {
    const cwd = project(files);
    const colored = await adrlint(cwd, ['--color']);
    expect(colored.stdout).toMatch(ANSI);
    expect(colored.stdout).toContain('\u001b[31merror\u001b[39m');
    expect(colored.stdout).toContain('\u001b[4mdocs/adr/0002-errors.md\u001b[24m');
    expect(colored.stdout).toContain('\u001b[31m✖\u001b[39m');
    // The text without its colour codes is the plain output.
    expect(colored.stdout.replace(/\u001b\[\d+m/g, '')).toBe((await adrlint(cwd)).stdout);
    expect((await adrlint(cwd, [], { FORCE_COLOR: '1' })).stdout).toMatch(ANSI);
    expect((await adrlint(cwd, ['--no-color'], { FORCE_COLOR: '1' })).stdout).not.toMatch(ANSI);
  });

  it('prints the fixable count when something is fixable', async () => {
    const cwd = project(files);
    const { stdout } = await adrlint(cwd);
    expect(stdout).toMatch(/\n {2}1 error and 3 warnings potentially fixable/);
  });
});

describe('json format', () => {
  it("is ESLint's result format: one result per file, clean files included", async () => {
    const cwd = project({ 'docs/adr/0001-clean.md': CLEAN, 'docs/adr/0002-errors.md': ERRORS, 'docs/adr/0003-warnings.md': WARNINGS });
    const run = await adrlint(cwd, ['--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout.endsWith('\n')).toBe(true);
    const results = parseJson(run);
    expect(results.map((r) => r.filePath)).toEqual(
      ['0001-clean.md', '0002-errors.md', '0003-warnings.md'].map((name) => join(cwd, 'docs/adr', name)),
    );
    for (const result of results) {
      expect(Object.keys(result)).toEqual(
        expect.arrayContaining(['filePath', 'messages', 'errorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount']),
      );
      expect(result.errorCount).toBe(result.messages.filter((m) => m.severity === 2).length);
      expect(result.warningCount).toBe(result.messages.filter((m) => m.severity === 1).length);
      expect(result.fixableErrorCount).toBe(result.messages.filter((m) => m.severity === 2 && m.fix).length);
      expect(result.fixableWarningCount).toBe(result.messages.filter((m) => m.severity === 1 && m.fix).length);
      for (const message of result.messages) {
        expect(typeof message.ruleId).toBe('string');
        expect([1, 2]).toContain(message.severity);
        for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) expect(Number.isInteger(message[key])).toBe(true);
        if (message.fix) {
          expect(message.fix.range).toHaveLength(2);
          expect(typeof message.fix.text).toBe('string');
        }
      }
    }

    const [clean, errors, warnings] = results;
    expect(clean).toMatchObject({ messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 });
    expect(errors).toMatchObject({ errorCount: 2, warningCount: 0, fixableErrorCount: 1, fixableWarningCount: 0 });
    expect(errors?.messages[0]).toEqual({
      ruleId: 'adr-status',
      severity: 2,
      message: 'Unknown status "done" (closest in meaning: "accepted"); use one of proposed, accepted, rejected, deprecated, superseded, or add it to "statuses" in the config (adrlint init writes them)',
      line: 2,
      column: 9,
      endLine: 2,
      endColumn: 13,
      url: expect.stringContaining('adr-status'),
      suggestions: [{ desc: 'Replace with "accepted"', fix: { range: [12, 16], text: 'accepted' } }],
    });
    // The fix replaces "sagapatern" (offsets into the file's text) with the slug.
    expect(errors?.messages[1]).toMatchObject({ ruleId: 'pattern-slug', line: 4, column: 12, endLine: 4, endColumn: 22 });
    const fix = errors?.messages[1]?.fix;
    expect(fix).toEqual({ range: [ERRORS.indexOf('sagapatern'), ERRORS.indexOf('sagapatern') + 'sagapatern'.length], text: 'saga-pattern' });
    expect(warnings).toMatchObject({ errorCount: 0, warningCount: 3, fixableErrorCount: 0, fixableWarningCount: 3 });
    expect(warnings && positions(warnings)).toEqual([
      ['pattern-link', 1, 9, 12],
      ['pattern-link', 1, 9, 34],
      ['pattern-undeclared', 1, 9, 34],
    ]);
  });

  it('lists clean files with no messages', async () => {
    const cwd = project({ 'docs/adr/0001-clean.md': CLEAN });
    const run = await adrlint(cwd, ['-f', 'json']);
    expect(run.code).toBe(0);
    expect(parseJson(run)).toEqual([expect.objectContaining({ filePath: join(cwd, 'docs/adr/0001-clean.md'), messages: [] })]);
  });

  it('keeps ANSI codes out even with --color', async () => {
    const cwd = project({ 'docs/adr/0002-errors.md': ERRORS });
    const run = await adrlint(cwd, ['-f', 'json', '--color']);
    expect(run.stdout).not.toMatch(ANSI);
    expect(parseJson(run)).toHaveLength(1);
  });
});

describe('options', () => {
  const files = { 'docs/adr/0001-clean.md': CLEAN, 'docs/adr/0002-errors.md': ERRORS, 'docs/adr/0003-warnings.md': WARNINGS };

  it('--output-file writes the report to a file (making folders) and nothing to stdout', async () => {
    const cwd = project(files);
    const run = await adrlint(cwd, ['--format', 'json', '--output-file', 'reports/adrlint.json']);
    expect(run).toMatchObject({ code: 1, stdout: '', stderr: '' });
    const results = JSON.parse(readFileSync(join(cwd, 'reports/adrlint.json'), 'utf8')) as unknown[];
    expect(results).toHaveLength(3);

    const stylish = await adrlint(cwd, ['-o', 'out.txt']);
    expect(stylish).toMatchObject({ code: 1, stdout: '' });
    expect(readFileSync(join(cwd, 'out.txt'), 'utf8')).toBe((await adrlint(cwd)).stdout);
  });

  it('--output-file keeps --max-warnings working', async () => {
    const cwd = project({ 'docs/adr/0003-warnings.md': WARNINGS });
    const run = await adrlint(cwd, ['-o', 'report.txt', '--max-warnings', '0']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(readFileSync(join(cwd, 'report.txt'), 'utf8')).toContain('3 warnings');
  });

  it('--quiet reports errors only', async () => {
    const cwd = project(files);
    const run = await adrlint(cwd, ['--quiet', '-f', 'json']);
    expect(run.code).toBe(1);
    const results = parseJson(run);
    expect(results.flatMap((r) => r.messages.map((m) => m.severity))).toEqual([2, 2]);
    expect(results.every((r) => r.warningCount === 0 && r.fixableWarningCount === 0)).toBe(true);

    const stylish = await adrlint(cwd, ['--quiet']);
    expect(stylish.stdout.split('\n').filter((line) => ROW.test(line)).map((line) => ROW.exec(line)?.[2])).toEqual(['error', 'error']);
    expect(stylish.stdout).not.toContain('0003-warnings.md');
    expect(stylish.stdout).toContain('2 problems (2 errors, 0 warnings)');
  });

  it('--quiet with warnings only prints nothing and exits 0, even with --max-warnings', async () => {
    const cwd = project({ 'docs/adr/0003-warnings.md': WARNINGS });
    expect(await adrlint(cwd, ['--quiet'])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect((await adrlint(cwd, ['--quiet', '--max-warnings', '0'])).code).toBe(0);
  });

  it('--rule id:severity sets a severity, and is repeatable', async () => {
    const cwd = project(files);
    const offAndWarn = await adrlint(cwd, ['-f', 'json', '--rule', 'adr-status:off', '--rule', 'pattern-slug:warn']);
    expect(offAndWarn.code).toBe(0);
    const results = parseJson(offAndWarn);
    const errors = resultFor(results, cwd, 'docs/adr/0002-errors.md');
    expect(positions(errors)).toEqual([['pattern-slug', 1, 4, 12]]);

    const promoted = await adrlint(cwd, ['-f', 'json', '--rule', 'pattern-link:error', '--rule=pattern-undeclared=2', '--rule', 'pattern-slug:0']);
    const warnings = resultFor(parseJson(promoted), cwd, 'docs/adr/0003-warnings.md');
    expect(positions(warnings)).toEqual([
      ['pattern-link', 2, 9, 12],
      ['pattern-link', 2, 9, 34],
      ['pattern-undeclared', 2, 9, 34],
    ]);
    expect(resultFor(parseJson(promoted), cwd, 'docs/adr/0002-errors.md').messages.map((m) => m.ruleId)).toEqual(['adr-status']);
  });

  it('--rule overrides the config file', async () => {
    const cwd = project({ ...files, '.adrlintrc.yml': 'rules:\n  pattern-slug: off\n' });
    const fromConfig = parseJson(await adrlint(cwd, ['-f', 'json']));
    expect(resultFor(fromConfig, cwd, 'docs/adr/0002-errors.md').messages.map((m) => m.ruleId)).toEqual(['adr-status']);
    const overridden = parseJson(await adrlint(cwd, ['-f', 'json', '--rule', 'pattern-slug:error']));
    expect(resultFor(overridden, cwd, 'docs/adr/0002-errors.md').messages.map((m) => m.ruleId)).toEqual(['adr-status', 'pattern-slug']);
  });

  it('--print-config prints the configuration in effect as JSON, with --rule applied', async () => {
    const cwd = project({ '.adrlintrc.yml': 'statuses: [draft, final]\nrules:\n  pattern-link: off\n' });
    const run = await adrlint(cwd, ['--print-config', '--rule', 'pattern-unmentioned:warn']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const config = JSON.parse(run.stdout) as { file: string; statuses: string[]; statusesGiven: boolean; extends: string[]; rules: Record<string, { severity: string }> };
    expect(config.file).toBe(join(cwd, '.adrlintrc.yml'));
    expect(config.statuses).toEqual(['draft', 'final']);
    expect(config.statusesGiven).toBe(true);
    expect(config.extends).toEqual(['recommended']);
    expect(config.rules['pattern-link']?.severity).toBe('off');
    expect(config.rules['pattern-unmentioned']?.severity).toBe('warn');
    expect(config.rules['pattern-slug']?.severity).toBe('error');
    expect(Object.keys(config.rules)).toEqual(rules.map((rule) => rule.meta.id));
  });

  it('--print-config without a config file prints the defaults', async () => {
    const cwd = project({});
    const config = JSON.parse((await adrlint(cwd, ['--print-config'])).stdout) as { file: null; rules: Record<string, { severity: string }> };
    expect(config.file).toBeNull();
    expect(config.rules['pattern-unmentioned']?.severity).toBe('off');
    expect(config.rules['pattern-undeclared']?.severity).toBe('warn');
  });
});

describe('config discovery', () => {
  // With `statuses: [wip]`, "wip" (no synonym of a default status) is clean and "accepted" is an error; without a config the reverse.
  const adrs = { 'docs/adr/0001-wip.md': withStatus('wip'), 'docs/adr/0002-accepted.md': withStatus('accepted') };

  async function statusErrors(cwd: string, args: string[] = []): Promise<string[]> {
    const run = await adrlint(cwd, ['-f', 'json', ...args]);
    expect(run.stderr).toBe('');
    return parseJson(run)
      .filter((r) => r.errorCount > 0)
      .map((r) => r.filePath.slice(r.filePath.lastIndexOf('/') + 1));
  }

  it('uses the defaults when there is no config', async () => {
    const cwd = project(adrs);
    expect(await statusErrors(cwd)).toEqual(['0001-wip.md']);
  });

  it.each([
    ['.adrlintrc.yml', 'statuses: [wip]\n'],
    ['.adrlintrc.yaml', 'statuses:\n  - wip\n'],
    ['.adrlintrc.json', '{"statuses": ["wip"]}'],
    ['package.json', JSON.stringify({ name: 'x', private: true, adrlint: { statuses: ['wip'] } })],
  ])('reads %s', async (name, text) => {
    const cwd = project({ ...adrs, [name]: text });
    expect(await statusErrors(cwd)).toEqual(['0002-accepted.md']);
    expect(JSON.parse((await adrlint(cwd, ['--print-config'])).stdout).file).toBe(join(cwd, name));
  });

  it('searches upward from the working folder', async () => {
    const root = project({ '.adrlintrc.yml': 'statuses: [wip]\n', ...adrs });
    const cwd = join(root, 'docs/adr');
    expect(await statusErrors(cwd, ['.'])).toEqual(['0002-accepted.md']);
    expect(JSON.parse((await adrlint(cwd, ['--print-config'])).stdout).file).toBe(join(root, '.adrlintrc.yml'));
  });

  it('takes the nearest config, and .yml before .yaml before .json before package.json in one folder', async () => {
    const root = project({
      '.adrlintrc.yml': 'statuses: [wip]\n',
      'docs/.adrlintrc.json': '{"statuses": ["accepted"]}',
      'docs/package.json': JSON.stringify({ adrlint: { statuses: ['wip'] } }),
      ...adrs,
    });
    const file = async (cwd: string) => JSON.parse((await adrlint(cwd, ['--print-config'])).stdout).file as string;
    expect(await file(join(root, 'docs/adr'))).toBe(join(root, 'docs/.adrlintrc.json'));
    expect(await statusErrors(join(root, 'docs/adr'), ['.'])).toEqual(['0001-wip.md']);
    writeFiles(root, { 'docs/.adrlintrc.yaml': 'statuses: [wip]\n' });
    expect(await file(join(root, 'docs'))).toBe(join(root, 'docs/.adrlintrc.yaml'));
    writeFiles(root, { 'docs/.adrlintrc.yml': 'statuses: [accepted]\n' });
    expect(await file(join(root, 'docs'))).toBe(join(root, 'docs/.adrlintrc.yml'));
    expect(await file(root)).toBe(join(root, '.adrlintrc.yml'));
  });

  it('skips a package.json without an "adrlint" key', async () => {
    const root = project({ '.adrlintrc.yml': 'statuses: [wip]\n', 'docs/package.json': '{"name": "docs"}', ...adrs });
    expect(JSON.parse((await adrlint(join(root, 'docs'), ['--print-config'])).stdout).file).toBe(join(root, '.adrlintrc.yml'));
    expect(await statusErrors(join(root, 'docs'), ['adr'])).toEqual(['0002-accepted.md']);
  });

  it('--config names the file instead', async () => {
    const cwd = project({ ...adrs, '.adrlintrc.yml': 'statuses: [accepted]\n', 'configs/adr.json': '{"statuses": ["wip"]}' });
    expect(await statusErrors(cwd)).toEqual(['0001-wip.md']);
    expect(await statusErrors(cwd, ['--config', 'configs/adr.json'])).toEqual(['0002-accepted.md']);
    expect(await statusErrors(cwd, ['-c', join(cwd, 'configs/adr.json')])).toEqual(['0002-accepted.md']);
  });
});

describe('config keys', () => {
  it('adrs: what to lint when no paths are given, relative to the config file', async () => {
    const root = project({
      '.adrlintrc.yml': 'adrs: architecture/records\n',
      'architecture/records/0001-x.md': ERRORS,
      'docs/adr/0001-y.md': ERRORS,
    });
    for (const cwd of [root, join(root, 'architecture')]) {
      const results = parseJson(await adrlint(cwd, ['-f', 'json']));
      expect(results.map((r) => r.filePath)).toEqual([join(root, 'architecture/records/0001-x.md')]);
    }
    // Paths on the command line win over adrs.
    const given = parseJson(await adrlint(root, ['-f', 'json', 'docs/adr']));
    expect(given.map((r) => r.filePath)).toEqual([join(root, 'docs/adr/0001-y.md')]);
  });

  it('adrs: a list of folders and globs', async () => {
    const root = project({
      '.adrlintrc.json': JSON.stringify({ adrs: ['a', 'b/*.md'] }),
      'a/0001.md': CLEAN,
      'b/0002.md': CLEAN,
      'b/deeper/0003.md': CLEAN,
      'c/0004.md': CLEAN,
    });
    const results = parseJson(await adrlint(root, ['-f', 'json']));
    expect(results.map((r) => r.filePath)).toEqual([join(root, 'a/0001.md'), join(root, 'b/0002.md')]);
  });

  it('ignore: .gitignore-style patterns of files never to lint', async () => {
    const root = project({
      '.adrlintrc.yml': 'ignore:\n  - docs/adr/archive/\n  - "*-draft.md"\n',
      'docs/adr/0001-clean.md': CLEAN,
      'docs/adr/0002-draft.md': ERRORS,
      'docs/adr/archive/0000-old.md': ERRORS,
    });
    const run = await adrlint(root, ['-f', 'json']);
    expect(run.code).toBe(0);
    expect(parseJson(run).map((r) => r.filePath)).toEqual([join(root, 'docs/adr/0001-clean.md')]);
  });

  it('catalogue: a user catalogue extends the built-in one', async () => {
    const root = project({
      '.adrlintrc.yml': 'catalogue: patterns.yml\n',
      'patterns.yml':
        'categories: [Security Pattern]\npatterns:\n  - slug: zero-trust\n    name: Zero Trust\n    category: Security Pattern\n    url: https://example.org/zero-trust\n',
      'docs/adr/0001-zt.md': '---\nstatus: accepted\npatterns: [zero-trust, saga-pattern]\n---\n\n# Zero trust\n\nWe adopt [Zero Trust](https://example.org/zero-trust) and a [saga](https://learn.microsoft.com/azure/architecture/patterns/saga).\n',
      'docs/adr/0002-typo.md': '---\nstatus: accepted\npatterns: [zero-trusts]\n---\n\n# Typo\n',
    });
    const results = parseJson(await adrlint(root, ['-f', 'json']));
    expect(resultFor(results, root, 'docs/adr/0001-zt.md').messages).toEqual([]);
    expect(resultFor(results, root, 'docs/adr/0002-typo.md').messages).toMatchObject([
      { ruleId: 'pattern-slug', message: 'Unknown pattern "zero-trusts"; did you mean "zero-trust"?', line: 3, column: 12 },
    ]);

    const catalogue = JSON.parse((await adrlint(root, ['catalogue', '--format', 'json'])).stdout) as { patterns: Array<{ slug: string }>; categories: string[] };
    expect(catalogue.patterns).toHaveLength(13);
    expect(catalogue.patterns.at(-1)?.slug).toBe('zero-trust');
    expect(catalogue.categories).toContain('Security Pattern');
    // With another config the pattern is unknown.
    writeFiles(root, { 'plain.yml': '' });
    const bare = parseJson(await adrlint(root, ['-f', 'json', '--config', 'plain.yml']));
    expect(resultFor(bare, root, 'docs/adr/0001-zt.md').messages).toMatchObject([
      { ruleId: 'pattern-slug', message: 'Unknown pattern "zero-trust"; run "adrlint catalogue" to list the slugs', line: 3, column: 12 },
    ]);
  });

  it.each([
    ['an entry with a bad slug', 'patterns:\n  - slug: Zero Trust\n    name: Zero Trust\n    category: Data Pattern\n', /patterns\.yml: 2:11: patterns\[0\] \(Zero Trust\): patterns\.0\.slug: must match pattern/],
    ['an entry in an unknown category', 'patterns:\n  - slug: zero-trust\n    name: Zero Trust\n    category: Security\n', /patterns\.yml: 4:15: patterns\[0\] \(zero-trust\): category "Security" is not in the catalogue's categories/],
    ['a second entry without a name', 'categories: [Security]\npatterns:\n  - slug: zero-trust\n    name: Zero Trust\n    category: Security\n  - slug: mtls\n    category: Security\n', /patterns\.yml: 6:5: patterns\[1\] \(mtls\): a new pattern needs a name/],
    ['a renamed built-in pattern', 'patterns:\n  - slug: saga-pattern\n    name: Sagas\n', /patterns\.yml: 3:5: patterns\[0\] \(saga-pattern\): a built-in pattern may only have its aliases, excludes and url overridden, not name/],
    ['an unknown key', 'patterns:\n  - slug: zero-trust\n    colour: red\n', /patterns\.yml: .*patterns\[0\] \(zero-trust\): patterns\.0: unknown key "colour"/],
    ['a slug defined twice', 'categories: [Security]\npatterns:\n  - slug: zero-trust\n    name: Zero Trust\n    category: Security\n  - slug: zero-trust\n    name: ZT\n    category: Security\n', /patterns\.yml: 6:11: patterns\[1\] \(zero-trust\): slug "zero-trust" is defined twice \(lines 3 and 6\)$/m],
    ['an alias another pattern has', 'patterns:\n  - slug: saga-pattern\n    aliases: [saga, CQRS]\n', /patterns\.yml: 3:21: patterns\[0\] \(saga-pattern\): alias "CQRS" is also an alias of cqrs-pattern \(built-in catalogue\)$/m],
    ['invalid YAML', 'patterns: [\n', /patterns\.yml: \d+:\d+: invalid YAML/],
    ['an alias bomb', ALIAS_BOMB, /patterns\.yml: invalid YAML: Excessive alias count/],
  ])('a broken user catalogue is exit 2 naming the file and the entry: %s', async (_name, text, message) => {
    const root = project({ '.adrlintrc.yml': 'catalogue: patterns.yml\n', 'patterns.yml': text, 'docs/adr/0001-clean.md': CLEAN });
    for (const args of [[], ['catalogue'], ['-f', 'json']]) {
      const run = await adrlint(root, args);
      expectOneLineFailure(run, /^adrlint: configuration error: /);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain(join(root, 'patterns.yml'));
    }
  });

  // Issue #12: 5,000 patterns × 3 aliases failed every ADR with "Regular expression too large" and
  // the 1.3 MB regex in the message.
  it('a user catalogue of 10,000 patterns, each with three aliases, lints an ADR and finds its mentions', async () => {
    const entries = Array.from({ length: 10_000 }, (_, i) => `  - slug: generated-${i}\n    name: Generated Pattern ${i}\n    category: Data Pattern\n    aliases: [gen ${i} mesh, gen ${i} relay, GX${i}]\n`);
    const adr = '---\nstatus: accepted\ndate: 2024-03-03\npatterns: [saga-pattern, generated-9999]\n---\n\n# 1. Relays\n\nEach saga step goes through a gen 9999 relay and a gen 17 mesh.\n';
    const root = project({ '.adrlintrc.yml': 'catalogue: patterns.yml\n', 'patterns.yml': `patterns:\n${entries.join('')}`, 'docs/adr/0001-relays.md': adr });
    const run = await adrlint(root, ['-f', 'json', '--rule', 'pattern-undeclared:error']);
    const messages = parseJson(run)[0]!.messages;
    expect(run.stderr).toBe('');
    expect(messages.filter((m) => m.ruleId === 'pattern-undeclared').map((m) => m.message)).toEqual([
      '"gen 17 mesh" mentions the pattern "generated-17"; declare it under "patterns" in the frontmatter',
    ]);
  });

  it('a user catalogue with three mistakes is exit 2 with one line for each, at its line', async () => {
    const text = 'categories: [Security]\npatterns:\n  - slug: Zero Trust\n    name: Zero Trust\n    category: Security\n  - slug: mtls\n    name: Mutual TLS\n    category: Securty\n  - slug: waf\n    category: Security\n';
    const root = project({ '.adrlintrc.yml': 'catalogue: patterns.yml\n', 'patterns.yml': text, 'docs/adr/0001-clean.md': CLEAN });
    const run = await adrlint(root);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const file = join(root, 'patterns.yml');
    expect(run.stderr.split('\n')).toEqual([
      `adrlint: configuration error: ${file}: 3:11: patterns[0] (Zero Trust): patterns.0.slug: must match pattern "^[a-z0-9]+(?:-[a-z0-9]+)*$"`,
      expect.stringMatching(new RegExp(`^adrlint: configuration error: ${file}: 8:15: patterns\\[1\\] \\(mtls\\): category "Securty" is not in the catalogue's categories \\(.*\\); did you mean "Security"\\?$`)),
      `adrlint: configuration error: ${file}: 9:5: patterns[2] (waf): a new pattern needs a name`,
      '',
    ]);
  });

  it('a missing user catalogue is exit 2 naming the file', async () => {
    const root = project({ '.adrlintrc.yml': 'catalogue: nowhere.yml\n', 'docs/adr/0001-clean.md': CLEAN });
    expectOneLineFailure(await adrlint(root), /^adrlint: configuration error: .*nowhere\.yml: cannot read the catalogue: ENOENT$/m);
  });

  it('statuses: the allowed statuses, in any case', async () => {
    const root = project({
      '.adrlintrc.yml': 'statuses: [Draft, Approved]\n',
      'docs/adr/0001-draft.md': withStatus('draft', 'A draft'),
      'docs/adr/0002-approved.md': withStatus('APPROVED', 'An approved one'),
      'docs/adr/0003-accepted.md': withStatus('accepted', 'An accepted one'),
    });
    const results = parseJson(await adrlint(root, ['-f', 'json']));
    expect(results.map((r) => r.messages.map((m) => m.message))).toEqual([[], [], ['Status "accepted" means "Approved"; write "Approved", as the configured statuses do']]);
  });

  it('extends: strict makes every rule an error, including those off by default', async () => {
    const unmentioned = '---\nstatus: accepted\npatterns: [sharding-pattern]\n---\n\n# Split orders\n\nBy customer.\n';
    const root = project({ 'docs/adr/0003-warnings.md': WARNINGS, 'docs/adr/0004-unmentioned.md': unmentioned });
    const recommended = parseJson(await adrlint(root, ['-f', 'json']));
    expect(recommended.flatMap(positions)).toEqual([
      ['pattern-link', 1, 9, 12],
      ['pattern-link', 1, 9, 34],
      ['pattern-undeclared', 1, 9, 34],
    ]);

    writeFiles(root, { '.adrlintrc.yml': 'extends: strict\n' });
    const run = await adrlint(root, ['-f', 'json']);
    expect(run.code).toBe(1);
    expect(parseJson(run).flatMap(positions)).toEqual([
      ['pattern-link', 2, 9, 12],
      ['pattern-link', 2, 9, 34],
      ['pattern-undeclared', 2, 9, 34],
      ['pattern-unmentioned', 2, 3, 12],
    ]);

    // rules still apply on top of the preset.
    writeFiles(root, { '.adrlintrc.yml': 'extends: [strict]\nrules:\n  pattern-link: warn\n  pattern-unmentioned: off\n' });
    expect(parseJson(await adrlint(root, ['-f', 'json'])).flatMap(positions)).toEqual([
      ['pattern-link', 1, 9, 12],
      ['pattern-link', 1, 9, 34],
      ['pattern-undeclared', 2, 9, 34],
    ]);
  });
});

describe('file discovery', () => {
  it.each(['docs/adr', 'docs/decisions', 'doc/adr', 'docs/architecture/decisions'])('finds %s when no paths are given', async (folder) => {
    const root = project({ [`${folder}/0001-errors.md`]: ERRORS, 'other/0002.md': ERRORS });
    const results = parseJson(await adrlint(root, ['-f', 'json']));
    expect(results.map((r) => r.filePath)).toEqual([join(root, folder, '0001-errors.md')]);
  });

  it('takes the first of the usual folders that exists', async () => {
    const root = project({ 'doc/adr/0001.md': ERRORS, 'docs/decisions/0002.md': ERRORS, 'docs/architecture/decisions/0003.md': ERRORS });
    expect(parseJson(await adrlint(root, ['-f', 'json'])).map((r) => r.filePath)).toEqual([join(root, 'docs/decisions/0002.md')]);
  });

  it('searches the folder recursively for .md and .markdown files', async () => {
    const root = project({
      'docs/adr/0001.md': CLEAN,
      'docs/adr/2024/0002.markdown': CLEAN,
      'docs/adr/2024/q1/0003.MD': CLEAN,
      'docs/adr/notes.txt': ERRORS,
      'docs/adr/.hidden/0004.md': ERRORS,
      'docs/adr/node_modules/pkg/0005.md': ERRORS,
    });
    const results = parseJson(await adrlint(root, ['-f', 'json']));
    expect(results.map((r) => r.filePath)).toEqual(['0001.md', '2024/0002.markdown', '2024/q1/0003.MD'].map((p) => join(root, 'docs/adr', p)));
  });

  it('skips README.md, index.md and templates', async () => {
    const root = project({
      'docs/adr/0001-clean.md': CLEAN,
      'docs/adr/README.md': ERRORS,
      'docs/adr/readme.md': ERRORS,
      'docs/adr/index.md': ERRORS,
      'docs/adr/template.md': ERRORS,
      'docs/adr/0000-adr-template.md': ERRORS,
      'docs/adr/Template-Short.markdown': ERRORS,
      'docs/adr/sub/README.markdown': ERRORS,
    });
    const run = await adrlint(root, ['-f', 'json']);
    expect(run.code).toBe(0);
    expect(parseJson(run).map((r) => r.filePath)).toEqual([join(root, 'docs/adr/0001-clean.md')]);
    // Also when named on the command line, or matched by a glob.
    expect((await adrlint(root, ['docs/adr/0001-clean.md', 'docs/adr/README.md', 'docs/adr/*template*'])).code).toBe(0);
  });

  describe('unnumbered pages in a folder of numbered records', () => {
    /** A clean Nygard record numbered `n`. */
    const nygard = (n: number, title: string) => `# ${n}. ${title}\n\nDate: 2024-03-01\n\n## Status\n\nAccepted\n${SECTIONS}`;
    const numbered = {
      'docs/adr/0001-use-postgresql.md': nygard(1, 'Use PostgreSQL'),
      'docs/adr/0002-use-queues.md': nygard(2, 'Use queues'),
      // ADRs about templates are ADRs: only a template's own name is skipped.
      'docs/adr/0010-django-templates.md': nygard(10, 'Django templates'),
      'docs/adr/0039-use-apache-velocity-as-template-engine.md': nygard(39, 'Use Apache Velocity as template engine'),
      // Not ADRs: a page beside the records, and templates named in any case.
      'docs/adr/install.md': ERRORS,
      'docs/adr/0000-TEMPLATE.md': ERRORS,
      'docs/adr/Template.markdown': ERRORS,
    };
    const linted = (run: CliRun) => parseJson(run).map((result) => result.filePath.slice(result.filePath.indexOf('docs/')));

    it('lints the numbered records, ADRs about templates among them, and skips the page and the templates', async () => {
      const root = project(numbered);
      const run = await adrlint(root, ['-f', 'json']);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(linted(run)).toEqual(['docs/adr/0001-use-postgresql.md', 'docs/adr/0002-use-queues.md', 'docs/adr/0010-django-templates.md', 'docs/adr/0039-use-apache-velocity-as-template-engine.md']);
      // A glob over the folder names nothing one by one: the same files.
      expect(linted(await adrlint(root, ['-f', 'json', 'docs/adr/*.md']))).toEqual(linted(run));
    });

    it('lints a file named on the command line, an unnumbered one or an ADR about templates; a template named gets a notice', async () => {
      const root = project(numbered);
      const run = await adrlint(root, ['-f', 'json', 'docs/adr/0039-use-apache-velocity-as-template-engine.md', 'docs/adr/install.md', 'docs/adr/0000-TEMPLATE.md']);
      expect(linted(run)).toEqual(['docs/adr/0039-use-apache-velocity-as-template-engine.md', 'docs/adr/install.md']);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('adrlint: skipped docs/adr/0000-TEMPLATE.md: a template, not an ADR\n');
      const django = await adrlint(root, ['docs/adr/0010-django-templates.md']);
      expect(django).toMatchObject({ code: 0, stdout: '✔ 1 ADR, no problems\n', stderr: '' });
    });

    it('lints an unnumbered file the config lists by path, not one a folder or a glob of "adrs" reaches', async () => {
      const root = project({ ...numbered, '.adrlintrc.yml': 'adrs: [docs/adr, docs/adr/install.md]\n' });
      expect(linted(await adrlint(root, ['-f', 'json']))).toContain('docs/adr/install.md');
      writeFiles(root, { '.adrlintrc.yml': 'adrs: ["docs/adr/*.md"]\n' });
      expect(linted(await adrlint(root, ['-f', 'json']))).not.toContain('docs/adr/install.md');
    });

    it('lints every file of a folder where numbered names are not most of them, or fewer than two', async () => {
      const few = project({ 'docs/adr/0001-use-postgresql.md': nygard(1, 'Use PostgreSQL'), 'docs/adr/use-queues.md': nygard(2, 'Use queues') });
      expect(linted(await adrlint(few, ['-f', 'json']))).toEqual(['docs/adr/0001-use-postgresql.md', 'docs/adr/use-queues.md']);
      const half = project({
        'docs/adr/0001-use-postgresql.md': nygard(1, 'Use PostgreSQL'),
        'docs/adr/0002-use-queues.md': nygard(2, 'Use queues'),
        'docs/adr/use-kafka.md': nygard(3, 'Use Kafka'),
        'docs/adr/use-grpc.md': nygard(4, 'Use gRPC'),
      });
      expect(linted(await adrlint(half, ['-f', 'json']))).toHaveLength(4);
      // Other numbering schemes count: ADR-NNN- names, and date prefixes.
      const prefixed = project({ 'docs/adr/ADR-001-a.md': nygard(1, 'A'), 'docs/adr/adr_002_b.md': nygard(2, 'B'), 'docs/adr/notes.md': ERRORS });
      expect(linted(await adrlint(prefixed, ['-f', 'json']))).toEqual(['docs/adr/ADR-001-a.md', 'docs/adr/adr_002_b.md']);
      const dated = project({ 'docs/adr/20240101-a.md': nygard(1, 'A'), 'docs/adr/20240202-b.md': nygard(2, 'B'), 'docs/adr/notes.md': ERRORS });
      expect(linted(await adrlint(dated, ['-f', 'json']))).toEqual(['docs/adr/20240101-a.md', 'docs/adr/20240202-b.md']);
    });

    it('leaves the page out of the set the named records are compared with', async () => {
      // Were the page a record of the set, 0001 would be told that it "says it is superseded by" it.
      const root = project({ ...numbered, 'docs/adr/install.md': '# Install\n\nSupersedes [the first setup](0001-use-postgresql.md).\n' });
      expect(await adrlint(root, ['docs/adr/0001-use-postgresql.md'])).toMatchObject({ code: 0, stdout: '✔ 1 ADR, no problems\n', stderr: '' });
      expect(parseJson(await adrlint(root, ['-f', 'json', 'docs/adr/0001-use-postgresql.md', 'docs/adr/install.md']))[0]!.messages.map((m) => m.ruleId)).toContain('adr-supersede');
    });
  });

  it('honours .gitignore', async () => {
    const root = project({
      '.gitignore': '# generated\ndocs/adr/generated/\n*.draft.md\n!keep.draft.md\n',
      'docs/adr/0001-clean.md': CLEAN,
      'docs/adr/0002.draft.md': ERRORS,
      'docs/adr/keep.draft.md': ERRORS,
      'docs/adr/generated/0003.md': ERRORS,
    });
    const run = await adrlint(root, ['-f', 'json']);
    expect(parseJson(run).map((r) => r.filePath)).toEqual([join(root, 'docs/adr/0001-clean.md'), join(root, 'docs/adr/keep.draft.md')]);
  });

  it('takes files, folders and globs on the command line, each file once', async () => {
    const root = project({
      'docs/adr/0001-clean.md': CLEAN,
      'docs/adr/0002-errors.md': ERRORS,
      'docs/adr/0003-warnings.md': WARNINGS,
      'elsewhere/0004.md': ERRORS,
    });
    const run = await adrlint(root, ['-f', 'json', 'docs/adr/0002-errors.md', 'docs/adr/*.md', 'elsewhere', './docs/adr/0002-errors.md']);
    expect(parseJson(run).map((r) => r.filePath)).toEqual(
      ['docs/adr/0001-clean.md', 'docs/adr/0002-errors.md', 'docs/adr/0003-warnings.md', 'elsewhere/0004.md'].map((p) => join(root, p)),
    );
    const glob = await adrlint(root, ['-f', 'json', 'docs/**/000[12]-*.md']);
    expect(parseJson(glob).map((r) => r.filePath)).toEqual([join(root, 'docs/adr/0001-clean.md'), join(root, 'docs/adr/0002-errors.md')]);
  });
});

describe('a subset of files on the command line', () => {
  // One Nygard record with a number, a status line and the sections adr-sections asks for.
  const record = (number: number, title: string, status: string) =>
    `# ${number}. ${title}\n\nDate: 2024-03-01\n\n## Status\n\n${status}\n${SECTIONS}`;

  it('cross-file rules still see the whole folder: a taken number, a one-sided supersede, a link to a sibling', async () => {
    const root = project({
      'docs/adr/0041-use-queues.md': record(41, 'Use queues', 'Superseded by [42. Use a log](0042-use-a-log.md)'),
      'docs/adr/0042-use-streams.md': record(42, 'Use streams', 'Accepted'),
      'docs/adr/0042-use-a-log.md': record(42, 'Use a log', 'Accepted\n\nSee [the queues record](0041-use-queues.md#context).'),
    });
    const run = await adrlint(root, ['-f', 'json', 'docs/adr/0042-use-a-log.md']);
    const results = parseJson(run);
    // Only the named file is linted and reported...
    expect(results.map((r) => r.filePath)).toEqual([join(root, 'docs/adr/0042-use-a-log.md')]);
    // ...but its siblings count: 0042 is taken, 0041 says it is superseded by this record, the link resolves.
    expect(results[0]!.messages.map((m) => [m.ruleId, m.message])).toEqual([
      ['adr-number-duplicate', expect.stringContaining('0042-use-streams.md')],
      ['adr-supersede', '0041-use-queues.md says it is superseded by this ADR, but this ADR does not say it supersedes 0041-use-queues.md'],
    ]);
    expect(run.code).toBe(1);
  });

  it('a file outside the usual folders is checked against its own folder only', async () => {
    const root = project({
      'docs/adr/0007-a.md': record(7, 'A', 'Accepted'),
      'elsewhere/0007-b.md': record(7, 'B', 'Accepted'),
    });
    const run = await adrlint(root, ['elsewhere/0007-b.md']);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 0, stdout: '✔ 1 ADR, no problems\n' });
  });
});

describe('one broken link, one report', () => {
  it('a broken "Superseded by" link is adr-supersede\'s; adr-link reports it only when adr-supersede is off', async () => {
    const root = project({
      'docs/adr/0015-two-phase.md': '# 15. Two phases\n\nDate: 2024-03-01\n\n## Status\n\nSuperseded by [36. Promote](0036-promote.md)\n' + SECTIONS,
      'docs/adr/0037-promote.md': '# 37. Promote\n\nDate: 2024-03-01\n\n## Status\n\nAccepted\n' + SECTIONS,
    });
    const both = parseJson(await adrlint(root, ['-f', 'json', 'docs/adr/0015-two-phase.md']));
    expect(both[0]!.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['adr-supersede', 7, 15]]);
    const linkOnly = parseJson(await adrlint(root, ['-f', 'json', '--rule', 'adr-supersede:off', 'docs/adr/0015-two-phase.md']));
    expect(linkOnly[0]!.messages.map((m) => [m.ruleId, m.line, m.column, m.message])).toEqual([
      ['adr-link', 7, 15, 'Link target "0036-promote.md" does not exist; did you mean "0037-promote.md"?'],
    ]);
  });
});

describe('subcommands', () => {
  it('adrlint rules lists every rule with its default severity and fixability', async () => {
    const cwd = project({});
    const run = await adrlint(cwd, ['rules']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(rules.map((rule) => rule.meta.id));
    expect(lines.find((line) => line.startsWith('pattern-slug'))).toMatch(/^pattern-slug\s+error\s+fixable\s+\S/);
    expect(lines.find((line) => line.startsWith('pattern-unmentioned'))).toMatch(/^pattern-unmentioned\s+off\s+Declared patterns/);
    expect(lines.find((line) => line.startsWith('pattern-undeclared'))).toMatch(/^pattern-undeclared\s+warn\s+/);

    const json = JSON.parse((await adrlint(cwd, ['rules', '--format', 'json'])).stdout) as Array<Record<string, unknown>>;
    expect(json).toHaveLength(rules.length);
    expect(json.find((rule) => rule.id === 'pattern-link')).toMatchObject({ defaultSeverity: 'warn', fixable: true, url: expect.stringContaining('pattern-link') });
  });

  it('adrlint catalogue lists the 12 built-in patterns', async () => {
    const cwd = project({});
    const run = await adrlint(cwd, ['catalogue']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(12);
    expect(lines[0]).toMatch(/^01\s+microservices-architecture\s+Microservices Architecture\s+Service Decomposition Pattern$/);
    expect(lines.some((line) => /^\d\d\s+saga-pattern\s+Saga Pattern\s+Transaction Pattern$/.test(line))).toBe(true);
  });

  it('adrlint catalogue --format json lists patterns and categories', async () => {
    const cwd = project({});
    const run = await adrlint(cwd, ['catalogue', '--format', 'json']);
    expect(run.code).toBe(0);
    const catalogue = JSON.parse(run.stdout) as { categories: string[]; patterns: Array<Record<string, unknown>> };
    expect(catalogue.patterns).toHaveLength(12);
    expect(new Set(catalogue.patterns.map((p) => p.slug)).size).toBe(12);
    for (const pattern of catalogue.patterns) {
      expect(pattern).toMatchObject({ code: expect.stringMatching(/^\d\d$/), slug: expect.any(String), name: expect.any(String), category: expect.any(String) });
      expect(catalogue.categories).toContain(pattern.category);
    }
    expect(catalogue.patterns.find((p) => p.slug === 'cqrs-pattern')).toMatchObject({ code: '05', name: 'CQRS Pattern' });
  });

  it('a file named like a subcommand is linted when given as a path', async () => {
    const cwd = project({ 'catalogue/0001.md': ERRORS });
    const run = await adrlint(cwd, ['-f', 'json', './catalogue']);
    expect(run.code).toBe(1);
    expect(parseJson(run).map((r) => r.filePath)).toEqual([join(cwd, 'catalogue/0001.md')]);
  });
});

describe('large output', () => {
  it('writes more than 1 MiB of JSON whole through a pipe', async () => {
    // Each reference is a pattern's name, not its slug, and a duplicate: two fixable errors each.
    const refs = Array.from({ length: 60 }, () => '  - Saga Pattern').join('\n');
    const adr = (i: number) => `---\nstatus: accepted\npatterns:\n${refs}\n---\n\n# Many problems ${i}\n\nThe saga pattern.\n`;
    const files: FixtureFiles = {};
    for (let i = 1; i <= 40; i++) files[`docs/adr/${String(i).padStart(4, '0')}-many.md`] = adr(i);
    const cwd = project(files);
    const run = await shell(cwd, `${ADRLINT_COMMAND} --format json docs/adr | cat`);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0); // the status of `cat`
    expect(Buffer.byteLength(run.stdout)).toBeGreaterThan(1024 * 1024);
    const results = parseJson(run);
    expect(results).toHaveLength(40);
    for (const result of results) {
      // 60 name references (pattern-slug), 59 duplicates, 1 unlinked mention.
      expect(result.errorCount).toBe(119);
      expect(result.messages).toHaveLength(120);
      expect(result.messages.at(-1)).toMatchObject({ ruleId: 'pattern-link', severity: 1, line: 68, column: 5 });
    }
    // The exit status of adrlint itself survives the pipe too.
    const status = await shell(cwd, `${ADRLINT_COMMAND} --format json docs/adr > /dev/null; echo "exit $?"`);
    expect(status.stdout).toBe('exit 1\n');
  });

  it('writes large stylish output whole through a pipe', async () => {
    const refs = Array.from({ length: 60 }, () => '  - Saga Pattern').join('\n');
    const files: FixtureFiles = {};
    for (let i = 1; i <= 100; i++) files[`docs/adr/${String(i).padStart(4, '0')}-many.md`] = `---\npatterns:\n${refs}\n---\n# Many ${i}\n`;
    const cwd = project(files);
    const run = await shell(cwd, `${ADRLINT_COMMAND} docs/adr | cat`);
    expect(run.stderr).toBe('');
    expect(Buffer.byteLength(run.stdout)).toBeGreaterThan(1024 * 1024);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('docs/adr/'))).toHaveLength(100);
    expect(run.stdout).toContain('\n✖ 11900 problems (11900 errors, 0 warnings)\n');
  });

  it('leaves the output file complete too', async () => {
    const refs = Array.from({ length: 60 }, () => '  - Saga Pattern').join('\n');
    const files: FixtureFiles = {};
    for (let i = 1; i <= 30; i++) files[`docs/adr/${String(i).padStart(4, '0')}.md`] = `---\npatterns:\n${refs}\n---\n# Many\n`;
    const cwd = project(files);
    const run = await adrlint(cwd, ['-f', 'json', '-o', 'out.json']);
    expect(run.code).toBe(1);
    expect(existsSync(join(cwd, 'out.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(cwd, 'out.json'), 'utf8'))).toHaveLength(30);
  });
});
