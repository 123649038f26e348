// Discover and read: which files are ADRs to lint, and their text, with every way a file can
// be unreadable turned into a one-line reason instead of an exception.
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { DEFAULT_ADR_FOLDERS, type ResolvedConfig } from '../model/config.ts';
import { isNumberedFolder, isNumberedName, isTemplateName } from '../model/naming.ts';
import { readRegularFile } from './safe-write.ts';
import { isNegated, targetsOf } from './targets.ts';
import { insidePath, toPosix } from '../model/paths.ts';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];
const ALWAYS_IGNORED = ['node_modules/', '.git/'];
/** Folders a search never enters (besides dot-folders); ALWAYS_IGNORED would drop their files anyway. */
const NEVER_SEARCHED = new Set(['node_modules']);

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface MissingInput {
  /** The path or glob as given. */
  input: string;
  /** It resolved against the working folder (or the config's folder, for its `adrs`). */
  path: string;
  glob: boolean;
}

export interface Discovery {
  /** Absolute paths of the files to lint, sorted, each once. */
  files: string[];
  /** Inputs that named nothing that exists. */
  missing: MissingInput[];
  /**
   * Markdown files named one by one that exist but are not ADRs (a README, a template, an ignored
   * file), sorted, each with why: hooks such as pre-commit and lint-staged pass every staged
   * markdown file, and those are no error.
   */
  skipped: SkippedFile[];
  /** The name check the discovery used, to be used again for the rest of the files' folders. */
  names: NameCheck;
}

export interface SkippedFile {
  path: string;
  /** Why it is not linted, as the end of a sentence: "a template, not an ADR". */
  reason: string;
}

function isMarkdown(path: string): boolean {
  const lower = path.toLowerCase();
  return MARKDOWN_EXTENSIONS.some((extension) => lower.endsWith(extension));
}


/** How a run chooses its files besides the paths: --no-ignore, --ignore-pattern, --no-error-on-unmatched-pattern. */
export interface Selection {
  /** Apply .gitignore, the config's `ignore` and `ignorePatterns` (default true; --no-ignore: false). */
  ignore?: boolean;
  /** More .gitignore patterns, relative to the working folder (--ignore-pattern). */
  ignorePatterns?: readonly string[];
  /** A path or glob that matches nothing is an error (default true; --no-error-on-unmatched-pattern: false). */
  errorOnUnmatchedPattern?: boolean;
}

interface Ignores {
  /** .gitignore and the config's `ignore`, from `root`. */
  matcher: Ignore;
  root: string;
  /** --ignore-pattern, from the working folder. */
  given: Ignore | null;
}

/** `.gitignore` of the config's folder (else the working folder's) plus the config's `ignore`, and --ignore-pattern, as .gitignore patterns. */
function buildIgnore(cwd: string, config: ResolvedConfig, selection: Selection): Ignores {
  const matcher = ignore().add(ALWAYS_IGNORED);
  const root = config.file ? config.baseDir : cwd;
  if (selection.ignore === false) return { matcher, root, given: null };
  const gitignore = resolve(root, '.gitignore');
  if (existsSync(gitignore)) {
    try {
      matcher.add(readRegularFile(gitignore));
    } catch {
      // An unreadable .gitignore (or a FIFO, never opened) ignores nothing.
    }
  }
  matcher.add(config.ignore);
  const patterns = selection.ignorePatterns ?? [];
  return { matcher, root, given: patterns.length > 0 ? ignore().add([...patterns]) : null };
}

/**
 * The files a run lints: explicit inputs, else the config's `adrs`, else the usual ADR folder;
 * less what negated patterns match (src/io/targets.ts).
 */
