// What the Action does, given its inputs and the runner's context: choose the files (all, or those
// the pull request changed), lint, and report through annotations, the log, SARIF, the job summary
// and, when asked, a pull-request review and a sticky comment. It talks to the runner only through
// `ActionIo` (src/action.ts maps that onto @actions/core), so it can be read and tested on its own.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { GITHUB_ANNOTATION_LIMITS, planAnnotations, repoRelative } from './annotations.ts';
import type { Annotation } from '../format/github.ts';
import { FileError } from '../model/errors.ts';
import { discoverFiles, UsageError } from '../io/files.ts';
import { formatJobSummary } from '../format/job-summary.ts';
import { escapeMarkdownText } from '../format/escape.ts';
import { formatSarif } from '../format/sarif.ts';
import { formatStylish } from '../format/stylish.ts';
import { totals, type LintResult } from '../engine/run-rules.ts';
import { placesIn, reviewFingerprint } from '../engine/fingerprint.ts';
import { lintProject, loadProject, type RunOutcome } from '../run/lint-project.ts';
import { VERSION } from '../io/version.ts';
import { ApiClock, limitRequests, type ApiTimeouts } from './api-clock.ts';
import { apiFailure } from './api-errors.ts';
import { diffLines, gitChangedFiles, listPullRequestFiles, PULL_REQUEST_FILES_CAP, selectLintTargets, type ChangedFile } from './changed-files.ts';
import type { Octokit } from './client.ts';
import { postReview, suggestionFor, upsertStickyComment, type ReviewProblem } from './review.ts';
import { renumberReviewProblems } from './renumber-review.ts';
import { plural } from '../model/plural.ts';
import { htmlReport, htmlReportTarget } from './html-report.ts';

export type FailOn = 'error' | 'warning' | 'never';

export interface ActionInputs {
  /** Files, folders or globs; empty: as the CLI (the config's `adrs`, else the usual folder). */
  paths: string[];
  config: string | null;
  failOn: FailOn;
  /** -1: no limit. */
  maxWarnings: number;
  onlyChanged: boolean;
  sarifFile: string | null;
  /** Write the HTML report of the set to this path, inside the workspace. */
  htmlReport: string | null;
  summary: boolean;
  annotations: boolean;
  review: boolean;
  comment: boolean;
  token: string;
  /** Limits on the pull-request API's time (ADRLINT_API_TIMEOUT, ADRLINT_API_BUDGET). */
  apiTimeouts: ApiTimeouts;
}

export interface PullRequestContext {
  number: number;
  baseSha: string;
  headSha: string;
}

export interface RunnerContext {
  /** GITHUB_WORKSPACE: the checkout, where paths and the config are resolved. */
  workspace: string;
  repository: { owner: string; repo: string } | null;
  serverUrl: string;
  /** The commit the problems' links point at: the pull request's head, else GITHUB_SHA. */
  sha: string | null;
  pullRequest: PullRequestContext | null;
}

export interface ActionIo {
  annotate(annotation: Annotation): void;
  notice(message: string): void;
  warning(message: string): void;
  /** Text from ADRs (file names, messages): the shell prints it with workflow commands disabled. */
  logUntrusted(text: string): void;
  writeSummary(markdown: string): Promise<void>;
  writeFile(path: string, text: string): void;
  octokit(): Promise<Octokit>;
}

export interface ActionOutcome {
  errors: number;
  warnings: number;
  files: number;
  fixable: number;
  /** Where SARIF was written, relative to the workspace, or '' when not asked for. */
  sarifFile: string;
  /** Where the HTML report was written, relative to the workspace, or '' when not asked for. */
  htmlReport: string;
  /** Why the step fails, or null. */
  failure: string | null;
}

// Config files whose change in a pull request means "lint everything", besides the one in use.
const CONFIG_NAMES = ['.adrlintrc.yml', '.adrlintrc.yaml', '.adrlintrc.json'];
// GitHub's limits: a review's comments we post at once, and a comment body (65,536 characters).
const MAX_REVIEW_COMMENTS = 30;
const STICKY_COMMENT_BYTES = 60_000;
const STICKY_MARKER = '<!-- adrlint:sticky -->';

