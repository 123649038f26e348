// End to end on a pull_request event: the committed Action bundle against a real HTTP server on
// 127.0.0.1 standing in for GitHub's API (GITHUB_API_URL). Asserts the API requests, the
// workflow commands and the outputs: only-changed (API and git fallback), review suggestions
// without duplicates, the sticky comment, and the 403/404/500 fallbacks.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fixture, removeFixtures } from './helpers/cli.ts';
import { runAction, workflowCommands, type ActionRunOptions } from './helpers/action-runner.ts';
import { startGitHubApiServer, type GitHubApiServer, type PullFile, type RouteName, type ServerSetup } from './helpers/github-api-server.ts';

afterAll(removeFixtures);

const servers: GitHubApiServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const SECTIONS = '\n## Context\n\nThe order flow spans three teams.\n\n## Decision\n\nAs written above.\n\n## Consequences\n\nMore moving parts.\n';
const adr = (number: number, title: string, front: string, body = 'Plain text.') =>
  `---\n${front}date: 2024-03-01\n---\n\n# ${number}. ${title}\n\n${body}\n${SECTIONS}`;

// Unchanged by the pull request, with an error of its own (it must not be linted with only-changed).
const OLD_BROKEN = adr(1, 'Old', 'status: done\npatterns: [cqrs-pattern]\n', 'We split reads from writes (CQRS).');
const CHANGED_BEFORE = adr(2, 'Use sagas', 'status: accepted\npatterns: [saga-pattern]\n');
// The pull request's version: a slug typo on line 3 (fixable: pattern-slug) and an unknown status (not fixable).
const CHANGED_AFTER = adr(2, 'Use sagas', 'status: finished\npatterns: [sagapatern]\n');

const HEAD_PATCH = '@@ -1,5 +1,5 @@\n ---\n-status: accepted\n-patterns: [saga-pattern]\n+status: finished\n+patterns: [sagapatern]\n date: 2024-03-01\n ---\n ';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' }).trim();

/** A repository with two commits: base (both ADRs) and head (the pull request's change). */
function pullRequestRepo(extraHeadFiles: Record<string, string> = {}): { root: string; base: string; head: string } {
  const root = fixture({ 'docs/adr/0001-old.md': OLD_BROKEN, 'docs/adr/0002-use-sagas.md': CHANGED_BEFORE, 'docs/adr/0003-gone.md': adr(3, 'Gone', 'status: accepted\n') });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'base');
  const base = git(root, 'rev-parse', 'HEAD');
  writeFileSync(join(root, 'docs/adr/0002-use-sagas.md'), CHANGED_AFTER);
  for (const [path, text] of Object.entries(extraHeadFiles)) writeFileSync(join(root, path), text);
  git(root, 'rm', '-q', 'docs/adr/0003-gone.md');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'head');
  return { root, base, head: git(root, 'rev-parse', 'HEAD') };
}

const PULL_FILES: PullFile[] = [
  { filename: 'docs/adr/0002-use-sagas.md', status: 'modified', patch: HEAD_PATCH },
  { filename: 'docs/adr/0003-gone.md', status: 'removed' },
];

async function server(pullFiles: PullFile[] = PULL_FILES, setup: ServerSetup = {}): Promise<GitHubApiServer> {
  const started = await startGitHubApiServer({ pullFiles: { 7: pullFiles }, token: 'test-token', ...setup });
  servers.push(started);
  return started;
}

function prRun(repo: { root: string; base: string; head: string }, api: GitHubApiServer | null, inputs: Record<string, string>, extra: ActionRunOptions = {}) {
  return runAction(repo.root, {
    inputs,
    event: { pull_request: { number: 7, base: { sha: repo.base }, head: { sha: repo.head } } },
    ...(api ? { apiUrl: api.url } : {}),
    ...extra,
  });
}

const SLUG_ERROR = '::error title=pattern-slug,file=docs/adr/0002-use-sagas.md,line=3,endLine=3,col=12,endColumn=22::Unknown pattern "sagapatern"; did you mean "saga-pattern"?';
const STATUS_ERROR =
  '::error title=adr-status,file=docs/adr/0002-use-sagas.md,line=2,endLine=2,col=9,endColumn=17::Unknown status "finished" (closest in meaning: "accepted"); use one of proposed, accepted, rejected, deprecated, superseded, or add it to "statuses" in the config (adrlint init writes them)';

