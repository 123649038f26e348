// A small stand-in for GitHub's REST API: a real HTTP server on 127.0.0.1 (a random port) that
// serves the pull-request routes adrlint uses, keeps their state, records every request and can be
// told to fail. Point an Octokit at it (`getOctokit(token, { baseUrl: server.url })`), or the built
// Action (`GITHUB_API_URL=server.url node dist/index.js`), and assert on `server.requests` and
// `server.state` afterwards.
//
// Served (owner and repo are recorded but not checked; numbers select the pull request or issue):
//   GET   /repos/:owner/:repo/pulls/:n/files        pulls.listFiles            paginated, state.pullFiles[n]
//   GET   /repos/:owner/:repo/pulls/:n/comments     pulls.listReviewComments   paginated, state.reviewComments
//   POST  /repos/:owner/:repo/pulls/:n/reviews      pulls.createReview         adds to state.reviews and state.reviewComments
//   GET   /repos/:owner/:repo/issues/:n/comments    issues.listComments        paginated, state.issueComments
//   POST  /repos/:owner/:repo/issues/:n/comments    issues.createComment       201
//   PATCH /repos/:owner/:repo/issues/comments/:id   issues.updateComment       404 for an unknown id
// Anything else answers 404 as GitHub does, and is recorded with `route: null`.
//
// Pagination is GitHub's: `page` (from 1) and `per_page` (default 30, at most 100), with a `Link`
// header (first, prev, next, last) holding absolute URLs. Lists are served whole: the 3000-file cap
// of pulls.listFiles is the client's to honour, so a test can check that it stops.
//
// createReview answers 422 as GitHub does when a comment's path is not one of the pull request's
// files, or (for a file whose patch is known) its line or start_line is not a right-side line of the
// diff. Failures can also be forced per route ('*' for every route): `failNext` for the next request,
// `failAlways` until `clearFailures`, with GitHub's JSON error body for the status unless given one,
// and extra headers (a rate limit's `x-ratelimit-remaining: 0`, `retry-after`).
//
// `stall` makes a route never answer (or send its headers and never its body), as a hung API does.
// A held request is dropped after `holdMs` (10 s unless given) or at close(), and the server does not
// keep the process alive: a stalled server ends by itself even when a test forgets to close it.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteName =
  | 'pulls.listFiles'
  | 'pulls.listReviewComments'
  | 'pulls.createReview'
  | 'issues.listComments'
  | 'issues.createComment'
  | 'issues.updateComment';

export interface RecordedRequest {
  method: string;
  /** The path with its query, as sent ("/repos/o/r/pulls/1/files?per_page=100&page=2"). */
  path: string;
  route: RouteName | null;
  /** Node's lower-cased headers, authorization included ("token test-token"). */
  headers: IncomingHttpHeaders;
  /** The parsed JSON body; the raw text if it was not JSON; null when empty. */
  body: unknown;
}

export interface PullFile {
  filename: string;
  status: 'added' | 'modified' | 'renamed' | 'removed' | 'copied' | 'changed' | 'unchanged';
  previous_filename?: string;
  patch?: string;
}

export interface User {
  login: string;
  type: 'User' | 'Bot';
}

export interface StoredReviewComment {
  id: number;
  pull_number: number;
  pull_request_review_id: number | null;
  commit_id: string;
  path: string;
  line: number | null;
  side: 'LEFT' | 'RIGHT';
  start_line: number | null;
  start_side: 'LEFT' | 'RIGHT' | null;
  body: string;
  user: User;
}

export interface StoredReview {
  id: number;
  pull_number: number;
  commit_id: string;
  event: string;
  body: string;
  user: User;
  /** The comments as posted. */
  comments: unknown[];
}

export interface StoredIssueComment {
  id: number;
  issue_number: number;
  body: string;
  user: User;
  created_at: string;
  updated_at: string;
}

export interface ApiState {
  /** Each pull request's files, by number, in the order GitHub lists them. */
  pullFiles: Record<number, PullFile[]>;
  reviewComments: StoredReviewComment[];
  reviews: StoredReview[];
  issueComments: StoredIssueComment[];
}