export async function runActionJob(inputs: ActionInputs, runner: RunnerContext, io: ActionIo): Promise<ActionOutcome> {
  const root = runner.workspace;
  const empty: ActionOutcome = { errors: 0, warnings: 0, files: 0, fixable: 0, sarifFile: '', htmlReport: '', failure: null };
  const htmlTarget = inputs.htmlReport ? htmlReportTarget(root, inputs.htmlReport) : null;
  if (htmlTarget && 'error' in htmlTarget) return { ...empty, failure: `adrlint: ${htmlTarget.error}` };
  // Warnings of the step itself (an API call that failed, ...) take room among GitHub's 10.
  const counted = countWarnings(io);
  const withApi = apiSession(counted.io, inputs.apiTimeouts);
  let changedFiles: ChangedFile[] | null = null;
  let outcome: RunOutcome;
  try {
    let paths = inputs.paths;
    if (inputs.onlyChanged) {
      const chosen = await changedAdrPaths(inputs, runner, counted.io, withApi);
      changedFiles = chosen.changed;
      if (chosen.paths?.length === 0) {
        io.notice('No ADR file was added, modified or renamed in this pull request; nothing to lint.');
        if (inputs.summary) await writeSummarySafely(counted.io, '## adrlint\n\nNo ADR file was added, modified or renamed in this pull request.\n');
        return empty;
      }
      if (chosen.paths) paths = chosen.paths;
    }
    outcome = await lintProject({ cwd: root, paths, ...(inputs.config ? { configFile: inputs.config } : {}) });
  } catch (error) {
    if (error instanceof FileError) return { ...empty, failure: error.lines.map((line) => `adrlint: configuration error: ${line}`).join('\n') };
    if (error instanceof UsageError) return { ...empty, failure: `adrlint: ${error.message}` };
    throw error;
  }

  const { results } = outcome;
  const counts = totals(results);
  const failure = failureOf(inputs, counts);

  io.logUntrusted(formatStylish(results, { cwd: root, color: false }) || `adrlint: no problems in ${plural(results.length, 'file')}.\n`);

  const fileUrl = linkBase(runner);
  const { sarifFile, htmlReport: htmlReportPath } = writeReportFiles(inputs, outcome, runner, io, htmlTarget?.path ?? null);
  // The pattern table and the graph cover the whole set: the run's records (complete when read).
  const records = outcome.records;
  const summaryOf = (maxBytes?: number) =>
    formatJobSummary({
      results,
      records,
      catalogue: outcome.catalogue,
      root,
      ...(outcome.config.statusesGiven ? { statuses: outcome.config.statuses } : {}),
      ...(fileUrl ? { fileUrl } : {}),
      ...(maxBytes ? { maxBytes } : {}),
    });
  if (inputs.summary) await writeSummarySafely(counted.io, summaryOf());

  if (inputs.review || inputs.comment) {
    if (!runner.pullRequest || !runner.repository) {
      io.notice(`${[inputs.review ? 'review' : '', inputs.comment ? 'comment' : ''].filter(Boolean).join(' and ')}: only on pull_request events; skipped.`);
    } else {
      const pr = { ...runner.repository, pullNumber: runner.pullRequest.number, headSha: runner.pullRequest.headSha };
      if (inputs.review) await withApi('post the review with suggestions', async (octokit) => {
        changedFiles ??= await listPullRequestFiles(octokit, pr);
        await postSuggestions(octokit, pr, [...reviewProblems(results, root, changedFiles), ...renumberReviewProblems(results, records, root, changedFiles)], counted.io);
      });
      if (inputs.comment) await withApi('update the pull-request comment', async (octokit) => {
        const body = `${STICKY_MARKER}\n${summaryOf(STICKY_COMMENT_BYTES)}`;
        await upsertStickyComment(octokit, { owner: pr.owner, repo: pr.repo, issueNumber: pr.pullNumber, body, marker: STICKY_MARKER });
      });
    }
  }

  // Last, once the step's own warnings are known: GitHub drops what is past its limits, and the
  // failure line and those warnings must not push a problem out unannounced.
  if (inputs.annotations) {
    const changed = new Set((changedFiles ?? []).filter((file) => file.status !== 'removed').map((file) => file.path));
    annotate(io, results, { root, changed, sarifFile, failing: failure !== null, ownWarnings: counted.warnings() });
  }

  return { ...counts, files: results.length, sarifFile, htmlReport: htmlReportPath, failure };
}

