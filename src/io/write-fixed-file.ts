// Writing a fixed file: once, never over a file that changed on disk since adrlint read it, with
// its owner, group, mode and hard links kept (src/io/safe-write.ts replaceFile: a temp file renamed
// over it, or in place). The file is compared with the text adrlint fixed twice: before the fixed
// text is written anywhere, and again right before the file is replaced, so that an edit saved
// while adrlint was writing is not lost.
import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync, type Stats } from 'node:fs';
import { ioReason, replaceFile, ReplaceRefused, WriteError } from './safe-write.ts';

export type WriteOutcome = { ok: true } | { ok: false; reason: string };

const CHANGED = 'changed on disk while adrlint was fixing it; not written';

/**
 * For tests only (never set by adrlint): runs in the window between the fixed text being ready and
 * the last "changed on disk?" check, so that a test can edit the file there.
 */
export const fixWriteHooks: { beforeReplace: ((path: string) => void) | null } = { beforeReplace: null };

interface Snapshot {
  stats: Stats;
  mtimeNs: bigint;
  text: string;
}

/** The file at `path` as it is now: its identity, size and modification time, and its text. */
function snapshot(path: string): Snapshot {
  // O_NONBLOCK: a FIFO put in the file's place must not block the run.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new WriteError(path, 'is not a regular file');
    return { stats, mtimeNs: fstatSync(fd, { bigint: true }).mtimeNs, text: readFileSync(fd, 'utf8') };
  } finally {
    closeSync(fd);
  }
}

function sameFile(a: Snapshot, b: Snapshot): boolean {
  return a.stats.dev === b.stats.dev && a.stats.ino === b.stats.ino && a.stats.size === b.stats.size && a.mtimeNs === b.mtimeNs && a.text === b.text;
}

export function writeFixedFile(path: string, originalSource: string, fixedSource: string): WriteOutcome {
  let target: string;
  let before: Snapshot;
  try {
    // Write through a symbolic link, not over it; refuse anything but a regular file.
    target = realpathSync(path);
    before = snapshot(target);
    if (before.text !== originalSource) return { ok: false, reason: CHANGED };
  } catch (error) {
    if (error instanceof WriteError) return { ok: false, reason: `could not be re-read before writing: it ${error.reason}` };
    return { ok: false, reason: `could not be re-read before writing (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
  }
  const guard = () => {
    fixWriteHooks.beforeReplace?.(path);
    let now: Snapshot;
    try {
      now = snapshot(target);
    } catch {
      throw new ReplaceRefused(CHANGED);
    }
    if (!sameFile(before, now)) throw new ReplaceRefused(CHANGED);
  };
  try {
    replaceFile(target, before.stats, fixedSource, guard);
    return { ok: true };
  } catch (error) {
    if (error instanceof ReplaceRefused) return { ok: false, reason: error.message };
    const reason = error instanceof WriteError ? error.reason : ioReason(error);
    return { ok: false, reason: `could not be written (${reason.split(':')[0]})` };
  }
}
