// The scaling case of issue #14: N generated ADRs, each with one broken relative link and a file
// number it shares with another record, linted cold through the built CLI at several sizes. Every
// cross-file rule and every "did you mean" must be linear or n·log n in the set size, so the time
// per file stays about the same from 1,000 to 10,000 files.
//
// For `npm run bench` (scripts/bench.ts): `import { benchScaling } from './bench-scaling.ts'` and
// print `formatScaling(benchScaling({ sizes, runs }))`. On its own:
//   npm run -s build && npx tsx scripts/bench-scaling.ts [--sizes 1000,2000,5000,10000] [--runs 3]
//     [--arg=--concurrency --arg=off] [--bin <another build's bin/adrlint.js>] [--keep]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(PACKAGE_ROOT, 'bin', 'adrlint.js');

// Preloaded into each timed run (`node --import`): on exit, the process's CPU time (user + system,
// worker threads included) and peak RSS, which a busy machine disturbs less than the wall time.
const USAGE_PRELOAD = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; import { isMainThread } from 'node:worker_threads';" +
    'const file = process.env.ADRLINT_SCALING_USAGE_FILE;' +
    "if (file && isMainThread) process.on('exit', () => { const u = process.resourceUsage(); writeFileSync(file, JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1000, rss: u.maxRSS })); });",
)}`;

/** mulberry32: a tiny seeded PRNG, so the set never depends on Math.random or the clock. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VERBS = ['use', 'adopt', 'replace', 'split', 'retire', 'cache', 'shard', 'move', 'version', 'audit', 'encrypt', 'mirror'];
const THINGS = ['orders', 'billing', 'payments', 'inventory', 'shipping', 'search', 'identity', 'pricing', 'checkout', 'returns', 'loyalty', 'analytics', 'invoices', 'sessions', 'exports', 'webhooks'];
const TOOLS = ['postgresql', 'kafka', 'rabbitmq', 'redis', 'elasticsearch', 'grpc', 'graphql', 'kubernetes', 'envoy', 'dynamodb', 'cassandra', 'nats', 'terraform', 'vault', 'clickhouse'];
const PLACES = ['in-the-edge', 'per-region', 'for-partners', 'at-night', 'on-write', 'behind-a-flag', 'for-mobile', 'in-batches'];

/** One planted problem: what kind of broken link a record carries. */
export type BrokenKind = 'typo' | 'renamed' | 'anchor' | 'elsewhere';

export interface ScalingSet {
  /** Absolute path of the ADR folder (`docs/adr` under a root holding `.git`). */
  folder: string;
  files: string[];
  /** How many records carry each kind of broken link. */
  kinds: Record<BrokenKind, number>;
}

const pad = (n: number) => String(n).padStart(5, '0');

/** A slug of three to five words: distinct enough that a typo of one is a typo of no other. */
function slugOf(random: () => number, taken: Set<string>): string {
  const pick = (words: readonly string[]) => words[Math.floor(random() * words.length)]!;
  for (;;) {
    const words = [pick(VERBS), pick(TOOLS), 'for', pick(THINGS)];
    if (random() < 0.5) words.push(pick(PLACES));
    const slug = `${words.join('-')}-${Math.floor(random() * 1000)}`;
    if (!taken.has(slug)) {
      taken.add(slug);
      return slug;
    }
  }
}

/** Drop or swap one letter of a slug's first word: a typo a reader makes. */
function typo(slug: string, random: () => number): string {
  const at = 1 + Math.floor(random() * 3);
  return random() < 0.5 ? slug.slice(0, at) + slug.slice(at + 1) : slug.slice(0, at) + slug[at + 1] + slug[at] + slug.slice(at + 2);
}

/**
 * Write `count` ADRs under `root/docs/adr`: record i has number ⌊i/2⌋+1 (every number used twice:
 * adr-number-duplicate on every file) and one broken link to another record, cycling through a
 * typo of its name under a number no record has (the edit-distance guess), its name under an old
 * number (the renamed-file lookup), a missing #heading of it, and a file of a missing folder.
 */
export function generateScalingSet({ count, seed = 14, root }: { count: number; seed?: number; root: string }): ScalingSet {
  const random = mulberry32(seed);
  const folder = join(root, 'docs', 'adr');
  mkdirSync(folder, { recursive: true });
  mkdirSync(join(root, '.git'), { recursive: true });
  writeFileSync(join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  const taken = new Set<string>();
  const planned = Array.from({ length: count }, (_, i) => ({ number: Math.floor(i / 2) + 1, slug: slugOf(random, taken) }));
  const kinds: Record<BrokenKind, number> = { typo: 0, renamed: 0, anchor: 0, elsewhere: 0 };
  const order: BrokenKind[] = ['typo', 'typo', 'renamed', 'anchor', 'typo', 'elsewhere'];
  const files = planned.map((adr, i) => {
    const other = planned[(i + 1 + Math.floor(random() * (count - 1))) % count]!;
    const kind = count > 1 ? order[i % order.length]! : 'elsewhere';
    kinds[kind]++;
    const target =
      kind === 'typo'
        ? `${pad(count + 1 + i)}-${typo(other.slug, random)}.md`
        : kind === 'renamed'
          ? `${pad(count + 1 + i)}-${other.slug}.md`
          : kind === 'anchor'
            ? `${pad(other.number)}-${other.slug}.md#decision-outcomes`
            : `../design/notes-${i}.md`;
    const title = adr.slug.replace(/-\d+$/, '').replace(/-/g, ' ');
    const text = [
      `# ${adr.number}. ${title[0]!.toUpperCase()}${title.slice(1)} (${i})`,
      '',
      '## Status',
      '',
      'Accepted',
      '',
      '## Context and Problem Statement',
      '',
      `The ${title} work needs a decision. It builds on [an earlier record](${target}).`,
      '',
      '## Considered Options',
      '',
      `* ${title}`,
      '* Doing nothing',
      '',
      '## Decision Outcome',
      '',
      `Chosen option: ${title}, because it is the simplest thing that works.`,
      '',
    ].join('\n');
    const file = join(folder, `${pad(adr.number)}-${adr.slug}.md`);
    writeFileSync(file, text);
    return file;
  });
  return { folder, files, kinds };
}