export async function discoverFiles(inputs: readonly string[], cwd: string, config: ResolvedConfig, selection: Selection = {}): Promise<Discovery> {
  const { targets, excluded } = targetsOf(inputs, cwd, config);
  if (targets === null)
    throw new UsageError(`no ADR folder found (looked for ${DEFAULT_ADR_FOLDERS.join(', ')}); pass paths or set "adrs" in .adrlintrc.yml`);

  const found = new Set<string>();
  /** Found entries that are folders (a folder named like a markdown file), for .gitignore's "dir/" patterns. */
  const folders = new Set<string>();
  const missing: MissingInput[] = [];
  /** Existing markdown files named as themselves (not through a folder or a glob). */
  const named = new Set<string>();
  for (const { pattern, base } of targets) {
    const absolute = resolve(base, pattern);
    let stats: ReturnType<typeof statSync> | undefined;
    try {
      stats = statSync(absolute);
    } catch {
      // A link that cannot be followed (it loops, or points at nothing) is reported when it is read.
      if (linkTarget(absolute) !== null) {
        found.add(absolute);
        continue;
      }
    }
    if (stats?.isDirectory()) {
      // A folder named like a markdown file was most likely meant as one: say so, and search it.
      if (isMarkdown(absolute)) {
        found.add(absolute);
        folders.add(absolute);
      }
      searchFolder(absolute, () => true, true, found, folders);
    } else if (stats) {
      found.add(absolute);
      if (isMarkdown(absolute)) named.add(absolute);
    } else if (picomatch.scan(toPosix(pattern)).isGlob) {
      const scan = picomatch.scan(toPosix(pattern));
      const deep = scan.glob.includes('/') || scan.glob.includes('**');
      const matched = scan.glob ? searchFolder(resolve(base, scan.base || '.'), picomatch(scan.glob, { dot: false }), deep, found, folders) : 0;
      if (matched === 0) missing.push({ input: pattern, path: absolute, glob: true });
    } else {
      missing.push({ input: pattern, path: absolute, glob: false });
    }
  }

  const names = nameCheck(cwd, config, selection);
  const whyNot = notAdrReason(folders, names, new Set([...named, ...explicitAdrFiles(config)]));
  const files = [...found].filter((file) => isMarkdown(file) && !excluded(file) && whyNot(file) === null).sort();
  const skipped = [...named]
    .filter((file) => !excluded(file))
    .sort()
    .flatMap((path) => {
      const reason = whyNot(path);
      return reason === null ? [] : [{ path, reason }];
    });
  return { files, missing, skipped, names };
}

/**
 * The markdown files the config's `adrs` lists one by one (a path to an existing file, not a
 * folder or a glob): ADRs by the user's word, whatever their name.
 */
function explicitAdrFiles(config: ResolvedConfig): string[] {
  return (config.adrs ?? []).flatMap((entry) => {
    if (isNegated(entry) || picomatch.scan(toPosix(entry)).isGlob) return [];
    const path = resolve(config.baseDir, entry);
    try {
      return isMarkdown(path) && statSync(path).isFile() ? [path] : [];
    } catch {
      return [];
    }
  });
}

/** The names of a folder's entries; none when it cannot be read. */
export function folderEntries(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/** Why a file is not an ADR by its name or the ignore patterns alone (null: it may be one); `folder`: the entry is a folder. */
export type NameCheck = (file: string, folder: boolean) => string | null;

/**
 * The name check of a run: a template, a README or index page (`nonAdrFiles`), or an ignored file.
 * Each answer is kept, as a run asks again for the files of its folders after discovering them.
 */
export function nameCheck(cwd: string, config: ResolvedConfig, selection: Selection = {}): NameCheck {
  const { matcher, root, given } = buildIgnore(cwd, config, selection);
  const isNonAdr = picomatch(config.nonAdrFiles, { dot: true });
  const answers = new Map<string, string | null>();
  const check = (file: string, folder: boolean): string | null => {
    const name = basename(file);
    if (isTemplateName(name)) return 'a template, not an ADR';
    if (isNonAdr(name)) return 'not an ADR (its name matches "nonAdrFiles")';
    const path = insidePath(root, file);
    // Files outside the config's folder are not subject to its ignore patterns.
    if (path !== null && matcher.ignores(toPosix(path) + (folder ? '/' : ''))) return 'ignored by .gitignore or the config\'s "ignore"';
    const fromCwd = insidePath(cwd, file);
    if (given && fromCwd !== null && given.ignores(toPosix(fromCwd) + (folder ? '/' : '')))
      return 'ignored by --ignore-pattern';
    return null;
  };
  return (file, folder) => {
    const key = folder ? `${file}/` : file;
    let answer = answers.get(key);
    if (answer === undefined) answers.set(key, (answer = check(file, folder)));
    return answer;
  };
}

/**
 * Why a found markdown file is not an ADR, or null when it is one: its name (`byName`), or an
 * unnumbered page in a folder of numbered records, unless it is `explicit` (named on the command
 * line, or listed in `adrs`).
 */
function notAdrReason(folders: Set<string>, byName: NameCheck, explicit: Set<string>): (file: string) => string | null {
  const numberedFolders = new Map<string, boolean>();
  const inNumberedFolder = (file: string): boolean => {
    const folder = dirname(file);
    let numbered = numberedFolders.get(folder);
    if (numbered === undefined) {
      numbered = isNumberedFolder(markdownFileNames(folder).filter((name) => byName(join(folder, name), false) === null));
      numberedFolders.set(folder, numbered);
    }
    return numbered;
  };
  return (file) => {
    const folder = folders.has(file);
    const reason = byName(file, folder);
    if (reason !== null) return reason;
    // A folder named like a markdown file is reported when it is read, not left out.
    if (!folder && !explicit.has(file) && !isNumberedName(basename(file)) && inNumberedFolder(file)) return 'not numbered, in a folder of numbered ADRs';
    return null;
  };
}

/** The names of the markdown files of a folder, dot-files left out. */
function markdownFileNames(folder: string): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.filter((entry) => !entry.isDirectory() && !entry.name.startsWith('.') && isMarkdown(entry.name)).map((entry) => entry.name);
}

