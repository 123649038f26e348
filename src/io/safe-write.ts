// Every file adrlint writes goes through here: reports (-o, --format x=path, report -o), the cache,
// baselines, `init`'s config, `new`'s ADR, the Action's SARIF file and fixed ADRs (src/io/write-fixed-file.ts).
// adrlint writes only regular files: a device, FIFO, socket or folder at the path is refused (a
// FIFO is never even opened: that would block), a symbolic link is followed to the regular file it
// names and never replaced, and a file that is replaced keeps its owner, group, mode and hard links.
import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  ftruncateSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';

/** A write adrlint refused or could not do; `reason` is one line ("is a FIFO, not a regular file"). */
export class WriteError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot write ${path}: ${reason}`);
    this.name = 'WriteError';
  }
}

/** A path to read that exists but is not a regular file (reading a FIFO or a device could block or never end). */
export class NotRegularFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path} ${reason}`);
    this.name = 'NotRegularFileError';
  }
}

/** "a FIFO", "a character device", … for a path that is not a regular file. */
function kindOf(stats: Stats): string {
  if (stats.isFile()) return 'a file';
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** Why what `stats` describes is not to be read or written as a file ("is a FIFO (named pipe), not a regular file"), or null for a regular file. */
export function notRegularReason(stats: Stats): string | null {
  return stats.isFile() ? null : `is ${kindOf(stats)}, not a regular file`;
}

/** An I/O error as one line without the paths Node puts in it: "EACCES: permission denied". */
export function ioReason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const text = String(message ?? error).split('\n')[0]!;
  return code && text.startsWith(`${code}: `) ? text.replace(/, \w+ '.*$/, '') : code ? `${code}: ${text}` : text;
}

/** Where a write to `path` lands: the regular file there (through symbolic links), or nothing yet. */
export interface WriteTarget {
  /** The path to write: `path` itself, or the regular file a symbolic link names. */
  path: string;
  /** The file there now; null when there is none. */
  existing: Stats | null;
}

/** What is at `path`, for writing it. Throws WriteError for anything but a regular file or nothing. */
export function writeTarget(path: string): WriteTarget {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { path, existing: null };
    if (code === 'ENOTDIR') throw new WriteError(path, underNonFolder(path));
    throw new WriteError(path, ioReason(error));
  }
  if (stats.isFile()) return { path, existing: stats };
  if (!stats.isSymbolicLink()) throw new WriteError(path, notRegularReason(stats)!);
  if (linksIntoProc(path)) throw new WriteError(path, "is a link to a process's open file (as /dev/stdout is), not a file of its own");
  let real: string;
  try {
    real = realpathSync(path);
    stats = statSync(real);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Creating a file where a dangling link points is how a planted link redirects a write.
    if (code === 'ENOENT') throw new WriteError(path, 'is a symbolic link to nothing; adrlint does not create files through links');
    if (code === 'ELOOP') throw new WriteError(path, 'is a symbolic link that loops');
    throw new WriteError(path, ioReason(error));
  }
  if (!stats.isFile()) throw new WriteError(path, `is a symbolic link to ${kindOf(stats)}, not to a regular file`);
  return { path: real, existing: stats };
}

/**
 * Whether the chain of links from `path` passes through /proc (/dev/stdout, /dev/fd/1,
 * /proc/self/fd/1): its end is whatever a descriptor is open on, maybe the very file the shell
 * redirects adrlint's output to; replacing that would lose what the shell wrote there.
 */
function linksIntoProc(path: string): boolean {
  let hop = path;
  for (let hops = 0; hops < 40; hops++) {
    try {
      if (realpathSync(dirname(hop)).startsWith('/proc/')) return true;
      if (!lstatSync(hop).isSymbolicLink()) return false;
      hop = resolve(dirname(hop), readlinkSync(hop));
    } catch {
      return false;
    }
  }
  return false;
}

/** Check that `path` could be written (nothing there, or a regular file), without writing it. Throws WriteError. */
export function checkWritable(path: string): void {
  const { existing } = writeTarget(path);
  if (existing === null) checkFolder(dirname(path), path);
}

function checkFolder(folder: string, path: string): void {
  try {
    const stats = statSync(folder);
    if (!stats.isDirectory()) throw new WriteError(path, `is under ${folder}, which is ${kindOf(stats)}, not a folder`);
  } catch (error) {
    if (error instanceof WriteError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    // A folder that does not exist yet is made when the file is written.
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') throw new WriteError(path, underNonFolder(path));
    throw new WriteError(path, ioReason(error));
  }
}

/** Why nothing can be made at `path`: the nearest existing folder on its way is not a folder. */
function underNonFolder(path: string): string {
  for (let ancestor = dirname(path); ancestor !== dirname(ancestor); ancestor = dirname(ancestor)) {
    try {
      const stats = statSync(ancestor);
      if (!stats.isDirectory()) return `is under ${ancestor}, which is ${kindOf(stats)}, not a folder`;
    } catch {
      // Not there, or itself under a file: look further up.
    }
  }
  return 'is under a path that is not a folder';
}

function makeFolder(folder: string, path: string): void {
  checkFolder(folder, path);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' || code === 'EEXIST') throw new WriteError(path, underNonFolder(path));
    throw new WriteError(path, ioReason(error));
  }
}

/**
 * Write `text` to `path`, making its folder. A new file is written whole (a temporary file, then
 * linked into place: nothing that appears meanwhile is replaced); an existing regular file is
 * replaced as `replaceFile` does. Throws WriteError.
 */
export function writeFileSafely(path: string, text: string): void {
  makeFolder(dirname(path), path);
  const target = writeTarget(path);
  if (target.existing) replaceFile(target.path, target.existing, text);
  else createFile(target.path, text);
}

