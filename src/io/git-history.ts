// What git knows of when files came: the files a branch added since a ref (a pull request's base),
// and the time a file was first added. Null or empty where git is absent or knows nothing.
import { execFileSync } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import { UsageError } from './files.ts';

function git(args: readonly string[], cwd: string): string {
  return execFileSync('git', [...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

/** Absolute paths of the files added between `ref` and HEAD (`git diff --diff-filter=A ref...HEAD`), and of those added and not yet committed. */
export function filesAddedSince(ref: string, cwd: string): Set<string> {
  let top: string;
  let committed: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd).trim();
    committed = git(['diff', '--name-only', '--no-renames', '--diff-filter=A', '-z', `${ref}...HEAD`, '--'], cwd);
  } catch (error) {
    const detail = ((error as { stderr?: string }).stderr ?? '').trim().split('\n')[0] || (error as Error).message;
    throw new UsageError(`--changed-from ${ref}: git cannot compare it with HEAD (${detail})`);
  }
  let pending = '';
  try {
    pending = git(['diff', '--name-only', '--no-renames', '--diff-filter=A', '-z', 'HEAD', '--'], cwd) + git(['ls-files', '--others', '--exclude-standard', '-z'], top);
  } catch {
    // A repository without a commit: nothing committed to compare with.
  }
  return new Set(`${committed}\0${pending}`.split('\0').filter(Boolean).map((path) => resolve(top, path)));
}

/**
 * When git first recorded `path` (seconds since the epoch, from the commit that added it under this
 * name); null when git does not know the file (untracked, no repository, no git). Not --follow:
 * it takes a record added beside a similar one for a copy of it.
 */
export function addedAt(path: string): number | null {
  try {
    const out = git(['log', '--diff-filter=A', '--format=%ct', '--', basename(path)], dirname(path)).trim();
    const times = out.split('\n').filter(Boolean).map(Number);
    return times.length > 0 ? Math.min(...times) : null;
  } catch {
    return null;
  }
}