/** The SARIF file and the HTML report the inputs ask for; their paths relative to the workspace ('' when not asked). */
function writeReportFiles(inputs: ActionInputs, outcome: RunOutcome, runner: RunnerContext, io: ActionIo, htmlTarget: string | null): Pick<ActionOutcome, 'sarifFile' | 'htmlReport'> {
  const root = runner.workspace;
  let sarifFile = '';
  if (inputs.sarifFile) {
    const target = resolve(root, inputs.sarifFile);
    io.writeFile(target, formatSarif(outcome.results, { root, version: VERSION }));
    sarifFile = relative(root, target) || inputs.sarifFile;
  }
  if (!htmlTarget) return { sarifFile, htmlReport: '' };
  const fileUrl = linkBase(runner);
  const repository = runner.repository ? `${runner.repository.owner}/${runner.repository.repo}` : null;
  io.writeFile(htmlTarget, htmlReport(outcome, htmlTarget, { root, repository, generated: new Date(), version: VERSION, ...(fileUrl ? { fileUrl } : {}) }));
  return { sarifFile, htmlReport: relative(root, htmlTarget) };
}

async function postSuggestions(octokit: Octokit, pr: { owner: string; repo: string; pullNumber: number; headSha: string }, problems: ReviewProblem[], io: ActionIo): Promise<void> {
  const posted = await postReview(octokit, { ...pr, commitId: pr.headSha, comments: problems, maxComments: MAX_REVIEW_COMMENTS, log: io });
  if (posted.posted + posted.summarised > 0 || posted.skippedExisting > 0)
    io.notice(`Review: ${plural(posted.posted, 'suggestion')} posted, ${posted.summarised} in the review body, ${posted.skippedExisting} already on the pull request.`);
}

/**
 * The problems as annotations within GitHub's limits per step: 10 errors, of which the step's
 * failure line is one, and 10 warnings, of which the step's own warnings take their share. A notice
 * counts the problems left out and says where they are.
 */
function annotate(
  io: ActionIo,
  results: readonly LintResult[],
  { root, changed, sarifFile, failing, ownWarnings }: { root: string; changed: ReadonlySet<string>; sarifFile: string; failing: boolean; ownWarnings: number },
): void {
  const limits = {
    errors: GITHUB_ANNOTATION_LIMITS.errors - (failing ? 1 : 0),
    warnings: Math.max(0, GITHUB_ANNOTATION_LIMITS.warnings - ownWarnings),
  };
  const plan = planAnnotations(results, { root, changed, limits });
  for (const annotation of plan.annotations) io.annotate(annotation);
  const omitted = plan.omitted.errors + plan.omitted.warnings;
  if (omitted === 0) return;
  const where = ['the job summary', ...(sarifFile ? [`the SARIF file ${sarifFile}`] : [])].join(' and ');
  const reserved = [failing ? "the step's failure among the errors" : '', ownWarnings > 0 ? `${plural(ownWarnings, 'warning')} of the step itself among the warnings` : '']
    .filter(Boolean)
    .join(', ');
  io.notice(
    `${plural(omitted, 'more problem')} (${plural(plan.omitted.errors, 'error')}, ${plural(plan.omitted.warnings, 'warning')}) not shown as annotations: GitHub shows at most ${GITHUB_ANNOTATION_LIMITS.errors} errors and ${GITHUB_ANNOTATION_LIMITS.warnings} warnings per step${reserved ? ` (${reserved})` : ''}. See ${where}.`,
  );
}

