// Command lines adrlint must answer in its own words, through the built CLI: mistyped flags and
// commands, --rule with options, a --format a list cannot print, and ESLint's name of a flag.
import { afterAll, describe, expect, it } from 'vitest';
import { closest } from '../src/commands/arguments.ts';
import { spacedFlowKeys } from '../src/run/rule-flag.ts';
import { adrlint, fixture, parseJson, removeFixtures, STACK_TRACE, type CliRun } from './helpers/cli.ts';

afterAll(removeFixtures);

/** A clean record whose last line mentions the saga pattern once, undeclared. */
const ADR = `# 1. Use Postgres

Date: 2024-01-05

## Status

Accepted

## Context

We need a database.

## Decision

We use Postgres.

## Consequences

One saga step is one local transaction.
`;

const project = (files: Record<string, string> = {}) => fixture({ 'docs/adr/0001-use-postgres.md': ADR, ...files });

function expectUsage(run: CliRun, line: string): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.stderr.split('\n')[0]).toBe(line);
}

describe('a mistyped flag', () => {
  it.each([
    [['--fixx'], 'adrlint: unknown option --fixx; did you mean --fix?'],
    [['--quite'], 'adrlint: unknown option --quite; did you mean --quiet?'],
    [['--formatt=json'], 'adrlint: unknown option --formatt; did you mean --format?'],
    [['--no-colour'], 'adrlint: unknown option --no-colour; did you mean --no-color?'],
    [['--ignore-patern', 'x'], 'adrlint: unknown option --ignore-patern; did you mean --ignore-pattern?'],
    [['--bogus'], 'adrlint: unknown option --bogus'],
    [['-x'], 'adrlint: unknown option -x'],
    [['--fix=yes'], 'adrlint: --fix takes no value'],
    [['--output-file'], 'adrlint: --output-file needs a value: --output-file <file>'],
  ])('%j', async (args, line) => {
    const run = await adrlint(project(), args);
    expectUsage(run, line);
    expect(run.stderr).toBe(`${line}\nRun "adrlint --help" for usage.\n`);
  });
});

describe('a mistyped command', () => {
  it('is named when no such path exists', async () => {
    expectUsage(await adrlint(project(), ['reprot']), 'adrlint: no such command, file or folder: reprot; did you mean "adrlint report"?');
    expectUsage(await adrlint(project(), ['catalog']), 'adrlint: no such command, file or folder: catalog; did you mean "adrlint catalogue"?');
    expectUsage(await adrlint(project(), ['rules', 'x']), 'adrlint: "adrlint rules" takes no paths, and there is no file or folder "rules"');
  });

  it('is a path when one exists, and a word far from every command is a missing path', async () => {
    const root = project({ 'reprot/0001-use-postgres.md': ADR });
    expect((await adrlint(root, ['reprot'])).code).toBe(0);
    expectUsage(await adrlint(root, ['docs/adr/0009-x.md']), 'adrlint: no such file or folder: docs/adr/0009-x.md');
    expectUsage(await adrlint(root, ['decisions']), 'adrlint: no such file or folder: decisions');
  });
});

describe('--rule with options', () => {
  const undeclared = async (root: string, rule: string) =>
    parseJson(await adrlint(root, ['-f', 'json', '--rule', rule]))[0]!.messages.filter((message) => message.ruleId === 'pattern-undeclared').length;

  it('takes [severity, {options}] as a YAML flow sequence, {key:value} as written on a command line', async () => {
    const root = project();
    expect(await undeclared(root, 'pattern-undeclared:warn')).toBe(1);
    expect(await undeclared(root, 'pattern-undeclared:[warn,{minMentions:2}]')).toBe(0);
    expect(await undeclared(root, 'pattern-undeclared: ["warn", {"minMentions": 2}]')).toBe(0);
    expect(await undeclared(root, 'pattern-undeclared:[warn,{minMentions:1}]')).toBe(1);
    expect(await undeclared(root, '{pattern-undeclared: [warn, {minMentions: 2}], adr-sections: off}')).toBe(0);
  });

  it('prints the options in the config in effect', async () => {
    const run = await adrlint(project(), ['--print-config', '--rule', 'pattern-undeclared:[error,{minMentions:3}]']);
    expect(JSON.parse(run.stdout).rules['pattern-undeclared']).toEqual({ severity: 'error', options: { minMentions: 3 } });
  });

  it.each([
    ['pattern-undeclared:[warn,{minMention:2}]', 'pattern-undeclared options: the top level: unknown key "minMention"'],
    ['pattern-undeclared:[warn,{minMentions:0}]', 'pattern-undeclared options: minMentions: must be >= 1'],
    ['pattern-undeclared:[loud,{minMentions:2}]', 'severity must be off, warn or error, not "loud"'],
    ['pattern-undeclared:[warn,{minMentions:2}', '"pattern-undeclared:[warn,{minMentions:2}": Flow sequence must end with a ]'],
    ['pattern-undeclared:[warn, {}, 3]', 'pattern-undeclared: "[warn, {}, 3]" is not [severity] or [severity, {options}]'],
    ['adr-title:[warn,{x:1}]', 'adr-title: this rule takes no options'],
    ['pattern-undeclard:[warn]', 'unknown rule "pattern-undeclard"; did you mean "pattern-undeclared"?'],
  ])('refuses %s, naming the rule', async (rule, message) => {
    expectUsage(await adrlint(project(), ['--rule', rule]), `adrlint: configuration error: --rule: ${message}`);
  });
});

