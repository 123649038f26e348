// Lint an editor's text as the file it is: the `--stdin-filename` path of lintProject, from the
// workspace folder that holds the file (its config, its ignore lists, its set of ADRs read from
// the disk). A file adrlint would not lint from that folder (a README, an ignored file) gives no result.
import { dirname } from 'node:path';
import { insidePath } from '../model/paths.ts';
import { fileURLToPath } from 'node:url';
import { lintProject, type RunOutcome } from '../run/lint-project.ts';
import type { MemoryCaches } from '../io/cache.ts';
import type { AdrRecord } from '../model/types.ts';
import type { LintResult } from '../engine/run-rules.ts';

export interface LintedText {
  result: LintResult | null;
  /** The document's record (its number, relations, links…), when it is an ADR of its set. */
  record: AdrRecord | null;
  /** With `fix`: the text once every fix is made (the fix loop's output), when it differs. */
  output?: string;
  /** The whole run: the set's records (this file's from `text`), the catalogue, the config, the folders' conventions. */
  outcome: RunOutcome;
}

/** The file a document URI names, or null for one that is not on the disk (an untitled buffer). */
export function filePathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

/** The workspace folder that holds `path` (the innermost), else the file's own folder. */
export function folderOf(path: string, folders: readonly string[]): string {
  const holding = folders.filter((folder) => insidePath(folder, path) !== null);
  return holding.sort((a, b) => b.length - a.length)[0] ?? dirname(path);
}

export interface LintTextOptions {
  /** A config file for the document instead of the one found upward from `cwd`. */
  configFile?: string;
  /** Compute the text once every fix is made (`output`). */
  fix?: boolean;
  /** The other open documents' texts, by absolute path: read in place of their files. */
  buffers?: ReadonlyMap<string, string>;
  /** The server's in-memory caches: the set's records and the file's problems are kept by content between keystrokes. */
  caches?: MemoryCaches;
}

/** The problems of `text` linted as the file `path` of the workspace folder `cwd`; with `fix`, the fixed text too. Throws a FileError for an unusable config or catalogue. */
export async function lintText(cwd: string, path: string, text: string, options: LintTextOptions = {}): Promise<LintedText> {
  const outcome = await lintProject({
    cwd,
    // As the editor's workspace would be linted: a markdown file outside its ADR folders is not an ADR.
    stdin: { text, filename: path, onlyTargets: true },
    // The server lints one file: no worker threads to start and stop at each keystroke.
    concurrency: 'off',
    ...(options.configFile !== undefined ? { configFile: options.configFile } : {}),
    ...(options.fix ? { fix: { write: false } } : {}),
    ...(options.buffers ? { buffers: options.buffers } : {}),
    ...(options.caches ? { cache: { memory: options.caches } } : {}),
  });
  const result = outcome.results.find((found) => found.filePath === path) ?? null;
  const record = outcome.records.find((found) => found.path === path) ?? null;
  return { outcome, result, record, ...(result?.output !== undefined ? { output: result.output } : {}) };
}