/** The runner's io, counting the warnings the step writes. */
function countWarnings(io: ActionIo): { io: ActionIo; warnings: () => number } {
  let warnings = 0;
  return {
    io: {
      ...io,
      warning: (message) => {
        warnings++;
        io.warning(message);
      },
    },
    warnings: () => warnings,
  };
}

/** The ADR files a pull request added, modified or renamed; `paths: null` means "lint everything". */
async function changedAdrPaths(
  inputs: ActionInputs,
  runner: RunnerContext,
  io: ActionIo,
  withApi: WithApi,
): Promise<{ paths: string[] | null; changed: ChangedFile[] | null }> {
  const root = runner.workspace;
  if (!runner.pullRequest) {
    io.notice('only-changed: this is not a pull_request event; linting every ADR.');
    return { paths: null, changed: null };
  }
  let changed: ChangedFile[] | null = null;
  if (runner.repository) {
    const pr = runner.pullRequest;
    const repository = runner.repository;
    changed = await withApi('list the pull request\'s files', (octokit) =>
      listPullRequestFiles(octokit, { owner: repository.owner, repo: repository.repo, pullNumber: pr.number }),
    );
  }
  if (changed === null) {
    const fromGit = await gitChangedFiles(root, runner.pullRequest.baseSha, runner.pullRequest.headSha);
    if ('error' in fromGit) {
      io.warning(`only-changed: cannot tell which files changed (${fromGit.error}); linting every ADR.`);
      return { paths: null, changed: null };
    }
    changed = fromGit.files;
  }
  if (changed.length >= PULL_REQUEST_FILES_CAP) {
    // GitHub lists at most 3000 files of a pull request: the list may be cut short.
    io.notice(`only-changed: the pull request changes ${PULL_REQUEST_FILES_CAP} files or more, more than GitHub lists; linting every ADR.`);
    return { paths: null, changed };
  }
  const { config } = loadProject({ cwd: root, ...(inputs.config ? { configFile: inputs.config } : {}) });
  const adrs = new Set((await discoverFiles(inputs.paths, root, config)).files.map((file) => repoRelative(root, file)));
  const triggers = [...CONFIG_NAMES, ...(config.file ? [repoRelative(root, config.file)] : []), ...(config.catalogue ? [repoRelative(root, config.catalogue)] : [])];
  const selection = selectLintTargets(changed, { isAdrPath: (path) => adrs.has(path), triggers });
  if (selection.mode === 'all') {
    io.notice(`only-changed: ${selection.reason}; linting every ADR.`);
    return { paths: null, changed };
  }
  return { paths: selection.paths, changed };
}

type WithApi = <T>(what: string, call: (octokit: Octokit) => Promise<T>) => Promise<T | null>;

/**
 * Runs the step's API calls, each bounded in time (see api-clock.ts). A failed call is reported
 * and gives null, for the caller to fall back: 403/404 (fork pull requests, read-only tokens) as a
 * notice; a rate limit, a timeout and any other failure as a warning.
 */
function apiSession(io: ActionIo, timeouts: ApiTimeouts): WithApi {
  const clock = new ApiClock(timeouts);
  let client: Promise<Octokit> | null = null;
  return async (what, call) => {
    try {
      return await clock.step(async () => {
        client ??= io.octokit().then((octokit) => {
          limitRequests(octokit, clock);
          return octokit;
        });
        return call(await client);
      });
    } catch (error) {
      const failure = apiFailure(error);
      const fallback = 'The problems are in the annotations and the job summary.';
      if (failure.kind === 'forbidden' || failure.kind === 'not-found')
        io.notice(
          `Could not ${what}: GitHub answered ${failure.status} (${failure.message}). A pull request from a fork or a read-only token cannot do this; the problems are in the annotations and the job summary.`,
        );
      else if (failure.kind === 'rate-limited')
        io.warning(
          `Could not ${what}: GitHub's API rate limit for this token is used up (${failure.status}: ${failure.message}); it takes requests again ${failure.retry ?? 'later'}. ${fallback}`,
        );
      else if (failure.kind === 'timeout') io.warning(`Could not ${what}: ${failure.message}. ${fallback}`);
      else io.warning(`Could not ${what}: GitHub answered ${failure.status ?? 'with an error'} (${failure.message}). ${fallback}`);
      return null;
    }
  };
}

