// The pull-request side of the Action against a real HTTP server on 127.0.0.1 and a real Octokit
// (@actions/github's), so requests, pagination and errors go through the same code as on a runner.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiClock, ApiTimeoutError, limitRequests } from '../src/github/api-clock.ts';
import { apiFailure } from '../src/github/api-errors.ts';
import { diffLines, gitChangedFiles, listPullRequestFiles, selectLintTargets, type ChangedFile } from '../src/github/changed-files.ts';
import type { Octokit } from '../src/github/client.ts';
import { postReview, reviewMarker, suggestionFor, upsertStickyComment, type ReviewProblem } from '../src/github/review.ts';
import { startGitHubApiServer, type GitHubApiServer, type PullFile } from './helpers/github-api-server.ts';

const repo = { owner: 'acme', repo: 'decisions' };
const PR = 7;
const HEAD = 'a'.repeat(40);

let server: GitHubApiServer;
let octokit: Octokit;

async function start(setup: Parameters<typeof startGitHubApiServer>[0] = {}): Promise<void> {
  server = await startGitHubApiServer({ token: 'test-token', ...setup });
  const { getOctokit } = await import('@actions/github');
  octokit = getOctokit('test-token', { baseUrl: server.url });
}

afterEach(async () => {
  await server?.close();
});

function logRecorder() {
  const lines: string[] = [];
  return { lines, log: { info: (m: string) => lines.push(`info: ${m}`), warning: (m: string) => lines.push(`warning: ${m}`), notice: (m: string) => lines.push(`notice: ${m}`) } };
}

