// `overrides` in the config (per-file rules, statuses, linkTemplate), through the built command:
// the run, the cache, the worker threads, --print-config FILE, and the config errors.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/run/config.ts';
import { configForFile } from '../src/model/config.ts';
import { adrlint, fixture, parseJson, removeFixtures, resultFor } from './helpers/cli.ts';

afterAll(removeFixtures);

const record = (n: number, status: string) => `# ${n}. Record ${n}\n\nStatus: ${status}\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nE.\n`;
const pad = (n: number) => String(n).padStart(4, '0');

/** docs/adr/<n> and docs/adr/legacy/<n>, each with the status "banana" (not one of the defaults). */
function project(config: string, count = 2) {
  const files: Record<string, string> = { '.adrlintrc.yml': config };
  for (let n = 1; n <= count; n++) {
    files[`docs/adr/${pad(n)}-record-${n}.md`] = record(n, 'banana');
    files[`docs/adr/legacy/${pad(n)}-record-${n}.md`] = record(n, 'banana');
  }
  return fixture(files);
}

const LEGACY = 'overrides:\n  - files: ["docs/adr/legacy/**"]\n    excludedFiles: ["**/0002-*"]\n    statuses: [banana, accepted]\n';

const statusRules = (root: string, path: string, results: ReturnType<typeof parseJson>) => resultFor(results, root, path).messages.map((m) => m.ruleId);