export interface ScalingRow {
  files: number;
  /** Wall milliseconds of each cold run (`--no-cache` is the default: no cache file is read or written). */
  times: number[];
  median: number;
  /** Median milliseconds per file. */
  perFile: number;
  /** CPU milliseconds (user + system, all threads) of each run, and their median per file. */
  cpu: number[];
  cpuPerFile: number;
  /** Peak resident set size of the last run, in MB. */
  rssMb: number | null;
  /** Problems the last run reported (a check that the planted ones were found). */
  problems: number | null;
  exitCode: number | null;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Lint one generated set through the CLI at `bin` (`node <bin> <folder> --format json`, plus `args`), `runs` times. */
function timeSet(set: ScalingSet, root: string, runs: number, extraArgs: readonly string[], bin: string): ScalingRow {
  const times: number[] = [];
  const cpu: number[] = [];
  let rssMb: number | null = null;
  let problems: number | null = null;
  let exitCode: number | null = null;
  const usageFile = join(root, 'usage.json');
  for (let run = 0; run < runs; run++) {
    rmSync(usageFile, { force: true });
    const start = process.hrtime.bigint();
    const child = spawnSync(process.execPath, ['--import', USAGE_PRELOAD, bin, set.folder, '--format', 'json', ...extraArgs], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
      env: { ...process.env, ADRLINT_SCALING_USAGE_FILE: usageFile },
    });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (child.error) throw child.error;
    exitCode = child.status;
    if (existsSync(usageFile)) {
      const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { cpu: number; rss: number };
      cpu.push(usage.cpu);
      rssMb = usage.rss / 1024;
    }
    try {
      problems = (JSON.parse(child.stdout) as Array<{ messages: unknown[] }>).reduce((sum, file) => sum + file.messages.length, 0);
    } catch {
      problems = null;
    }
  }
  const middle = median(times);
  const files = set.files.length;
  return { files, times, median: middle, perFile: middle / files, cpu, cpuPerFile: cpu.length ? median(cpu) / files : NaN, rssMb, problems, exitCode };
}