function files(count: number): PullFile[] {
  return Array.from({ length: count }, (_, index) => ({ filename: `docs/adr/${String(index + 1).padStart(4, '0')}-x.md`, status: 'added' as const, patch: '@@ -0,0 +1 @@\n+# x' }));
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('listPullRequestFiles', () => {
  it('follows the Link header across pages, with the token, 100 a page', async () => {
    await start({ pullFiles: { [PR]: files(250) } });
    const listed = await listPullRequestFiles(octokit, { ...repo, pullNumber: PR });
    expect(listed).toHaveLength(250);
    expect(listed[0]).toEqual({ path: 'docs/adr/0001-x.md', status: 'added', patch: '@@ -0,0 +1 @@\n+# x' });
    expect(listed[249]!.path).toBe('docs/adr/0250-x.md');
    const pages = server.requestsTo('pulls.listFiles');
    expect(pages.map((request) => new URL(request.path, server.url).searchParams.get('page') ?? '1')).toEqual(['1', '2', '3']);
    for (const request of pages) {
      expect(request.method).toBe('GET');
      expect(request.path.startsWith(`/repos/acme/decisions/pulls/${PR}/files?`)).toBe(true);
      expect(new URL(request.path, server.url).searchParams.get('per_page')).toBe('100');
      expect(request.headers.authorization).toBe('token test-token');
    }
  });

  it("stops at GitHub's cap of 3000 files without asking for page 31", async () => {
    await start({ pullFiles: { [PR]: files(3100) } });
    const listed = await listPullRequestFiles(octokit, { ...repo, pullNumber: PR });
    expect(listed).toHaveLength(3000);
    expect(listed.at(-1)!.path).toBe('docs/adr/3000-x.md');
    expect(server.requestsTo('pulls.listFiles')).toHaveLength(30);
  });

  it('keeps renames (with the old path) and removals; a file without a patch has none', async () => {
    await start({
      pullFiles: {
        [PR]: [
          { filename: 'docs/adr/0002-new-name.md', previous_filename: 'docs/adr/0002-old-name.md', status: 'renamed' },
          { filename: 'docs/adr/0003-gone.md', status: 'removed', patch: '@@ -1,2 +0,0 @@\n-# 3. Gone\n-text' },
          { filename: 'docs/adr/0004-big.md', status: 'modified' },
        ],
      },
    });
    expect(await listPullRequestFiles(octokit, { ...repo, pullNumber: PR })).toEqual([
      { path: 'docs/adr/0002-new-name.md', previousPath: 'docs/adr/0002-old-name.md', status: 'renamed' },
      { path: 'docs/adr/0003-gone.md', status: 'removed', patch: '@@ -1,2 +0,0 @@\n-# 3. Gone\n-text' },
      { path: 'docs/adr/0004-big.md', status: 'modified' },
    ]);
  });
});

describe('limitRequests: time limits on every request', () => {
  function limited(requestMs: number, budgetMs: number): ApiClock {
    const clock = new ApiClock({ requestMs, budgetMs });
    limitRequests(octokit, clock);
    return clock;
  }

  it('leaves answered requests alone, every page of a list included', async () => {
    await start({ pullFiles: { [PR]: files(250) } });
    const clock = limited(5_000, 10_000);
    expect(await clock.step(() => listPullRequestFiles(octokit, { ...repo, pullNumber: PR }))).toHaveLength(250);
    expect(server.requestsTo('pulls.listFiles')).toHaveLength(3);
  });

  it.each([
    ['never answers', {}],
    ['sends its headers and never the whole body', { afterHeaders: true }],
  ])('a server that %s: the request is aborted at its limit and fails as a timeout', async (_, stall) => {
    await start({ pullFiles: { [PR]: files(1) } });
    server.stall('pulls.listFiles', stall);
    const clock = limited(200, 10_000);
    const error = await rejection(clock.step(() => listPullRequestFiles(octokit, { ...repo, pullNumber: PR })));
    expect(error).toBeInstanceOf(ApiTimeoutError);
    expect(apiFailure(error)).toEqual({ kind: 'timeout', status: null, message: 'GitHub did not answer within 0.2 s (ADRLINT_API_TIMEOUT)' });
    expect(server.requestsTo('pulls.listFiles')).toHaveLength(1);
  });

  it('all requests share the budget; once it is spent, no request is sent', async () => {
    await start({ pullFiles: { [PR]: files(1) } });
    server.stall('*');
    // The first request waits its 0.4 s, the second what is left of the 0.7 s.
    const clock = limited(400, 700);
    const list = () => clock.step(() => listPullRequestFiles(octokit, { ...repo, pullNumber: PR }));
    expect((await rejection(list())) as ApiTimeoutError).toMatchObject({ limit: 'request', limitMs: 400 });
    expect((await rejection(list())) as ApiTimeoutError).toMatchObject({
      limit: 'budget',
      message: 'the GitHub API calls of this step used up their budget of 0.7 s (ADRLINT_API_BUDGET)',
    });
    expect(server.requestsTo('pulls.listFiles')).toHaveLength(2);
    expect(clock.remainingMs()).toBeLessThanOrEqual(0);
    expect((await rejection(list())) as ApiTimeoutError).toMatchObject({ limit: 'budget' });
    expect(server.requestsTo('pulls.listFiles')).toHaveLength(2);
  });

  it('counts only the time inside a step against the budget', async () => {
    await start({ pullFiles: { [PR]: files(1) } });
    const clock = limited(5_000, 1_000);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await clock.step(() => listPullRequestFiles(octokit, { ...repo, pullNumber: PR }))).toHaveLength(1);
  });
});

