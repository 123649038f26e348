// The read stage of a run whose text comes from standard input (`--stdin`) or an editor: the text
// linted as the file it names (`--stdin-filename`), in place of that file on disk if there is one,
// with the other ADRs of its folder read as for any run.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_ADR_FOLDERS, type ResolvedConfig } from '../../model/config.ts';
import { MARKDOWN_EXTENSIONS, nameCheck, type Discovery } from '../../io/files.ts';
import { inDefaultTargets } from '../../io/targets.ts';
import { readRunFiles, type ReadFiles, type ReadOptions } from './read.ts';

export interface StdinText {
  /** The file the text is linted as (absolute); without --stdin-filename, `<text>` in the ADR folder (stdinPath). */
  path: string;
  text: string;
  /** Whether --stdin-filename named it (else the rules that judge a file's name have nothing to judge). */
  named: boolean;
}

/** The name the text of `--stdin` without `--stdin-filename` is linted under (ESLint's). */
export const STDIN_NAME = '<text>';

/**
 * Where the text of `--stdin` is, without `--stdin-filename`: `<text>` in the folder a run without
 * paths would lint (the config's first `adrs` entry that is a folder, else the first of the usual
 * ADR folders that exists), else in the working folder; so that the set rules see that folder's records.
 */
export function stdinPath(cwd: string, config: ResolvedConfig): string {
  const configured = (config.adrs ?? []).map((entry) => resolve(config.baseDir, entry)).find((path) => existsSync(path) && !/[*?[{]/.test(path));
  const folder = configured ?? DEFAULT_ADR_FOLDERS.map((candidate) => resolve(cwd, candidate)).find((path) => existsSync(path)) ?? resolve(cwd);
  return join(folder, STDIN_NAME);
}

/**
 * The discovery of a stdin run: the one file, or nothing when its name is not an ADR's (a README, a
 * template, an ignored file); with `onlyTargets`, also when a run from `cwd` without paths would not
 * search it (a markdown file outside the ADR folders).
 */
export function stdinDiscovery(stdin: StdinText, cwd: string, config: ResolvedConfig, onlyTargets = false): Discovery {
  const names = nameCheck(cwd, config);
  const markdown = MARKDOWN_EXTENSIONS.some((extension) => stdin.path.toLowerCase().endsWith(extension));
  const outside = onlyTargets && inDefaultTargets(stdin.path, cwd, config) === false;
  const reason = !stdin.named ? null : !markdown ? 'not a markdown file' : outside ? 'not in the ADR folders adrlint lints from here' : names(stdin.path, false);
  if (reason !== null) return { files: [], missing: [], skipped: [{ path: stdin.path, reason }], names };
  return { files: [stdin.path], missing: [], skipped: [], names };
}

/** The files of a stdin run: the text as the file it names, then the other ADRs of its folder (from their buffers, else the disk). */
export function readStdinRun(stdin: StdinText, cwd: string, config: ResolvedConfig, options: ReadOptions): ReadFiles {
  // The text is the buffer of the file it names, in place of the file on the disk (which need not exist).
  const buffers = new Map(options.buffers ?? []).set(stdin.path, stdin.text);
  return readRunFiles([stdin.path], cwd, config, { ...options, buffers });
}