export interface ScalingOptions {
  sizes?: readonly number[];
  runs?: number;
  seed?: number;
  /** Extra CLI flags for every run, e.g. `['--concurrency', 'off']`. */
  args?: readonly string[];
  /** Keep the generated sets (their root is returned); else they are removed. */
  keep?: boolean;
  /** The CLI to run (default: this package's bin/adrlint.js), e.g. another build to compare with. */
  bin?: string;
}

export interface ScalingResult {
  rows: ScalingRow[];
  /** Wall time per file at the largest size over wall time per file at the smallest: ~1 when linear, ~10 when quadratic over 1,000 → 10,000. */
  growth: number;
  /** The same for CPU time per file (less disturbed by other processes). */
  cpuGrowth: number;
  root: string | null;
}

/** Generate each size, lint it cold through the built CLI, and report the medians and the growth of the time per file. */
export function benchScaling({ sizes = [1000, 2000, 5000, 10000], runs = 3, seed = 14, args = [], keep = false, bin = BIN }: ScalingOptions = {}): ScalingResult {
  const root = mkdtempSync(join(tmpdir(), 'adrlint-scaling-'));
  try {
    const rows = sizes.map((count) => {
      const setRoot = join(root, String(count));
      return timeSet(generateScalingSet({ count, seed, root: setRoot }), setRoot, runs, args, bin);
    });
    const [first, last] = [rows[0]!, rows.at(-1)!];
    return { rows, growth: last.perFile / first.perFile, cpuGrowth: last.cpuPerFile / first.cpuPerFile, root: keep ? root : null };
  } finally {
    if (!keep) rmSync(root, { recursive: true, force: true });
  }
}

/** The result as a small table (files, median wall and CPU, per file, peak RSS, problems) and the growth lines. */
export function formatScaling(result: ScalingResult): string {
  // The time each file added since the size before (start-up drops out): flat when linear, rising when not.
  const lines = ['| files | median wall | wall per file | added per file | median CPU | CPU per file | added per file | peak RSS | problems |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|'];
  result.rows.forEach((row, i) => {
    const before = result.rows[i - 1];
    const added = (now: number, then: number) => (before ? `${((now - then) / (row.files - before.files)).toFixed(2)} ms` : '');
    const cpu = row.cpu.length ? median(row.cpu) : NaN;
    const rss = row.rssMb === null ? '?' : `${Math.round(row.rssMb)} MB`;
    lines.push(
      `| ${row.files} | ${(row.median / 1000).toFixed(2)} s | ${row.perFile.toFixed(2)} ms | ${added(row.median, before?.median ?? 0)} | ${(cpu / 1000).toFixed(2)} s | ${row.cpuPerFile.toFixed(2)} ms | ${added(cpu, before ? median(before.cpu) : 0)} | ${rss} | ${row.problems ?? '?'} |`,
    );
  });
  const sizes = `${result.rows[0]!.files} → ${result.rows.at(-1)!.files} files`;
  const quadratic = (result.rows.at(-1)!.files / result.rows[0]!.files).toFixed(0);
  lines.push('', `time per file, ${sizes}: wall ${result.growth.toFixed(2)}×, CPU ${result.cpuGrowth.toFixed(2)}× (1× is linear, ${quadratic}× quadratic)`);
  if (result.root) lines.push(`sets kept in ${result.root}`);
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: { sizes: { type: 'string' }, runs: { type: 'string' }, seed: { type: 'string' }, keep: { type: 'boolean' }, arg: { type: 'string', multiple: true }, bin: { type: 'string' } },
  });
  const sizes = values.sizes ? values.sizes.split(',').map(Number) : undefined;
  const result = benchScaling({
    ...(sizes ? { sizes } : {}),
    ...(values.runs ? { runs: Number(values.runs) } : {}),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    ...(values.arg ? { args: values.arg } : {}),
    ...(values.bin ? { bin: values.bin } : {}),
    keep: values.keep ?? false,
  });
  console.log(formatScaling(result));
}