describe('apiFailure on answers from the server', () => {
  it.each([
    [403, 'forbidden', 'Resource not accessible by integration'],
    [404, 'not-found', 'Not Found'],
    [422, 'unprocessable', 'Unprocessable Entity: Validation Failed'],
    [500, 'other', 'Server Error'],
  ] as const)('%i is %s, in one line without the token', async (status, kind, message) => {
    await start({ pullFiles: { [PR]: files(1) } });
    server.failNext('pulls.listFiles', status);
    const error = await rejection(listPullRequestFiles(octokit, { ...repo, pullNumber: PR }));
    expect(apiFailure(error)).toEqual({ kind, status, message });
    // Octokit as @actions/github builds it has no retry plugin: one request, even for a 500.
    expect(server.requestsTo('pulls.listFiles')).toHaveLength(1);
  });

  it.each([
    ['the primary limit', { message: 'API rate limit exceeded for installation ID 1.' }, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1767229500' }, 403, 'at 01:05 UTC'],
    ['a secondary limit', { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '30' }, 403, 'in 30 s'],
    ['a rate limit said only in the message', { message: 'You have exceeded a secondary rate limit.' }, {}, 403, undefined],
    ['429 Too Many Requests', { message: 'Too many requests' }, {}, 429, undefined],
  ])('a rate limit is told apart from a refused permission: %s', async (_, body, headers, status, retry) => {
    await start({ pullFiles: { [PR]: files(1) } });
    server.failNext('pulls.listFiles', status, body, headers);
    const failure = apiFailure(await rejection(listPullRequestFiles(octokit, { ...repo, pullNumber: PR })));
    expect(failure).toEqual({ kind: 'rate-limited', status, message: body.message, ...(retry ? { retry } : {}) });
  });

  it('a 403 with rate-limit headers still to spare is a refused permission', async () => {
    await start({ pullFiles: { [PR]: files(1) } });
    server.failNext('pulls.listFiles', 403, undefined, { 'x-ratelimit-remaining': '4999', 'x-ratelimit-reset': '1767229500' });
    expect(apiFailure(await rejection(listPullRequestFiles(octokit, { ...repo, pullNumber: PR }))).kind).toBe('forbidden');
  });

  it('scrubs anything that looks like a credential from the message', async () => {
    await start({ pullFiles: { [PR]: files(1) } });
    server.failNext('pulls.listFiles', 401, { message: 'Bad credentials for token test-token\nand ghs_abcdefghijklmnopqrstuvwxyz' });
    const failure = apiFailure(await rejection(listPullRequestFiles(octokit, { ...repo, pullNumber: PR })));
    expect(failure).toEqual({ kind: 'other', status: 401, message: 'Bad credentials for token [REDACTED] and [REDACTED]' });
  });

  it('answers with a null status when no server answered', async () => {
    await start();
    const url = server.url;
    await server.close();
    const { getOctokit } = await import('@actions/github');
    const error = await rejection(listPullRequestFiles(getOctokit('test-token', { baseUrl: url }), { ...repo, pullNumber: PR }));
    const failure = apiFailure(error);
    expect(failure.kind).toBe('other');
    expect(failure.status).toBeNull();
    expect(failure.message).not.toContain('test-token');
    expect(failure.message).not.toContain('\n');
  });

  it('takes a value that is not an error', () => {
    expect(apiFailure('boom')).toEqual({ kind: 'other', status: null, message: 'boom' });
    expect(apiFailure(Object.assign(new Error('no github-token input'), { status: 404 }))).toEqual({ kind: 'not-found', status: 404, message: 'no github-token input' });
  });
});

describe('selectLintTargets', () => {
  const isAdrPath = (path: string) => path.startsWith('docs/adr/') && path.endsWith('.md');
  const triggers = ['.adrlintrc.yml', 'data/catalogue.yaml'];

  it('lints added, modified, renamed (new path) and copied ADRs; not removed ones or other files', () => {
    const changed: ChangedFile[] = [
      { path: 'docs/adr/0001-a.md', status: 'added' },
      { path: 'docs/adr/0002-b.md', status: 'modified' },
      { path: 'docs/adr/0003-new.md', previousPath: 'docs/adr/0003-old.md', status: 'renamed' },
      { path: 'docs/adr/0004-gone.md', status: 'removed' },
      { path: 'docs/adr/0005-copy.md', previousPath: 'docs/adr/0001-a.md', status: 'copied' },
      { path: 'docs/adr/0006-same.md', status: 'unchanged' },
      { path: 'src/index.ts', status: 'modified' },
      { path: 'docs/adr/0002-b.md', status: 'modified' },
    ];
    expect(selectLintTargets(changed, { isAdrPath, triggers })).toEqual({
      mode: 'files',
      paths: ['docs/adr/0001-a.md', 'docs/adr/0002-b.md', 'docs/adr/0003-new.md', 'docs/adr/0005-copy.md'],
    });
  });

  it.each<[ChangedFile, string]>([
    [{ path: '.adrlintrc.yml', status: 'modified' }, '.adrlintrc.yml was modified'],
    [{ path: 'data/catalogue.yaml', status: 'added' }, 'data/catalogue.yaml was added'],
    [{ path: 'data/catalogue.yaml', status: 'removed' }, 'data/catalogue.yaml was removed'],
    [{ path: 'config/adrlint.yml', previousPath: '.adrlintrc.yml', status: 'renamed' }, '.adrlintrc.yml was renamed'],
    [{ path: 'data/catalogue.yaml', previousPath: 'data/old.yaml', status: 'renamed' }, 'data/catalogue.yaml was renamed'],
  ])('a change to a trigger means everything: %o', (file, reason) => {
    const changed: ChangedFile[] = [{ path: 'docs/adr/0001-a.md', status: 'modified' }, file];
    expect(selectLintTargets(changed, { isAdrPath, triggers })).toEqual({ mode: 'all', reason });
  });

  it('compares trigger paths written with ./ or backslashes', () => {
    expect(selectLintTargets([{ path: '.adrlintrc.yml', status: 'modified' }], { isAdrPath, triggers: ['./.adrlintrc.yml'] }).mode).toBe('all');
    expect(selectLintTargets([{ path: 'data/catalogue.yaml', status: 'modified' }], { isAdrPath, triggers: ['data\\catalogue.yaml'] }).mode).toBe('all');
  });

  it('gives an empty list when no ADR changed', () => {
    expect(selectLintTargets([{ path: 'README.md', status: 'modified' }], { isAdrPath, triggers })).toEqual({ mode: 'files', paths: [] });
  });
});

describe('diffLines', () => {
  it('reads right-side lines of several hunks, a deletions-only hunk and no-newline markers', () => {
    const patch = [
      '@@ -1,4 +1,5 @@',
      ' # 1. Use events',
      ' ',
      '-Status: proposed',
      '+Status: accepted',
      '+Date: 2024-01-01',
      ' ',
      '@@ -20,6 +21,4 @@ ## Decision',
      ' context a',
      '-removed 1',
      '-removed 2',
      ' context b',
      ' context c',
      ' context d',
      '@@ -40,3 +39,0 @@ ## Consequences',
      '-gone 1',
      '-gone 2',
      '-gone 3',
      '@@ -50,2 +48,2 @@',
      ' last context',
      '-old end',
      '\\ No newline at end of file',
      '+new end',
      '\\ No newline at end of file',
    ].join('\n');
    const lines = diffLines(patch);
    expect([...lines.added]).toEqual([3, 4, 49]);
    expect([...lines.commentable].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 21, 22, 23, 24, 48, 49]);
    expect(lines.hunks).toEqual([
      [1, 5],
      [21, 24],
      [48, 49],
    ]);
  });

  it('reads a new file, one-line headers, CRLF content and a context line stripped of its space', () => {
    expect(diffLines('@@ -0,0 +1,3 @@\n+# 2. Title\r\n+\r\n+text\r')).toEqual({ added: new Set([1, 2, 3]), commentable: new Set([1, 2, 3]), hunks: [[1, 3]] });
    expect(diffLines('@@ -7 +7 @@\n-old\n+new')).toEqual({ added: new Set([7]), commentable: new Set([7]), hunks: [[7, 7]] });
    expect(diffLines('@@ -1,3 +1,3 @@\n a\n\n-b\n+c')).toEqual({ added: new Set([3]), commentable: new Set([1, 2, 3]), hunks: [[1, 3]] });
    expect(diffLines('')).toEqual({ added: new Set(), commentable: new Set(), hunks: [] });
  });

  it('ignores text past the counts of a hunk (a trailing newline)', () => {
    expect(diffLines('@@ -1,1 +1,1 @@\n-a\n+b\n')).toEqual({ added: new Set([1]), commentable: new Set([1]), hunks: [[1, 1]] });
  });
});