describe('only-changed', () => {
  it('lints the files the pull request changed (from the API), not the others', async () => {
    const repo = pullRequestRepo();
    const api = await server();
    const run = await prRun(repo, api, { 'only-changed': 'true' });
    expect(workflowCommands(run.lines)).toEqual([STATUS_ERROR, SLUG_ERROR, '::error::adrlint found 2 errors.']);
    expect(run.outputs.files).toBe('1');
    // The pattern table covers the whole set, also the ADR that was not linted.
    const patterns = run.summary.slice(run.summary.indexOf('### Patterns'));
    expect(patterns).toMatch(/CQRS[^\n]*0001-old\.md/);
    expect(api.requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
      ['GET', '/repos/octo/adrs/pulls/7/files?per_page=100', 'token test-token'],
    ]);
  });

  it.each([
    [403, '::notice::Could not list the pull request\'s files: GitHub answered 403 (Resource not accessible by integration). A pull request from a fork or a read-only token cannot do this; the problems are in the annotations and the job summary.'],
    [500, '::warning::Could not list the pull request\'s files: GitHub answered 500 (Server Error). The problems are in the annotations and the job summary.'],
  ])('API %i: says so, then asks git which files changed', async (status, line) => {
    const repo = pullRequestRepo();
    const api = await server();
    api.failAlways('pulls.listFiles', status);
    const run = await prRun(repo, api, { 'only-changed': 'true', 'fail-on': 'never' });
    expect(workflowCommands(run.lines)).toEqual([line, STATUS_ERROR, SLUG_ERROR]);
    expect(run.outputs.files).toBe('1');
    expect(run.code).toBe(0);
  });

  it.each([
    ['the primary limit (x-ratelimit-remaining: 0)', { message: 'API rate limit exceeded for installation ID 1.' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1767225600' }, "403: API rate limit exceeded for installation ID 1.); it takes requests again at 00:00 UTC."],
    ['a secondary limit (retry-after)', { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { 'retry-after': '60' }, "403: You have exceeded a secondary rate limit. Please wait a few minutes before you try again.); it takes requests again in 60 s."],
    ['a secondary limit (only its message)', { message: 'You have exceeded a secondary rate limit.' }, {}, '403: You have exceeded a secondary rate limit.); it takes requests again later.'],
  ])('API 403 for %s: a warning about the rate limit, not about forks; then git', async (_, body, headers, end) => {
    const repo = pullRequestRepo();
    const api = await server();
    api.failAlways('pulls.listFiles', 403, body, headers);
    const run = await prRun(repo, api, { 'only-changed': 'true', 'fail-on': 'never' });
    expect(workflowCommands(run.lines)).toEqual([
      `::warning::Could not list the pull request's files: GitHub's API rate limit for this token is used up (${end} The problems are in the annotations and the job summary.`,
      STATUS_ERROR,
      SLUG_ERROR,
    ]);
    expect(run.outputs.files).toBe('1');
  });

  it('no API and a base commit git does not have: a warning, then every ADR is linted', async () => {
    const repo = pullRequestRepo();
    const run = await prRun({ ...repo, base: 'a'.repeat(40) }, null, { 'only-changed': 'true', 'fail-on': 'never' });
    const commands = workflowCommands(run.lines);
    expect(commands[0]).toMatch(/^::warning::Could not list the pull request's files: GitHub answered with an error/);
    expect(commands[1]).toMatch(/^::warning::only-changed: cannot tell which files changed \(the base commit aaaaaaaaaaaa is not in the local clone.*; linting every ADR\.$/);
    expect(run.outputs.files).toBe('2');
  });

  it('a changed config lints everything', async () => {
    const repo = pullRequestRepo({ '.adrlintrc.yml': 'statuses: [accepted, finished]\n' });
    const api = await server([...PULL_FILES, { filename: '.adrlintrc.yml', status: 'added', patch: '@@ -0,0 +1 @@\n+statuses: [accepted, finished]' }]);
    const run = await prRun(repo, api, { 'only-changed': 'true', 'fail-on': 'never' });
    expect(workflowCommands(run.lines)[0]).toBe('::notice::only-changed: .adrlintrc.yml was added; linting every ADR.');
    expect(run.outputs.files).toBe('2');
  });

  it('3000 files listed (GitHub\'s cap, the list may be cut short): every ADR is linted', async () => {
    const repo = pullRequestRepo();
    const many: PullFile[] = Array.from({ length: 3000 }, (_, i) => ({ filename: `src/file-${i}.ts`, status: 'added', patch: '@@ -0,0 +1 @@\n+x' }));
    const api = await server([...PULL_FILES, ...many]);
    const run = await prRun(repo, api, { 'only-changed': 'true', 'fail-on': 'never' });
    expect(workflowCommands(run.lines)[0]).toBe('::notice::only-changed: the pull request changes 3000 files or more, more than GitHub lists; linting every ADR.');
    expect(run.outputs.files).toBe('2');
  });

  it('a pull request that changes no ADR: nothing to lint, the step passes', async () => {
    const repo = pullRequestRepo();
    const api = await server([{ filename: 'src/main.ts', status: 'modified', patch: '@@ -1 +1 @@\n-a\n+b' }]);
    const run = await prRun(repo, api, { 'only-changed': 'true' });
    expect(run.code).toBe(0);
    expect(workflowCommands(run.lines)).toEqual(['::notice::No ADR file was added, modified or renamed in this pull request; nothing to lint.']);
    expect(run.outputs).toEqual({ errors: '0', warnings: '0', files: '0', fixable: '0', 'sarif-file': '' });
  });
});

describe('review: suggestions for fixable problems on the diff', () => {
  it('posts one review with a suggestion, and nothing again on a re-run', async () => {
    const repo = pullRequestRepo();
    const api = await server();
    const run = await prRun(repo, api, { 'only-changed': 'true', review: 'true' });
    expect(run.code).toBe(1);
    const reviews = api.requestsTo('pulls.createReview');
    expect(reviews).toHaveLength(1);
    const body = reviews[0]!.body as { commit_id: string; event: string; comments: Array<Record<string, unknown>> };
    expect(body.commit_id).toBe(repo.head);
    expect(body.event).toBe('COMMENT');
    expect(body.comments).toEqual([
      {
        path: 'docs/adr/0002-use-sagas.md',
        line: 3,
        side: 'RIGHT',
        body: expect.stringMatching(
          /^\*\*pattern-slug\*\* \(error\): Unknown pattern "sagapatern"; did you mean "saga-pattern"\?\n\n```suggestion\npatterns: \[saga-pattern\]\n```\n\n<!-- adrlint:[0-9a-f]+ -->$/,
        ),
      },
    ]);
    expect(workflowCommands(run.lines)).toContain('::notice::Review: 1 suggestion posted, 0 in the review body, 0 already on the pull request.');

    const again = await prRun(repo, api, { 'only-changed': 'true', review: 'true' });
    expect(api.requestsTo('pulls.createReview')).toHaveLength(1);
    expect(workflowCommands(again.lines)).toContain('::notice::Review: 0 suggestions posted, 0 in the review body, 1 already on the pull request.');
  });

  it.each([
    [403, 'notice'],
    [404, 'notice'],
    [500, 'warning'],
  ])('createReview answering %i: a %s, and the step\'s result is the lint\'s', async (status, level) => {
    const repo = pullRequestRepo();
    const api = await server();
    api.failAlways('pulls.createReview', status);
    const run = await prRun(repo, api, { review: 'true', 'fail-on': 'never' });
    expect(run.code).toBe(0);
    expect(workflowCommands(run.lines).filter((line) => line.includes('Could not post the review'))).toEqual([
      expect.stringMatching(new RegExp(`^::${level}::Could not post the review with suggestions: GitHub answered ${status} `)),
    ]);
  });

  it('createReview answering 422 (a line GitHub will not comment on): one retry with the suggestions in the review body', async () => {
    const repo = pullRequestRepo();
    const api = await server();
    api.failNext('pulls.createReview', 422);
    const run = await prRun(repo, api, { 'only-changed': 'true', review: 'true', 'fail-on': 'never' });
    const reviews = api.requestsTo('pulls.createReview').map((r) => r.body as { comments?: unknown[]; body: string });
    expect(reviews).toHaveLength(2);
    expect(reviews[0]!.comments).toHaveLength(1);
    expect(reviews[1]!.comments ?? []).toEqual([]);
    expect(reviews[1]!.body).toContain('docs/adr/0002-use-sagas.md:3');
    expect(run.code).toBe(0);
    expect(workflowCommands(run.lines).filter((line) => line.startsWith('::warning::'))).toHaveLength(1);
  });

  it('outside a pull request: review and comment are skipped with a notice', async () => {
    const repo = pullRequestRepo();
    const api = await server();
    const run = await runAction(repo.root, { inputs: { review: 'true', comment: 'true', 'fail-on': 'never' }, apiUrl: api.url });
    expect(workflowCommands(run.lines)).toContain('::notice::review and comment: only on pull_request events; skipped.');
    expect(api.requests).toEqual([]);
  });
});

describe('annotations within GitHub\'s limits, with the step\'s own messages', () => {
  it('a failing step with a warning of its own: 9 problem warnings, and the notice says why', async () => {
    const warns: Record<string, string> = {};
    for (let i = 4; i <= 15; i++) warns[`docs/adr/${String(i).padStart(4, '0')}-warns.md`] = adr(i, `Warns ${i}`, 'status: accepted\n', 'We also use CQRS.');
    const repo = pullRequestRepo(warns);
    const api = await server();
    api.failAlways('pulls.listFiles', 500);
    const run = await prRun(repo, api, { review: 'true' });
    expect(run.code).toBe(1);
    const commands = workflowCommands(run.lines);
    expect(commands.filter((line) => line.startsWith('::warning::'))).toEqual([
      "::warning::Could not post the review with suggestions: GitHub answered 500 (Server Error). The problems are in the annotations and the job summary.",
    ]);
    expect(commands.filter((line) => line.startsWith('::warning title='))).toHaveLength(9);
    expect(commands.filter((line) => line.startsWith('::error title='))).toHaveLength(3);
    expect(commands).toContain(
      "::notice::16 more problems (0 errors, 16 warnings) not shown as annotations: GitHub shows at most 10 errors and 10 warnings per step (the step's failure among the errors, 1 warning of the step itself among the warnings). See the job summary.",
    );
    expect(commands.at(-1)).toMatch(/^::error::adrlint found 3 errors and 25 warnings\.$/);
  });
});

describe('comment: one sticky comment', () => {
  it('is created, then updated in place', async () => {
    const repo = pullRequestRepo();
    const api = await server();
    await prRun(repo, api, { comment: 'true', 'fail-on': 'never' });
    expect(api.state.issueComments).toHaveLength(1);
    const first = api.state.issueComments[0]!;
    expect(first.body).toMatch(/^<!-- adrlint:sticky -->\n/);
    expect(first.body).toContain('Unknown status');

    writeFileSync(join(repo.root, 'docs/adr/0001-old.md'), adr(1, 'Old', 'status: accepted\n'));
    await prRun(repo, api, { comment: 'true', 'fail-on': 'never' });
    expect(api.state.issueComments).toHaveLength(1);
    expect(api.requestsTo('issues.updateComment').map((r) => r.path)).toEqual([`/repos/octo/adrs/issues/comments/${first.id}`]);
  });

  it('a read-only token (403): a notice, the summary and annotations still there', async () => {
    const repo = pullRequestRepo();
    const api = await server();
    api.failAlways('issues.listComments', 403);
    const run = await prRun(repo, api, { comment: 'true', 'fail-on': 'never' });
    expect(run.code).toBe(0);
    expect(workflowCommands(run.lines)).toContain(
      '::notice::Could not update the pull-request comment: GitHub answered 403 (Resource not accessible by integration). A pull request from a fork or a read-only token cannot do this; the problems are in the annotations and the job summary.',
    );
    expect(run.summary).toContain('Unknown status');
  });
});

describe('a stalled API: every call has a timeout, and the step degrades as on a 500', () => {
  // Limits a test can wait for (seconds); the defaults are 30 per request and 120 for all.
  const FAST = { ADRLINT_API_TIMEOUT: '0.5', ADRLINT_API_BUDGET: '5' };
  const EXISTING_STICKY = { issue_number: 7, body: '<!-- adrlint:sticky -->\nold results', user: { login: 'github-actions[bot]', type: 'Bot' as const } };
  const timedOut = (what: string) =>
    `::warning::Could not ${what}: GitHub did not answer within 0.5 s (ADRLINT_API_TIMEOUT). The problems are in the annotations and the job summary.`;

  it.each<[RouteName, Record<string, string>, ServerSetup, string]>([
    ['pulls.listFiles', { 'only-changed': 'true' }, {}, "list the pull request's files"],
    ['pulls.listFiles', { review: 'true' }, {}, 'post the review with suggestions'],
    ['pulls.listReviewComments', { review: 'true' }, {}, 'post the review with suggestions'],
    ['pulls.createReview', { review: 'true' }, {}, 'post the review with suggestions'],
    ['issues.listComments', { comment: 'true' }, {}, 'update the pull-request comment'],
    ['issues.createComment', { comment: 'true' }, {}, 'update the pull-request comment'],
    ['issues.updateComment', { comment: 'true' }, { issueComments: [EXISTING_STICKY] }, 'update the pull-request comment'],
  ])('%s never answering (inputs %j): a warning, the outputs, the annotations', async (route, inputs, setup, what) => {
    const repo = pullRequestRepo();
    const api = await server(PULL_FILES, setup);
    api.stall(route);
    const run = await prRun(repo, api, { ...inputs, 'fail-on': 'never' }, { env: FAST });
    expect(api.requestsTo(route)).toHaveLength(1);
    const commands = workflowCommands(run.lines);
    expect(commands.filter((line) => line.startsWith('::warning::'))).toEqual([timedOut(what)]);
    expect(commands).toContain(STATUS_ERROR);
    expect(commands).toContain(SLUG_ERROR);
    expect(run.code).toBe(0);
    // only-changed falls back on git diff (the changed ADR); the others lint both ADRs.
    const linted = 'only-changed' in inputs ? { errors: '2', warnings: '0', files: '1', fixable: '1' } : { errors: '3', warnings: '1', files: '2', fixable: '2' };
    expect(run.outputs).toEqual({ ...linted, 'sarif-file': '' });
    expect(run.summary).toContain('Unknown status');
  });

  it('an answer whose headers came but whose body never ends times out too', async () => {
    const repo = pullRequestRepo();
    const api = await server();
    api.stall('pulls.listFiles', { afterHeaders: true });
    const run = await prRun(repo, api, { 'only-changed': 'true', 'fail-on': 'never' }, { env: FAST });
    expect(workflowCommands(run.lines).filter((line) => line.startsWith('::warning::'))).toEqual([timedOut("list the pull request's files")]);
    expect(run.outputs.files).toBe('1');
  });

  it('the budget of all calls: once spent, later calls are not even sent', async () => {
    const repo = pullRequestRepo();
    const api = await server();
    api.stall('*');
    // listFiles waits 0.6 s (the request's limit), listReviewComments the 0.4 s left of the budget,
    // and the comment's calls find the budget spent.
    const run = await prRun(repo, api, { 'only-changed': 'true', review: 'true', comment: 'true', 'fail-on': 'never' }, { env: { ADRLINT_API_TIMEOUT: '0.6', ADRLINT_API_BUDGET: '1' } });
    expect(workflowCommands(run.lines).filter((line) => line.startsWith('::warning::'))).toEqual([
      "::warning::Could not list the pull request's files: GitHub did not answer within 0.6 s (ADRLINT_API_TIMEOUT). The problems are in the annotations and the job summary.",
      '::warning::Could not post the review with suggestions: the GitHub API calls of this step used up their budget of 1 s (ADRLINT_API_BUDGET). The problems are in the annotations and the job summary.',
      '::warning::Could not update the pull-request comment: the GitHub API calls of this step used up their budget of 1 s (ADRLINT_API_BUDGET). The problems are in the annotations and the job summary.',
    ]);
    expect(api.requests.map((request) => request.route)).toEqual(['pulls.listFiles', 'pulls.listReviewComments']);
    expect(run.outputs).toEqual({ errors: '2', warnings: '0', files: '1', fixable: '1', 'sarif-file': '' });
  });

  it.each([
    ['ADRLINT_API_TIMEOUT', 'soon'],
    ['ADRLINT_API_BUDGET', '0'],
  ])('%s=%s fails the step with one line', async (name, value) => {
    const repo = pullRequestRepo();
    const run = await prRun(repo, null, {}, { env: { [name]: value } });
    expect(run.code).toBe(1);
    expect(workflowCommands(run.lines)).toEqual([`::error::adrlint: environment variable ${name} must be a number of seconds above 0 and at most 21600, not "${value}"`]);
  });
});

describe('the plain path does not load the API client', () => {
  it('no request without only-changed, review or comment, even on a pull request', async () => {
    const repo = pullRequestRepo();
    const api = await server();
    await prRun(repo, api, {});
    expect(api.requests).toEqual([]);
  });
});
