// Which files a pull request changed, and which of their lines a review comment may point at.
// The API is the first source (it also gives each file's patch); the local clone is the fallback
// for a token that may not read pull requests.
import { execFile } from 'node:child_process';
import { posix } from 'node:path';
import type { Octokit } from './client.ts';

export type ChangeStatus = 'added' | 'modified' | 'renamed' | 'removed' | 'copied' | 'changed' | 'unchanged';

export interface ChangedFile {
  /** Repo-relative, with forward slashes; a renamed file's new path. */
  path: string;
  status: ChangeStatus;
  /** A renamed or copied file's old path. */
  previousPath?: string;
  /** The unified diff GitHub shows for the file; absent for binary or very large files (and from git). */
  patch?: string;
}

/** The most files GitHub lists for one pull request; later pages are never served. */
export const PULL_REQUEST_FILES_CAP = 3000;

/** Every file of a pull request, as GitHub lists them (at most its cap of 3000). */
export async function listPullRequestFiles(
  octokit: Octokit,
  { owner, repo, pullNumber }: { owner: string; repo: string; pullNumber: number },
): Promise<ChangedFile[]> {
  let listed = 0;
  return octokit.paginate(octokit.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: 100 }, (response, done) => {
    const page = response.data.slice(0, PULL_REQUEST_FILES_CAP - listed);
    listed += page.length;
    if (listed >= PULL_REQUEST_FILES_CAP) done();
    return page.map(
      (file): ChangedFile => ({
        path: file.filename,
        status: file.status,
        ...(file.previous_filename ? { previousPath: file.previous_filename } : {}),
        ...(file.patch !== undefined ? { patch: file.patch } : {}),
      }),
    );
  });
}

const GIT_STATUS: Record<string, ChangeStatus> = {
  A: 'added',
  B: 'modified',
  C: 'copied',
  D: 'removed',
  M: 'modified',
  R: 'renamed',
  T: 'changed',
  U: 'changed',
  X: 'changed',
};

/**
 * The files that differ between two commits of the clone at `cwd`, for when the API is not usable.
 * Never fetches: a commit missing from a shallow checkout is reported, for the caller to explain.
 */
export async function gitChangedFiles(cwd: string, baseSha: string, headSha: string): Promise<{ files: ChangedFile[] } | { error: string }> {
  for (const [which, sha] of [
    ['base', baseSha],
    ['head', headSha],
  ] as const) {
    // Also keeps a value such as "--output=x" from reaching git as an option.
    if (!/^[0-9a-f]{4,64}$/i.test(sha)) return { error: `the ${which} commit "${sha}" is not a commit id` };
    const found = await git(cwd, ['rev-parse', '--verify', '--quiet', `${sha}^{commit}`]);
    if (found.error) return { error: found.error };
    if (found.code !== 0) {
      return { error: `the ${which} commit ${sha.slice(0, 12)} is not in the local clone (a shallow checkout? actions/checkout with fetch-depth: 0 fetches it)` };
    }
  }
  // base...head: the changes since the merge base, as the pull request shows them; a base branch
  // that moved on after the branch point adds nothing.
  const diff = await git(cwd, ['diff', '--name-status', '-z', '--find-renames', '--no-color', '--no-ext-diff', '--no-relative', `${baseSha}...${headSha}`]);
  if (diff.error) return { error: diff.error };
  if (diff.code !== 0) return { error: `git diff failed: ${firstLine(diff.stderr) || `exit code ${diff.code}`}` };
  return { files: parseNameStatus(diff.stdout) };
}

/** `git diff --name-status -z` output: a status field, then one path (two for renames and copies), NUL-separated. */
export function parseNameStatus(output: string): ChangedFile[] {
  const fields = output.split('\0');
  const files: ChangedFile[] = [];
  let i = 0;
  while (i < fields.length) {
    const code = fields[i++] ?? '';
    if (code === '') continue;
    const status = GIT_STATUS[code[0]!] ?? 'changed';
    if (code[0] === 'R' || code[0] === 'C') {
      const previousPath = fields[i++] ?? '';
      const path = fields[i++] ?? '';
      files.push({ path, status, previousPath });
    } else {
      files.push({ path: fields[i++] ?? '', status });
    }
  }
  return files;
}

interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
  /** git could not be run at all, or is not looking at a repository. */
  error?: string;
}

function git(cwd: string, args: string[]): Promise<GitRun> {
  return new Promise((resolve) => {
    // LC_ALL=C: git's messages in English, whatever the runner's locale, as the report quotes them.
    execFile('git', args, { cwd, env: { ...process.env, LC_ALL: 'C' }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, windowsHide: true }, (failure, stdout, stderr) => {
      if (!failure) return resolve({ code: 0, stdout, stderr });
      const { code } = failure as { code?: unknown };
      if (typeof code !== 'number') return resolve({ code: -1, stdout, stderr, error: `git could not be run: ${firstLine(failure.message)}` });
      // 128 is git's "fatal:" (not a repository, a corrupt object); a missing commit is 1 from rev-parse --quiet.
      if (code === 128) return resolve({ code, stdout, stderr, error: `git failed: ${firstLine(stderr) || `exit code ${code}`}` });
      resolve({ code, stdout, stderr });
    });
  });
}

function firstLine(text: string): string {
  return text.split(/\r?\n/).find((line) => line.trim() !== '')?.trim() ?? '';
}

export interface DiffLines {
  /** Right-side (new file) lines the patch adds. */
  added: Set<number>;
  /** Right-side lines a review comment may target: added or context lines of a hunk. */
  commentable: Set<number>;
  /** Right-side [first, last] line of each hunk that has any; a multi-line comment must sit in one. */
  hunks: Array<[number, number]>;
}

const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/** The right-side lines of a unified diff as GitHub returns it in a file's `patch`. */
export function diffLines(patch: string): DiffLines {
  const added = new Set<number>();
  const commentable = new Set<number>();
  const hunks: Array<[number, number]> = [];
  let line = 0;
  // Lines of the current hunk still to come, from its header; a hunk's end is known only by count.
  let leftToCome = 0;
  let rightToCome = 0;
  let hunk: [number, number] | null = null;
  for (const raw of patch.split('\n')) {
    const header = HUNK_HEADER.exec(raw);
    if (header) {
      if (hunk) hunks.push(hunk);
      hunk = null;
      line = Number(header[1]);
      rightToCome = header[2] === undefined ? 1 : Number(header[2]);
      leftToCome = Number(/^@@ -\d+(?:,(\d+))?/.exec(raw)![1] ?? 1);
      continue;
    }
    const marker = raw[0];
    if (marker === '-' && leftToCome > 0) {
      leftToCome--;
      continue;
    }
    const isAdded = marker === '+' && rightToCome > 0;
    // A context line whose single space was stripped (some tools do) is an empty string.
    const isContext = (marker === ' ' || raw === '') && rightToCome > 0 && leftToCome > 0;
    if (!isAdded && !isContext) continue;
    if (isAdded) added.add(line);
    else leftToCome--;
    rightToCome--;
    commentable.add(line);
    hunk = hunk ? [hunk[0], line] : [line, line];
    line++;
  }
  if (hunk) hunks.push(hunk);
  return { added, commentable, hunks };
}

export type LintTargets = { mode: 'all'; reason: string } | { mode: 'files'; paths: string[] };

/**
 * The ADRs a pull request asks to lint: those it added, modified, renamed (by their new path) or
 * copied. A change to a trigger (the config, the catalogue) can change every ADR's result, so it
 * means all. Removed files are not linted.
 */
export function selectLintTargets(
  changed: readonly ChangedFile[],
  { isAdrPath, triggers }: { isAdrPath: (path: string) => boolean; triggers: readonly string[] },
): LintTargets {
  const triggerSet = new Set(triggers.map(normalise));
  for (const file of changed) {
    if (file.status === 'unchanged') continue;
    for (const path of [file.path, file.previousPath]) {
      if (path !== undefined && triggerSet.has(normalise(path))) return { mode: 'all', reason: `${normalise(path)} was ${file.status}` };
    }
  }
  const paths = new Set<string>();
  for (const file of changed) {
    if (file.status === 'removed' || file.status === 'unchanged') continue;
    if (isAdrPath(file.path)) paths.add(file.path);
  }
  return { mode: 'files', paths: [...paths] };
}

function normalise(path: string): string {
  return posix.normalize(path.replace(/\\/g, '/')).replace(/^(?:\.\/)+/, '');
}
