// One lint run over a project, as named stages over one state per file (src/run/stages/):
// config and catalogue → discover → read → record (cache, head or parse, with the file rules) →
// set rules, fix and write → save the cache. The library entry point the CLI and the Action share;
// it never touches `process`.
import { resolve } from 'node:path';
import { type Catalogue } from '../model/catalogue.ts';
import { type ResolvedConfig } from '../model/config.ts';
import { latestToday } from '../model/dates.ts';
import type { AdrRecord, SetConventions } from '../model/types.ts';
import { loadCatalogue } from '../io/catalogue-file.ts';
import { type Discovery, type Selection, type SkippedFile } from '../io/files.ts';
import { cacheKey, cachePath, contentHash, LintCache, type MemoryCaches } from '../io/cache.ts';
import { fatalResult, type LintContext, type LintResult } from '../engine/run-rules.ts';
import { loadConfig } from './config.ts';
import { overrideRules } from './rule-flag.ts';
import { rules } from '../../rules/index.ts';
import { estimateWork, workerCount, type Concurrency } from './worker-pool.ts';
import { checkCatalogueFile } from './catalogue.ts';
import { patternPageCheck, projectOf, readConventions } from './set-context.ts';
import { discoverRun, readRunFiles } from './stages/read.ts';
import { parseFiles, recordsFromCacheOrHead } from './stages/records.ts';
import { checkFile, type CheckStage } from './stages/check.ts';
import { checkIndexFiles } from './stages/index-files.ts';
import { setFingerprint, type SetView } from './set-cache.ts';
import { FixedFiles } from './stages/write.ts';
import { readStdinRun, stdinDiscovery, stdinPath, type StdinText } from './stages/stdin.ts';
import { recordsOf, type RunFile } from './stages/run-file.ts';