describe('suggestionFor', () => {
  const edit = (source: string, find: string, text: string, extra = 0) => {
    const start = source.indexOf(find);
    if (start < 0) throw new Error(`no "${find}"`);
    return { range: [start, start + find.length + extra] as [number, number], text };
  };

  it('replaces the one line a fix touches (LF)', () => {
    const source = '# 1. Title\n\nStatus: acepted\nmore\n';
    expect(suggestionFor(source, edit(source, 'acepted', 'accepted'))).toEqual({ startLine: 3, endLine: 3, body: 'Status: accepted' });
  });

  it('gives the same lines and an LF body for a CRLF source', () => {
    const source = '# 1. Title\r\n\r\nStatus: acepted\r\nmore\r\n';
    expect(suggestionFor(source, edit(source, 'acepted', 'accepted'))).toEqual({ startLine: 3, endLine: 3, body: 'Status: accepted' });
    // New lines written in the file's own ending are fine.
    expect(suggestionFor(source, edit(source, 'more', 'more\r\nand more'))).toEqual({ startLine: 4, endLine: 4, body: 'more\nand more' });
  });

  it('refuses a fix that would mix or change line endings', () => {
    const crlf = 'a\r\nb\r\nc\r\n';
    expect(suggestionFor(crlf, edit(crlf, 'b', 'b\nx'))).toBeNull();
    expect(suggestionFor(crlf, { range: [4, 5], text: '' })).toBeNull(); // b's "\r", leaving an LF ending
    expect(suggestionFor(crlf, { range: [5, 6], text: '' })).toBeNull(); // b's "\n", leaving a lone "\r"
    const lf = 'a\nb\nc\n';
    expect(suggestionFor(lf, edit(lf, 'b', 'b\r\nx'))).toBeNull();
    expect(suggestionFor('a\nb', { range: [3, 3], text: '\n' })).toBeNull(); // adds the final newline
    expect(suggestionFor('a\nb\n', { range: [3, 4], text: '' })).toBeNull(); // removes it
    expect(suggestionFor('a\r\nb\nc\n', { range: [0, 4], text: 'x\ny' })).toBeNull(); // lines that mix endings
    expect(suggestionFor('a\rb\n', { range: [0, 1], text: 'x' })).toBeNull(); // a lone CR
  });

  it('touches only the line where a pure insertion at its start goes', () => {
    const source = 'a\nb\nc\n';
    expect(suggestionFor(source, { range: [2, 2], text: 'x\n' })).toEqual({ startLine: 2, endLine: 2, body: 'x\nb' });
    expect(suggestionFor(source, { range: [6, 6], text: 'd\n' })).toEqual({ startLine: 3, endLine: 3, body: 'c\nd' });
  });

  it('covers every line of a multi-line fix', () => {
    const source = '---\npatterns:\n  - cqrs\n  - saga\n---\n# 1. T\n';
    const fix = { range: [source.indexOf('  - cqrs'), source.indexOf('---\n# 1') - 1] as [number, number], text: '  - event-sourcing\n  - cqrs\n  - saga' };
    expect(suggestionFor(source, fix)).toEqual({ startLine: 3, endLine: 4, body: '  - event-sourcing\n  - cqrs\n  - saga' });
  });

  it('takes a neighbouring line in when a fix deletes whole lines or joins them', () => {
    const source = 'a\nb\nc\n';
    expect(suggestionFor(source, { range: [2, 4], text: '' })).toEqual({ startLine: 2, endLine: 3, body: 'c' });
    expect(suggestionFor(source, { range: [4, 6], text: '' })).toEqual({ startLine: 2, endLine: 3, body: 'b' });
    expect(suggestionFor(source, { range: [1, 2], text: ' ' })).toEqual({ startLine: 1, endLine: 2, body: 'a b' });
    expect(suggestionFor('only\n', { range: [0, 5], text: '' })).toBeNull();
  });

  it('is null without a source or with a range outside it', () => {
    expect(suggestionFor(undefined, { range: [0, 0], text: 'x' })).toBeNull();
    expect(suggestionFor('', { range: [0, 0], text: 'x' })).toBeNull();
    expect(suggestionFor('abc\n', { range: [2, 9], text: 'x' })).toBeNull();
  });
});

