// One lint run over a project: config → catalogue → discover → read → parse → check.
// The library entry point the CLI and the Action share; it never touches `process`.
import { statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { type Catalogue } from '../model/catalogue.ts';
import { catalogueWithUser, loadCatalogue } from '../io/catalogue-file.ts';
import { CatalogueError } from '../model/errors.ts';
import { nonRegularFileReason, readRegularFile } from '../io/safe-write.ts';
import { loadConfig, mergeRules, overrideRules } from './config.ts';
import { type ResolvedConfig } from '../model/config.ts';
import { adrFilesOfFolders, discoverFiles, readAdrFile, templateFileOf, UsageError, type SkippedFile } from '../io/files.ts';
import { conventionsFingerprint, folderConventions, withPatternPages, type FolderFile, type PatternPageCheck } from '../parse/conventions.ts';
import { checkAdr, fatalResult, fileProblem, mergeMessages, summarise, withDirectives, type LintContext, type LintResult } from '../engine/run-rules.ts';
import { fixText, hasWantedFixes } from '../engine/fix-loop.ts';
import { cacheKey, cachePath, contentHash, LintCache } from '../io/cache.ts';
import { lazyParsedAdr } from '../parse/lazy-parsed-adr.ts';
import { runFileWork, type FileWork } from './file-work.ts';
import { headRecord } from '../parse/record-head.ts';
import { runFileWorks, workerCount, type Concurrency } from './worker-pool.ts';
import { rules } from '../../rules/index.ts';
import { writeFixedFile } from '../io/write-fixed-file.ts';
import { parseAdr } from '../parse/parse-adr.ts';
import { TooComplexError } from '../parse/complexity.ts';
import { latestToday } from '../model/dates.ts';
import { buildRecord, markdownAnchors } from '../parse/record.ts';
import { diskProject, findRepositoryRoot } from '../io/project-index.ts';
import type { AdrRecord, Diagnostic, ParsedAdr, ProjectIndex, SetConventions } from '../model/types.ts';

export interface RunOptions {
  cwd: string;
  /** Files, folders and globs; empty means the config's `adrs` or the usual ADR folder. */
  paths?: readonly string[];
  configFile?: string;
  /** A configuration to use as it is, instead of the config file (`adrlint init` compares two). */
  config?: ResolvedConfig;
  /** `rule-id:severity` overrides, as given to `--rule`. */
  ruleOverrides?: readonly string[];
  /** Fix what can be fixed: write the files, or only compute the fixed text (dry run). */
  fix?: { write: boolean; rules?: ReadonlySet<string> };
  /** `--cache`: keep each file's record and file-rule problems, by content, in this file. */
  cache?: { location?: string };
  /** Worker threads for parsing (default `auto`). */
  concurrency?: Concurrency;
  /** `--report-unused-disable`: report adrlint-disable directives that disabled nothing (a warning, with a fix). */
  reportUnusedDisable?: boolean;
  /**
   * Called as files are done: `parse` counts the files read and parsed (or taken from the cache),
   * then `check` the linted files the set rules have checked. For a progress line; may be called
   * thousands of times, so it should be cheap.
   */
  onProgress?: (done: number, total: number, phase: 'parse' | 'check') => void;
}

export interface RunOutcome {
  results: LintResult[];
  config: ResolvedConfig;
  catalogue: Catalogue;
  /** The records of the whole set (linted files, then the rest of their folders). */
  records: AdrRecord[];
  /** Things the user should hear about that are not lint problems (an unusable cache file). */
  warnings: string[];
  /** Each ADR folder's conventions, by folder. */
  conventions: ReadonlyMap<string, SetConventions>;
  /** Files named one by one that were not linted because they are not ADRs, and why. */
  skipped: SkippedFile[];
  stats: RunStats;
}

export interface RunStats {
  /** Files parsed in full (linted, or read for their record when the head was not enough). */
  linted: number;
  /** Files of the set read for their record only. */
  indexed: number;
  cacheHits: number;
  cacheMisses: number;
  workers: number;
}

/** Config and catalogue for a working folder. Throws ConfigError or CatalogueError. */
export function loadProject(options: Pick<RunOptions, 'cwd' | 'configFile' | 'config' | 'ruleOverrides'>): { config: ResolvedConfig; catalogue: Catalogue } {
  let config = options.config ?? loadConfig(options.cwd, options.configFile);
  if (options.ruleOverrides?.length) config = overrideRules(config, [...options.ruleOverrides]);
  checkCatalogueFile(config.catalogue);
  return { config, catalogue: loadCatalogue(config.catalogue) };
}

interface Target {
  path: string;
  source: string;
  hash: string;
  record: AdrRecord;
  fileMessages: Diagnostic[];
}

export async function lintProject(options: RunOptions): Promise<RunOutcome> {
  const { config, catalogue } = loadProject(options);
  const discovery = await discoverFiles(options.paths ?? [], options.cwd, config);
  const skipped = discovery.skipped;
  if (discovery.files.length === 0 && discovery.missing.length === 0 && namesOnlySkippedFiles(options, skipped)) {
    // A hook passed only files that are not ADRs (README.md, CONTRIBUTING.md): nothing to lint, and no error.
    return { results: [], config, catalogue, records: [], warnings: [], conventions: new Map(), skipped, stats: { linted: 0, indexed: 0, cacheHits: 0, cacheMisses: 0, workers: 0 } };
  }
  if (discovery.files.length === 0) {
    const absent = discovery.missing.filter((entry) => !entry.glob).map((entry) => entry.input);
    const unmatched = discovery.missing.filter((entry) => entry.glob).map((entry) => entry.input);
    const what = [
      ...(absent.length ? [`no such file or folder: ${absent.join(', ')}`] : []),
      ...(unmatched.length ? [`no files match ${unmatched.join(', ')}`] : []),
    ];
    throw new UsageError(what.length ? what.join('; ') : 'no ADR markdown files matched');
  }
  const warnings: string[] = [];
  const loaded = options.cache ? LintCache.load(cachePath(options.cwd, options.cache.location), cacheKey(config, catalogue)) : null;
  if (loaded?.warning) warnings.push(loaded.warning);
  // Null also when the cache location cannot be used: the run goes on without a cache.
  const cache = loaded?.cache ?? null;
  const hashOf = (source: string) => (cache ? contentHash(source) : '');

  // Read every file of the run: the targets, and the rest of their folders (the set).
  const linted = new Set(discovery.files);
  const others = adrFilesOfFolders(new Set(discovery.files.map((file) => dirname(file))), options.cwd, config).filter((file) => !linted.has(file));
  const targets: Array<Target | { path: string; error: string }> = [];
  const otherRecords: Array<AdrRecord | null> = [];
  const works: FileWork[] = [];
  // Where each work's outcome goes: a target's index, or an other's (as -1 - index).
  const slots: number[] = [];
  const targetReads = discovery.files.map((path) => ({ path, read: readAdrFile(path, config.maxFileSize) }));
  // A file of the set that cannot be read is reported when it is linted; here it is simply not in the set.
  const otherReads = others.flatMap((path) => {
    const read = readAdrFile(path, config.maxFileSize);
    return read.ok ? [{ path, source: read.source }] : [];
  });
  const readFiles = [...targetReads.flatMap(({ path, read }) => (read.ok ? [{ path, source: read.source }] : [])), ...otherReads];
  const conventions = readConventions(readFiles, config.maxFileSize, patternPageCheck(config, catalogue, options.cwd));
  for (const { path, read } of targetReads) {
    if (!read.ok) {
      targets.push({ path, error: read.reason });
      continue;
    }
    const hash = hashOf(read.source);
    const folderConventions = conventions.get(dirname(path));
    const fingerprint = folderConventions ? conventionsFingerprint(folderConventions) : '';
    const hit = cache?.get(path, hash);
    if (hit?.messages && (hit.conventions ?? '') === fingerprint) {
      targets.push({ path, source: read.source, hash, record: hit.record, fileMessages: hit.messages });
      continue;
    }
    slots.push(targets.length);
    targets.push({ path, source: read.source, hash, record: null as unknown as AdrRecord, fileMessages: [] });
    works.push({ path, source: read.source, mode: 'lint', ...(folderConventions ? { conventions: folderConventions } : {}) });
  }
  const otherHashes: string[] = [];
  let indexedFromHead = 0;
  for (const { path, source } of otherReads) {
    const hash = hashOf(source);
    const hit = cache?.get(path, hash);
    otherHashes.push(hash);
    if (hit) {
      otherRecords.push(hit.record);
      continue;
    }
    // Most files of the set give their record from their first lines; only the rest are parsed
    // (maybe on a worker).
    const head = headRecord(path, source, catalogue);
    if (head) {
      otherRecords.push(head);
      cache?.set(path, { hash, record: head, messages: null });
      indexedFromHead++;
      continue;
    }
    slots.push(-1 - otherRecords.length);
    otherRecords.push(null);
    works.push({ path, source, mode: 'record' });
  }

  const concurrency = options.concurrency ?? 'auto';
  const readCount = discovery.files.length + others.length;
  const onProgress = options.onProgress;
  onProgress?.(readCount - works.length, readCount, 'parse');
  const outcomes = await runFileWorks(works, config, catalogue, concurrency, onProgress && ((finished) => onProgress(readCount - works.length + finished, readCount, 'parse')));
  outcomes.forEach((outcome, i) => {
    const slot = slots[i]!;
    const work = works[i]!;
    if (slot >= 0) {
      const target = targets[slot] as Target;
      if ('error' in outcome) targets[slot] = { path: target.path, error: outcome.error };
      else {
        target.record = outcome.record;
        target.fileMessages = outcome.messages ?? [];
        const fingerprint = work.conventions ? conventionsFingerprint(work.conventions) : '';
        cache?.set(target.path, { hash: target.hash, record: outcome.record, messages: outcome.messages, ...(fingerprint ? { conventions: fingerprint } : {}) });
      }
    } else if (!('error' in outcome)) {
      otherRecords[-1 - slot] = outcome.record;
      cache?.set(work.path, { hash: otherHashes[-1 - slot]!, record: outcome.record, messages: null });
    }
  });

  const records = [...targets.flatMap((target) => ('record' in target ? [target.record] : [])), ...otherRecords.filter((record): record is AdrRecord => record !== null)];
  const context = { rules, catalogue, config, project: projectOf(records, options.cwd), reportUnusedDisable: options.reportUnusedDisable ?? false, conventions, today: latestToday() };
  // File (device and inode, as read) → the text written there: a symbolic link and its target, or
  // two hard links, are one file, written once. Taken before any write: a rename gives a new inode.
  const identities = options.fix?.write ? new Map(targets.map((target) => [target.path, fileIdentity(target.path)])) : null;
  const written = new Map<string, string>();
  const results: LintResult[] = discovery.missing.map((entry) =>
    fatalResult(entry.path, entry.glob ? `no files match "${entry.input}"` : `${entry.input} does not exist (no such file or folder)`),
  );
  for (const [checked, target] of targets.entries()) {
    onProgress?.(checked, targets.length, 'check');
    if ('error' in target) {
      results.push(fatalResult(target.path, `${relative(options.cwd, target.path) || target.path} ${target.error}`));
      continue;
    }
    try {
      // Set rules on every run, over the records; the file is parsed again only if one builds a fix.
      const { adr } = lazyParsedAdr(target.path, target.source, catalogue);
      const messages = targetMessages(adr, target.record, target.fileMessages, records, context);
      if (!options.fix || !hasWantedFixes(messages, options.fix)) {
        results.push(summarise(target.path, messages, adr.text));
        continue;
      }
      const fixed = fixText(target.path, target.source, context, records, options.fix, adr, messages);
      const result = fixed.result;
      if (fixed.output !== target.source) {
        // As in ESLint: the file as read and as fixed, both as on disk (BOM included).
        result.source = target.source;
        result.output = fixed.output;
        result.fixedCount = fixed.fixedCount;
        const identity = identities?.get(target.path) ?? null;
        if (options.fix.write && (identity === null || written.get(identity) !== fixed.output)) {
          const outcome = writeFixedFile(target.path, target.source, fixed.output);
          if (outcome.ok) {
            if (identity !== null) written.set(identity, fixed.output);
          } else {
            // Not written: nothing was fixed, so report the problems of the file as read (not of the
            // fixed text, which is nowhere on disk), after the reason.
            const problem = fileProblem(`${relative(options.cwd, target.path) || target.path} ${outcome.reason}`);
            results.push(summarise(target.path, [problem, ...messages], adr.text));
            continue;
          }
        }
      }
      results.push(result);
    } catch (error) {
      results.push(fatalResult(target.path, lintFailure(error, relative(options.cwd, target.path) || target.path)));
    }
  }
  onProgress?.(targets.length, targets.length, 'check');
  if (cache) {
    cache.retain(new Set([...discovery.files, ...others]));
    const failed = cache.save();
    if (failed) warnings.push(failed);
  }
  const parsedCount = works.length;
  return {
    results,
    config,
    catalogue,
    records,
    warnings,
    conventions,
    skipped,
    stats: {
      linted: works.filter((work) => work.mode === 'lint').length,
      indexed: indexedFromHead + works.filter((work) => work.mode === 'record').length,
      cacheHits: cache?.hits ?? 0,
      cacheMisses: cache?.misses ?? 0,
      workers: workerCount(concurrency, parsedCount),
    },
  };
}

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
 * Lint one file's text as `lintProject` lints that file, for integrations whose text may be ahead
 * of the disk (remark, editors): the config found upward from the file's folder, the other ADRs of
 * its folder as the set, links judged against the disk. Null when the file is not one `adrlint`
 * run without paths would lint: outside the ADR folders (the config's `adrs`, else the usual
 * ones), a README or a template, ignored, or an unnumbered page among numbered records. Throws
 * ConfigError or CatalogueError.
 */
export async function lintFileInProject(path: string, text: string, options: FileInProjectOptions): Promise<LintResult | null> {
  const cwd = resolve(options.cwd);
  const file = resolve(cwd, path);
  let config = loadConfig(dirname(file), options.configFile === undefined ? undefined : resolve(cwd, options.configFile));
  if (options.rules) config = mergeRules(config, options.rules, 'rules option');
  if (!(await isProjectAdr(file, cwd, config))) return null;
  const catalogue = sharedCatalogue(config.catalogue);
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
  const conventions = readConventions(folderFiles, config.maxFileSize, patternPageCheck(config, catalogue, cwd));
  const target = runFileWork({ path: file, source: text, mode: 'lint', conventions: conventions.get(dirname(file))! }, config, catalogue);
  if ('error' in target) return fatalResult(file, `${relative(cwd, file) || file} ${target.error}`);
  records.unshift(target.record);
  try {
    const { adr } = lazyParsedAdr(file, text, catalogue);
    const context = { rules, catalogue, config, project: projectOf(records, cwd), conventions, today: latestToday() };
    return summarise(file, targetMessages(adr, target.record, target.messages ?? [], records, context), adr.text);
  } catch (error) {
    return fatalResult(file, lintFailure(error, relative(cwd, file) || file));
  }
}

// lintFileInProject is called once per file of a folder (remark) or per keystroke (an editor), and
// each call needs the catalogue and every other record of the folder: both are kept in the process,
// keyed by content, so they are never stale. The catalogue by its user file's text (a few at most);
// the records by their file's text, under the catalogue they were read with.
const catalogues = new Map<string, Catalogue>();
const KEPT_CATALOGUES = 4;
const recordsByCatalogue = new WeakMap<Catalogue, Map<string, { source: string; record: AdrRecord }>>();

/** A user catalogue that is a FIFO or a device is refused before it is read: the read could wait forever. */
function checkCatalogueFile(file: string | null): void {
  const reason = file === null ? null : nonRegularFileReason(file);
  if (file !== null && reason !== null) throw new CatalogueError(file, `cannot read the catalogue: it ${reason}`);
}

function sharedCatalogue(userFile: string | null): Catalogue {
  checkCatalogueFile(userFile);
  let text = '';
  try {
    if (userFile !== null) text = readRegularFile(userFile);
  } catch {
    // loadCatalogue says why it cannot be read.
    return loadCatalogue(userFile);
  }
  const key = `${userFile ?? ''}\0${text}`;
  const kept = catalogues.get(key);
  if (kept) return kept;
  const catalogue = userFile === null ? loadCatalogue(null) : catalogueWithUser(userFile, text);
  if (catalogues.size >= KEPT_CATALOGUES) catalogues.delete(catalogues.keys().next().value!);
  catalogues.set(key, catalogue);
  return catalogue;
}

/**
 * A linted file's problems: its file rules' (maybe from the cache or a worker), the set rules' over
 * the records, then its disable directives applied. The directives come from the record (cached
 * with it): a cached file is not parsed for them.
 */
function targetMessages(adr: ParsedAdr, record: AdrRecord, fileMessages: readonly Diagnostic[], records: readonly AdrRecord[], context: LintContext): Diagnostic[] {
  const merged = mergeMessages(fileMessages, checkAdr(adr, records, context, record, 'set'));
  return withDirectives(merged, record.directives, context);
}

/**
 * Why a file's lint failed after its first parse: a later parse (for a fix) can still be refused,
 * when it took too long this time.
 */
function lintFailure(error: unknown, name: string): string {
  if (error instanceof TooComplexError) return `${name} ${error.message}`;
  return `internal error while linting: ${(error as Error).message.split('\n')[0]}`;
}

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

/** Every path given names an existing markdown file that is not an ADR (no folder, glob or ADR among them). */
function namesOnlySkippedFiles(options: RunOptions, skipped: readonly SkippedFile[]): boolean {
  const paths = options.paths ?? [];
  const names = new Set(skipped.map((file) => file.path));
  return paths.length > 0 && paths.every((path) => names.has(resolve(options.cwd, path)));
}

/**
 * Each folder's conventions, from its ADRs' texts and its template file (read here), and with
 * `pages`, the pattern pages the link template names from it that are missing.
 */
export function readConventions(files: readonly FolderFile[], maxFileSize: number, pages?: PatternPageCheck): Map<string, SetConventions> {
  const byFolder = new Map<string, FolderFile[]>();
  for (const file of files) {
    const folder = dirname(file.path);
    const list = byFolder.get(folder) ?? [];
    list.push(file);
    byFolder.set(folder, list);
  }
  const conventions = new Map<string, SetConventions>();
  for (const [folder, adrs] of byFolder) {
    const templatePath = templateFileOf(folder);
    const read = templatePath === null ? null : readAdrFile(templatePath, maxFileSize);
    const own = folderConventions(adrs, templatePath !== null && read?.ok ? { path: templatePath, source: read.source } : null);
    conventions.set(folder, withPatternPages(own, folder, pages));
  }
  return conventions;
}

/** How a run tells the pattern pages that are missing: the disk, from the repository root. */
function patternPageCheck(config: ResolvedConfig, catalogue: Catalogue, cwd: string): PatternPageCheck {
  return { linkTemplate: config.linkTemplate, catalogue, project: diskProject(findRepositoryRoot(cwd), markdownAnchors) };
}

/** The files around a set of ADRs, from the disk; the set's fully read records answer for their own anchors. */
function projectOf(records: readonly AdrRecord[], cwd: string): ProjectIndex {
  const knownAnchors = new Map(records.filter((record) => !record.partial).map((record) => [record.path, record.anchors]));
  return diskProject(findRepositoryRoot(cwd), markdownAnchors, knownAnchors);
}

/** Records read from the head only, read in full (reports want every record's status and patterns). */
export function completeRecords(records: readonly AdrRecord[], config: ResolvedConfig, catalogue: Catalogue): AdrRecord[] {
  return records.map((record) => {
    if (!record.partial) return record;
    const read = readAdrFile(record.path, config.maxFileSize);
    if (!read.ok) return record;
    try {
      return buildRecord(parseAdr(record.path, read.source, catalogue), catalogue);
    } catch {
      return record;
    }
  });
}

function fileIdentity(path: string): string | null {
  try {
    const { dev, ino } = statSync(path);
    return `${dev}:${ino}`;
  } catch {
    return null;
  }
}
