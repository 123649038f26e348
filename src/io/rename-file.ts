// Renaming a file adrlint renumbered: through `git mv` when git tracks it (so that history follows
// the file), else a plain rename; never over a file that is there.
import { execFileSync } from 'node:child_process';
import { constants, accessSync, linkSync, lstatSync, unlinkSync } from 'node:fs';
import { basename, dirname } from 'node:path';

/** Whether git tracks `path` (false outside a repository, or without git). */
export function isTrackedByGit(path: string): boolean {
  try {
    execFileSync('git', ['ls-files', '--error-unmatch', '--', basename(path)], { cwd: dirname(path), stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Why `path` cannot be renamed to `to`, or null: the target exists, or the folder or file cannot be written. */
export function renameRefusal(path: string, to: string): string | null {
  try {
    lstatSync(to);
    return `${to} already exists`;
  } catch {
    // Nothing there: the way is free.
  }
  try {
    if (!lstatSync(path).isFile()) return `${path} is not a regular file`;
    accessSync(dirname(path), constants.W_OK);
  } catch (error) {
    return `${dirname(path)} cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  return null;
}

/** Why `path` cannot be rewritten in place, or null. */
export function writeRefusal(path: string): string | null {
  try {
    if (!lstatSync(path).isFile() && !lstatSync(path).isSymbolicLink()) return `${path} is not a regular file`;
    accessSync(path, constants.W_OK);
    accessSync(dirname(path), constants.W_OK);
    return null;
  } catch (error) {
    return `${path} cannot be written (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
}

/** Rename `path` to `to` (same folder): `git mv` when tracked, else a hard link then unlink, which fails rather than replace a file. */
export function renameFile(path: string, to: string, git: boolean): void {
  if (git) {
    // Without -f, git mv refuses a destination that exists.
    execFileSync('git', ['mv', '--', basename(path), basename(to)], { cwd: dirname(path), stdio: ['ignore', 'ignore', 'pipe'] });
    return;
  }
  linkSync(path, to);
  unlinkSync(path);
}
