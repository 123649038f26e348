// `npm run bench`: time adrlint against the bare parse of the same files (unified + remark-parse +
// remark-frontmatter + yaml, scripts/bench-parse.mjs), measured in the same run, on the sets of
// issue #14: a real-sized folder (../shared/corpus/konflux and a generated 110-file set of the same
// size profile), 5,000 generated records with every kind of defect, a scaling set of 1,000 to
// 10,000 records, the other collections in ../shared/corpus, and mention matching with a large
// catalogue. Peers (madr-lint, markdownlint-cli2) run over the same folders when installed.
// Every case is a child process timed from spawn to exit (node start-up included, as a user sees
// it), the median of several runs, with the child's peak RSS read back through scripts/bench-rss.mjs.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus, generateScalingCorpus, REAL_SIZED, type BenchCorpus } from './bench-corpus.ts';
import { findPeers, peerFolders, type Peer, type PeerLookup } from './bench-peers.ts';

const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(PACKAGE_ROOT, 'bin', 'adrlint.js');
const PARSE = join(PACKAGE_ROOT, 'scripts', 'bench-parse.mjs');
const MENTIONS = join(PACKAGE_ROOT, 'scripts', 'bench-mentions.mjs');
const RSS_PRELOAD = pathToFileURL(join(PACKAGE_ROOT, 'scripts', 'bench-rss.mjs')).href;
const SHARED_CORPUS = resolve(PACKAGE_ROOT, '..', 'shared', 'corpus');
const REAL_FOLDER = 'konflux';

// The targets of issue #14.
const COLD_TARGET = { ratio: 0.6 };
const WARM_TARGET = { ratio: 0.05 };
const ONE_CHANGED_TARGET = { ratio: 0.1 };
const PRE_COMMIT_OVER_NODE_MS = 150;
const RSS_LIMIT_MB = 250;
/** Growth exponent of adrlint's time (start-up taken off) from the smallest to the largest scaling set above which it is flagged. */
const SUPERLINEAR_EXPONENT = 1.2;
const CHANGED_FILES = 10;
const CHANGE = '\nA late note: the rollout finished on schedule.\n';
// A user catalogue this large (three aliases each) must not slow the matching of prose down: one
// ADR's mentions within MATCHING_TARGET_MS (issue #12), the catalogue's YAML apart.
const LARGE_CATALOGUE = 10_000;
const MATCHING_TARGET_MS = 500;

// The language server's target (issue #17): diagnostics after a keystroke in a typical ADR of a set this large.
const LSP_SET = 100;
const LSP_TARGET_MS = 50;
const LSP = join(PACKAGE_ROOT, 'scripts', 'bench-lsp.mjs');

