// adr-number-duplicate's fix: --fix renumbers the later records of a collision (the one the pull
// request adds, else the one git added later, else the later date, else the later name), rewriting
// the references to them; --fix-dry-run shows it; text-only consumers get no half fix.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adrlint, fixture, removeFixtures, type FixtureFiles } from './helpers/cli.ts';

afterAll(removeFixtures);

const record = (number: string, title: string, extra = '') => `# ${Number(number)}. ${title}\n\n## Status\n\nAccepted\n${extra}`;

/** Three records numbered 2, the two others linking to them. */
function collisionOfThree(): FixtureFiles {
  return {
    '.adrlintrc.yml': 'adrs: docs/adr\nrules:\n  adr-sections: off\n',
    'docs/adr/0001-record.md': record('0001', 'Record', '\nSee [Kafka](0002-kafka.md), [NATS](./0002-nats.md#status) and [Pulsar](0002-pulsar.md).\n'),
    'docs/adr/0002-kafka.md': record('0002', 'Kafka'),
    'docs/adr/0002-nats.md': record('0002', 'NATS'),
    'docs/adr/0002-pulsar.md': record('0002', 'Pulsar'),
  };
}

const names = (root: string) => readdirSync(join(root, 'docs/adr')).sort();
const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

function git(root: string, args: string[], date?: string): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', env });
}