const ADR = 'docs/adr/0001-use-events.md';
const ADR_PATCH = '@@ -0,0 +1,40 @@\n' + Array.from({ length: 40 }, (_, index) => `+line ${index + 1}`).join('\n');

function problem(line: number, extra: Partial<ReviewProblem> = {}): ReviewProblem {
  return {
    path: ADR,
    startLine: line,
    endLine: line,
    body: `**pattern-slug** (error): Unknown pattern "sagga" on line ${line}.\n\n\`\`\`suggestion\n  - saga\n\`\`\``,
    fingerprint: `fp${line}`,
    ...extra,
  };
}

describe('postReview', () => {
  beforeEach(async () => {
    await start({ pullFiles: { [PR]: [{ filename: ADR, status: 'added', patch: ADR_PATCH }] } });
  });

  it('posts one COMMENT review with a marked comment per problem, multi-line ones with start_line', async () => {
    const { log, lines } = logRecorder();
    const outcome = await postReview(octokit, {
      ...repo,
      pullNumber: PR,
      commitId: HEAD,
      comments: [problem(3), problem(5, { startLine: 4, fingerprint: 'multi' })],
      log,
    });
    expect(outcome).toEqual({ posted: 2, skippedExisting: 0, summarised: 0 });
    const [review] = server.requestsTo('pulls.createReview');
    expect(review!.method).toBe('POST');
    expect(review!.path).toBe(`/repos/acme/decisions/pulls/${PR}/reviews`);
    expect(review!.headers.authorization).toBe('token test-token');
    expect(review!.body).toEqual({
      commit_id: HEAD,
      event: 'COMMENT',
      body: '<!-- adrlint:review -->\n**adrlint** has 2 suggestions for lines this pull request changed.',
      comments: [
        { path: ADR, line: 3, side: 'RIGHT', body: `${problem(3).body}\n\n<!-- adrlint:fp3 -->` },
        { path: ADR, line: 5, side: 'RIGHT', start_line: 4, start_side: 'RIGHT', body: `${problem(5).body}\n\n<!-- adrlint:multi -->` },
      ],
    });
    expect(server.state.reviewComments).toHaveLength(2);
    expect(lines).toEqual([]);
  });

  it('skips problems already commented on (found past the first page) and posts nothing when none is new', async () => {
    for (let index = 0; index < 120; index++) {
      server.state.reviewComments.push(stored(`someone else's comment ${index}`));
    }
    server.state.reviewComments.push(stored(`old text\n\n${reviewMarker('fp3')}`));
    const { log } = logRecorder();
    const outcome = await postReview(octokit, { ...repo, pullNumber: PR, commitId: HEAD, comments: [problem(3), problem(9), problem(9)], log });
    expect(outcome).toEqual({ posted: 1, skippedExisting: 1, summarised: 0 });
    expect(server.requestsTo('pulls.listReviewComments')).toHaveLength(2);
    const posted = server.requestsTo('pulls.createReview')[0]!.body as { comments: Array<{ line: number }> };
    expect(posted.comments.map((comment) => comment.line)).toEqual([9]);

    const again = await postReview(octokit, { ...repo, pullNumber: PR, commitId: HEAD, comments: [problem(3), problem(9)], log });
    expect(again).toEqual({ posted: 0, skippedExisting: 2, summarised: 0 });
    expect(server.requestsTo('pulls.createReview')).toHaveLength(1);
  });

  it('lists problems beyond maxComments in the review body', async () => {
    const { log } = logRecorder();
    const comments = Array.from({ length: 33 }, (_, index) => problem(index + 1));
    expect(await postReview(octokit, { ...repo, pullNumber: PR, commitId: HEAD, comments, log })).toEqual({ posted: 30, skippedExisting: 0, summarised: 3 });
    const body = server.requestsTo('pulls.createReview')[0]!.body as { body: string; comments: unknown[] };
    expect(body.comments).toHaveLength(30);
    expect(body.body).toBe(
      [
        '<!-- adrlint:review -->',
        '**adrlint** has 33 suggestions for lines this pull request changed.',
        '',
        '3 more not shown inline (at most 30 comments per review):',
        '',
        `- \`${ADR}:31\` **pattern-slug** (error): Unknown pattern "sagga" on line 31.`,
        `- \`${ADR}:32\` **pattern-slug** (error): Unknown pattern "sagga" on line 32.`,
        `- \`${ADR}:33\` **pattern-slug** (error): Unknown pattern "sagga" on line 33.`,
      ].join('\n'),
    );
  });

  it('keeps the review body under 65,000 characters', async () => {
    const { log } = logRecorder();
    const comments = Array.from({ length: 2000 }, (_, index) => problem(1, { fingerprint: `f${index}`, body: `${'long message '.repeat(30)}${index}` }));
    expect(await postReview(octokit, { ...repo, pullNumber: PR, commitId: HEAD, comments, maxComments: 0, log })).toEqual({
      posted: 0,
      skippedExisting: 0,
      summarised: 2000,
    });
    const body = server.requestsTo('pulls.createReview')[0]!.body as Record<string, unknown>;
    expect(body.comments).toBeUndefined();
    const text = body.body as string;
    expect(text.length).toBeLessThan(65_000);
    expect(text).toMatch(/\n- and \d+ more$/);
    expect(text).toContain('\n\n2000 more not shown inline:\n\n- `docs/adr/0001-use-events.md:1` long message');
    const shown = text.split('\n').filter((line) => line.startsWith('- `')).length;
    expect(text.endsWith(`- and ${2000 - shown} more`)).toBe(true);
  });

  it('on 422 (a line outside the diff) posts again once with every problem in the body', async () => {
    server.state.pullFiles[PR] = [{ filename: ADR, status: 'modified', patch: '@@ -1,2 +1,2 @@\n # T\n-a\n+b' }];
    const { log, lines } = logRecorder();
    const outcome = await postReview(octokit, { ...repo, pullNumber: PR, commitId: HEAD, comments: [problem(2), problem(30)], log });
    expect(outcome).toEqual({ posted: 0, skippedExisting: 0, summarised: 2 });
    const reviews = server.requestsTo('pulls.createReview');
    expect(reviews).toHaveLength(2);
    expect((reviews[0]!.body as { comments: unknown[] }).comments).toHaveLength(2);
    expect(reviews[1]!.body).toEqual({
      commit_id: HEAD,
      event: 'COMMENT',
      body: [
        '<!-- adrlint:review -->',
        '**adrlint** has 2 suggestions for lines this pull request changed.',
        '',
        'GitHub did not accept them as comments on the diff:',
        '',
        `- \`${ADR}:2\` **pattern-slug** (error): Unknown pattern "sagga" on line 2.`,
        `- \`${ADR}:30\` **pattern-slug** (error): Unknown pattern "sagga" on line 30.`,
      ].join('\n'),
    });
    expect(lines).toEqual([
      'warning: GitHub did not accept the review\'s inline comments (Unprocessable Entity: Line could not be resolved); listing them in the review body instead.',
    ]);
    expect(server.state.reviews).toHaveLength(1);
  });

  it('lets a second 422, and any other failure, reach the caller', async () => {
    const { log } = logRecorder();
    server.failAlways('pulls.createReview', 422);
    expect(apiFailure(await rejection(postReview(octokit, { ...repo, pullNumber: PR, commitId: HEAD, comments: [problem(2)], log }))).kind).toBe('unprocessable');
    expect(server.requestsTo('pulls.createReview')).toHaveLength(2);

    server.clearFailures();
    server.failAlways('pulls.createReview', 403);
    const error = await rejection(postReview(octokit, { ...repo, pullNumber: PR, commitId: HEAD, comments: [problem(2)], log }));
    expect(apiFailure(error)).toEqual({ kind: 'forbidden', status: 403, message: 'Resource not accessible by integration' });
    expect(server.requestsTo('pulls.createReview')).toHaveLength(3);

    server.failNext('pulls.listReviewComments', 404);
    expect(apiFailure(await rejection(postReview(octokit, { ...repo, pullNumber: PR, commitId: HEAD, comments: [problem(2)], log }))).kind).toBe('not-found');
  });
});