export interface RunOptions {
  cwd: string;
  /** Files, folders and globs (`!glob` leaves out what it matches); none but negated ones means the config's `adrs` or the usual ADR folder. */
  paths?: readonly string[];
  /** --no-ignore, --ignore-pattern, --no-error-on-unmatched-pattern. */
  selection?: Selection;
  configFile?: string;
  /** A configuration to use as it is, instead of the config file (`adrlint init` compares two). */
  config?: ResolvedConfig;
  /** Rule settings as given to `--rule` (`id:severity`, `id:[severity, {options}]`, `{id: setting}`): src/run/rule-flag.ts. */
  ruleOverrides?: readonly string[];
  /** Fix what can be fixed: write the files, or only compute the fixed text (dry run). */
  fix?: { write: boolean; rules?: ReadonlySet<string> };
  /**
   * `--cache`: keep each file's record and file-rule problems, by content, in this file; or, for a
   * long-lived caller (the language server), in memory: `memory` holds one LintCache per cache key
   * (config and catalogue), created as needed and never written.
   */
  cache?: { location?: string } | { memory: MemoryCaches };
  /** Texts to read in place of the files on the disk, by absolute path: an editor's unsaved buffers of the set's ADRs. */
  buffers?: ReadonlyMap<string, string>;
  /** Worker threads for parsing (default `auto`). */
  concurrency?: Concurrency;
  /** `--report-unused-disable`: report adrlint-disable directives that disabled nothing (a warning, with a fix). */
  reportUnusedDisable?: boolean;
  /**
   * `--stdin`: lint this text as the file `filename` (relative to `cwd`; it need not exist, and is
   * never written), with its folder's other ADRs as the set; without a name, as `<text>` in the ADR
   * folder, the rules that judge a file's name off. No cache file is read or written. `onlyTargets`
   * (the language server): a file that a run from `cwd` without paths would not search is not linted.
   */
  stdin?: { text: string; filename?: string; onlyTargets?: boolean };
  /** `--no-inline-config` (false): `adrlint-disable` comments and frontmatter keys are ignored. Default true. */
  inlineConfig?: boolean;
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

export async function lintProject(options: RunOptions): Promise<RunOutcome> {
  const project = loadProject(options);
  const { catalogue } = project;
  const stdin = options.stdin ? stdinText(options.stdin, options.cwd, project.config) : null;
  // Without a file name, no rule judges the name `<text>`.
  const config = stdin && !stdin.named ? overrideRules(project.config, ['adr-filename:off', 'adr-number-mismatch:off']) : project.config;
  const discovery = stdin ? stdinDiscovery(stdin, options.cwd, config, options.stdin?.onlyTargets) : await discoverRun(options.paths ?? [], options.cwd, config, options.selection);
  // A hook passed only files that are not ADRs (README.md, CONTRIBUTING.md): nothing to lint, and no error.
  if (discovery.files.length === 0) return emptyOutcome(config, catalogue, discovery.skipped);
  const warnings: string[] = [];
  // A cache file is never used for a text from standard input; an in-memory one is.
  const cache = stdin && !(options.cache && 'memory' in options.cache) ? null : openCache(options, config, catalogue, warnings);
  const memo = options.cache && 'memory' in options.cache ? options.cache.memory.sources : undefined;
  const read = { hashOf: (source: string) => (cache ? contentHash(source) : ''), names: discovery.names, ...(options.buffers ? { buffers: options.buffers } : {}), ...(memo ? { memo } : {}) };
  const { files, count } = stdin ? readStdinRun(stdin, options.cwd, config, read) : readRunFiles(discovery.files, options.cwd, config, read);
  const readable = files.filter((file) => file.error === undefined);
  const conventions = readConventions(readable, config.maxFileSize, patternPageCheck(config, catalogue, options.cwd));

  const toParse = recordsFromCacheOrHead(files, cache, conventions, catalogue);
  const concurrency = options.concurrency ?? 'auto';
  const onProgress = options.onProgress;
  onProgress?.(count - toParse.length, count, 'parse');
  await parseFiles(toParse, { config, catalogue, concurrency, cache, ...(onProgress ? { onDone: (finished: number) => onProgress(count - toParse.length + finished, count, 'parse') } : {}) });

  const records = recordsOf(files);
  const context: LintContext = { rules, catalogue, config, project: projectOf(records, options.cwd, options.buffers), reportUnusedDisable: options.reportUnusedDisable ?? false, ...(options.inlineConfig === false ? { inlineConfig: false } : {}), conventions, today: latestToday() };
  const setCache = cache ? { cache, fingerprint: setFingerprint(records, context.today!, context.project!.root), view: setView(files, context) } : undefined;
  const linted = files.filter((file) => file.linted);
  const results = [...missingResults(discovery), ...checkLintedFiles(linted, records, context, stdin && options.fix ? { ...options, fix: { ...options.fix, write: false } } : options, setCache)];
  if (!stdin) results.push(...checkIndexFiles(linted.filter((file) => file.record).map((file) => file.path), { cwd: options.cwd, context, records, ...(options.fix ? { fix: options.fix } : {}) }));
  if (cache) saveCache(cache, files, warnings);
  return { results, config, catalogue, records, warnings, conventions, skipped: discovery.skipped, stats: runStats(files, cache, workerCount(concurrency, estimateWork(toParse))) };
}

function stdinText(stdin: NonNullable<RunOptions['stdin']>, cwd: string, config: ResolvedConfig): StdinText {
  if (stdin.filename === undefined) return { path: stdinPath(cwd, config), text: stdin.text, named: false };
  return { path: resolve(cwd, stdin.filename), text: stdin.text, named: true };
}

function emptyOutcome(config: ResolvedConfig, catalogue: Catalogue, skipped: SkippedFile[]): RunOutcome {
  return { results: [], config, catalogue, records: [], warnings: [], conventions: new Map(), skipped, stats: { linted: 0, indexed: 0, cacheHits: 0, cacheMisses: 0, workers: 0 } };
}

/** The cache of the run, if it asked for one; null also when its location cannot be used (the run goes on without). */
function openCache(options: RunOptions, config: ResolvedConfig, catalogue: Catalogue, warnings: string[]): LintCache | null {
  if (!options.cache) return null;
  if ('memory' in options.cache) return options.cache.memory.for(cacheKey(config, catalogue));
  const loaded = LintCache.load(cachePath(options.cwd, options.cache.location), cacheKey(config, catalogue));
  if (loaded.warning) warnings.push(loaded.warning);
  return loaded.cache;
}

/** Paths given that matched nothing: fatal results of their own, before the files'. */
function missingResults(discovery: Discovery): LintResult[] {
  return discovery.missing.map((entry) => fatalResult(entry.path, entry.glob ? `no files match "${entry.input}"` : `${entry.input} does not exist (no such file or folder)`));
}

/** What the set rules' kept problems are checked against: the run's project and each file's content hash. */
function setView(files: readonly RunFile[], context: LintContext): SetView {
  return { project: context.project!, hashes: new Map(files.flatMap((file) => (file.record ? [[file.path, file.hash] as const] : []))) };
}

/** Set rules, fixes and writes, one linted file at a time, in the order given. */
function checkLintedFiles(linted: readonly RunFile[], records: readonly AdrRecord[], context: LintContext, options: RunOptions, setCache: CheckStage['setCache']): LintResult[] {
  const written = options.fix?.write ? new FixedFiles(linted.map((file) => file.path)) : null;
  const stage: CheckStage = { cwd: options.cwd, context, records, written, ...(options.fix ? { fix: options.fix } : {}), ...(setCache ? { setCache } : {}) };
  const results = linted.map((file, checked) => {
    options.onProgress?.(checked, linted.length, 'check');
    return checkFile(file, stage);
  });
  options.onProgress?.(linted.length, linted.length, 'check');
  return results;
}

function saveCache(cache: LintCache, files: readonly RunFile[], warnings: string[]): void {
  cache.retain(new Set(files.map((file) => file.path)));
  const failed = cache.save();
  if (failed) warnings.push(failed);
}

function runStats(files: readonly RunFile[], cache: LintCache | null, workers: number): RunStats {
  const parsed = files.filter((file) => file.readBy === 'parse');
  return {
    linted: parsed.filter((file) => file.linted).length,
    indexed: files.filter((file) => file.readBy === 'head').length + parsed.filter((file) => !file.linted).length,
    cacheHits: cache?.hits ?? 0,
    cacheMisses: cache?.misses ?? 0,
    workers,
  };
}
