// Discover and read: which files are ADRs to lint, and their text, with every way a file can
// be unreadable turned into a one-line reason instead of an exception.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { DEFAULT_ADR_FOLDERS, type ResolvedConfig } from './config.ts';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];
const MARKDOWN_GLOB = '**/*.{md,markdown}';
const ALWAYS_IGNORED = ['node_modules/', '.git/'];

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Discovery {
  /** Absolute paths of the files to lint, sorted, each once. */
  files: string[];
  /** Inputs that named nothing that exists. */
  missing: string[];
}

function isMarkdown(path: string): boolean {
  const lower = path.toLowerCase();
  return MARKDOWN_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** `.gitignore` of the working folder plus the config's `ignore`, both as .gitignore patterns. */
function buildIgnore(cwd: string, config: ResolvedConfig): { matcher: Ignore; root: string } {
  const matcher = ignore().add(ALWAYS_IGNORED);
  const root = config.file ? config.baseDir : cwd;
  const gitignore = resolve(root, '.gitignore');
  if (existsSync(gitignore)) {
    try {
      matcher.add(readFileSync(gitignore, 'utf8'));
    } catch {
      // An unreadable .gitignore ignores nothing.
    }
  }
  matcher.add(config.ignore);
  return { matcher, root };
}

/** The files a run lints: explicit inputs, else the config's `adrs`, else the usual ADR folder. */
export async function discoverFiles(inputs: readonly string[], cwd: string, config: ResolvedConfig): Promise<Discovery> {
  let base = cwd;
  let patterns = [...inputs];
  if (patterns.length === 0 && config.adrs) {
    base = config.baseDir;
    patterns = config.adrs;
  } else if (patterns.length === 0) {
    const folder = DEFAULT_ADR_FOLDERS.find((candidate) => existsSync(resolve(cwd, candidate)));
    if (!folder)
      throw new UsageError(`no ADR folder found (looked for ${DEFAULT_ADR_FOLDERS.join(', ')}); pass paths or set "adrs" in .adrlintrc.yml`);
    patterns = [folder];
  }

  const found = new Set<string>();
  const missing: string[] = [];
  for (const pattern of patterns) {
    const absolute = resolve(base, pattern);
    let stats: ReturnType<typeof statSync> | undefined;
    try {
      stats = statSync(absolute);
    } catch (error) {
      // A file that exists but cannot be followed (a link loop) is reported when it is read.
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') {
        found.add(absolute);
        continue;
      }
    }
    if (stats?.isDirectory()) {
      for (const file of await glob([MARKDOWN_GLOB], { cwd: absolute, absolute: true, onlyFiles: true, followSymbolicLinks: false, dot: false }))
        found.add(resolve(file));
    } else if (stats) {
      found.add(absolute);
    } else if (isDynamicPattern(pattern)) {
      const matches = await glob([toPosix(pattern)], { cwd: base, absolute: true, onlyFiles: true, followSymbolicLinks: false });
      if (matches.length === 0) missing.push(pattern);
      for (const file of matches) found.add(resolve(file));
    } else {
      missing.push(pattern);
    }
  }

  const { matcher, root } = buildIgnore(cwd, config);
  const isNonAdr = picomatch(config.nonAdrFiles, { nocase: true, dot: true });
  const files = [...found]
    .filter((file) => isMarkdown(file))
    .filter((file) => !isNonAdr(basename(file)))
    .filter((file) => {
      const path = relative(root, file);
      // Files outside the config's folder are not subject to its ignore patterns.
      if (!path || path.startsWith('..') || isAbsolute(path)) return true;
      return !matcher.ignores(toPosix(path));
    })
    .sort();
  return { files, missing };
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
export function readAdrFile(path: string, maxFileSize: number): ReadOutcome {
  let bytes: Buffer;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return { ok: false, reason: 'is a folder, not a file' };
    if (!stats.isFile()) return { ok: false, reason: 'is not a regular file' };
    if (stats.size > maxFileSize)
      return { ok: false, reason: `is ${formatSize(stats.size)}, over the ${formatSize(maxFileSize)} limit (set "maxFileSize" to lint it)` };
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    return { ok: false, reason: `cannot be read: ${READ_ERRORS[code] ?? code ?? (error as Error).message}` };
  }
  if (bytes.length === 0) return { ok: false, reason: 'is empty' };
  if (bytes.subarray(0, 8000).includes(0)) return { ok: false, reason: 'is a binary file, not markdown text' };
  try {
    return { ok: true, source: utf8.decode(bytes) };
  } catch {
    return { ok: false, reason: `is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)})` };
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