/** Fixable problems on lines of the pull request's diff, as review comments with a suggestion. */
function reviewProblems(results: readonly LintResult[], root: string, changed: readonly ChangedFile[]): ReviewProblem[] {
  const patches = new Map(changed.filter((file) => file.patch).map((file) => [file.path, diffLines(file.patch!)]));
  const problems: ReviewProblem[] = [];
  for (const result of results) {
    const path = repoRelative(root, result.filePath);
    const diff = patches.get(path);
    if (!diff || result.source === undefined) continue;
    const placeOf = placesIn(result.source);
    for (const message of result.messages) {
      if (!message.fix) continue;
      const suggestion = suggestionFor(result.source, message.fix);
      if (!suggestion) continue;
      const inOneHunk = diff.hunks.some(([start, end]) => suggestion.startLine >= start && suggestion.endLine <= end);
      if (!inOneHunk) continue;
      const fence = '`'.repeat(Math.max(3, longestBacktickRun(suggestion.body) + 1));
      problems.push({
        path,
        startLine: suggestion.startLine,
        endLine: suggestion.endLine,
        body: `**${message.ruleId}** (${message.severity === 'error' ? 'error' : 'warning'}): ${escapeMarkdownText(message.message)}\n\n${fence}suggestion\n${suggestion.body}\n${fence}`,
        fingerprint: reviewFingerprint({ rule: message.ruleId, message: message.message, place: placeOf(message) }, path),
      });
    }
  }
  return problems;
}

function longestBacktickRun(text: string): number {
  return Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
}

function linkBase(runner: RunnerContext): ((path: string, line?: number) => string) | undefined {
  if (!runner.repository || !runner.sha) return undefined;
  const base = `${runner.serverUrl.replace(/\/+$/, '')}/${runner.repository.owner}/${runner.repository.repo}/blob/${runner.sha}/`;
  return (path, line) => `${base}${path.split('/').map(encodeURIComponent).join('/')}${line ? `#L${line}` : ''}`;
}

async function writeSummarySafely(io: ActionIo, markdown: string): Promise<void> {
  try {
    await io.writeSummary(markdown);
  } catch (error) {
    io.warning(`Could not write the job summary: ${(error as Error).message.split('\n')[0]}`);
  }
}

function failureOf(inputs: ActionInputs, { errors, warnings }: { errors: number; warnings: number }): string | null {
  if (inputs.failOn === 'never') return null;
  if (errors > 0) return `adrlint found ${plural(errors, 'error')}${warnings ? ` and ${plural(warnings, 'warning')}` : ''}.`;
  if (inputs.failOn === 'warning' && warnings > 0) return `adrlint found ${plural(warnings, 'warning')} (fail-on: warning).`;
  if (inputs.maxWarnings >= 0 && warnings > inputs.maxWarnings) return `adrlint found too many warnings (${warnings}; maximum allowed is ${inputs.maxWarnings}).`;
  return null;
}


/** The pull request of a `pull_request` event payload (GITHUB_EVENT_PATH), if it is one. */
export function pullRequestOfEvent(eventPath: string | undefined): PullRequestContext | null {
  if (!eventPath) return null;
  try {
    const event = JSON.parse(readFileSync(eventPath, 'utf8')) as { pull_request?: { number?: unknown; base?: { sha?: unknown }; head?: { sha?: unknown } } };
    const pr = event.pull_request;
    if (!pr || typeof pr.number !== 'number' || typeof pr.base?.sha !== 'string' || typeof pr.head?.sha !== 'string') return null;
    return { number: pr.number, baseSha: pr.base.sha, headSha: pr.head.sha };
  } catch {
    return null;
  }
}