/**
 * Create `path` with `text` only if nothing is there (`adrlint new`): false when something is.
 * Never follows a link. Throws WriteError for anything else.
 */
export function createNewFile(path: string, text: string): boolean {
  makeFolder(dirname(path), path);
  let fd: number;
  try {
    // O_EXCL: fails on anything there, a dangling link included.
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new WriteError(path, ioReason(error));
  }
  try {
    writeAll(fd, text);
  } catch (error) {
    closeSync(fd);
    unlinkSync(path);
    throw new WriteError(path, ioReason(error));
  }
  closeSync(fd);
  return true;
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.adrlint-${randomBytes(6).toString('hex')}.tmp`);
}

/** Write `text` from the start of the file; returns its length in bytes. */
function writeAll(fd: number, text: string): number {
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, written);
  return bytes.length;
}

function createFile(path: string, text: string): void {
  const temp = tempPathFor(path);
  try {
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
    try {
      writeAll(fd, text);
    } finally {
      closeSync(fd);
    }
    try {
      moveWithoutReplacing(temp, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new WriteError(path, 'appeared while adrlint was writing it; not written');
      throw error;
    }
  } catch (error) {
    if (error instanceof WriteError) throw error;
    throw new WriteError(path, ioReason(error));
  } finally {
    removeQuietly(temp);
  }
}

/** Errors of a file system that has no hard links (FAT, exFAT, some network shares). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK']);

/**
 * Give the file `from` the name `to` in the same folder, never over anything there (a rename would
 * replace it): a hard link, then `from` unlinked. A file system without hard links gets the name
 * reserved by an exclusive create, and `from` renamed over its own reservation. Either way the
 * file keeps its inode (owner, mode, content). Throws EEXIST when something is at `to`; `from` is
 * then left as it was.
 */
export function moveWithoutReplacing(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    closeSync(openSync(to, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600));
    try {
      renameSync(from, to);
    } catch (renameError) {
      removeQuietly(to);
      throw renameError;
    }
    return;
  }
  unlinkSync(from);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone (renamed into place, or never created).
  }
}

/** Thrown by a guard to say the file must be left as it is; `replaceFile` passes it on untouched. */
export class ReplaceRefused extends Error {
  override name = 'ReplaceRefused';
}

/** What a replacing write checks last, right before the file is replaced: throws to leave the file as it is. */
export type ReplaceGuard = () => void;

/**
 * Replace the regular file `path` (as `stats` describes it) by `text`, keeping its owner, group,
 * mode and hard links: by a temporary file given the same owner and mode, renamed over it; or in
 * place when the file has other names (a rename would split them) or the temporary file cannot be
 * given its owner (another user's file). `guard` runs right before the file is replaced.
 */
export function replaceFile(path: string, stats: Stats, text: string, guard?: ReplaceGuard): void {
  if (stats.nlink > 1) return writeInPlace(path, stats, text, guard);
  const temp = tempPathFor(path);
  try {
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    let owned = true;
    try {
      writeAll(fd, text);
      owned = ownLike(fd, stats);
      // After the chown, which clears set-user-ID bits; and past the umask.
      if (owned) fchmodSync(fd, stats.mode & 0o7777);
    } finally {
      closeSync(fd);
    }
    if (!owned) {
      removeQuietly(temp);
      return writeInPlace(path, stats, text, guard);
    }
    guard?.();
    renameSync(temp, path);
  } catch (error) {
    if (error instanceof WriteError || error instanceof ReplaceRefused) throw error;
    throw new WriteError(path, ioReason(error));
  } finally {
    removeQuietly(temp);
  }
}

/** Give the new file `stats`' owner and group; false when this process may not. */
function ownLike(fd: number, stats: Stats): boolean {
  const own = fstatSync(fd);
  if (own.uid === stats.uid && own.gid === stats.gid) return true;
  try {
    fchownSync(fd, stats.uid, stats.gid);
    return true;
  } catch {
    return false;
  }
}

/** Overwrite the file itself (same inode: its links, owner and mode stay), after checking it is still the file described. */
function writeInPlace(path: string, stats: Stats, text: string, guard?: ReplaceGuard): void {
  let fd: number;
  try {
    // O_NONBLOCK: were the name now a FIFO, opening it would otherwise wait for a reader.
    fd = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    throw new WriteError(path, ioReason(error));
  }
  try {
    guard?.();
    // The file opened must be the one checked (and, for a fix, compared by the guard).
    const now = fstatSync(fd);
    if (!now.isFile() || now.ino !== stats.ino || now.dev !== stats.dev) throw new WriteError(path, 'was replaced while adrlint was writing it; not written');
    ftruncateSync(fd, writeAll(fd, text));
  } catch (error) {
    if (error instanceof WriteError || error instanceof ReplaceRefused) throw error;
    throw new WriteError(path, ioReason(error));
  } finally {
    closeSync(fd);
  }
}

/** Why `path` is not to be read: it exists and is not a regular file (a FIFO would block the read). Null otherwise. */
export function nonRegularFileReason(path: string): string | null {
  try {
    return notRegularReason(statSync(path));
  } catch {
    // Missing or unreadable: the reader says so in its own words.
    return null;
  }
}

/**
 * The text of the regular file at `path` (through links). Never opens a FIFO, socket or device
 * to read it: throws NotRegularFileError for those and folders; fs errors (ENOENT…) as they are.
 */
export function readRegularFile(path: string): string {
  const stats = statSync(path);
  if (!stats.isFile()) throw new NotRegularFileError(path, notRegularReason(stats)!);
  // Checked again on the open file: the name may have changed meanwhile.
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw new NotRegularFileError(path, notRegularReason(opened)!);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}