let storedId = 1;
function stored(body: string) {
  return {
    id: storedId++,
    pull_number: PR,
    pull_request_review_id: null,
    commit_id: HEAD,
    path: ADR,
    line: 1,
    side: 'RIGHT' as const,
    start_line: null,
    start_side: null,
    body,
    user: { login: 'someone', type: 'User' as const },
  };
}

describe('upsertStickyComment', () => {
  it('creates the comment, then edits it in place, then leaves it alone', async () => {
    await start({ issueComments: [{ issue_number: PR, body: 'LGTM' }, { issue_number: 99, body: '<!-- adrlint:sticky -->\nanother PR' }] });
    const at = { ...repo, issueNumber: PR };
    expect(await upsertStickyComment(octokit, { ...at, body: '## adrlint\n\n2 errors' })).toBe('created');
    const created = server.requestsTo('issues.createComment');
    expect(created).toHaveLength(1);
    expect(created[0]!.path).toBe(`/repos/acme/decisions/issues/${PR}/comments`);
    expect(created[0]!.body).toEqual({ body: '<!-- adrlint:sticky -->\n## adrlint\n\n2 errors' });
    const ours = server.state.issueComments.at(-1)!;

    expect(await upsertStickyComment(octokit, { ...at, body: '## adrlint\n\nno problems' })).toBe('updated');
    const updated = server.requestsTo('issues.updateComment');
    expect(updated.map((request) => [request.method, request.path, request.body])).toEqual([
      ['PATCH', `/repos/acme/decisions/issues/comments/${ours.id}`, { body: '<!-- adrlint:sticky -->\n## adrlint\n\nno problems' }],
    ]);

    expect(await upsertStickyComment(octokit, { ...at, body: '## adrlint\n\nno problems' })).toBe('unchanged');
    expect(server.requestsTo('issues.createComment')).toHaveLength(1);
    expect(server.requestsTo('issues.updateComment')).toHaveLength(1);
    expect(server.state.issueComments.filter((comment) => comment.issue_number === PR).map((comment) => comment.body)).toEqual([
      'LGTM',
      '<!-- adrlint:sticky -->\n## adrlint\n\nno problems',
    ]);
  });

  it('finds its comment past the first page, by a marker of the caller', async () => {
    const marker = '<!-- adrlint:sticky:docs -->';
    const others = Array.from({ length: 150 }, (_, index) => ({ issue_number: PR, body: `comment ${index}` }));
    await start({ issueComments: [...others, { issue_number: PR, body: `${marker}\nold` }] });
    expect(await upsertStickyComment(octokit, { ...repo, issueNumber: PR, body: `${marker}\nnew`, marker })).toBe('updated');
    expect(server.requestsTo('issues.listComments')).toHaveLength(2);
    expect(server.state.issueComments.at(-1)!.body).toBe(`${marker}\nnew`);
  });

  it('lets a 403 reach the caller', async () => {
    await start();
    server.failAlways('*', 403);
    const error = await rejection(upsertStickyComment(octokit, { ...repo, issueNumber: PR, body: 'x' }));
    expect(apiFailure(error).kind).toBe('forbidden');
  });
});