// The HTML report's target (issue #18): the page made in at most this share of the lint run's time.
const REPORT_SET = 100;
const REPORT_RATIO = 0.1;
const REPORT_BYTES = 300 * 1024;
const REPORT = join(PACKAGE_ROOT, 'scripts', 'bench-report.ts');
const TSX = join(PACKAGE_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

const GROUPS = ['real', 'set', 'scaling', 'shared', 'matching', 'lsp', 'report'] as const;
type Group = (typeof GROUPS)[number];

const USAGE = `Usage: tsx scripts/bench.ts [options]     (npm run bench -- [options])

  --only LIST      groups to run, comma-separated (default: all):
                     real      ../shared/corpus/${REAL_FOLDER} and a generated ${REAL_SIZED.count}-file set of its size profile,
                               cold, and one file of it (pre-commit) against node's start-up
                     set       the generated set (--count files, every kind of defect): cold, warm
                               cache, one file changed, ${CHANGED_FILES} files named, one file, peak RSS
                     scaling   --scaling sets, each record with a broken link and a duplicate number
                     shared    the other collections in ../shared/corpus
                     matching  one ADR with a ${LARGE_CATALOGUE}-pattern catalogue
                     lsp       the language server: diagnostics after a keystroke in one ADR of a
                               ${LSP_SET}-file set (typical ~4 KB records, and real-sized ones)
                     report    the HTML report (adrlint report --format html) of a generated
                               ${REPORT_SET}-file set and of ${REAL_FOLDER}: the time to make the page
                               against the lint run's, in one process, and the page's size
  --count N        records in the generated set (default 5000)
  --scaling LIST   sizes of the scaling sets (default 1000,3000,10000)
  --seed S         corpus seed (default 42)
  --runs R         timed runs per case; the median is reported (default 5)
  --peers DIR      where madr-lint and markdownlint-cli2 are installed (DIR/node_modules/.bin,
                   DIR/bin or DIR; also ADRLINT_BENCH_PEERS); the project's node_modules/.bin and
                   PATH are searched too. --no-peers skips them.
  --keep           keep the temporary folder (corpora, reports, caches) and print its path
  --json           print the results as JSON instead of tables
  --corpus-only    the same as --only shared (and --no-corpus leaves out ../shared/corpus)
`;

interface Options {
  groups: Set<Group>;
  count: number;
  scaling: number[];
  seed: number;
  runs: number;
  peersDir: string | undefined;
  peers: boolean;
  keep: boolean;
  json: boolean;
  /** ../shared/corpus is used (konflux in `real`, the `shared` group). */
  sharedCorpus: boolean;
}

/** What a case is held to: a ratio to the bare parse, wall milliseconds, or node's start-up plus milliseconds. */
type Target = { ratio: number } | { ms: number } | { overNode: number };

type Outcome = 'ok' | 'failed' | 'flag missing';

interface CaseResult {
  id: string;
  label: string;
  outcome: Outcome;
  /** Wall milliseconds of the timed runs. */
  times: number[];
  median: number | null;
  /** Highest peak RSS of the runs, in MiB (null when not known: a peer that is not a node script). */
  rssMb: number | null;
  /** Median over the bare parse of the same files in this run. */
  ratio: number | null;
  target: Target | null;
  pass: boolean | null;
  /** Why the case failed: the child's exit code and stderr. */
  error?: string;
}

interface Run {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
  rssKib: number | null;
}

interface Step {
  /** A node script and its arguments, run under this node with the RSS preload; or `command`. */
  args: string[];
  /** Run this executable instead of node (no RSS). */
  command?: string;
  cwd: string;
  /** adrlint (and the peers) exit 1 when they find lint errors: a run that worked. The others must exit 0. */
  lint: boolean;
  /** A file the run must write (the report): missing afterwards means the run did not work. */
  output?: string;
  /** Called before every run, untimed (restoring a cache, removing the last report). */
  before?: () => void;
}

function parseOptions(argv: readonly string[]): Options | null {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      only: { type: 'string' },
      count: { type: 'string', default: '5000' },
      scaling: { type: 'string', default: '1000,3000,10000' },
      seed: { type: 'string', default: '42' },
      runs: { type: 'string', default: '5' },
      peers: { type: 'string' },
      'no-peers': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'corpus-only': { type: 'boolean', default: false },
      'no-corpus': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return null;
  const whole = (name: string, text: string, min: number, max: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} takes a whole number from ${min} to ${max}, not "${text}"`);
    return value;
  };
  if (values['corpus-only'] && (values['no-corpus'] || values.only)) throw new Error('--corpus-only excludes --no-corpus and --only');
  const groups = new Set<Group>(values['corpus-only'] ? ['shared'] : GROUPS);
  if (values.only) {
    groups.clear();
    for (const name of values.only.split(',').map((item) => item.trim()).filter(Boolean)) {
      if (!(GROUPS as readonly string[]).includes(name)) throw new Error(`--only takes ${GROUPS.join(', ')}; not "${name}"`);
      groups.add(name as Group);
    }
  }
  if (values['no-corpus']) groups.delete('shared');
  const scaling = [...new Set(values.scaling.split(',').map((item) => whole('scaling', item.trim(), 2, 200_000)))].sort((a, b) => a - b);
  return {
    groups,
    count: whole('count', values.count, 1, 9999),
    scaling,
    seed: whole('seed', values.seed, 0, 2 ** 32 - 1),
    runs: whole('runs', values.runs, 1, 100),
    peersDir: values.peers ?? process.env.ADRLINT_BENCH_PEERS ?? undefined,
    peers: !values['no-peers'],
    keep: values.keep,
    json: values.json,
    sharedCorpus: !values['no-corpus'],
  };
}

// ---------------------------------------------------------------------------------------------
// Running and timing children

/** The parent's environment without what would change a child's output or load extra code. */
function childEnv(rssFile: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ADRLINT_BENCH_RSS_FILE: rssFile };
  for (const key of ['NODE_OPTIONS', 'FORCE_COLOR', 'NO_COLOR', 'ADRLINT_DEBUG']) delete env[key];
  return env;
}

function runOnce(step: Step, rssFile: string): Run {
  rmSync(rssFile, { force: true });
  const [command, args] = step.command ? [step.command, step.args] : [process.execPath, ['--import', RSS_PRELOAD, ...step.args]];
  const start = process.hrtime.bigint();
  const child = spawnSync(command, args, { cwd: step.cwd, env: childEnv(rssFile), stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.error) throw child.error;
  const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
  return { ms, code: child.status, stdout: child.stdout, stderr: child.stderr, rssKib: Number.isFinite(rss) ? rss : null };
}

// parseArgs' message for a flag the CLI does not know yet ("Unknown option '--cache'").
const UNKNOWN_OPTION = /Unknown option '(--[\w-]+)'/;

/** Why a run does not count, or null when it worked. */
function runProblem(run: Run, step: Step): { outcome: Outcome; error: string } | null {
  if (step.lint && !step.command && run.code === 2 && UNKNOWN_OPTION.test(run.stderr)) return { outcome: 'flag missing', error: UNKNOWN_OPTION.exec(run.stderr)![1]! };
  const codeOk = step.lint ? run.code === 0 || run.code === 1 : run.code === 0;
  const stderr = run.stderr.trim().slice(-2000) || '(no stderr)';
  if (!codeOk) return { outcome: 'failed', error: `exit ${run.code}: ${stderr}` };
  if (step.output && !existsSync(step.output)) return { outcome: 'failed', error: `exit ${run.code} but no report at ${step.output}: ${stderr}` };
  return null;
}

interface Bench {
  runs: number;
  scratch: string;
  progress: (line: string) => void;
}

/** One case: `runs` timed runs (each after `before`), stopping at the first that fails. */
function measure(bench: Bench, id: string, label: string, step: Step, target: Target | null = null): CaseResult {
  const result: CaseResult = { id, label, outcome: 'ok', times: [], median: null, rssMb: null, ratio: null, target, pass: null };
  const rssFile = join(bench.scratch, 'rss');
  let peak = 0;
  for (let index = 0; index < bench.runs; index++) {
    bench.progress(`${label}: run ${index + 1}/${bench.runs}`);
    step.before?.();
    if (step.output) rmSync(step.output, { force: true });
    const run = runOnce(step, rssFile);
    const problem = runProblem(run, step);
    if (problem) return { ...result, ...problem, times: [] };
    result.times.push(run.ms);
    if (run.rssKib !== null) peak = Math.max(peak, run.rssKib);
  }
  result.median = median(result.times);
  result.rssMb = peak > 0 ? peak / 1024 : null;
  return result;
}

/** An untimed run that must work (filling a cache); its problem, or null. */
function prepare(bench: Bench, label: string, step: Step): { outcome: Outcome; error: string } | null {
  bench.progress(`${label}: filling the cache`);
  return runProblem(runOnce(step, join(bench.scratch, 'rss')), step);
}

function skipped(id: string, label: string, problem: { outcome: Outcome; error: string }, target: Target | null = null): CaseResult {
  return { id, label, outcome: problem.outcome, error: problem.error, times: [], median: null, rssMb: null, ratio: null, target, pass: null };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Ratios to the bare parse and the verdict on each case's target. */
function judge(cases: CaseResult[], parse: CaseResult | undefined, node: CaseResult | undefined): void {
  for (const entry of cases) {
    if (entry.median === null) continue;
    if (parse?.median) entry.ratio = entry.median / parse.median;
    if (!entry.target) continue;
    if ('ms' in entry.target) entry.pass = entry.median <= entry.target.ms;
    else if ('overNode' in entry.target) entry.pass = node?.median ? entry.median <= node.median + entry.target.overNode : null;
    else if (entry.ratio !== null) entry.pass = entry.ratio <= entry.target.ratio;
  }
}

// ---------------------------------------------------------------------------------------------
// The report of a generated set: exactly its planted defects

interface ReportSummary {
  files: number;
  errors: number;
  warnings: number;
  byRule: Record<string, number>;
  /** Planted defects the report does not show, and reports that are not planted defects. */
  missed: string[];
  unexpected: string[];
  defects: number;
}

function summariseReport(reportFile: string, corpus: BenchCorpus, root: string): ReportSummary | null {
  if (!existsSync(reportFile)) return null;
  const results = JSON.parse(readFileSync(reportFile, 'utf8')) as Array<{ filePath: string; errorCount: number; warningCount: number; messages: Array<{ ruleId: string | null; line: number; column: number; message: string }> }>;
  const summary: ReportSummary = { files: results.length, errors: 0, warnings: 0, byRule: {}, missed: [], unexpected: [], defects: corpus.defects.length };
  const expected = new Map<string, number>();
  for (const defect of corpus.defects) {
    const key = `${defect.file} ${defect.ruleId}`;
    expected.set(key, (expected.get(key) ?? 0) + 1);
  }
  for (const result of results) {
    summary.errors += result.errorCount;
    summary.warnings += result.warningCount;
    for (const message of result.messages) {
      const rule = message.ruleId ?? '(file)';
      summary.byRule[rule] = (summary.byRule[rule] ?? 0) + 1;
      const key = `${result.filePath} ${message.ruleId}`;
      const left = expected.get(key) ?? 0;
      if (left > 0) expected.set(key, left - 1);
      else summary.unexpected.push(`${relative(root, result.filePath)}:${message.line}:${message.column} ${rule}: ${message.message}`);
    }
  }
  for (const [key, left] of expected) if (left > 0) summary.missed.push(relative(root, key));
  return summary;
}

const reportWrong = (report: ReportSummary | null) => report === null || report.missed.length > 0 || report.unexpected.length > 0;

/** Files spread over the set, so the changed files are not neighbours. */
function spread(files: readonly string[], count: number): string[] {
  if (files.length <= count) return [...files];
  return Array.from({ length: count }, (_, index) => files[Math.floor(((index + 0.5) * files.length) / count)]!);
}

/** Snapshot a cache (a file or a folder) and give back a function that puts it back. */
function snapshot(path: string, into: string): () => void {
  rmSync(into, { recursive: true, force: true });
  if (existsSync(path)) cpSync(path, into, { recursive: true });
  return () => {
    rmSync(path, { recursive: true, force: true });
    if (existsSync(into)) cpSync(into, path, { recursive: true });
  };
}

/** Change `files` (appending a line) while `work` runs, then put their bytes back. */
function withChanged<T>(files: readonly string[], work: () => T): T {
  const originals = files.map((file) => readFileSync(file));
  try {
    for (const file of files) appendFileSync(file, CHANGE);
    return work();
  } finally {
    files.forEach((file, index) => writeFileSync(file, originals[index]!));
  }
}

// ---------------------------------------------------------------------------------------------
// A folder: the bare parse, adrlint cold, the peers

interface Context {
  bench: Bench;
  options: Options;
  temp: string;
  node: CaseResult;
  peers: PeerLookup[];
}

interface FolderResult {
  name: string;
  files: number;
  bytes: number;
  /** The bare parse (the reference), then adrlint's cases. */
  cases: CaseResult[];
  peers: CaseResult[];
  report: ReportSummary | null;
  /** The highest peak RSS of adrlint's cases, and whether it is within the limit (only the generated set is held to it). */
  rssLimitMb: number | null;
}

function markdownFiles(folder: string): string[] {
  return (readdirSync(folder, { recursive: true }) as string[]).filter((name) => /\.(?:md|markdown)$/i.test(name)).map((name) => join(folder, name));
}

const lintStep = (cwd: string, args: string[], output: string): Step => ({ args: [BIN, ...args, '--format', 'json', '-o', output], cwd, lint: true, output });

function peerStep(peer: Peer, cwd: string, folder: string): Step {
  const args = peer.args(folder);
  return peer.node ? { args: [peer.path, ...args], cwd, lint: true } : { command: peer.path, args, cwd, lint: true };
}

/** The bare parse and adrlint cold over `folder` (relative to `cwd`), and each peer found. */
function benchFolder(context: Context, name: string, cwd: string, folder: string, { serial = true, extra = () => {} }: { serial?: boolean; extra?: (cases: CaseResult[]) => void } = {}): FolderResult {
  const { bench } = context;
  const files = markdownFiles(join(cwd, folder));
  const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
  const out = (suffix: string) => join(bench.scratch, `${name.replace(/\W+/g, '-')}-${suffix}.json`);
  const parse = measure(bench, 'parse', `${name}: bare parse (reference)`, { args: [PARSE, folder], cwd, lint: false });
  const cases = [parse, measure(bench, 'cold', `${name}: adrlint cold`, lintStep(cwd, [folder], out('cold')), COLD_TARGET)];
  if (serial) cases.push(measure(bench, 'serial', `${name}: adrlint cold, --concurrency off`, lintStep(cwd, [folder, '--concurrency', 'off'], out('serial'))));
  extra(cases);
  const peers = context.options.peers ? context.peers.flatMap((lookup) => ('found' in lookup ? [measure(bench, `peer:${lookup.found.name}`, `${name}: ${lookup.found.name}`, peerStep(lookup.found, cwd, folder))] : [])) : [];
  judge([...cases, ...peers], parse, context.node);
  return { name, files: files.length, bytes, cases, peers, report: null, rssLimitMb: null };
}

// ---------------------------------------------------------------------------------------------
// The groups

/** konflux and a generated set of its size profile: cold, and one file (pre-commit) of the generated one. */
function benchReal(context: Context): FolderResult[] {
  const { bench, options, temp } = context;
  const results: FolderResult[] = [];
  if (options.sharedCorpus && existsSync(join(SHARED_CORPUS, REAL_FOLDER))) results.push(benchFolder(context, `corpus/${REAL_FOLDER}`, SHARED_CORPUS, REAL_FOLDER));
  const root = join(temp, 'real');
  bench.progress(`generating ${REAL_SIZED.count} real-sized ADRs (seed ${options.seed})`);
  const corpus = generateCorpus({ ...REAL_SIZED, seed: options.seed, root });
  const name = `generated ${REAL_SIZED.count} real-sized`;
  const result = benchFolder(context, name, root, 'docs/adr', { extra: (cases) => {
    const one = relative(root, corpus.files[Math.floor(corpus.files.length / 2)]!);
    cases.push(measure(bench, 'one', `${name}: one file (pre-commit), ${corpus.files.length - 1} siblings indexed`, { args: [BIN, one], cwd: root, lint: true }, { overNode: PRE_COMMIT_OVER_NODE_MS }));
  } });
  result.report = summariseReport(join(bench.scratch, `${name.replace(/\W+/g, '-')}-cold.json`), corpus, root);
  results.push(result);
  return results;
}

/** The generated set with every kind of defect: cold, warm, one changed, ten named, one file; peak RSS. */
function benchSet(context: Context): { result: FolderResult; one: string } {
  const { bench, options, temp } = context;
  const root = join(temp, 'set');
  bench.progress(`generating ${options.count} ADRs with every kind of defect (seed ${options.seed})`);
  const corpus = generateCorpus({ count: options.count, seed: options.seed, root, everyDefect: true });
  const name = `generated ${options.count}`;
  const out = (suffix: string) => join(bench.scratch, `set-${suffix}.json`);
  const one = corpus.files.find((file) => basename(file).startsWith('0042-')) ?? corpus.files[Math.floor(corpus.files.length / 2)]!;
  const result = benchFolder(context, name, root, 'docs/adr', { extra: (cases) => {
    const cache = out('cache');
    const warm = lintStep(root, ['docs/adr', '--cache', '--cache-location', cache], out('warm'));
    const filled = prepare(bench, `${name}: --cache warm`, warm);
    cases.push(filled ? skipped('warm', `${name}: adrlint --cache, warm (nothing changed)`, filled, WARM_TARGET) : measure(bench, 'warm', `${name}: adrlint --cache, warm (nothing changed)`, warm, WARM_TARGET));
    if (!filled) {
      const restore = snapshot(cache, out('cache-snapshot'));
      const [changed] = spread(corpus.files, 1);
      cases.push(withChanged([changed!], () => measure(bench, 'changed', `${name}: adrlint --cache, one file changed`, { ...warm, before: restore }, ONE_CHANGED_TARGET)));
    }
    const named = spread(corpus.files, CHANGED_FILES);
    cases.push(withChanged(named, () => measure(bench, 'named', `${name}: ${named.length} changed files named, no cache`, lintStep(root, named.map((file) => relative(root, file)), out('named')))));
    cases.push(measure(bench, 'one', `${name}: one file (pre-commit)`, { args: [BIN, relative(root, one)], cwd: root, lint: true }));
  } });
  result.report = summariseReport(join(bench.scratch, `${name.replace(/\W+/g, '-')}-cold.json`), corpus, root);
  const linted = result.cases.filter((entry) => entry.id !== 'parse' && entry.rssMb !== null);
  result.rssLimitMb = linted.length ? Math.max(...linted.map((entry) => entry.rssMb!)) : null;
  return { result, one };
}

interface ScalingRow {
  count: number;
  bytes: number;
  parse: CaseResult;
  cold: CaseResult;
  report: ReportSummary | null;
}

interface ScalingResult {
  rows: ScalingRow[];
  /** Growth exponent of adrlint's time less node's start-up, smallest to largest set (1 = linear). */
  exponent: number | null;
  superlinear: boolean | null;
}

function benchScaling(context: Context): ScalingResult {
  const { bench, options, temp } = context;
  const rows = options.scaling.map((count) => {
    const root = join(temp, `scaling-${count}`);
    bench.progress(`generating the scaling set of ${count} (a broken link and a duplicate number each)`);
    const corpus = generateScalingCorpus({ count, seed: options.seed, root });
    const bytes = corpus.files.reduce((sum, file) => sum + statSync(file).size, 0);
    const output = join(bench.scratch, `scaling-${count}.json`);
    const parse = measure(bench, 'parse', `scaling ${count}: bare parse`, { args: [PARSE, 'docs/adr'], cwd: root, lint: false });
    const cold = measure(bench, 'cold', `scaling ${count}: adrlint cold`, lintStep(root, ['docs/adr'], output));
    judge([parse, cold], parse, context.node);
    const report = summariseReport(output, corpus, root);
    if (!options.keep) rmSync(root, { recursive: true, force: true });
    return { count, bytes, parse, cold, report };
  });
  const measured = rows.filter((row) => row.cold.median !== null);
  const first = measured[0];
  const last = measured.at(-1);
  const floor = context.node.median ?? 0;
  if (!first || !last || first === last) return { rows, exponent: null, superlinear: null };
  const exponent = Math.log(Math.max(1, last.cold.median! - floor) / Math.max(1, first.cold.median! - floor)) / Math.log(last.count / first.count);
  return { rows, exponent, superlinear: exponent > SUPERLINEAR_EXPONENT };
}

/** Each collection of ../shared/corpus (konflux too, unless the real group timed it). */
function benchShared(context: Context): FolderResult[] {
  const skip = context.options.groups.has('real') ? new Set([REAL_FOLDER]) : new Set<string>();
  const folders = readdirSync(SHARED_CORPUS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !skip.has(entry.name))
    .map((entry) => entry.name)
    .sort();
  const noPeers = { ...context, options: { ...context.options, peers: false } };
  return folders.map((folder) => benchFolder(noPeers, `corpus/${folder}`, SHARED_CORPUS, folder, { serial: false }));
}

/** A user catalogue of `count` new patterns, each with a name and three aliases (the last an acronym). */
function largeCatalogue(count: number): string {
  const lines = ['patterns:'];
  for (let index = 0; index < count; index++) {
    lines.push(`  - slug: generated-${index}`, `    name: Generated Pattern ${index}`, '    category: Data Pattern', `    aliases: [gen ${index} mesh, gen ${index} relay, GX${index.toString(36).toUpperCase()}]`);
  }
  return `${lines.join('\n')}\n`;
}

interface MatchingResult {
  patterns: number;
  /** One file linted through the CLI with the large catalogue. */
  cli: CaseResult;
  /** Loading the catalogue file (YAML, schema, merge, matcher). */
  loadMs: number;
  /** Parsing the ADR with its mentions: the first time (as a CLI run does), and the median of the runs. */
  firstParseMs: number;
  parseMs: number;
  mentions: number;
  pass: boolean;
}

/** Mention matching with a large catalogue: one file through the CLI, and in one process apart from loading it (scripts/bench-mentions.mjs). */
function benchMatching(context: Context, oneFile: string | null): MatchingResult | { error: string } {
  const { bench, options, temp } = context;
  let adr = oneFile;
  if (!adr) {
    const corpus = generateCorpus({ count: 100, seed: options.seed, root: join(temp, 'matching') });
    adr = corpus.files[41]!;
  }
  const catalogueFile = join(bench.scratch, `catalogue-${LARGE_CATALOGUE}.yaml`);
  writeFileSync(catalogueFile, largeCatalogue(LARGE_CATALOGUE));
  const configFile = join(bench.scratch, 'large-catalogue.yml');
  writeFileSync(configFile, `catalogue: ${basename(catalogueFile)}\n`);
  const root = resolve(adr, '..', '..', '..');
  const cli = measure(bench, 'g', `one file, ${LARGE_CATALOGUE} patterns`, { args: [BIN, relative(root, adr), '--config', configFile], cwd: root, lint: true });
  bench.progress(`mention matching with ${LARGE_CATALOGUE} patterns`);
  const child = spawnSync(process.execPath, [MENTIONS, catalogueFile, adr, String(bench.runs)], { env: childEnv(join(bench.scratch, 'rss')), encoding: 'utf8' });
  if (child.status !== 0) return { error: `exit ${child.status}: ${child.stderr.trim() || '(no stderr)'}` };
  const measured = JSON.parse(child.stdout) as Omit<MatchingResult, 'pass' | 'cli'>;
  return { ...measured, cli, pass: measured.firstParseMs <= MATCHING_TARGET_MS };
}

interface LspResult {
  label: string;
  /** From didOpen to the first diagnostics (the server's start-up and first lint of the set). */
  openMs: number;
  /** Median and 90th percentile of the time from a change to its diagnostics, the server's pause taken off. */
  keystrokeMs: number;
  p90Ms: number;
  /** Median and 90th percentile of the server's own time for the lint of a change (it traces it). */
  serverMs: number;
  serverP90Ms: number;
  /** The bare parse of the same text, in the same run. */
  parseMs: number;
}

/** The language server: one ADR of a generated set typed into, a keystroke at a time (scripts/bench-lsp.mjs). */
function benchLsp(context: Context): Array<LspResult | { label: string; error: string }> {
  const { bench, options, temp } = context;
  const sets = [
    { label: `${LSP_SET} typical records (~4 KB)`, sizes: undefined },
    { label: `${LSP_SET} real-sized records (30–73 KB)`, sizes: REAL_SIZED.sizes },
  ];
  return sets.map(({ label, sizes }, index) => {
    bench.progress(`language server: ${label}`);
    const root = join(temp, `lsp-${index}`);
    const corpus = generateCorpus({ count: LSP_SET, seed: options.seed, root, ...(sizes ? { sizes } : {}) });
    const file = corpus.files[Math.floor(LSP_SET / 2)]!;
    const child = spawnSync(process.execPath, [LSP, root, file, String(Math.max(20, bench.runs * 6))], { encoding: 'utf8', env: childEnv(join(bench.scratch, 'rss')) });
    if (child.status !== 0) return { label, error: `exit ${child.status}: ${child.stderr.trim() || '(no stderr)'}` };
    return { label, ...(JSON.parse(child.stdout) as Omit<LspResult, 'label'>) };
  });
}

interface ReportResult {
  label: string;
  adrs: number;
  problems: number;
  bytes: number;
  /** Medians, in one process: the lint run, and the set report, page model and page after it. */
  lintMs: number;
  htmlMs: number;
  /** The same through the CLI, wall time: `adrlint <folder>` and `adrlint report <folder> --format html -o`. */
  cliLint: CaseResult;
  cliReport: CaseResult;
  pass: boolean;
}

/** The HTML report of a generated set and of konflux: its time against the lint run's (scripts/bench-report.ts), and its size. */
function benchReport(context: Context): Array<ReportResult | { label: string; error: string }> {
  const { bench, options, temp } = context;
  const sets: Array<{ label: string; root: string; folder: string }> = [];
  const root = join(temp, 'report');
  generateCorpus({ count: REPORT_SET, seed: options.seed, root });
  sets.push({ label: `generated ${REPORT_SET}`, root, folder: 'docs/adr' });
  if (options.sharedCorpus && existsSync(join(SHARED_CORPUS, REAL_FOLDER))) {
    const copy = join(temp, 'report-corpus');
    cpSync(join(SHARED_CORPUS, REAL_FOLDER), join(copy, REAL_FOLDER), { recursive: true });
    sets.push({ label: `corpus/${REAL_FOLDER}`, root: copy, folder: REAL_FOLDER });
  }
  return sets.map(({ label, root: setRoot, folder }) => {
    bench.progress(`HTML report: ${label}`);
    const child = spawnSync(process.execPath, [TSX, REPORT, setRoot, folder, String(bench.runs)], { cwd: PACKAGE_ROOT, encoding: 'utf8', env: childEnv(join(bench.scratch, 'rss')) });
    if (child.status !== 0) return { label, error: `exit ${child.status}: ${child.stderr.trim() || '(no stderr)'}` };
    const measured = JSON.parse(child.stdout) as Pick<ReportResult, 'adrs' | 'problems' | 'bytes' | 'lintMs' | 'htmlMs'>;
    const output = join(bench.scratch, 'report.html');
    const cliLint = measure(bench, 'rl', `${label}: adrlint`, { args: [BIN, folder], cwd: setRoot, lint: true });
    const cliReport = measure(bench, 'rh', `${label}: adrlint report --format html`, { args: [BIN, 'report', folder, '--format', 'html', '-o', output], cwd: setRoot, lint: false, output });
    return { label, ...measured, cliLint, cliReport, pass: measured.htmlMs <= measured.lintMs * REPORT_RATIO && measured.bytes <= REPORT_BYTES };
  });
}

function printReport(results: ReadonlyArray<ReportResult | { label: string; error: string }>): void {
  const rows = results.map((result) =>
    'error' in result
      ? [result.label, `failed: ${result.error}`, '', '', '', '', '', '']
      : [
          `${result.label} (${result.adrs} ADRs, ${result.problems} problems)`,
          fixed(result.lintMs),
          fixed(result.htmlMs, 1),
          `${((result.htmlMs / result.lintMs) * 100).toFixed(1)} %`,
          `${(result.bytes / 1024).toFixed(0)} KB`,
          result.cliLint.median === null ? 'failed' : fixed(result.cliLint.median),
          result.cliReport.median === null ? 'failed' : fixed(result.cliReport.median),
          result.pass ? 'pass' : 'FAIL',
        ],
  );
  console.log(`\nHTML report (adrlint report --format html): the page's time against the lint run's, in one process (target ≤ ${REPORT_RATIO * 100} % of it, and ≤ ${REPORT_BYTES / 1024} KB for ${REPORT_SET} ADRs); the CLI's wall time beside it:`);
  console.log(table([['set', 'lint ms', 'page ms', 'page / lint', 'size', 'adrlint ms', 'adrlint report -f html ms', 'target'], ...rows]));
}

function printLsp(results: ReadonlyArray<LspResult | { label: string; error: string }>): void {
  const rows = results.map((result) =>
    'error' in result
      ? [result.label, `failed: ${result.error}`, '', '', '', '', '']
      : [result.label, fixed(result.openMs), `${fixed(result.serverMs, 1)} / ${fixed(result.serverP90Ms, 1)}`, `${fixed(result.keystrokeMs, 1)} / ${fixed(result.p90Ms, 1)}`, fixed(result.parseMs, 1), `${(result.serverMs / result.parseMs).toFixed(1)}×`],
  );
  console.log(`\nlanguage server (adrlint lsp --stdio), one ADR typed into, a keystroke at a time (target: the server's time for a typical ADR ≤ ${LSP_TARGET_MS} ms):`);
  console.log(table([['set', 'open → diagnostics ms', 'server ms median / p90', 'change → diagnostics ms, pause off, median / p90', 'bare parse of the ADR ms', 'server × parse'], ...rows]));
  const typical = results[0];
  if (typical && !('error' in typical)) console.log(`typical ADR: ${fixed(typical.serverMs, 1)} ms of server time: ${typical.serverMs <= LSP_TARGET_MS ? 'pass' : 'FAIL'}`);
}

// ---------------------------------------------------------------------------------------------
// Printing

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cpus: cpu.length,
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
  };
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(1)} MB`;

function targetText(target: Target | null, node: CaseResult): string {
  if (!target) return '';
  if ('ms' in target) return `≤ ${target.ms} ms`;
  if ('overNode' in target) return node.median === null ? `≤ node + ${target.overNode} ms` : `≤ ${fixed(node.median + target.overNode)} ms (node + ${target.overNode})`;
  return `≤ ${target.ratio.toFixed(2)}×`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  // Names left-aligned, numbers right-aligned.
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd()).join('\n');
}

const CASE_HEADER = ['case', 'median ms', 'min–max ms', '× parse', 'target', 'result', 'peak RSS MB'];

function caseRow(entry: CaseResult, node: CaseResult, label = entry.label): string[] {
  if (entry.outcome === 'flag missing') return [label, 'n/a (flag missing)', '', '', targetText(entry.target, node), '', ''];
  if (entry.outcome === 'failed') return [label, 'FAILED', '', '', targetText(entry.target, node), 'FAIL', ''];
  return [
    label,
    fixed(entry.median ?? 0),
    `${fixed(Math.min(...entry.times))}–${fixed(Math.max(...entry.times))}`,
    entry.ratio === null ? '' : `${entry.ratio.toFixed(2)}×`,
    entry.id === 'parse' ? 'reference' : targetText(entry.target, node),
    entry.pass === null ? '' : entry.pass ? 'pass' : 'FAIL',
    entry.rssMb === null ? '' : fixed(entry.rssMb),
  ];
}

function failures(cases: readonly CaseResult[]): string[] {
  return cases.filter((entry) => entry.outcome === 'failed').map((entry) => `${entry.label} failed: ${entry.error}`);
}

function reportLines(report: ReportSummary | null, label: string): string[] {
  if (!report) return [`report (${label}): none written`];
  const rules = Object.entries(report.byRule).sort(([a], [b]) => a.localeCompare(b)).map(([rule, count]) => `${rule} ${count}`).join(', ');
  const verdict = report.missed.length === 0 && report.unexpected.length === 0 ? 'exactly the report' : `${report.missed.length} not reported, ${report.unexpected.length} unexpected reports`;
  return [
    `report (${label}): ${report.files} files, ${report.errors} errors, ${report.warnings} warnings (${rules || 'none'}); planted defects: ${report.defects}; ${verdict}`,
    ...[...report.missed.map((key) => `  not reported: ${key}`), ...report.unexpected.map((line) => `  unexpected: ${line}`)].slice(0, 20),
  ];
}

function printFolder(result: FolderResult, node: CaseResult): void {
  const cold = result.cases.find((entry) => entry.id === 'cold');
  console.log(`\n${result.name}: ${result.files} files, ${mb(result.bytes)}`);
  const peerRows = result.peers.map((peer) => caseRow(peer, node, `${peer.label}${cold?.median && peer.median ? ` (adrlint cold ÷ it: ${(cold.median / peer.median).toFixed(2)}×)` : ''}`));
  console.log(table([CASE_HEADER, ...result.cases.map((entry) => caseRow(entry, node)), ...peerRows]));
  if (result.rssLimitMb !== null) console.log(`peak RSS of adrlint ≤ ${RSS_LIMIT_MB} MB: ${result.rssLimitMb <= RSS_LIMIT_MB ? 'pass' : 'FAIL'} (highest: ${fixed(result.rssLimitMb)} MB)`);
  if (result.report) for (const line of reportLines(result.report, 'cold')) console.log(line);
  for (const line of failures([...result.cases, ...result.peers])) console.log(line);
}

function printScaling(result: ScalingResult, node: CaseResult): void {
  console.log('\nscaling: each record has a broken link (to a near name) and shares its number with another');
  const rows = result.rows.map((row) => {
    const ok = row.cold.median !== null && row.parse.median !== null;
    const perThousand = ok ? ((row.cold.median! - (node.median ?? 0)) / row.count) * 1000 : null;
    const verdict = row.report && !reportWrong(row.report) ? 'exact' : row.report ? 'WRONG' : '';
    return [String(row.count), mb(row.bytes), row.parse.median === null ? 'FAILED' : fixed(row.parse.median), row.cold.median === null ? 'FAILED' : fixed(row.cold.median), row.cold.ratio === null ? '' : `${row.cold.ratio.toFixed(2)}×`, perThousand === null ? '' : fixed(perThousand), row.cold.rssMb === null ? '' : fixed(row.cold.rssMb), verdict];
  });
  console.log(table([['files', 'size', 'parse ms', 'adrlint ms', '× parse', 'adrlint ms / 1,000 files (less start-up)', 'peak RSS MB', 'report'], ...rows]));
  if (result.exponent !== null) {
    const first = result.rows[0]!.count;
    const last = result.rows.at(-1)!.count;
    console.log(`growth ${first} → ${last} files: time ∝ n^${result.exponent.toFixed(2)} (1.00 is linear; over ${SUPERLINEAR_EXPONENT.toFixed(2)} is flagged): ${result.superlinear ? 'SUPERLINEAR' : 'linear'}`);
  }
  for (const row of result.rows) {
    if (reportWrong(row.report)) for (const line of reportLines(row.report, `scaling ${row.count}`)) console.log(line);
    for (const line of failures([row.parse, row.cold])) console.log(line);
  }
}

function printSharedRows(rows: readonly FolderResult[]): void {
  console.log(`\n${relative(process.cwd(), SHARED_CORPUS) || SHARED_CORPUS}: bare parse and adrlint cold, per folder\n`);
  const cell = (entry: CaseResult | undefined) => (!entry ? '' : entry.outcome === 'ok' ? fixed(entry.median ?? 0) : entry.outcome === 'failed' ? 'FAILED' : 'n/a');
  console.log(
    table([
      ['folder', 'files', 'size', 'parse ms', 'adrlint ms', '× parse', 'peak RSS MB'],
      ...rows.map((row) => {
        const [parse, cold] = row.cases;
        return [row.name, String(row.files), mb(row.bytes), cell(parse), cell(cold), cold?.ratio == null ? '' : `${cold.ratio.toFixed(2)}×`, cold?.rssMb == null ? '' : fixed(cold.rssMb)];
      }),
    ]),
  );
  for (const row of rows) for (const line of failures(row.cases)) console.log(line);
}

function printMatching(matching: MatchingResult | { error: string }, node: CaseResult): void {
  if ('error' in matching) return void console.log(`\nmention matching with ${LARGE_CATALOGUE} patterns failed: ${matching.error}`);
  console.log(`\n${table([CASE_HEADER, caseRow(matching.cli, node)])}`);
  console.log(`mention matching with ${matching.patterns} patterns: one ADR parsed with its mentions in ${fixed(matching.firstParseMs)} ms (median ${fixed(matching.parseMs, 1)} ms; target ≤ ${MATCHING_TARGET_MS} ms: ${matching.pass ? 'pass' : 'FAIL'}); loading the catalogue ${fixed(matching.loadMs)} ms`);
}

function printPeers(context: Context): void {
  if (!context.options.peers) return void console.log('peers: not run (--no-peers)');
  for (const lookup of context.peers) {
    if ('found' in lookup) console.log(`peer ${lookup.found.name}: ${lookup.found.path}`);
    else console.log(`peer ${lookup.missing.name}: not installed, skipped (looked in ${context.options.peersDir ? `${context.options.peersDir}, ` : ''}node_modules/.bin and PATH; --peers DIR names a folder)`);
  }
}

// ---------------------------------------------------------------------------------------------

interface Results {
  real: FolderResult[];
  set: FolderResult | null;
  scaling: ScalingResult | null;
  shared: FolderResult[];
  matching: MatchingResult | { error: string } | null;
  lsp: Array<LspResult | { label: string; error: string }>;
  report: Array<ReportResult | { label: string; error: string }>;
}

function runGroups(context: Context): Results {
  const { groups } = context.options;
  const real = groups.has('real') ? benchReal(context) : [];
  const set = groups.has('set') ? benchSet(context) : null;
  const scaling = groups.has('scaling') ? benchScaling(context) : null;
  const shared = groups.has('shared') && context.options.sharedCorpus && existsSync(SHARED_CORPUS) ? benchShared(context) : [];
  const matching = groups.has('matching') ? benchMatching(context, set?.one ?? null) : null;
  const lsp = groups.has('lsp') ? benchLsp(context) : [];
  const report = groups.has('report') ? benchReport(context) : [];
  return { real, set: set?.result ?? null, scaling, shared, matching, lsp, report };
}

function print(context: Context, results: Results): void {
  const { options, node } = context;
  const m = machine();
  console.log(`adrlint benchmark, ${new Date().toISOString().slice(0, 10)}: median of ${options.runs} run${options.runs === 1 ? '' : 's'}, wall time of each process; × parse is over the bare parse of the same files in this run`);
  console.log(`machine: ${m.cpu}, ${m.cpus} CPUs, ${m.memoryGb} GB RAM, Node ${m.node}, ${m.os}`);
  printPeers(context);
  console.log(`\n${table([CASE_HEADER, caseRow(node, node)])}`);
  for (const result of results.real) printFolder(result, node);
  if (results.set) printFolder(results.set, node);
  if (results.scaling) printScaling(results.scaling, node);
  if (results.shared.length) printSharedRows(results.shared);
  if (results.matching) printMatching(results.matching, node);
  if (results.lsp.length) printLsp(results.lsp);
  if (results.report.length) printReport(results.report);
}

function failed(results: Results): boolean {
  const folders = [...results.real, ...(results.set ? [results.set] : []), ...results.shared];
  const cases = [...folders.flatMap((folder) => [...folder.cases, ...folder.peers]), ...(results.scaling?.rows.flatMap((row) => [row.parse, row.cold]) ?? [])];
  const reports = [...folders.filter((folder) => folder.name.startsWith('generated')).map((folder) => folder.report), ...(results.scaling?.rows.map((row) => row.report) ?? [])];
  return cases.some((entry) => entry.outcome === 'failed') || reports.some(reportWrong) || (results.matching !== null && 'error' in results.matching) || results.lsp.some((result) => 'error' in result) || results.report.some((result) => 'error' in result);
}

function main(): number {
  let options: Options | null;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!options) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (!existsSync(join(PACKAGE_ROOT, 'dist', 'cli.js'))) {
    process.stderr.write('bench: dist/cli.js is missing; run "npm run build" first (npm run bench does)\n');
    return 2;
  }
  if (options.groups.size === 1 && options.groups.has('shared') && !existsSync(SHARED_CORPUS)) {
    process.stderr.write(`bench: only the shared corpus, but ${SHARED_CORPUS} does not exist\n`);
    return 2;
  }
  const temp = mkdtempSync(join(tmpdir(), 'adrlint-bench-'));
  const scratch = join(temp, 'out');
  mkdirSync(scratch);
  const bench: Bench = { runs: options.runs, scratch, progress: (line) => process.stderr.write(`  ${line}\n`) };
  try {
    const node = measure(bench, 'node', 'node -e 0 (start-up floor)', { args: ['-e', '0'], cwd: temp, lint: false });
    const peers = options.peers ? findPeers(peerFolders(PACKAGE_ROOT, options.peersDir)) : [];
    const context: Context = { bench, options, temp, node, peers };
    const results = runGroups(context);
    if (options.json) process.stdout.write(`${JSON.stringify({ date: new Date().toISOString(), machine: machine(), options: { ...options, groups: [...options.groups] }, node, peers, ...results }, null, 2)}\n`);
    else print(context, results);
    return failed(results) ? 1 : 0;
  } finally {
    if (options.keep) process.stderr.write(`bench: kept ${temp}\n`);
    else rmSync(temp, { recursive: true, force: true });
  }
}

process.exitCode = main();
