// Renaming a file adrlint renumbered: through `git mv` when git tracks it (so that history follows
// the file), else a rename that never replaces a file there (src/io/safe-write.ts, whose checks of
// what may be written it shares).
import { execFileSync } from 'node:child_process';
import { constants, accessSync, lstatSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { moveWithoutReplacing, notRegularReason, writeTarget, WriteError } from './safe-write.ts';

/** Whether git tracks `path` (false outside a repository, or without git). */
export function isTrackedByGit(path: string): boolean {
  try {
    execFileSync('git', ['ls-files', '--error-unmatch', '--', basename(path)], { cwd: dirname(path), stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Why `path` cannot be renamed to `to`, or null: the target exists, `path` is no regular file, or the folder cannot be written. */
export function renameRefusal(path: string, to: string): string | null {
  try {
    lstatSync(to);
    return `${to} already exists`;
  } catch {
    // Nothing there: the way is free.
  }
  try {
    const reason = notRegularReason(lstatSync(path));
    if (reason !== null) return `${path} ${reason}`;
    accessSync(dirname(path), constants.W_OK);
  } catch (error) {
    return `${dirname(path)} cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  return null;
}

/**
 * Why `path` cannot be rewritten in place, or null: what is there as safe-write judges it (a regular
 * file, or a link to one), and that this process may write the file and the folder its
 * replacement is made in.
 */
export function writeRefusal(path: string): string | null {
  try {
    const target = writeTarget(path);
    if (target.existing) accessSync(target.path, constants.W_OK);
    accessSync(dirname(target.path), constants.W_OK);
    return null;
  } catch (error) {
    if (error instanceof WriteError) return `${path} ${error.reason}`;
    return `${path} cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
}

/** Rename `path` to `to` (same folder): `git mv` when tracked, else without replacing anything there (safe-write's moveWithoutReplacing). */
export function renameFile(path: string, to: string, git: boolean): void {
  if (git) {
    // Without -f, git mv refuses a destination that exists.
    execFileSync('git', ['mv', '--', basename(path), basename(to)], { cwd: dirname(path), stdio: ['ignore', 'ignore', 'pipe'] });
    return;
  }
  moveWithoutReplacing(path, to);
}