export interface ServerSetup {
  pullFiles?: Record<number, PullFile[]>;
  /** Existing review comments; unset fields get plausible values. */
  reviewComments?: Array<Partial<StoredReviewComment> & { pull_number: number; path: string; body: string }>;
  issueComments?: Array<Partial<StoredIssueComment> & { issue_number: number; body: string }>;
  /** When set, a request without `authorization: token <it>` (or Bearer) gets 401 Bad credentials. */
  token?: string;
  /** Who posts through this server (default github-actions[bot]). */
  user?: User;
}

export interface StallOptions {
  /** Send 200 and the headers (and a first byte of the body), then nothing more. */
  afterHeaders?: boolean;
  /** How long a request is held before its connection is dropped (10,000 unless given). */
  holdMs?: number;
}

interface ForcedFailure {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface GitHubApiServer {
  /** The base URL, without a trailing slash (http://127.0.0.1:PORT). */
  url: string;
  requests: RecordedRequest[];
  state: ApiState;
  /** The requests one route received. */
  requestsTo(route: RouteName): RecordedRequest[];
  failNext(route: RouteName | '*', status: number, body?: unknown, headers?: Record<string, string>): void;
  failAlways(route: RouteName | '*', status: number, body?: unknown, headers?: Record<string, string>): void;
  /** Hold the route's requests unanswered until `clearFailures` (the request is still recorded). */
  stall(route: RouteName | '*', options?: StallOptions): void;
  clearFailures(): void;
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';

const ROUTES: Array<{ method: string; pattern: RegExp; route: RouteName; docs: string }> = [
  { method: 'GET', pattern: /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/files$/, route: 'pulls.listFiles', docs: '/pulls/pulls#list-pull-requests-files' },
  { method: 'GET', pattern: /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/comments$/, route: 'pulls.listReviewComments', docs: '/pulls/comments#list-review-comments-on-a-pull-request' },
  { method: 'POST', pattern: /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/reviews$/, route: 'pulls.createReview', docs: '/pulls/reviews#create-a-review-for-a-pull-request' },
  { method: 'GET', pattern: /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/, route: 'issues.listComments', docs: '/issues/comments#list-issue-comments' },
  { method: 'POST', pattern: /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/, route: 'issues.createComment', docs: '/issues/comments#create-an-issue-comment' },
  { method: 'PATCH', pattern: /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/, route: 'issues.updateComment', docs: '/issues/comments#update-an-issue-comment' },
];

/** GitHub's error body for a status, as its API sends it. */
export function githubErrorBody(status: number, docs = ''): Record<string, unknown> {
  const documentation_url = `${DOCS}${docs}`;
  switch (status) {
    case 401:
      return { message: 'Bad credentials', documentation_url, status: '401' };
    case 403:
      return { message: 'Resource not accessible by integration', documentation_url, status: '403' };
    case 404:
      return { message: 'Not Found', documentation_url, status: '404' };
    case 422:
      return { message: 'Unprocessable Entity', errors: ['Validation Failed'], documentation_url, status: '422' };
    default:
      return { message: status >= 500 ? 'Server Error' : `Error ${status}`, status: String(status) };
  }
}

class HttpAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export async function startGitHubApiServer(setup: ServerSetup = {}): Promise<GitHubApiServer> {
  const user: User = setup.user ?? { login: 'github-actions[bot]', type: 'Bot' };
  let nextId = 1000;
  const id = () => nextId++;
  const now = () => new Date().toISOString();
  const state: ApiState = {
    pullFiles: structuredClone(setup.pullFiles ?? {}),
    reviewComments: (setup.reviewComments ?? []).map((comment) => ({
      id: id(),
      pull_request_review_id: null,
      commit_id: '0'.repeat(40),
      line: 1,
      side: 'RIGHT',
      start_line: null,
      start_side: null,
      user: { login: 'someone', type: 'User' },
      ...comment,
    })),
    reviews: [],
    issueComments: (setup.issueComments ?? []).map((comment) => ({
      id: id(),
      user: { login: 'someone', type: 'User' },
      created_at: now(),
      updated_at: now(),
      ...comment,
    })),
  };
  const requests: RecordedRequest[] = [];
  const once = new Map<string, ForcedFailure[]>();
  const always = new Map<string, ForcedFailure>();
  const stalls = new Map<string, StallOptions>();
  const held = new Set<{ timer: NodeJS.Timeout; response: ServerResponse }>();
  let baseUrl = '';

