// The Action's review on a pull request that adds an ADR whose number another record already has:
// a comment on the added record that explains the renumbering and gives the exact command (a
// rename cannot be a ```suggestion). Against the local HTTP server standing in for GitHub's API.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fixture, removeFixtures } from './helpers/cli.ts';
import { runAction, workflowCommands } from './helpers/action-runner.ts';
import { startGitHubApiServer, type GitHubApiServer } from './helpers/github-api-server.ts';

afterAll(removeFixtures);
const servers: GitHubApiServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const SECTIONS = '\n## Status\n\nAccepted\n\n## Context\n\nC.\n\n## Decision\n\nD.\n\n## Consequences\n\nE.\n';
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();

describe('review: adr-number-duplicate', () => {
  it('comments on the record the pull request adds with the renumber command', async () => {
    // The added file sorts first by name: only the pull request tells which one is later.
    const root = fixture({ 'docs/adr/0001-start.md': `# 1. Start\n${SECTIONS}`, 'docs/adr/0002-use-kafka.md': `# 2. Use Kafka\n${SECTIONS}` });
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'base');
    const base = git(root, 'rev-parse', 'HEAD');
    writeFileSync(join(root, 'docs/adr/0002-add-cache.md'), `# 2. Add a cache\n${SECTIONS}`);
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'head');
    const head = git(root, 'rev-parse', 'HEAD');
    const patch = `@@ -0,0 +1,19 @@\n${`# 2. Add a cache\n${SECTIONS}`.split('\n').slice(0, 19).map((line) => `+${line}`).join('\n')}`;
    const api = await startGitHubApiServer({ pullFiles: { 7: [{ filename: 'docs/adr/0002-add-cache.md', status: 'added', patch }] }, token: 'test-token' });
    servers.push(api);
    const run = await runAction(root, { inputs: { review: 'true', 'fail-on': 'never' }, event: { pull_request: { number: 7, base: { sha: base }, head: { sha: head } } }, apiUrl: api.url });
    const reviews = api.requestsTo('pulls.createReview');
    expect(reviews).toHaveLength(1);
    const { comments } = reviews[0]!.body as { comments: Array<{ path: string; line: number; body: string }> };
    expect(comments.map((comment) => [comment.path, comment.line])).toEqual([['docs/adr/0002-add-cache.md', 1]]);
    expect(comments[0]!.body).toMatch(
      /^\*\*adr-number-duplicate\*\* \(error\): ADR number 0002 is also used by "0002-use-kafka\.md"; give one of them the next free number, 0003\n\ndocs\/adr\/0002-use-kafka\.md keeps the number; this record is the later one \(this pull request adds it\), so it moves to the next free number \(0003 now\)\. A rename cannot be a suggestion: .*\n\n```sh\nnpx adrlint renumber docs\/adr\/0002-add-cache\.md\n```\n\n<!-- adrlint:[0-9a-f]+ -->$/,
    );
    expect(workflowCommands(run.lines)).toContain('::notice::Review: 1 suggestion posted, 0 in the review body, 0 already on the pull request.');
  });
});
