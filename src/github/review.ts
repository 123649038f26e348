// Fixes as pull-request review suggestions, and the one comment adrlint keeps up to date on a pull
// request. Hidden markers in the bodies let a re-run recognise what an earlier run posted.
import type { TextEdit } from '../model/types.ts';
import { apiFailure } from './api-errors.ts';
import type { Octokit } from './client.ts';

export interface Suggestion {
  /** 1-based lines of the source the suggestion replaces. */
  startLine: number;
  endLine: number;
  /** The new text of those lines, lines joined by "\n", without the final line ending. */
  body: string;
}

interface SourceLine {
  start: number;
  /** Where the line ending starts. */
  contentEnd: number;
  /** Past the line ending. */
  end: number;
}

/**
 * A fix as the text of the whole lines it touches, for a ```suggestion block. A pure insertion at a
 * line's start touches that line only. A fix that deletes whole lines takes a neighbouring line in,
 * because an empty suggestion would read as one empty line. Null when a suggestion cannot say what
 * the fix does: line endings added, removed or mixed, a final newline added or removed, a lone CR
 * (GitHub and the linter would number lines differently), or no source.
 */
export function suggestionFor(source: string | undefined | null, fix: TextEdit): Suggestion | null {
  if (typeof source !== 'string' || source === '' || /\r(?!\n)/.test(source)) return null;
  const [start, end] = fix.range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > source.length) return null;
  const lines = splitLines(source);
  const lineOf = (offset: number) => {
    let index = 0;
    while (index + 1 < lines.length && lines[index + 1]!.start <= offset) index++;
    return index;
  };
  let first = lineOf(start);
  let last = end > start ? lineOf(end - 1) : first;
  // Each round takes in one more line; a fix can need at most a few.
  for (;;) {
    const regionStart = lines[first]!.start;
    const lastLine = lines[last]!;
    const replaced = source.slice(regionStart, start) + fix.text + source.slice(end, lastLine.end);
    const ending = source.slice(lastLine.contentEnd, lastLine.end);
    if (replaced === '') {
      if (last + 1 < lines.length) last++;
      else if (first > 0) first--;
      else return null;
      continue;
    }
    if (ending !== '' && !replaced.endsWith('\n')) {
      // The fix took the last line's ending: it joins the next line, or removes the final newline.
      if (last + 1 >= lines.length) return null;
      last++;
      continue;
    }
    if (ending !== '' && !replaced.endsWith(ending)) return null;
    if (ending === '' && replaced.endsWith('\n')) return null;
    const eol = regionEnding(source, lines.slice(first, last + 1));
    if (eol === null) return null;
    const withoutFinal = ending === '' ? replaced : replaced.slice(0, -ending.length);
    if (eol === '\r\n' ? /\r(?!\n)|(?<!\r)\n/.test(withoutFinal) : withoutFinal.includes('\r')) return null;
    return { startLine: first + 1, endLine: last + 1, body: withoutFinal.replace(/\r\n/g, '\n') };
  }
}

function splitLines(source: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  while (start < source.length) {
    const newline = source.indexOf('\n', start);
    if (newline === -1) {
      lines.push({ start, contentEnd: source.length, end: source.length });
      break;
    }
    lines.push({ start, contentEnd: newline > start && source[newline - 1] === '\r' ? newline - 1 : newline, end: newline + 1 });
    start = newline + 1;
  }
  return lines;
}

/** The one line ending the lines use (the file's first when they have none); null when they mix. */
function regionEnding(source: string, lines: readonly SourceLine[]): '\n' | '\r\n' | null {
  const endings = new Set(lines.map((line) => source.slice(line.contentEnd, line.end)).filter(Boolean));
  if (endings.size > 1) return null;
  const [only] = endings;
  if (only === '\n' || only === '\r\n') return only;
  return /\r\n/.test(source) ? '\r\n' : '\n';
}

export interface ReviewProblem {
  path: string;
  /** Right-side lines of the pull request's diff; equal for a one-line comment. */
  startLine: number;
  endLine: number;
  /** The comment's markdown (a message and a ```suggestion block). */
  body: string;
  /** Stable across runs (src/engine/fingerprint.ts reviewFingerprint), so a re-run does not post the same comment again. */
  fingerprint: string;
}

export interface ReviewLog {
  warning(message: string): void;
  info?(message: string): void;
  notice?(message: string): void;
}

export interface ReviewOutcome {
  /** Inline comments posted. */
  posted: number;
  /** Problems whose comment an earlier run already posted. */
  skippedExisting: number;
  /** Problems listed in the review's body instead of inline. */
  summarised: number;
}

/** GitHub's limit is 65,536 characters; stay clear of it. */
const MAX_REVIEW_BODY = 65_000;
const MAX_SUMMARY_LINE = 200;
const REVIEW_MARKER = '<!-- adrlint:review -->';

/** The hidden marker that identifies a review comment by its problem's fingerprint. */
export function reviewMarker(fingerprint: string): string {
  // Nothing in it may end the HTML comment or break the line.
  return `<!-- adrlint:${fingerprint.replace(/[^A-Za-z0-9._:/+=]/g, (character) => encodeURIComponent(character).replace(/-/g, '%2D'))} -->`;
}

