// `--stdin` and `--stdin-filename`: the text on standard input linted as a file of the set (its
// folder's records, the config and its overrides), never written; with a fix, the fixed text on
// stdout. Through runCli with an injected stdin, and once through the built command with a pipe.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../src/cli.ts';
import { ADRLINT_COMMAND, fixture, removeFixtures, shell } from './helpers/cli.ts';

afterAll(removeFixtures);

const KAFKA = '# 1. Use Kafka\n\nStatus: accepted\n\n## Context\n\nEvents.\n\n## Decision\n\nKafka.\n\n## Consequences\n\nFine.\n';
const TYPO = '---\nstatus: accepted\npatterns: [sagapatern]\n---\n\n# Orders\n\nWe coordinate the steps.\n';
const TYPO_FIXED = '---\nstatus: accepted\npatterns: [saga-pattern]\n---\n\n# Orders\n\nWe coordinate the steps.\n';

function io(cwd: string, input: string | null): CliIo & { out: string; err: string } {
  const sink = {
    cwd,
    env: {},
    out: '',
    err: '',
    stdout: { write: (text: string) => (sink.out += text) },
    stderr: { write: (text: string) => (sink.err += text) },
    ...(input === null ? {} : { stdin: [Buffer.from(input.slice(0, 5)), Buffer.from(input.slice(5))] }),
  };
  return sink;
}

const project = (files: Record<string, string> = {}) => fixture({ 'docs/adr/0001-use-kafka.md': KAFKA, ...files });

describe('--stdin --stdin-filename', () => {
  it('lints the text as that file of its folder: the set rules see the other records', async () => {
    const root = project();
    const run = io(root, KAFKA.replace('# 1.', '# 2.'));
    expect(await runCli(['--stdin', '--stdin-filename', 'docs/adr/0002-use-kafka.md', '--format', 'json'], run)).toBe(0);
    const [result] = JSON.parse(run.out) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
    expect(result!.filePath).toBe(join(root, 'docs/adr/0002-use-kafka.md'));
    expect(result!.messages.map((m) => m.ruleId)).toEqual(['adr-title-duplicate']);
    expect(existsSync(join(root, 'docs/adr/0002-use-kafka.md'))).toBe(false);
  });

  it('replaces the file on disk by the text, and never writes it', async () => {
    const root = project({ 'docs/adr/0002-orders.md': TYPO });
    const clean = io(root, TYPO_FIXED);
    expect(await runCli(['--stdin', '--stdin-filename', 'docs/adr/0002-orders.md'], clean)).toBe(0);
    expect(clean.out).toBe('✔ 1 ADR, no problems\n');
    const fixing = io(root, TYPO);
    expect(await runCli(['--stdin', '--stdin-filename', 'docs/adr/0002-orders.md', '--fix', '--no-color'], fixing)).toBe(0);
    expect(fixing.out).toBe(TYPO_FIXED);
    expect(fixing.err).toContain('✔ 1 problem fixed in 1 file, 0 remaining.');
    expect(readFileSync(join(root, 'docs/adr/0002-orders.md'), 'utf8')).toBe(TYPO);
  });

  it('applies the config found from the working folder and its overrides for that path', async () => {
    const config = 'overrides:\n  - files: ["docs/adr/legacy/**"]\n    rules:\n      adr-title-duplicate: off\n';
    const root = project({ '.adrlintrc.yml': config, 'docs/adr/legacy/0001-use-kafka.md': KAFKA, 'docs/adr/legacy/0002-use-kafka.md': KAFKA });
    const legacy = io(root, KAFKA.replace('# 1.', '# 2.'));
    expect(await runCli(['--stdin', '--stdin-filename', 'docs/adr/legacy/0002-use-kafka.md', '--format', 'json'], legacy)).toBe(0);
    expect(JSON.parse(legacy.out)[0].messages).toEqual([]);
    const current = io(root, KAFKA.replace('# 1.', '# 2.'));
    expect(await runCli(['--stdin', '--stdin-filename', 'docs/adr/0002-use-kafka.md', '--format', 'json'], current)).toBe(0);
    expect(JSON.parse(current.out)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['adr-title-duplicate']);
  });

  it('--fix-dry-run prints the fixed text; --format json gives the result with its output instead', async () => {
    const root = project();
    const dry = io(root, TYPO);
    expect(await runCli(['--stdin', '--stdin-filename', 'docs/adr/0002-orders.md', '--fix-dry-run'], dry)).toBe(0);
    expect(dry.out).toBe(TYPO_FIXED);
    const json = io(root, TYPO);
    expect(await runCli(['--stdin', '--stdin-filename', 'docs/adr/0002-orders.md', '--fix-dry-run', '--format', 'json'], json)).toBe(0);
    const [result] = JSON.parse(json.out) as Array<{ output: string; messages: unknown[] }>;
    expect(result!.output).toBe(TYPO_FIXED);
    expect(result!.messages).toEqual([]);
  });

  it('prints the text unchanged with --fix when there is nothing to fix, and the remaining problems on stderr', async () => {
    const root = project();
    const text = '# Orders\n\nStatus: accepted\n\nSee [the record](0009-missing.md).\n';
    const run = io(root, text);
    expect(await runCli(['--stdin', '--stdin-filename', 'docs/adr/0002-orders.md', '--fix', '--no-color'], run)).toBe(1);
    expect(run.out).toBe(text);
    expect(run.err).toMatch(/0009-missing\.md[\s\S]*adr-link/);
  });

  it('a name that is not an ADR (a README) is skipped, as a file named on the command line is', async () => {
    const root = project();
    const run = io(root, '# Read me\n');
    expect(await runCli(['--stdin', '--stdin-filename', 'docs/adr/README.md'], run)).toBe(0);
    expect(run.out).toBe('');
    expect(run.err).toContain('adrlint: skipped docs/adr/README.md:');
  });
});

describe('--stdin without --stdin-filename', () => {
  it('lints the text as <text> in the ADR folder: the set is that folder, no rule judges the name', async () => {
    const root = project();
    const run = io(root, KAFKA);
    expect(await runCli(['--stdin', '--format', 'json'], run)).toBe(0);
    const [result] = JSON.parse(run.out) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
    expect(result!.filePath).toBe(join(root, 'docs/adr/<text>'));
    expect(result!.messages.map((m) => m.ruleId)).toEqual(['adr-title-duplicate']);
  });
});

describe('--stdin refusals', () => {
  it('refuses paths with --stdin, and --stdin-filename without --stdin', async () => {
    const root = project();
    const paths = io(root, KAFKA);
    expect(await runCli(['--stdin', 'docs/adr'], paths)).toBe(2);
    expect(paths.err).toBe('adrlint: --stdin lints the text on standard input, and takes no paths (not docs/adr); name the file with --stdin-filename\n');
    const alone = io(root, null);
    expect(await runCli(['--stdin-filename', 'docs/adr/0002-x.md'], alone)).toBe(2);
    expect(alone.err).toBe('adrlint: --stdin-filename names the text of --stdin; add --stdin\n');
  });
});

describe('adrlint --stdin through a pipe', () => {
  it('reads the piped text and prints the fixed text, as an editor or lint-staged would use it', async () => {
    const root = project({ 'typo.txt': TYPO });
    const run = await shell(root, `cat typo.txt | ${ADRLINT_COMMAND} --stdin --stdin-filename docs/adr/0002-orders.md --fix-dry-run`);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(TYPO_FIXED);
  });
});
