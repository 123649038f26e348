// `npm run bench`: time adrlint against the bare remark parse of the same files, on a generated
// corpus (scripts/bench-corpus.ts) and on the real ADR collections in ../shared/corpus.
// Every case is a child process timed from spawn to exit (node start-up included, as a user sees
// it), the median of several runs, with the child's peak RSS read back through scripts/bench-rss.mjs.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateCorpus, type BenchCorpus } from './bench-corpus.ts';

const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(PACKAGE_ROOT, 'bin', 'adrlint.js');
const PARSE = join(PACKAGE_ROOT, 'scripts', 'bench-parse.mjs');
const MENTIONS = join(PACKAGE_ROOT, 'scripts', 'bench-mentions.mjs');
const RSS_PRELOAD = pathToFileURL(join(PACKAGE_ROOT, 'scripts', 'bench-rss.mjs')).href;
const SHARED_CORPUS = resolve(PACKAGE_ROOT, '..', 'shared', 'corpus');

const RSS_LIMIT_MB = 300;
const CHANGED_FILES = 10;
const CHANGE = '\nA late note: the rollout finished on schedule.\n';
// A user catalogue this large (three aliases each) must not slow the matching of prose down: one
// ADR's mentions within MATCHING_TARGET_MS (issue #12), the catalogue's YAML apart.
const LARGE_CATALOGUE = 10_000;
const MATCHING_TARGET_MS = 500;

const USAGE = `Usage: tsx scripts/bench.ts [options]

  --count N       ADRs in the generated corpus (default 5000)
  --seed S        corpus seed (default 42)
  --runs R        timed runs per case; the median is reported (default 5)
  --keep          keep the temporary folder (corpus, reports, cache) and print its path
  --corpus-only   only time ../shared/corpus
  --no-corpus     do not time ../shared/corpus
  --json          print the results as JSON instead of tables
`;

interface Options {
  count: number;
  seed: number;
  runs: number;
  keep: boolean;
  generated: boolean;
  shared: boolean;
  json: boolean;
}

/** What one case is held to: a ratio to the reference parse, or wall milliseconds. */
type Target = { ratio: number } | { ms: number };

type Outcome = 'ok' | 'failed' | 'flag missing';