describe('a --format a list cannot print', () => {
  it('is refused, naming the formats it takes', async () => {
    expectUsage(await adrlint(project(), ['catalogue', '--format', 'sarif']), 'adrlint: "adrlint catalogue" takes --format json or stylish (a table, the default); not --format sarif');
    expectUsage(await adrlint(project(), ['rules', '-f', 'junit']), 'adrlint: "adrlint rules" takes --format json or stylish (a table, the default); not --format junit');
    expect(JSON.parse((await adrlint(project(), ['catalogue', '--format', 'json'])).stdout).patterns.length).toBeGreaterThan(0);
    const table = await adrlint(project(), ['catalogue', '--format', 'stylish']);
    expect(table.stdout).toBe((await adrlint(project(), ['catalogue'])).stdout);
  });
});

describe('--report-unused-disable-directives', () => {
  it('is --report-unused-disable by ESLint\'s name', async () => {
    const root = project({ 'docs/adr/0001-use-postgres.md': ADR.replace('We use Postgres.', '<!-- adrlint-disable-next-line adr-link -->\nWe use Postgres.') });
    const plain = await adrlint(root, ['-f', 'json']);
    const ours = await adrlint(root, ['-f', 'json', '--report-unused-disable']);
    const eslints = await adrlint(root, ['-f', 'json', '--report-unused-disable-directives']);
    expect(parseJson(plain)[0]!.messages).toEqual([]);
    expect(parseJson(ours)[0]!.messages.map((message) => [message.ruleId, message.line])).toEqual([[null, 15]]);
    expect(eslints).toEqual(ours);
  });

  it('is refused by a command that does not take it, by the name given', async () => {
    const run = await adrlint(project(), ['link', '--report-unused-disable-directives']);
    expectUsage(run, 'adrlint: "adrlint link" takes paths, --config, --dry-run and --output-file; not --report-unused-disable-directives');
  });
});

describe('the helpers', () => {
  it('suggest a name a typo away, and nothing for another word', () => {
    expect(closest('fixx', ['fix', 'format'])).toBe('fix');
    expect(closest('reprot', ['link', 'report'])).toBe('report');
    expect(closest('lnik', ['link', 'report'])).toBe('link');
    expect(closest('bogus', ['fix', 'force', 'format'])).toBeUndefined();
    expect(closest('fx', ['fix'])).toBeUndefined();
    expect(closest('adr', ['new', 'init'])).toBeUndefined();
  });

  it('space the keys of flow mappings only', () => {
    expect(spacedFlowKeys('[warn,{minMentions:2}]')).toBe('[warn,{minMentions: 2}]');
    expect(spacedFlowKeys('{a:[warn,{b:"x:y",c:1}], d:off}')).toBe('{a: [warn,{b: "x:y",c: 1}], d: off}');
    expect(spacedFlowKeys("[warn,{t:'it''s:x'}]")).toBe("[warn,{t: 'it''s:x'}]");
    expect(spacedFlowKeys('[a,https://x]')).toBe('[a,https://x]');
    expect(spacedFlowKeys('{"a":1, b: 2}')).toBe('{"a":1, b: 2}');
  });
});
