// One file's text linted as `lintProject` lints that file, for integrations whose text may be ahead
// of the disk (remark, editors). Called once per file of a folder or per keystroke, so the
// catalogue and the other records of the folder are kept in the process, keyed by content.
import { dirname, relative, resolve } from 'node:path';
import type { Catalogue } from '../model/catalogue.ts';
import { configForFile, type ResolvedConfig } from '../model/config.ts';
import type { AdrRecord } from '../model/types.ts';
import { latestToday } from '../model/dates.ts';
import { adrFilesOfFolders, discoverFiles, readAdrFile, UsageError } from '../io/files.ts';
import type { FolderFile } from '../parse/conventions.ts';
import { lazyParsedAdr } from '../parse/lazy-parsed-adr.ts';
import { headRecord } from '../parse/record-head.ts';
import { fatalResult, summarise, type LintResult } from '../engine/run-rules.ts';
import { loadConfig, mergeRules } from './config.ts';
import { rules } from '../../rules/index.ts';
import { sharedCatalogue } from './catalogue.ts';
import { runFileWork } from './file-work.ts';
import { patternPageCheck, projectOf, readConventions } from './set-context.ts';
import { fileAndSetMessages, lintFailure } from './stages/check.ts';

export interface FileInProjectOptions {
  /**
   * The working folder, as for a run: `configFile` resolves from it, and without a config file the
   * usual ADR folders and `.gitignore` are looked for in it.
   */
  cwd: string;
  /** A config file to use instead of the nearest one above the file's folder. */
  configFile?: string;
  /** Rule settings over the config's, written as in a config file's `rules`. */
  rules?: Record<string, unknown>;
}

/**
 * Lint one file's text as `lintProject` lints that file: the config found upward from the file's
 * folder, the other ADRs of its folder as the set, links judged against the disk. Null when the
 * file is not one `adrlint` run without paths would lint: outside the ADR folders (the config's
 * `adrs`, else the usual ones), a README or a template, ignored, or an unnumbered page among
 * numbered records. Throws ConfigError or CatalogueError.
 */
export async function lintFileInProject(path: string, text: string, options: FileInProjectOptions): Promise<LintResult | null> {
  const cwd = resolve(options.cwd);
  const file = resolve(cwd, path);
  let config = loadConfig(dirname(file), options.configFile === undefined ? undefined : resolve(cwd, options.configFile));
  if (options.rules) config = mergeRules(config, options.rules, 'rules option');
  if (!(await isProjectAdr(file, cwd, config))) return null;
  const catalogue = sharedCatalogue(config.catalogue);
  const { records, folderFiles } = folderRecords(file, text, cwd, config, catalogue);
  const conventions = readConventions(folderFiles, config.maxFileSize, patternPageCheck(config, catalogue, cwd));
  const target = runFileWork({ path: file, source: text, mode: 'lint', conventions: conventions.get(dirname(file))! }, config, catalogue);
  if ('error' in target) return fatalResult(file, `${relative(cwd, file) || file} ${target.error}`);
  records.unshift(target.record);
  try {
    // The parse of the file rules goes on to the set rules (runFileWork ran in this thread).
    const adr = target.adr ?? lazyParsedAdr(file, text, catalogue).adr;
    const context = { rules, catalogue, config: configForFile(config, file), project: projectOf(records, cwd), conventions, today: latestToday() };
    return summarise(file, fileAndSetMessages(adr, target.record, target.messages ?? [], records, context), adr.text);
  } catch (error) {
    return fatalResult(file, lintFailure(error, relative(cwd, file) || file));
  }
}

/** The records of the other ADRs of the file's folder (kept by content), and every text of the folder. */
function folderRecords(file: string, text: string, cwd: string, config: ResolvedConfig, catalogue: Catalogue): { records: AdrRecord[]; folderFiles: FolderFile[] } {
  const records: AdrRecord[] = [];
  const folderFiles: FolderFile[] = [{ path: file, source: text }];
  const known = recordsByCatalogue.get(catalogue) ?? new Map<string, { source: string; record: AdrRecord }>();
  recordsByCatalogue.set(catalogue, known);
  for (const other of adrFilesOfFolders([dirname(file)], cwd, config)) {
    if (other === file) continue;
    const read = readAdrFile(other, config.maxFileSize);
    if (!read.ok) continue;
    folderFiles.push({ path: other, source: read.source });
    const hit = known.get(other);
    if (hit?.source === read.source) {
      records.push(hit.record);
      continue;
    }
    // As in lintProject: the record from the file's head when that is exact, else from a parse.
    const head = headRecord(other, read.source, catalogue);
    const outcome = head ? { record: head } : runFileWork({ path: other, source: read.source, mode: 'record' }, config, catalogue);
    if ('record' in outcome) {
      known.set(other, { source: read.source, record: outcome.record });
      records.push(outcome.record);
    }
  }
  return { records, folderFiles };
}

// The records by their file's text, under the catalogue they were read with.
const recordsByCatalogue = new WeakMap<Catalogue, Map<string, { source: string; record: AdrRecord }>>();

/** Whether `adrlint` run in `cwd` without paths would lint `file`. */
async function isProjectAdr(file: string, cwd: string, config: ResolvedConfig): Promise<boolean> {
  try {
    return (await discoverFiles([], cwd, config)).files.includes(file);
  } catch (error) {
    // No ADR folder at all: nothing here is an ADR.
    if (error instanceof UsageError) return false;
    throw error;
  }
}
