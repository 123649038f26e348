// --no-inline-config (adrlint-disable comments and keys ignored, ESLint's semantics) and the line a
// clean run prints on the terminal ("✔ N ADRs, no problems"), through the built command.
import { afterAll, describe, expect, it } from 'vitest';
import { adrlint, fixture, parseJson, removeFixtures } from './helpers/cli.ts';

afterAll(removeFixtures);

const CLEAN = '# 1. Use Kafka\n\nStatus: accepted\n\n## Context\n\nEvents.\n\n## Decision\n\nKafka.\n\n## Consequences\n\nFine.\n';
const DISABLED = CLEAN.replace('Status: accepted', 'Status: banana <!-- adrlint-disable-line adr-status -->');

describe('--no-inline-config', () => {
  it('makes adrlint-disable comments disable nothing, and never reports them as unused', async () => {
    const root = fixture({ 'docs/adr/0001-use-kafka.md': DISABLED, 'docs/adr/0002-use-kafka-again.md': CLEAN.replace('# 1. Use Kafka', '# 2. Use Kafka again').replace('Fine.', 'Fine. <!-- adrlint-disable-line adr-link -->') });
    const honoured = await adrlint(root, ['--report-unused-disable', '--format', 'json']);
    // The first file's status is disabled; the second's comment disables nothing, and is reported (with no rule of its own).
    const [first, second] = parseJson(honoured);
    expect(first!.messages).toEqual([]);
    expect(second!.messages.map((m) => [m.ruleId, m.message])).toEqual([[null, expect.stringMatching(/adr-link/)]]);
    const ignored = await adrlint(root, ['--no-inline-config', '--report-unused-disable', '--format', 'json']);
    expect(ignored.code).toBe(1);
    expect(parseJson(ignored).map((r) => r.messages.map((m) => m.ruleId))).toEqual([['adr-status'], []]);
  });
});

describe('the summary of a clean run', () => {
  it('prints "✔ N ADRs, no problems" in the stylish report on stdout only', async () => {
    const root = fixture({ 'docs/adr/0001-use-kafka.md': CLEAN, 'docs/adr/0002-use-kafka-again.md': CLEAN.replace('# 1. Use Kafka', '# 2. Use Kafka again') });
    const run = await adrlint(root, ['--no-color']);
    expect([run.code, run.stdout, run.stderr]).toEqual([0, '✔ 2 ADRs, no problems\n', '']);
    expect((await adrlint(root, ['docs/adr/0001-use-kafka.md', '--no-color'])).stdout).toBe('✔ 1 ADR, no problems\n');
    // Not with --quiet (ESLint's quiet prints nothing), not in another format, not in a report file.
    expect((await adrlint(root, ['--quiet'])).stdout).toBe('');
    expect(parseJson(await adrlint(root, ['--format', 'json']))).toHaveLength(2);
    for (const format of ['sarif', 'junit', 'github']) expect((await adrlint(root, ['--format', format])).stdout).not.toContain('no problems');
    const toFile = await adrlint(root, ['--output-file', 'report.txt']);
    expect(toFile.stdout).toBe('');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(`${root}/report.txt`, 'utf8')).toBe('');
  });
});