describe('gitChangedFiles', () => {
  const created: string[] = [];
  afterAll(() => {
    for (const folder of created) rmSync(folder, { recursive: true, force: true });
  });

  function repository(): { root: string; commit(message: string): string; write(path: string, text: string): void } {
    const root = mkdtempSync(join(tmpdir(), 'adrlint-git-'));
    created.push(root);
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' }).trim();
    git('init', '-q');
    return {
      root,
      write(path, text) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), text);
      },
      commit(message) {
        git('add', '-A');
        git('commit', '-q', '-m', message);
        return git('rev-parse', 'HEAD');
      },
    };
  }

  const body = (title: string) => `# ${title}\n\n${'A paragraph long enough for git to see a rename.\n'.repeat(8)}`;

  it('lists added, modified, renamed and removed files between two commits', async () => {
    const git = repository();
    git.write('docs/adr/0001-kept.md', body('1. Kept'));
    git.write('docs/adr/0002-old name.md', body('2. Moved'));
    git.write('docs/adr/0003-gone.md', body('3. Gone'));
    git.write('README.md', 'readme\n');
    const base = git.commit('base');
    git.write('docs/adr/0001-kept.md', `${body('1. Kept')}more\n`);
    renameSync(join(git.root, 'docs/adr/0002-old name.md'), join(git.root, 'docs/adr/0002-névé.md'));
    unlinkSync(join(git.root, 'docs/adr/0003-gone.md'));
    git.write('docs/adr/0004-new.md', '# 4. New\n');
    const head = git.commit('head');

    const result = await gitChangedFiles(join(git.root, 'docs'), base, head);
    expect('files' in result && [...result.files].sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'docs/adr/0001-kept.md', status: 'modified' },
      { path: 'docs/adr/0002-névé.md', previousPath: 'docs/adr/0002-old name.md', status: 'renamed' },
      { path: 'docs/adr/0003-gone.md', status: 'removed' },
      { path: 'docs/adr/0004-new.md', status: 'added' },
    ]);
  });

  it('reports a base commit the clone does not have, without fetching', async () => {
    const git = repository();
    git.write('a.md', 'a\n');
    const head = git.commit('only');
    const missing = 'f'.repeat(40);
    const result = await gitChangedFiles(git.root, missing, head);
    expect(result).toEqual({ error: `the base commit ${'f'.repeat(12)} is not in the local clone (a shallow checkout? actions/checkout with fetch-depth: 0 fetches it)` });
  });

  it('reports a folder that is not a clone, and a value that is not a commit id', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'adrlint-nogit-'));
    created.push(folder);
    const result = await gitChangedFiles(folder, 'a'.repeat(40), 'b'.repeat(40));
    expect('error' in result && result.error).toMatch(/^git failed: fatal: not a git repository/);
    expect(await gitChangedFiles(folder, '--output=/tmp/x', 'b'.repeat(40))).toEqual({ error: 'the base commit "--output=/tmp/x" is not a commit id' });
  });
});