describe('overrides', () => {
  it('apply to the files they match and not to those excludedFiles leaves out', async () => {
    const root = project(LEGACY);
    const results = parseJson(await adrlint(root, ['--format', 'json', 'docs/adr']));
    expect(statusRules(root, 'docs/adr/0001-record-1.md', results)).toEqual(['adr-status']);
    expect(statusRules(root, 'docs/adr/legacy/0001-record-1.md', results)).toEqual([]);
    expect(statusRules(root, 'docs/adr/legacy/0002-record-2.md', results)).toEqual(['adr-status']);
  });

  it('apply in order, a later entry over an earlier one; a glob without a slash matches a name in any folder', async () => {
    const config = 'rules:\n  adr-status: error\noverrides:\n  - files: ["docs/**"]\n    rules: { adr-status: off }\n  - files: ["0001-*.md"]\n    rules: { adr-status: warn }\n';
    const root = project(config);
    const results = parseJson(await adrlint(root, ['--format', 'json', 'docs/adr']));
    expect(resultFor(results, root, 'docs/adr/0001-record-1.md').messages.map((m) => [m.ruleId, m.severity])).toEqual([['adr-status', 1]]);
    expect(resultFor(results, root, 'docs/adr/legacy/0001-record-1.md').messages.map((m) => [m.ruleId, m.severity])).toEqual([['adr-status', 1]]);
    expect(resultFor(results, root, 'docs/adr/0002-record-2.md').messages).toEqual([]);
  });

  it('--rule wins over an override, as in ESLint', async () => {
    const root = project('overrides:\n  - files: ["**"]\n    rules: { adr-status: off }\n');
    const results = parseJson(await adrlint(root, ['--format', 'json', '--rule', 'adr-status:error', 'docs/adr/0001-record-1.md']));
    expect(resultFor(results, root, 'docs/adr/0001-record-1.md').messages.map((m) => [m.ruleId, m.severity])).toEqual([['adr-status', 2]]);
  });

  it('gives the same results on worker threads and from a warm cache', async () => {
    const root = project(LEGACY, 12);
    const serial = await adrlint(root, ['--format', 'json', '--concurrency', 'off', 'docs/adr']);
    const threads = await adrlint(root, ['--format', 'json', '--concurrency', '3', 'docs/adr']);
    expect(threads.stdout).toBe(serial.stdout);
    const cold = await adrlint(root, ['--format', 'json', '--cache', 'docs/adr']);
    const warm = await adrlint(root, ['--format', 'json', '--cache', 'docs/adr']);
    expect([cold.stdout, warm.stdout]).toEqual([serial.stdout, serial.stdout]);
    expect(statusRules(root, 'docs/adr/legacy/0001-record-1.md', parseJson(warm))).toEqual([]);
  });

  it('a changed override invalidates the cache', async () => {
    const root = project(LEGACY);
    await adrlint(root, ['--cache', 'docs/adr']);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(root, '.adrlintrc.yml'), LEGACY.replace('[banana, accepted]', '[accepted]'));
    expect(statusRules(root, 'docs/adr/legacy/0001-record-1.md', parseJson(await adrlint(root, ['--format', 'json', '--cache', 'docs/adr'])))).toEqual(['adr-status']);
  });

  it('refuse a key that applies to the whole run, naming it, and an unknown rule or option', async () => {
    const refused = await adrlint(project('overrides:\n  - files: ["docs/**"]\n    ignore: ["x"]\n'), []);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/overrides\[0\]: "ignore" applies to the whole run and cannot be set per file \(an override takes files, excludedFiles, rules, statuses, linkTemplate\)/);
    const unknown = await adrlint(project('overrides:\n  - files: ["docs/**"]\n    rulez: {}\n'), []);
    expect(unknown.stderr).toMatch(/overrides\[0\]: unknown key "rulez"/);
    const rule = await adrlint(project('overrides:\n  - files: ["docs/**"]\n    rules: { adr-statuss: off }\n'), []);
    expect(rule.stderr).toMatch(/overrides\[0\]\.rules: unknown rule "adr-statuss"; did you mean "adr-status"\?/);
    const options = await adrlint(project('overrides:\n  - files: ["docs/**"]\n    rules: { pattern-undeclared: [warn, { minMention: 2 }] }\n'), []);
    expect(options.stderr).toMatch(/overrides\[0\]\.rules\.pattern-undeclared options: .*unknown key "minMention"/);
    const noFiles = await adrlint(project('overrides:\n  - rules: { adr-status: off }\n'), []);
    expect(noFiles.stderr).toMatch(/overrides\.0: missing "files"/);
  });

  it('configForFile keeps options a severity alone does not give, and is one object per combination', () => {
    const config = resolveConfig({ rules: { 'pattern-undeclared': ['warn', { minMentions: 3 }] }, overrides: [{ files: 'a/**', rules: { 'pattern-undeclared': 'error' } }] }, null, '/p');
    const file = configForFile(config, '/p/a/x.md');
    expect(file.rules['pattern-undeclared']).toEqual({ severity: 'error', options: { minMentions: 3 } });
    expect(configForFile(config, '/p/a/y.md')).toBe(file);
    expect(configForFile(config, '/p/b/x.md')).toBe(config);
    expect(configForFile(config, '/elsewhere/a/x.md')).toBe(config);
  });
});

describe('--print-config FILE', () => {
  it('prints the config in effect for the file, its overrides applied; without a file, the config as resolved', async () => {
    const root = project(LEGACY);
    const legacy = JSON.parse((await adrlint(root, ['--print-config', 'docs/adr/legacy/0001-record-1.md'])).stdout);
    expect(legacy.statuses).toEqual(['banana', 'accepted']);
    expect(legacy.overrides).toBeUndefined();
    const excluded = JSON.parse((await adrlint(root, ['--print-config', 'docs/adr/legacy/0002-record-2.md'])).stdout);
    expect(excluded.statusesGiven).toBe(false);
    const whole = JSON.parse((await adrlint(root, ['--print-config'])).stdout);
    expect(whole.overrides).toEqual([{ files: ['docs/adr/legacy/**'], excludedFiles: ['**/0002-*'], statuses: ['banana', 'accepted'] }]);
    const two = await adrlint(root, ['--print-config', 'a.md', 'b.md']);
    expect([two.code, two.stderr]).toEqual([2, 'adrlint: --print-config takes one file, the one whose configuration to print; not 2 (a.md, b.md)\n']);
  });
});
