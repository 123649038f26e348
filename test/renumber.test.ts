// `adrlint renumber`: the file renamed in the folder's convention, its title and every reference
// to it in the set rewritten as minimal edits; refused (exit 2, nothing written) when it would collide.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adrlint, fixture, removeFixtures } from './helpers/cli.ts';
import { chainSet, linkProblems } from './helpers/renumber-sets.ts';

afterAll(removeFixtures);

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

function snapshotOf(root: string, folder: string): Record<string, string> {
  return Object.fromEntries(readdirSync(join(root, folder)).sort().map((name) => [name, read(root, join(folder, name))]));
}

describe('adrlint renumber', () => {
  it('renames a record in a chain and rewrites its title and every reference to it', async () => {
    const root = fixture(chainSet());
    const linkProblemsBefore = (await linkProblems(root)).map((problem) => problem.replaceAll('0005', '0009'));
    const run = await adrlint(root, ['renumber', 'docs/adr/0005-use-kafka.md', '--to', '9']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('renamed docs/adr/0005-use-kafka.md → docs/adr/0009-use-kafka.md; references rewritten in 8 other files\n');
    expect(existsSync(join(root, 'docs/adr/0005-use-kafka.md'))).toBe(false);
    expect(read(root, 'docs/adr/0009-use-kafka.md')).toBe(chainSet()['docs/adr/0005-use-kafka.md']!.toString().replace('title: "5. Use Kafka"', 'title: "9. Use Kafka"').replace('# 5. Use Kafka', '# 9. Use Kafka'));
    expect(read(root, 'docs/adr/README.md')).toBe('# Decisions\n\n- [9. Use Kafka](0009-use-kafka.md)\n- [7. Use Pulsar](0007-use-pulsar.md)\n');
    expect(read(root, 'docs/adr/0001-record-decisions.md')).toContain('[the Kafka decision](0009-use-kafka.md#decision)');
    expect(read(root, 'docs/adr/0002-use-rabbitmq.md')).toBe('---\nsuperseded_by: "0009"\n---\n# 2. Use RabbitMQ\n\n## Status\n\nSuperseded by [ADR 9](./0009-use-kafka.md)\n');
    expect(read(root, 'docs/adr/0003-event-schema.md')).toContain('[Kafka](../adr/0009-use-kafka.md#consequences)');
    expect(read(root, 'docs/adr/0004-retention.md')).toContain('[published](0009-use-kafka.html), and [again][kafka].\n\n[kafka]: ./0009-use-kafka#status\n');
    expect(read(root, 'docs/adr/0006-consumers.md')).toContain('[ADR 9](0009-use-kafka.md "the decision")');
    expect(read(root, 'docs/adr/0007-use-pulsar.md')).toBe('---\nsupersedes: "0009"\n---\n# 7. Use Pulsar\n\n## Status\n\nAccepted\n\nSupersedes ADR-0009.\n');
    // "ADR-0005" in prose is the set's way to name a record; in code and a bare 5 are not references.
    expect(read(root, 'docs/adr/0008-costs.md')).toContain('Since ADR-0009 we run 5 brokers; `ADR-0005` in code stays.');
    // Outside the set (the config's adrs): not read, not written.
    expect(read(root, 'docs/guide/reading.md')).toBe(chainSet()['docs/guide/reading.md']);
    // The extensionless link was already reported by adr-link (it names no file); nothing new.
    expect(await linkProblems(root)).toEqual(linkProblemsBefore);
  });

  it('takes the next free number by default, keeping the width and prefix of the name', async () => {
    const root = fixture({
      'adr/ADR-001-first.md': '# ADR-001: First\n',
      'adr/ADR-002-second.md': '# ADR-002: Second\n\nAfter [ADR-001](ADR-001-first.md).\n',
      'adr/ADR-012-twelfth.md': '# ADR-012: Twelfth\n',
    });
    const run = await adrlint(root, ['renumber', 'adr/ADR-001-first.md']);
    expect(run.code).toBe(0);
    expect(readdirSync(join(root, 'adr')).sort()).toEqual(['ADR-002-second.md', 'ADR-012-twelfth.md', 'ADR-013-first.md']);
    expect(read(root, 'adr/ADR-013-first.md')).toBe('# ADR-013: First\n');
    expect(read(root, 'adr/ADR-002-second.md')).toBe('# ADR-002: Second\n\nAfter [ADR-013](ADR-013-first.md).\n');
  });

});

describe('adrlint renumber: refusals, dry run, git', () => {
  it('refuses a number that is taken, with exit 2 and nothing written', async () => {
    const root = fixture(chainSet());
    const before = snapshotOf(root, 'docs/adr');
    const run = await adrlint(root, ['renumber', 'docs/adr/0005-use-kafka.md', '--to', '7']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('adrlint: not renumbered: number 7 is taken by 0007-use-pulsar.md\n');
    expect(run.stdout).toBe('');
    expect(snapshotOf(root, 'docs/adr')).toEqual(before);
  });

  it('refuses when a file of the set cannot be written, and writes none of them', async () => {
    const root = fixture(chainSet());
    execFileSync('chmod', ['a-w', join(root, 'docs/adr/0007-use-pulsar.md')]);
    const before = snapshotOf(root, 'docs/adr');
    const run = await adrlint(root, ['renumber', 'docs/adr/0005-use-kafka.md']);
    // Root may write anything: the refusal is only observable as another user.
    if (process.getuid?.() === 0) return;
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^adrlint: not renumbered: .*0007-use-pulsar\.md cannot be written \(EACCES\)\n$/);
    expect(snapshotOf(root, 'docs/adr')).toEqual(before);
  });

  it('--dry-run prints the rename and a unified diff, and writes nothing', async () => {
    const root = fixture(chainSet());
    const before = snapshotOf(root, 'docs/adr');
    const run = await adrlint(root, ['renumber', 'docs/adr/0005-use-kafka.md', '--dry-run']);
    expect(run.code).toBe(0);
    expect(snapshotOf(root, 'docs/adr')).toEqual(before);
    expect(run.stdout.split('\n')[0]).toBe('rename docs/adr/0005-use-kafka.md → docs/adr/0009-use-kafka.md (dry run: nothing written)');
    expect(run.stdout).toContain('--- a/docs/adr/0005-use-kafka.md\n+++ b/docs/adr/0009-use-kafka.md\n');
    expect(run.stdout).toContain('-superseded_by: "0005"\n+superseded_by: "0009"\n');
    expect(run.stdout).toContain('-Events go through [Kafka](../adr/0005-use-kafka.md#consequences).\n+Events go through [Kafka](../adr/0009-use-kafka.md#consequences).\n');
  });

  it('renames through git mv when git tracks the file', async () => {
    const root = fixture(chainSet());
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'set');
    const run = await adrlint(root, ['renumber', 'docs/adr/0005-use-kafka.md']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\(git mv\)/);
    // The rename is staged (the edits of the text are left unstaged, as any edit).
    expect(git('status', '--porcelain')).toMatch(/^R. docs\/adr\/0005-use-kafka\.md -> docs\/adr\/0009-use-kafka\.md$/m);
    expect(git('diff', '--cached', '--name-status', '-M')).toBe('R100\tdocs/adr/0005-use-kafka.md\tdocs/adr/0009-use-kafka.md\n');
  });

  it('refuses a file without a number, and a --to that is not a number', async () => {
    const root = fixture(chainSet());
    const noNumber = await adrlint(root, ['renumber', 'docs/adr/README.md']);
    expect(noNumber.code).toBe(2);
    expect(noNumber.stderr).toBe('adrlint: not renumbered: docs/adr/README.md has no number in its name\n');
    const badTo = await adrlint(root, ['renumber', 'docs/adr/0005-use-kafka.md', '--to', 'x']);
    expect(badTo.code).toBe(2);
    expect(badTo.stderr).toContain('--to takes a number; "x" is not one');
  });
});

