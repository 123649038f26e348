// The read stage of a run: which files (the paths given, and the rest of their folders for the set
// rules) and their texts. A path that matches nothing is an error unless the run has nothing to
// lint by design (a hook naming only files that are not ADRs) or was told otherwise.
import { dirname, resolve } from 'node:path';
import type { ResolvedConfig } from '../../model/config.ts';
import { adrFilesOfFolders, discoverFiles, oversizeReason, readAdrFile, UsageError, type Discovery, type NameCheck, type Selection } from '../../io/files.ts';
import { isNegated } from '../../io/targets.ts';
import type { HashedRead, SourceMemo } from '../../io/source-memo.ts';
import type { RunFile } from './run-file.ts';

/**
 * The files a run lints: none only when the paths name only markdown files that are not ADRs
 * (README.md, CONTRIBUTING.md from a hook): nothing to lint, and no error; or, with
 * --no-error-on-unmatched-pattern, when nothing matched. Throws UsageError when nothing matched.
 */
export async function discoverRun(paths: readonly string[], cwd: string, config: ResolvedConfig, selection: Selection = {}): Promise<Discovery> {
  const found = await discoverFiles(paths, cwd, config, selection);
  // --no-error-on-unmatched-pattern: a path or glob that matches nothing is neither an error nor a result.
  const discovery = selection.errorOnUnmatchedPattern === false ? { ...found, missing: [] } : found;
  if (discovery.files.length > 0 || selection.errorOnUnmatchedPattern === false || (discovery.missing.length === 0 && namesOnlySkippedFiles(paths, cwd, discovery)))
    return discovery;
  const absent = discovery.missing.filter((entry) => !entry.glob).map((entry) => entry.input);
  const unmatched = discovery.missing.filter((entry) => entry.glob).map((entry) => entry.input);
  const what = [...(absent.length ? [`no such file or folder: ${absent.join(', ')}`] : []), ...(unmatched.length ? [`no files match ${unmatched.join(', ')}`] : [])];
  throw new UsageError(what.length ? what.join('; ') : 'no ADR markdown files matched');
}

/** Every path given names an existing markdown file that is not an ADR (no folder, glob or ADR among them). */
function namesOnlySkippedFiles(paths: readonly string[], cwd: string, discovery: Discovery): boolean {
  const names = new Set(discovery.skipped.map((file) => file.path));
  const selecting = paths.filter((path) => !isNegated(path));
  return selecting.length > 0 && selecting.every((path) => names.has(resolve(cwd, path)));
}

export interface ReadFiles {
  /** The linted files in the order given, then the rest of their folders. */
  files: RunFile[];
  /** Every file the run read or tried to read (for the progress count). */
  count: number;
}

export interface ReadOptions {
  /** A file's content hash for the cache ('' when the run has none). */
  hashOf: (source: string) => string;
  /** The discovery's name check, whose answers are kept. */
  names?: NameCheck;
  /** Texts to read in place of files on the disk, by absolute path (an editor's unsaved buffers). */
  buffers?: ReadonlyMap<string, string>;
  /** A long-lived process's memo of the files' texts, read again only when changed. */
  memo?: SourceMemo;
}

/**
 * Read the linted files and the other ADRs of their folders. A linted file that cannot be read is
 * kept with its reason (a fatal result later); another file of the set that cannot be read is
 * simply not in the set (it is reported when it is linted).
 */
export function readRunFiles(linted: readonly string[], cwd: string, config: ResolvedConfig, options: ReadOptions): ReadFiles {
  const named = new Set(linted);
  const others = adrFilesOfFolders(new Set(linted.map((file) => dirname(file))), cwd, config, options.names).filter((file) => !named.has(file));
  const files: RunFile[] = linted.map((path) => {
    const read = readSource(path, config.maxFileSize, options);
    return read.ok ? { path, linted: true, source: read.source, hash: read.hash } : { path, linted: true, source: '', hash: '', error: read.reason };
  });
  for (const path of others) {
    const read = readSource(path, config.maxFileSize, options);
    if (read.ok) files.push({ path, linted: false, source: read.source, hash: read.hash });
  }
  return { files, count: linted.length + others.length };
}

/** A file's text and hash: its buffer's when it has one (held to the same size limit as a file), else the disk's. */
function readSource(path: string, maxFileSize: number, { buffers, memo, hashOf }: ReadOptions): HashedRead {
  const text = buffers?.get(path);
  if (text === undefined) {
    if (memo) return memo.read(path, maxFileSize, hashOf);
    const read = readAdrFile(path, maxFileSize);
    return read.ok ? { ...read, hash: hashOf(read.source) } : read;
  }
  const size = Buffer.byteLength(text);
  if (size > maxFileSize) return { ok: false, reason: oversizeReason(size, maxFileSize) };
  return { ok: true, source: text, hash: hashOf(text) };
}
