// `adrlint init`: the config it writes captures the set's habits, validates, and makes the set
// quieter without reporting anything the defaults did not.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { resolveConfig } from '../src/run/config.ts';
import { adrlint, fixture, PACKAGE_ROOT, parseJson, removeFixtures } from './helpers/cli.ts';

afterAll(removeFixtures);

const nygard = (number: number, title: string, status: string, extra = '') =>
  `# ${number}. ${title}\n\nDate: 2024-0${number}-01\n\n## Status\n\n${status}\n\n## Context\n\nWhy ${title}.\n\n## Decision\n\nWe use ${title}.\n${extra}`;

/** A Nygard set named ADR-NNN-title.md, with its own status words and no Consequences sections. */
const SET = {
  'docs/adr/ADR-001-use-postgres.md': nygard(1, 'Use Postgres', 'Accepted'),
  'docs/adr/ADR-002-use-kafka.md': nygard(2, 'Use Kafka', 'On hold'),
  'docs/adr/ADR-003-use-redis.md': nygard(3, 'Use Redis', 'On hold'),
  'docs/adr/ADR-004-use-grpc.md': nygard(4, 'Use gRPC', 'Acepted'),
  'docs/adr/ADR-005-use-rest.md': nygard(5, 'Use REST', 'Accepted', '\n## Consequences\n\nClients are simple.\n'),
};

const keysOf = (results: ReturnType<typeof parseJson>) => results.flatMap((result) => result.messages.map((m) => `${result.filePath}:${m.line}:${m.column}:${m.ruleId}`));

describe('adrlint init', () => {
  it('writes .adrlintrc.yml with a comment per setting, captured from the set, that validates and only quietens the set', async () => {
    const root = fixture(SET);
    const before = parseJson(await adrlint(root, ['--format', 'json']));
    const run = await adrlint(root, ['init']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = readFileSync(join(root, '.adrlintrc.yml'), 'utf8');
    // Every setting has the comment saying what was seen, on the line above it.
    expect(text).toContain('# where the ADRs are (docs/adr: 5 ADRs)\nadrs:\n  - "docs/adr"\n');
    expect(text).toContain('# the standard statuses (and their synonyms), and the set’s own: on hold (2 ADRs)\nstatuses:\n');
    expect(text).toContain('  - "on hold"\n');
    // A status written once, a typo away from a standard one, is a mistake to report, not a habit.
    expect(text).not.toContain('acepted');
    expect(text).toContain('  # nygard records (5 of 5); most leave out "Consequences"\n  adr-sections: [warn, { template: ["Status", "Context", "Decision"] }]\n');
    // The naming is a note: adr-filename infers it itself.
    expect(text).toContain('# file names: 5 of 5 names follow ADR-NNN-kebab-title.md, which adr-filename reads itself\n');
    expect(text).not.toContain('adr-filename:');
    // Patterns: a note, not a setting, so that the rules start by themselves once an ADR declares some.
    expect(text).toContain('# no ADR declares "patterns": pattern-undeclared and pattern-link stay quiet until one does\n');
    expect(text).not.toContain('pattern-undeclared:');
    // It validates against the config schema (resolveConfig checks it with data/schema/config.schema.json).
    expect(() => resolveConfig(parse(text), join(root, '.adrlintrc.yml'), root)).not.toThrow();
    // What it printed: the inferences and the counts.
    expect(run.stdout).toMatch(/^adrlint init: read 5 ADRs\n/);
    expect(run.stdout).toMatch(/\n(\d+) findings? with this config \((\d+) with the defaults\)\nwrote \.adrlintrc\.yml\n$/);
    const after = parseJson(await adrlint(root, ['--format', 'json']));
    const known = new Set(keysOf(before));
    expect(keysOf(after).filter((key) => !known.has(key))).toEqual([]);
    expect(keysOf(after).length).toBeLessThan(keysOf(before).length);
    // The typo is still reported.
    expect(keysOf(after).some((key) => key.includes('ADR-004') && key.endsWith(':adr-status'))).toBe(true);
  });

  it('never overwrites a config without --force; --dry-run prints the file and writes nothing', async () => {
    const root = fixture({ ...SET, '.adrlintrc.yml': 'rules: {}\n' });
    const refused = await adrlint(root, ['init']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('adrlint: .adrlintrc.yml already configures adrlint here; run "adrlint init --force" to replace it, or --dry-run to see what init would write\n');
    expect(readFileSync(join(root, '.adrlintrc.yml'), 'utf8')).toBe('rules: {}\n');
    const dry = await adrlint(root, ['init', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^# adrlint configuration written by "adrlint init" from 5 ADRs/);
    expect(dry.stderr).toContain('.adrlintrc.yml not written (dry run)');
    expect(readFileSync(join(root, '.adrlintrc.yml'), 'utf8')).toBe('rules: {}\n');
    const forced = await adrlint(root, ['init', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(root, '.adrlintrc.yml'), 'utf8')).toContain('statuses:');
  });

  it('captures nothing a set already does by default, and takes a folder to read', async () => {
    const root = fixture({
      'decisions/0001-use-postgres.md': nygard(1, 'Use Postgres', 'Accepted', '\n## Consequences\n\nOne database.\n'),
      'decisions/0002-use-kafka.md': nygard(2, 'Use Kafka', 'Proposed', '\n## Consequences\n\nOne broker.\n'),
    });
    const run = await adrlint(root, ['init', 'decisions']);
    expect(run.code).toBe(0);
    const text = readFileSync(join(root, '.adrlintrc.yml'), 'utf8');
    expect(text).toContain('adrs:\n  - "decisions"\n');
    // What it saw is still said, as notes: the defaults already fit.
    expect(text).not.toMatch(/^statuses:/m);
    expect(text).not.toContain('adr-sections:');
    expect(text).toContain('# statuses in use: accepted (1), proposed (1); the standard statuses know them, none needs adding\n');
    expect(text).toContain('# sections: most nygard records (2 of 2 are) write each section of the nygard template\n');
    expect(existsSync(join(root, 'decisions', '.adrlintrc.yml'))).toBe(false);
  });

  it('the README\'s example is what init prints and writes for the set it describes', async () => {
    const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Running adrlint on an existing ADR set'));
    const console = /```console\n\$ npx adrlint init\n([\s\S]*?)```/.exec(section)![1];
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section)![1];
    const root = fixture(SET);
    const run = await adrlint(root, ['init']);
    expect(run.stdout).toBe(console);
    expect(readFileSync(join(root, '.adrlintrc.yml'), 'utf8')).toBe(yaml);
  });

  it('refuses lint-only flags', async () => {
    const root = fixture(SET);
    const run = await adrlint(root, ['init', '--fix']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('adrlint: "adrlint init" takes paths, --dry-run, --force and --concurrency; not --fix\n');
  });
});