describe("the README's Renumbering example", () => {
  it('does what the README shows', async () => {
    const root = fixture({
      'docs/adr/0005-use-rabbitmq.md': '# 5. Use RabbitMQ\n\n## Status\n\nSuperseded by [ADR 7](0007-use-pulsar.md#decision)\n',
      'docs/adr/0007-use-kafka.md': '# 7. Use Kafka\n\n## Status\n\nAccepted\n',
      'docs/adr/0007-use-pulsar.md': '---\nsupersedes: "0005"\n---\n# 7. Use Pulsar\n\n## Status\n\nAccepted\n\n## Decision\n\nPulsar.\n',
      'docs/adr/0009-costs.md': '# 9. Costs\n\n## Status\n\nAccepted\n\nSince ADR-0007 we run 5 brokers.\n',
    });
    const run = await adrlint(root, ['renumber', 'docs/adr/0007-use-pulsar.md']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('adrlint: note: another record keeps number 0007: references by number alone ("ADR-0007") were left as they are; links were rewritten\n');
    expect(read(root, 'docs/adr/0010-use-pulsar.md')).toContain('---\nsupersedes: "0005"\n---\n# 10. Use Pulsar\n');
    expect(read(root, 'docs/adr/0005-use-rabbitmq.md')).toContain('Superseded by [ADR 10](0010-use-pulsar.md#decision)\n');
    expect(read(root, 'docs/adr/0009-costs.md')).toContain('Since ADR-0007 we run 5 brokers.\n');
  });
});