describe('adr-number-duplicate --fix', () => {
  it('renumbers two of a collision of three to distinct new numbers (the later names), and every link to them', async () => {
    const root = fixture(collisionOfThree());
    const run = await adrlint(root, ['--fix']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('✔ 4 ADRs, no problems\n');
    expect(run.stderr).toBe(
      'adrlint: adr-number-duplicate: renamed docs/adr/0002-nats.md → docs/adr/0003-nats.md; references rewritten in 1 other file (the later by name)\n' +
        'adrlint: adr-number-duplicate: renamed docs/adr/0002-pulsar.md → docs/adr/0004-pulsar.md; references rewritten in 1 other file (the later by name)\n',
    );
    expect(names(root)).toEqual(['0001-record.md', '0002-kafka.md', '0003-nats.md', '0004-pulsar.md']);
    expect(read(root, 'docs/adr/0001-record.md')).toContain('See [Kafka](0002-kafka.md), [NATS](./0003-nats.md#status) and [Pulsar](0004-pulsar.md).');
    expect(read(root, 'docs/adr/0004-pulsar.md')).toBe(record('0004', 'Pulsar'));
  });

  it('gives out no number a numbered markdown file of the folder holds, an ADR of the set or not', async () => {
    const files = collisionOfThree();
    const root = fixture({ ...files, '.adrlintrc.yml': `${files['.adrlintrc.yml']}ignore: ["0003-*"]\n`, 'docs/adr/0003-draft.md': '# Draft\n' });
    const lint = await adrlint(root, ['--format', 'json']);
    expect(lint.stdout).toContain('give 2 of them the free numbers 0004 and 0005');
    const run = await adrlint(root, ['--fix']);
    expect(run.stderr).toBe(
      'adrlint: adr-number-duplicate: renamed docs/adr/0002-nats.md → docs/adr/0004-nats.md; references rewritten in 1 other file (the later by name)\n' +
        'adrlint: adr-number-duplicate: renamed docs/adr/0002-pulsar.md → docs/adr/0005-pulsar.md; references rewritten in 1 other file (the later by name)\n',
    );
    expect(run.code).toBe(0);
    expect(names(root)).toEqual(['0001-record.md', '0002-kafka.md', '0003-draft.md', '0004-nats.md', '0005-pulsar.md']);
    expect(read(root, 'docs/adr/0003-draft.md')).toBe('# Draft\n');
  });

  it('--fix-dry-run prints the renames and diffs and writes nothing', async () => {
    const root = fixture(collisionOfThree());
    const run = await adrlint(root, ['--fix-dry-run']);
    expect(run.code).toBe(1);
    expect(names(root)).toEqual(['0001-record.md', '0002-kafka.md', '0002-nats.md', '0002-pulsar.md']);
    expect(run.stdout).toContain('rename docs/adr/0002-nats.md → docs/adr/0003-nats.md (dry run: nothing written)\n');
    expect(run.stdout).toContain('rename docs/adr/0002-pulsar.md → docs/adr/0004-pulsar.md (dry run: nothing written)\n');
    expect(run.stdout).toContain('-# 2. Pulsar\n+# 4. Pulsar\n');
  });

});

describe('adr-number-duplicate --fix: which record is the later', () => {
  it('keeps the record git added first; an untracked one is the later', async () => {
    const root = fixture(collisionOfThree());
    git(root, ['init', '-q']);
    git(root, ['add', 'docs/adr/0001-record.md', 'docs/adr/0002-pulsar.md', '.adrlintrc.yml']);
    git(root, ['commit', '-qm', 'first'], '2020-01-01T00:00:00Z');
    git(root, ['add', 'docs/adr/0002-kafka.md']);
    git(root, ['commit', '-qm', 'second'], '2021-01-01T00:00:00Z');
    const run = await adrlint(root, ['--fix']);
    expect(run.code).toBe(0);
    // pulsar came first; kafka is the later by git history; nats (untracked) the latest.
    expect(names(root)).toEqual(['0001-record.md', '0002-pulsar.md', '0003-kafka.md', '0004-nats.md']);
    expect(run.stderr).toContain('renamed docs/adr/0002-kafka.md → docs/adr/0003-kafka.md (git mv); references rewritten in 1 other file (the later by git history)');
    expect(git(root, ['status', '--porcelain'])).toMatch(/^R. docs\/adr\/0002-kafka\.md -> docs\/adr\/0003-kafka\.md$/m);
  });

  it('--changed-from: the records the branch adds are the later ones', async () => {
    const root = fixture(collisionOfThree());
    git(root, ['init', '-q', '-b', 'main']);
    git(root, ['add', '.adrlintrc.yml', 'docs/adr/0001-record.md', 'docs/adr/0002-pulsar.md', 'docs/adr/0002-nats.md']);
    git(root, ['commit', '-qm', 'base'], '2022-01-01T00:00:00Z');
    git(root, ['checkout', '-qb', 'feature']);
    git(root, ['add', 'docs/adr/0002-kafka.md']);
    git(root, ['commit', '-qm', 'add kafka'], '2022-02-01T00:00:00Z');
    const run = await adrlint(root, ['--fix', '--changed-from', 'main']);
    expect(run.code).toBe(0);
    // nats and pulsar came in one commit (a tie): by name, pulsar is the later; kafka is the branch's.
    expect(run.stderr).toContain('0002-kafka.md → docs/adr/0004-kafka.md (git mv); references rewritten in 1 other file (the later by pull request)');
    expect(names(root)).toEqual(['0001-record.md', '0002-nats.md', '0003-pulsar.md', '0004-kafka.md']);
  });

});

describe('adr-number-duplicate --fix: usage and consumers', () => {
  it('--changed-from without --fix, or with a ref git does not know, is a usage error', async () => {
    const root = fixture(collisionOfThree());
    const alone = await adrlint(root, ['--changed-from', 'main']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain('--changed-from tells --fix which ADRs are new; add --fix or --fix-dry-run');
    git(root, ['init', '-q']);
    const unknown = await adrlint(root, ['--fix', '--changed-from', 'no-such-ref']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^adrlint: --changed-from no-such-ref: git cannot compare it with HEAD \(.+\)\n$/);
    expect(names(root)).toEqual(['0001-record.md', '0002-kafka.md', '0002-nats.md', '0002-pulsar.md']);
  });

  it('gives text-only consumers no fix: the JSON report carries none for the rule', async () => {
    const root = fixture(collisionOfThree());
    const run = await adrlint(root, ['--format', 'json']);
    const messages = (JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string; fix?: unknown }> }>).flatMap((result) => result.messages).filter((message) => message.ruleId === 'adr-number-duplicate');
    expect(messages).toHaveLength(3);
    expect(messages.every((message) => message.fix === undefined)).toBe(true);
    expect(existsSync(join(root, 'docs/adr/0002-nats.md'))).toBe(true);
  });

  it('--fix-rule of another rule leaves the collision alone', async () => {
    const root = fixture(collisionOfThree());
    const run = await adrlint(root, ['--fix', '--fix-rule', 'adr-link']);
    expect(run.code).toBe(1);
    expect(names(root)).toEqual(['0001-record.md', '0002-kafka.md', '0002-nats.md', '0002-pulsar.md']);
  });
});