  function hold(response: ServerResponse, { afterHeaders = false, holdMs = 10_000 }: StallOptions): void {
    if (afterHeaders) {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': '4096' });
      response.write('[');
    }
    const entry = {
      response,
      timer: setTimeout(() => {
        held.delete(entry);
        response.destroy();
      }, holdMs).unref(),
    };
    held.add(entry);
  }

  function forcedFailure(route: RouteName): ForcedFailure | undefined {
    for (const key of [route, '*']) {
      const queued = once.get(key);
      if (queued && queued.length > 0) return queued.shift();
    }
    return always.get(route) ?? always.get('*');
  }

  function page<T>(items: readonly T[], query: URLSearchParams, pathname: string, response: ServerResponse): T[] {
    const perPage = Math.min(100, Math.max(1, Number(query.get('per_page')) || 30));
    const current = Math.max(1, Number(query.get('page')) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (rel: string, number: number) => {
      const params = new URLSearchParams(query);
      params.set('per_page', String(perPage));
      params.set('page', String(number));
      return `<${baseUrl}${pathname}?${params}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (current > 1) links.push(link('prev', current - 1));
    if (current < last) links.push(link('next', current + 1), link('last', last));
    if (current > 1) links.push(link('first', 1));
    if (links.length > 0) response.setHeader('link', links.join(', '));
    return items.slice((current - 1) * perPage, current * perPage);
  }

  function createReview(pullNumber: number, body: Record<string, unknown>, docs: string): unknown {
    const comments = Array.isArray(body.comments) ? (body.comments as Array<Record<string, unknown>>) : [];
    const files = state.pullFiles[pullNumber];
    const unresolved: string[] = [];
    for (const comment of comments) {
      const file = files?.find((candidate) => candidate.filename === comment.path);
      if (files && !file) unresolved.push('Path could not be resolved');
      else if (file?.patch !== undefined) {
        const lines = rightSideLines(file.patch);
        if (!lines.has(Number(comment.line))) unresolved.push('Line could not be resolved');
        else if (comment.start_line !== undefined && !lines.has(Number(comment.start_line))) unresolved.push('Start line could not be resolved');
      }
    }
    if (unresolved.length > 0) throw new HttpAnswer(422, { ...githubErrorBody(422, docs), errors: [...new Set(unresolved)] });
    const review: StoredReview = {
      id: id(),
      pull_number: pullNumber,
      commit_id: String(body.commit_id ?? ''),
      event: String(body.event ?? 'PENDING'),
      body: String(body.body ?? ''),
      user,
      comments,
    };
    state.reviews.push(review);
    for (const comment of comments) {
      state.reviewComments.push({
        id: id(),
        pull_number: pullNumber,
        pull_request_review_id: review.id,
        commit_id: review.commit_id,
        path: String(comment.path),
        line: Number(comment.line),
        side: comment.side === 'LEFT' ? 'LEFT' : 'RIGHT',
        start_line: comment.start_line === undefined ? null : Number(comment.start_line),
        start_side: comment.start_side === undefined ? null : comment.start_side === 'LEFT' ? 'LEFT' : 'RIGHT',
        body: String(comment.body ?? ''),
        user,
      });
    }
    return { id: review.id, body: review.body, state: review.event === 'COMMENT' ? 'COMMENTED' : review.event, commit_id: review.commit_id, user };
  }

  function answer(pathname: string, query: URLSearchParams, body: unknown, response: ServerResponse, route: RouteName, number: number): [number, unknown] {
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const docs = ROUTES.find((candidate) => candidate.route === route)!.docs;
    switch (route) {
      case 'pulls.listFiles':
        return [200, page(state.pullFiles[number] ?? [], query, pathname, response).map((file) => pullFileJson(file))];
      case 'pulls.listReviewComments':
        return [200, page(state.reviewComments.filter((comment) => comment.pull_number === number), query, pathname, response)];
      case 'pulls.createReview':
        return [200, createReview(number, input, docs)];
      case 'issues.listComments':
        return [200, page(state.issueComments.filter((comment) => comment.issue_number === number), query, pathname, response)];
      case 'issues.createComment': {
        if (typeof input.body !== 'string') throw new HttpAnswer(422, githubErrorBody(422, docs));
        const comment: StoredIssueComment = { id: id(), issue_number: number, body: input.body, user, created_at: now(), updated_at: now() };
        state.issueComments.push(comment);
        return [201, comment];
      }
      case 'issues.updateComment': {
        const comment = state.issueComments.find((candidate) => candidate.id === number);
        if (!comment) throw new HttpAnswer(404, githubErrorBody(404, docs));
        if (typeof input.body !== 'string') throw new HttpAnswer(422, githubErrorBody(422, docs));
        comment.body = input.body;
        comment.updated_at = now();
        return [200, comment];
      }
    }
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = null;
      if (raw !== '') {
        try {
          body = JSON.parse(raw);
        } catch {
          body = raw;
        }
      }
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const method = request.method ?? 'GET';
      const matched = ROUTES.map((candidate) => ({ candidate, match: candidate.method === method ? candidate.pattern.exec(url.pathname) : null })).find(
        ({ match }) => match !== null,
      );
      const route = matched?.candidate.route ?? null;
      requests.push({ method, path: request.url ?? '/', route, headers: request.headers, body });

      let status: number;
      let payload: unknown;
      try {
        if (setup.token !== undefined) {
          const authorization = request.headers.authorization ?? '';
          if (authorization !== `token ${setup.token}` && authorization !== `Bearer ${setup.token}`) throw new HttpAnswer(401, githubErrorBody(401));
        }
        if (!matched || !route) throw new HttpAnswer(404, githubErrorBody(404));
        const stall = stalls.get(route) ?? stalls.get('*');
        if (stall) return hold(response, stall);
        const forced = forcedFailure(route);
        if (forced) {
          for (const [name, value] of Object.entries(forced.headers ?? {})) response.setHeader(name, value);
          throw new HttpAnswer(forced.status, forced.body ?? githubErrorBody(forced.status, matched.candidate.docs));
        }
        [status, payload] = answer(url.pathname, url.searchParams, body, response, route, Number(matched.match![1]));
      } catch (error) {
        if (!(error instanceof HttpAnswer)) throw error;
        response.removeHeader('link');
        status = error.status;
        payload = error.body;
      }
      response.statusCode = status;
      response.setHeader('content-type', 'application/json; charset=utf-8');
      response.setHeader('x-github-media-type', 'github.v3; format=json');
      response.end(JSON.stringify(payload));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  server.unref();

  return {
    url: baseUrl,
    requests,
    state,
    requestsTo: (route) => requests.filter((request) => request.route === route),
    failNext(route, status, body, headers) {
      const queue = once.get(route) ?? [];
      queue.push({ status, body, headers });
      once.set(route, queue);
    },
    failAlways(route, status, body, headers) {
      always.set(route, { status, body, headers });
    },
    stall(route, options = {}) {
      stalls.set(route, options);
    },
    clearFailures() {
      once.clear();
      always.clear();
      stalls.clear();
    },
    /** Stop listening and end open connections, held ones too; calling it again does nothing. */
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const { timer, response } of held) {
          clearTimeout(timer);
          response.destroy();
        }
        held.clear();
        if (!server.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        // Octokit's fetch keeps connections alive; end them so close() does not wait for their timeout.
        server.closeAllConnections();
      }),
  };
}

function pullFileJson(file: PullFile): Record<string, unknown> {
  const additions = file.patch?.split('\n').filter((line) => line.startsWith('+')).length ?? 0;
  const deletions = file.patch?.split('\n').filter((line) => line.startsWith('-')).length ?? 0;
  return {
    sha: '0'.repeat(40),
    filename: file.filename,
    status: file.status,
    additions,
    deletions,
    changes: additions + deletions,
    blob_url: `https://github.com/o/r/blob/HEAD/${file.filename}`,
    raw_url: `https://github.com/o/r/raw/HEAD/${file.filename}`,
    contents_url: `https://api.github.com/repos/o/r/contents/${file.filename}`,
    ...(file.previous_filename !== undefined ? { previous_filename: file.previous_filename } : {}),
    ...(file.patch !== undefined ? { patch: file.patch } : {}),
  };
}

// Written apart from src/github/changed-files.ts on purpose: the server must not share the code it
// checks. Right-side lines of every hunk: added and context lines.
function rightSideLines(patch: string): Set<number> {
  const lines = new Set<number>();
  let next = 0;
  let inHunk = false;
  for (const text of patch.split('\n')) {
    const header = /^@@ -\S+ \+(\d+)/.exec(text);
    if (header) {
      next = Number(header[1]);
      inHunk = true;
    } else if (inHunk && (text.startsWith('+') || text.startsWith(' '))) {
      lines.add(next++);
    }
  }
  return lines;
}