interface CaseResult {
  id: string;
  label: string;
  outcome: Outcome;
  /** Wall milliseconds of the timed runs. */
  times: number[];
  median: number | null;
  /** Highest peak RSS of the runs, in MiB. */
  rssMb: number | null;
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
  args: string[];
  cwd: string;
  /** adrlint exits 1 when it finds lint errors: a run that worked. The others must exit 0. */
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
      count: { type: 'string', default: '5000' },
      seed: { type: 'string', default: '42' },
      runs: { type: 'string', default: '5' },
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
  if (values['corpus-only'] && values['no-corpus']) throw new Error('--corpus-only and --no-corpus exclude each other');
  return {
    count: whole('count', values.count, 1, 9999),
    seed: whole('seed', values.seed, 0, 2 ** 32 - 1),
    runs: whole('runs', values.runs, 1, 100),
    keep: values.keep,
    generated: !values['corpus-only'],
    shared: !values['no-corpus'],
    json: values.json,
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

function runOnce(args: readonly string[], cwd: string, rssFile: string): Run {
  rmSync(rssFile, { force: true });
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['--import', RSS_PRELOAD, ...args], {
    cwd,
    env: childEnv(rssFile),
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 512 * 1024 * 1024,
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.error) throw child.error;
  const rss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
  return { ms, code: child.status, stdout: child.stdout, stderr: child.stderr, rssKib: Number.isFinite(rss) ? rss : null };
}

// parseArgs' message for a flag the CLI does not know yet ("Unknown option '--cache'").
const UNKNOWN_OPTION = /Unknown option '(--[\w-]+)'/;

/** Why a run does not count, or null when it worked. */
function runProblem(run: Run, step: Step): { outcome: Outcome; error: string } | null {
  if (step.lint && run.code === 2 && UNKNOWN_OPTION.test(run.stderr)) return { outcome: 'flag missing', error: UNKNOWN_OPTION.exec(run.stderr)![1]! };
  const codeOk = step.lint ? run.code === 0 || run.code === 1 : run.code === 0;
  if (!codeOk) return { outcome: 'failed', error: `exit ${run.code}: ${run.stderr.trim() || '(no stderr)'}` };
  if (step.output && !existsSync(step.output)) return { outcome: 'failed', error: `exit ${run.code} but no report at ${step.output}: ${run.stderr.trim()}` };
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
    const run = runOnce(step.args, step.cwd, rssFile);
    const problem = runProblem(run, step);
    if (problem) {
      result.outcome = problem.outcome;
      result.error = problem.error;
      result.times = [];
      return result;
    }
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
  return runProblem(runOnce(step.args, step.cwd, join(bench.scratch, 'rss')), step);
}

function skipped(id: string, label: string, problem: { outcome: Outcome; error: string }, target: Target | null = null): CaseResult {
  return { id, label, outcome: problem.outcome, error: problem.error, times: [], median: null, rssMb: null, ratio: null, target, pass: null };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Ratios to the reference and the verdict on each case's target. */
function judge(cases: CaseResult[], reference: CaseResult | undefined): void {
  for (const entry of cases) {
    if (entry.median === null) continue;
    if (reference?.median) entry.ratio = entry.median / reference.median;
    if (!entry.target) continue;
    if ('ms' in entry.target) entry.pass = entry.median <= entry.target.ms;
    else if (entry.ratio !== null) entry.pass = entry.ratio <= entry.target.ratio;
  }
}

// ---------------------------------------------------------------------------------------------
// The generated corpus

interface ReportSummary {
  files: number;
  errors: number;
  warnings: number;
  byRule: Record<string, number>;
  /** Deliberate defects the report does not show, and reports that are not deliberate defects. */
  missed: string[];
  unexpected: string[];
}

function summariseReport(reportFile: string, corpus: BenchCorpus, root: string): ReportSummary | null {
  if (!existsSync(reportFile)) return null;
  const results = JSON.parse(readFileSync(reportFile, 'utf8')) as Array<{ filePath: string; errorCount: number; warningCount: number; messages: Array<{ ruleId: string | null; line: number; column: number; message: string }> }>;
  const summary: ReportSummary = { files: results.length, errors: 0, warnings: 0, byRule: {}, missed: [], unexpected: [] };
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

/** Spread over the set, so the changed files are not neighbours. */
function changedFiles(files: readonly string[]): string[] {
  if (files.length <= CHANGED_FILES) return [...files];
  return Array.from({ length: CHANGED_FILES }, (_, index) => files[Math.floor(((index + 0.5) * files.length) / CHANGED_FILES)]!);
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

function benchGenerated(bench: Bench, options: Options, root: string): { cases: CaseResult[]; corpus: BenchCorpus; bytes: number; report: ReportSummary | null; matching: MatchingResult | { error: string } } {
  bench.progress(`generating ${options.count} ADRs (seed ${options.seed})`);
  const corpus = generateCorpus({ count: options.count, seed: options.seed, root });
  const bytes = corpus.files.reduce((sum, file) => sum + statSync(file).size, 0);
  const out = (name: string) => join(bench.scratch, name);
  const lint = (args: string[], output: string): Step => ({ args: [BIN, ...args, '--format', 'json', '-o', output], cwd: root, lint: true, output });
  const cases: CaseResult[] = [];

  cases.push(measure(bench, 'node', 'node -e "" (start-up floor)', { args: ['-e', ''], cwd: root, lint: false }));
  cases.push(measure(bench, 'a', '(a) remark parse, 1 thread', { args: [PARSE, 'docs/adr'], cwd: root, lint: false }));
  const coldReport = out('cold.json');
  cases.push(measure(bench, 'b', '(b) adrlint cold', lint(['docs/adr'], coldReport), { ratio: 0.6 }));
  const report = summariseReport(coldReport, corpus, root);
  cases.push(measure(bench, 'f', '(f) adrlint cold, --concurrency off', lint(['docs/adr', '--concurrency', 'off'], out('serial.json'))));

  const warm = lint(['docs/adr', '--cache', '--cache-location', out('cache.json')], out('warm.json'));
  const filled = prepare(bench, '(c) adrlint --cache warm', warm);
  cases.push(filled ? skipped('c', '(c) adrlint --cache warm', filled, { ratio: 0.08 }) : measure(bench, 'c', '(c) adrlint --cache warm', warm, { ratio: 0.08 }));

  // Ten changed files, the whole folder indexed for the cross-file rules: without a cache, and
  // with a cache filled before the change (put back before each run, so each run sees ten changes).
  const changed = changedFiles(corpus.files);
  const paths = changed.map((file) => relative(root, file));
  const withCache = lint([...paths, '--cache', '--cache-location', out('cache-10.json')], out('changed-cache.json'));
  const fill = prepare(bench, '(d) 10 changed, cache', { ...withCache, args: [BIN, 'docs/adr', '--cache', '--cache-location', out('cache-10.json'), '--format', 'json', '-o', out('fill.json')], output: out('fill.json') });
  const originals = changed.map((file) => readFileSync(file));
  try {
    for (const file of changed) appendFileSync(file, CHANGE);
    cases.push(measure(bench, 'd', `(d) ${changed.length} changed`, lint(paths, out('changed.json')), { ratio: 0.2 }));
    if (fill) cases.push(skipped('d-cache', `(d) ${changed.length} changed, cache`, fill, { ratio: 0.2 }));
    else {
      const restore = snapshot(out('cache-10.json'), out('cache-10.snapshot'));
      cases.push(measure(bench, 'd-cache', `(d) ${changed.length} changed, cache`, { ...withCache, before: restore }, { ratio: 0.2 }));
    }
  } finally {
    changed.forEach((file, index) => writeFileSync(file, originals[index]!));
  }

  const one = corpus.files.find((file) => basename(file).startsWith('0042-')) ?? corpus.files[Math.floor(corpus.files.length / 2)]!;
  cases.push(measure(bench, 'e', `(e) one file (${basename(one).slice(0, 4)})`, { args: [BIN, relative(root, one)], cwd: root, lint: true }, { ms: 250 }));

  const catalogueFile = out(`catalogue-${LARGE_CATALOGUE}.yaml`);
  writeFileSync(catalogueFile, largeCatalogue(LARGE_CATALOGUE));
  const configFile = out('large-catalogue.yml');
  writeFileSync(configFile, `catalogue: ${basename(catalogueFile)}\n`);
  cases.push(measure(bench, 'g', `(g) one file, ${LARGE_CATALOGUE} patterns`, { args: [BIN, relative(root, one), '--config', configFile], cwd: root, lint: true }));
  const matching = measureMatching(bench, catalogueFile, one);

  judge(cases, cases.find((entry) => entry.id === 'a'));
  return { cases, corpus, bytes, report, matching };
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
  /** Loading the catalogue file (YAML, schema, merge, matcher). */
  loadMs: number;
  /** Parsing the ADR with its mentions: the first time (as a CLI run does), and the median of the runs. */
  firstParseMs: number;
  parseMs: number;
  mentions: number;
  pass: boolean;
}

/** Mention matching with a large catalogue, measured in one process apart from loading it (scripts/bench-mentions.mjs). */
function measureMatching(bench: Bench, catalogueFile: string, adr: string): MatchingResult | { error: string } {
  bench.progress(`mention matching with ${LARGE_CATALOGUE} patterns`);
  const child = spawnSync(process.execPath, [MENTIONS, catalogueFile, adr, String(bench.runs)], { env: childEnv(join(bench.scratch, 'rss')), encoding: 'utf8' });
  if (child.status !== 0) return { error: `exit ${child.status}: ${child.stderr.trim() || '(no stderr)'}` };
  const measured = JSON.parse(child.stdout) as Omit<MatchingResult, 'pass'>;
  return { ...measured, pass: measured.firstParseMs <= MATCHING_TARGET_MS };
}

// ---------------------------------------------------------------------------------------------
// ../shared/corpus: each folder, the reference parse and adrlint cold

interface SharedRow {
  folder: string;
  files: number;
  parse: CaseResult;
  cold: CaseResult;
}

function benchShared(bench: Bench): SharedRow[] {
  const folders = readdirSync(SHARED_CORPUS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return folders.map((folder) => {
    const files = readdirSync(join(SHARED_CORPUS, folder)).filter((name) => /\.(?:md|markdown)$/i.test(name)).length;
    const parse = measure(bench, 'a', `corpus/${folder} parse`, { args: [PARSE, folder], cwd: SHARED_CORPUS, lint: false });
    const output = join(bench.scratch, `shared-${folder}.json`);
    const cold = measure(bench, 'b', `corpus/${folder} adrlint cold`, { args: [BIN, folder, '--format', 'json', '-o', output], cwd: SHARED_CORPUS, lint: true, output });
    judge([cold], parse);
    return { folder, files, parse, cold };
  });
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

function targetText(target: Target | null): string {
  if (!target) return '';
  return 'ms' in target ? `≤ ${target.ms} ms` : `≤ ${target.ratio.toFixed(2)}×`;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  // Names left-aligned, numbers right-aligned.
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd()).join('\n');
}

function caseRow(entry: CaseResult): string[] {
  if (entry.outcome === 'flag missing') return [entry.label, 'n/a (flag missing)', '', '', targetText(entry.target), '', ''];
  if (entry.outcome === 'failed') return [entry.label, 'FAILED', '', '', targetText(entry.target), 'FAIL', ''];
  const min = Math.min(...entry.times);
  const max = Math.max(...entry.times);
  return [
    entry.label,
    fixed(entry.median ?? 0),
    `${fixed(min)}–${fixed(max)}`,
    entry.ratio === null ? '' : `${entry.ratio.toFixed(2)}×`,
    entry.id === 'a' ? 'reference' : targetText(entry.target),
    entry.pass === null ? '' : entry.pass ? 'pass' : 'FAIL',
    entry.rssMb === null ? '' : fixed(entry.rssMb),
  ];
}

function printGenerated(result: ReturnType<typeof benchGenerated>, options: Options): void {
  const { cases, corpus, bytes, report, matching } = result;
  console.log(`adrlint benchmark: ${corpus.files.length} generated ADRs (seed ${options.seed}), median of ${options.runs} run${options.runs === 1 ? '' : 's'}\n`);
  console.log(table([['case', 'median ms', 'min–max ms', '× (a)', 'target', 'result', 'peak RSS MB'], ...cases.map(caseRow)]));
  const linted = cases.filter((entry) => entry.id !== 'a' && entry.id !== 'node' && entry.rssMb !== null);
  const worst = linted.reduce<CaseResult | null>((top, entry) => (top === null || entry.rssMb! > top.rssMb! ? entry : top), null);
  if (worst) console.log(`\npeak RSS of adrlint ≤ ${RSS_LIMIT_MB} MB: ${worst.rssMb! <= RSS_LIMIT_MB ? 'pass' : 'FAIL'} (highest: ${fixed(worst.rssMb!)} MB, ${worst.label})`);
  const missing = cases.filter((entry) => entry.outcome === 'flag missing');
  if (missing.length) console.log(`not measured, the CLI does not know ${[...new Set(missing.map((entry) => entry.error))].join(', ')} yet`);
  for (const entry of cases.filter((item) => item.outcome === 'failed')) console.log(`\n${entry.label} failed: ${entry.error}`);
  if ('error' in matching) console.log(`\nmention matching with ${LARGE_CATALOGUE} patterns failed: ${matching.error}`);
  else
    console.log(
      `\nmention matching with ${matching.patterns} patterns (g): one ADR parsed with its mentions in ${fixed(matching.firstParseMs)} ms (median ${fixed(matching.parseMs, 1)} ms; target ≤ ${MATCHING_TARGET_MS} ms: ${matching.pass ? 'pass' : 'FAIL'}); loading the catalogue ${fixed(matching.loadMs)} ms`,
    );
  const m = machine();
  console.log(`\nmachine: ${m.cpu}, ${m.cpus} CPUs, ${m.memoryGb} GB RAM, Node ${m.node}, ${m.os}`);
  console.log(`corpus: ${corpus.files.length} files, ${(bytes / 1024 ** 2).toFixed(1)} MB (mean ${(bytes / corpus.files.length / 1024).toFixed(2)} KB)`);
  if (report) {
    const rules = Object.entries(report.byRule).sort(([a], [b]) => a.localeCompare(b)).map(([rule, count]) => `${rule} ${count}`).join(', ');
    console.log(`report (b): ${report.files} files, ${report.errors} errors, ${report.warnings} warnings (${rules || 'none'})`);
    const verdict = report.missed.length === 0 && report.unexpected.length === 0 ? 'exactly the report' : `${report.missed.length} not reported, ${report.unexpected.length} unexpected reports`;
    console.log(`deliberate defects: ${corpus.defects.length}; ${verdict}`);
    for (const line of [...report.missed.map((key) => `  not reported: ${key}`), ...report.unexpected.map((line) => `  unexpected: ${line}`)].slice(0, 20)) console.log(line);
  }
}

function printShared(rows: readonly SharedRow[]): void {
  console.log(`\n${relative(process.cwd(), SHARED_CORPUS) || SHARED_CORPUS}: reference parse and adrlint cold, per folder\n`);
  const cell = (entry: CaseResult) => (entry.outcome === 'ok' ? fixed(entry.median ?? 0) : entry.outcome === 'failed' ? 'FAILED' : 'n/a');
  console.log(
    table([
      ['folder', 'files', 'parse ms', 'adrlint ms', '× parse', 'peak RSS MB'],
      ...rows.map((row) => [row.folder, String(row.files), cell(row.parse), cell(row.cold), row.cold.ratio === null ? '' : `${row.cold.ratio.toFixed(2)}×`, row.cold.rssMb === null ? '' : fixed(row.cold.rssMb)]),
    ]),
  );
  for (const row of rows) for (const entry of [row.parse, row.cold]) if (entry.outcome === 'failed') console.log(`${entry.label} failed: ${entry.error}`);
}

// ---------------------------------------------------------------------------------------------

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
  const shared = options.shared && existsSync(SHARED_CORPUS);
  if (!options.generated && !shared) {
    process.stderr.write(`bench: --corpus-only, but ${SHARED_CORPUS} does not exist\n`);
    return 2;
  }
  const temp = mkdtempSync(join(tmpdir(), 'adrlint-bench-'));
  const scratch = join(temp, 'out');
  mkdirSync(scratch);
  const bench: Bench = { runs: options.runs, scratch, progress: (line) => process.stderr.write(`  ${line}\n`) };
  try {
    const generated = options.generated ? benchGenerated(bench, options, join(temp, 'repo')) : null;
    const sharedRows = shared ? benchShared(bench) : [];
    if (options.json) {
      const json = {
        machine: machine(),
        options,
        generated: generated && {
          files: generated.corpus.files.length,
          bytes: generated.bytes,
          defects: generated.corpus.defects.length,
          report: generated.report,
          cases: generated.cases,
          matching: generated.matching,
        },
        sharedCorpus: sharedRows,
      };
      process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      if (generated) printGenerated(generated, options);
      if (sharedRows.length) printShared(sharedRows);
    }
    const all = [...(generated?.cases ?? []), ...sharedRows.flatMap((row) => [row.parse, row.cold])];
    const report = generated?.report;
    const reportWrong = report ? report.missed.length > 0 || report.unexpected.length > 0 : false;
    const matchingFailed = generated ? 'error' in generated.matching : false;
    return all.some((entry) => entry.outcome === 'failed') || reportWrong || matchingFailed ? 1 : 0;
  } finally {
    if (options.keep) process.stderr.write(`bench: kept ${temp}\n`);
    else rmSync(temp, { recursive: true, force: true });
  }
}

process.exitCode = main();