/** The folder's template file (`template.md`, `0000-adr-template.md`, ...), or null. */
export function templateFileOf(folder: string): string | null {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return null;
  }
  const name = names.filter((entry) => isMarkdown(entry) && isTemplateName(entry)).sort()[0];
  return name === undefined ? null : join(folder, name);
}

/**
 * Every ADR file of the given folders (not their subfolders): the set cross-file rules compare a
 * linted file with, so `adrlint docs/adr/0042-x.md` still finds that 0042 is taken.
 */
export function adrFilesOfFolders(folderPaths: Iterable<string>, cwd: string, config: ResolvedConfig, names = nameCheck(cwd, config)): string[] {
  const found = new Set<string>();
  const folders = new Set<string>();
  for (const folder of folderPaths) searchFolder(folder, () => true, false, found, folders);
  // Folders named like markdown files are not ADRs of the set.
  for (const folder of folders) found.delete(folder);
  const whyNot = notAdrReason(folders, names, new Set(explicitAdrFiles(config)));
  return [...found].filter((file) => whyNot(file) === null).sort();
}

/**
 * Add the markdown-named entries under `root` whose posix path relative to it `isMatch` accepts.
 * Links are listed, never entered: a link to a file is read through it, and a link that loops or
 * dangles, or a folder named like a markdown file, is reported when it is read instead of being
 * silently left out. Dot-entries and node_modules are not searched; an unreadable folder is skipped.
 * Returns how many entries matched.
 */
function searchFolder(root: string, isMatch: (path: string) => boolean, deep: boolean, found: Set<string>, folders: Set<string>): number {
  let matched = 0;
  const pending = [''];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, folder), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory() && deep && !NEVER_SEARCHED.has(entry.name)) pending.push(path);
      if (!isMarkdown(entry.name) || !isMatch(path)) continue;
      const absolute = resolve(root, path);
      found.add(absolute);
      if (entry.isDirectory()) folders.add(absolute);
      matched++;
    }
  }
  return matched;
}

export type ReadOutcome = { ok: true; source: string } | { ok: false; reason: string };

const SIZE_UNITS = ['bytes', 'KB', 'MB', 'GB'];
function formatSize(bytes: number): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < SIZE_UNITS.length - 1) {
    size /= 1024;
    unit++;
  }
  return unit === 0 ? `${size} bytes` : `${size.toFixed(1)} ${SIZE_UNITS[unit]}`;
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'a symbolic link that loops back on itself',
  EISDIR: 'a folder, not a file',
  EMFILE: 'too many open files',
};

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Read a file as UTF-8 markdown text, or say in one line why it cannot be linted. */
/** Why a text of `size` bytes is not linted under the limit `maxFileSize`. */
export function oversizeReason(size: number, maxFileSize: number): string {
  return `is ${formatSize(size)}, over the ${formatSize(maxFileSize)} limit (set "maxFileSize" to lint it)`;
}

export function readAdrFile(path: string, maxFileSize: number): ReadOutcome {
  let bytes: Buffer;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return { ok: false, reason: 'is a folder, not a file' };
    if (!stats.isFile()) return { ok: false, reason: 'is not a regular file' };
    if (stats.size > maxFileSize) return { ok: false, reason: oversizeReason(stats.size, maxFileSize) };
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT') {
      const target = linkTarget(path);
      if (target !== null) return { ok: false, reason: `is a symbolic link to "${target}", which does not exist` };
    }
    return { ok: false, reason: `cannot be read: ${READ_ERRORS[code] ?? (code || (error as Error).message)}` };
  }
  if (bytes.length === 0) return { ok: false, reason: 'is empty' };
  if (bytes.subarray(0, 8000).includes(0)) return { ok: false, reason: 'is a binary file, not markdown text' };
  try {
    return { ok: true, source: utf8.decode(bytes) };
  } catch {
    return { ok: false, reason: `is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)})` };
  }
}

function linkTarget(path: string): string | null {
  try {
    return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : null;
  } catch {
    return null;
  }
}

function firstInvalidUtf8(bytes: Buffer): number {
  // Decode growing prefixes' tails cheaply: the first offset where a strict decode of the rest fails.
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid + 1;
    } catch {
      high = mid;
    }
  }
  return Math.max(0, low - 1);
}