/**
 * One review with a comment per new problem (at most `maxComments`; the rest listed in the body).
 * Problems an earlier run commented on are skipped, and no review is posted when none is new. If
 * GitHub refuses the inline comments (422, e.g. a line outside the diff), the review is posted
 * again once with every problem in its body. Other failures propagate.
 */
export async function postReview(
  octokit: Octokit,
  {
    owner,
    repo,
    pullNumber,
    commitId,
    comments,
    maxComments = 30,
    log,
  }: {
    owner: string;
    repo: string;
    pullNumber: number;
    commitId: string;
    comments: readonly ReviewProblem[];
    maxComments?: number;
    log: ReviewLog;
  },
): Promise<ReviewOutcome> {
  const existing = await octokit.paginate(octokit.rest.pulls.listReviewComments, { owner, repo, pull_number: pullNumber, per_page: 100 });
  const existingBodies = existing.map((comment) => comment.body ?? '');
  const fresh: ReviewProblem[] = [];
  const seen = new Set<string>();
  let skippedExisting = 0;
  for (const problem of comments) {
    const marker = reviewMarker(problem.fingerprint);
    if (seen.has(marker)) continue;
    seen.add(marker);
    if (existingBodies.some((body) => body.includes(marker))) skippedExisting++;
    else fresh.push(problem);
  }
  if (fresh.length === 0) return { posted: 0, skippedExisting, summarised: 0 };

  const inline = fresh.slice(0, Math.max(0, maxComments));
  const rest = fresh.slice(inline.length);
  const review = { owner, repo, pull_number: pullNumber, commit_id: commitId, event: 'COMMENT' as const };
  try {
    await octokit.rest.pulls.createReview({
      ...review,
      body: reviewBody(fresh.length, rest, `${rest.length} more not shown inline${inline.length > 0 ? ` (at most ${inline.length} comments per review)` : ''}:`),
      ...(inline.length > 0 ? { comments: inline.map(reviewComment) } : {}),
    });
    return { posted: inline.length, skippedExisting, summarised: rest.length };
  } catch (error) {
    const failure = apiFailure(error);
    if (failure.kind !== 'unprocessable' || inline.length === 0) throw error;
    log.warning(`GitHub did not accept the review's inline comments (${failure.message}); listing them in the review body instead.`);
  }
  await octokit.rest.pulls.createReview({
    ...review,
    body: reviewBody(fresh.length, fresh, 'GitHub did not accept them as comments on the diff:'),
  });
  return { posted: 0, skippedExisting, summarised: fresh.length };
}

function reviewComment(problem: ReviewProblem) {
  const multiLine = problem.startLine < problem.endLine;
  return {
    path: problem.path,
    line: problem.endLine,
    side: 'RIGHT' as const,
    ...(multiLine ? { start_line: problem.startLine, start_side: 'RIGHT' as const } : {}),
    body: `${problem.body}\n\n${reviewMarker(problem.fingerprint)}`,
  };
}

function reviewBody(total: number, listed: readonly ReviewProblem[], heading: string): string {
  let body = `${REVIEW_MARKER}\n**adrlint** has ${total === 1 ? 'a suggestion' : `${total} suggestions`} for lines this pull request changed.`;
  if (listed.length === 0) return body;
  body += `\n\n${heading}\n\n`;
  for (const [index, problem] of listed.entries()) {
    const item = `- ${codeSpan(`${problem.path}:${problem.startLine}`)} ${summaryLine(problem.body)}\n`;
    const left = listed.length - index;
    // Room for this item and, should the next not fit, the line that counts the rest.
    if (body.length + item.length + 40 > MAX_REVIEW_BODY) {
      body += `- and ${left} more\n`;
      break;
    }
    body += item;
  }
  return body.trimEnd();
}

function summaryLine(markdown: string): string {
  const line = markdown.split(/\r?\n/).find((text) => text.trim() !== '')?.trim() ?? '';
  return line.length > MAX_SUMMARY_LINE ? `${line.slice(0, MAX_SUMMARY_LINE - 1)}…` : line;
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/**
 * Keep one comment of ours on an issue or pull request current: found by `marker` (added to the
 * body when it lacks it), edited in place, or created.
 */
export async function upsertStickyComment(
  octokit: Octokit,
  { owner, repo, issueNumber, body, marker = '<!-- adrlint:sticky -->' }: { owner: string; repo: string; issueNumber: number; body: string; marker?: string },
): Promise<'created' | 'updated' | 'unchanged'> {
  const text = body.includes(marker) ? body : `${marker}\n${body}`;
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 });
  const ours = comments.find((comment) => comment.body?.includes(marker));
  if (!ours) {
    await octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body: text });
    return 'created';
  }
  if (ours.body === text) return 'unchanged';
  await octokit.rest.issues.updateComment({ owner, repo, comment_id: ours.id, body: text });
  return 'updated';
}
