// The `adrlint` command: parse argv, call the library, print, and say the exit code.
// It never calls process.exit(): output of any size must reach a pipe before the process ends.
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FileError } from './model/errors.ts';
import { UsageError } from './io/files.ts';
import { lintProject, loadProject, type RunOptions, type RunOutcome } from './run/lint-project.ts';
import { rules, rulesById } from '../rules/index.ts';
import { formatStylish } from './format/stylish.ts';
import { findRepositoryRoot } from './io/project-index.ts';
import type { Concurrency } from './run/worker-pool.ts';
import type { LintResult } from './engine/run-rules.ts';
import type { Catalogue } from './model/catalogue.ts';
import type { ResolvedConfig } from './model/config.ts';
import { parseAdr } from './parse/parse-adr.ts';
import { patternLinkTarget } from './parse/record.ts';
import { resolveLinkPath, splitUrl } from './parse/link-targets.ts';
import { applyBaseline, createBaseline, DEFAULT_BASELINE_FILE, fingerprintProblems, pruneBaseline, readBaseline, writeBaseline, type Baseline } from './engine/baseline.ts';
import { VERSION } from './io/version.ts';
import { checkWritable, WriteError, writeFileSafely } from './io/safe-write.ts';

export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** The clock, in milliseconds since the epoch (default Date.now): today's date for `new`, the progress line's timing. */
  now?: () => number;
}

export const EXIT_OK = 0;
export const EXIT_LINT_ERRORS = 1;
export const EXIT_USAGE = 2;

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'] as const;
type Format = (typeof FORMATS)[number];
const REPORT_FORMATS = ['markdown', 'json', 'mermaid'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

/** One report of a run: a format, and the file it goes to (null: stdout). */
export interface ReportOutput {
  format: Format;
  path: string | null;
}

/**
 * The reports `--format` asks for: each `name` or `name=path`, repeatable. Every format with a path
 * is written there; the one without (stylish when every format names a path, so the log still shows
 * the problems) goes to `--output-file`, else stdout.
 */
export function parseFormats(specs: readonly string[], outputFile: string | undefined, cwd: string): ReportOutput[] {
  const outputs: ReportOutput[] = specs.map((spec) => {
    const equals = spec.indexOf('=');
    const name = equals === -1 ? spec : spec.slice(0, equals);
    if (!FORMATS.includes(name as Format)) throw new UsageError(`unknown format "${name}"; use one of ${FORMATS.join(', ')}`);
    if (equals === spec.length - 1) throw new UsageError(`--format ${spec} names no file; write --format ${name}=<file>, or ${name} alone for stdout`);
    return { format: name as Format, path: equals === -1 ? null : spec.slice(equals + 1) };
  });
  const unnamed = outputs.filter((output) => output.path === null);
  if (unnamed.length > 1)
    throw new UsageError(`only one --format can go to ${outputFile ? '--output-file' : 'stdout'} (given: ${unnamed.map((o) => o.format).join(', ')}); send the others to files with --format <name>=<file>`);
  const main: ReportOutput = { format: unnamed[0]?.format ?? 'stylish', path: outputFile ?? null };
  // The stdout report first: the subcommands that print one thing print that one.
  const reports = [main, ...outputs.filter((output) => output.path !== null)];
  const written = new Map<string, Format>();
  for (const { format, path } of reports) {
    if (path === null) continue;
    const target = resolve(cwd, path);
    const other = written.get(target);
    if (other !== undefined) throw new UsageError(`${format} and ${other} reports would both be written to ${path}`);
    written.set(target, format);
  }
  return reports;
}

const HELP = `adrlint ${VERSION}: lint Architecture Decision Records against a pattern catalogue

Usage:
  adrlint [options] [files, folders or globs...]
  adrlint link [paths...] [--dry-run]  link the first mention of each pattern (only that fix)
  adrlint new <title> [--template madr|nygard|<file>] [--status <s>] [--folder <dir>] [--dry-run]
                                        write the folder's next ADR from a template; print its path
  adrlint report [paths...] [--format markdown|json|mermaid] [-o <file>]
                                        the ADR set at a glance: statuses, patterns, supersede chains
  adrlint init [paths...] [--dry-run] [--force]
                                        write .adrlintrc.yml capturing the set's own conventions
  adrlint catalogue [--format json]     list the catalogue's patterns
  adrlint rules                         list the rules, their default severity and fixability

With no paths: the config's "adrs", else the first of docs/adr, docs/decisions, doc/adr,
docs/architecture/decisions that exists.

Options:
  -c, --config <file>       use this config file instead of searching upward for .adrlintrc.*
  -f, --format <name>[=<file>]
                            stylish (default), json, sarif (SARIF 2.1.0 for code scanning),
                            github (GitHub Actions annotations) or junit (JUnit XML for CI);
                            repeatable: each format with =<file> is written to that file, and
                            the one without (stylish if none) goes to stdout
  -o, --output-file <file>  write the stdout report to a file instead
      --max-warnings <n>    exit 1 when there are more than n warnings
      --quiet               report errors only
      --rule <id:severity>  set a rule's severity (off, warn, error); repeatable
      --color, --no-color   force colour on or off (default: on for a terminal)
      --print-config        print the configuration in effect and exit
      --fix                 fix what can be fixed and write the files
      --fix-dry-run         show the fixes as a unified diff; write nothing
      --fix-rule <id>       fix only this rule's problems (repeatable; with --fix or --fix-dry-run)
      --cache               reuse the results of unchanged files (by content) from .adrlintcache
      --cache-location <p>  the cache file, or a folder to hold .adrlintcache (implies nothing without --cache)
      --concurrency <n>     worker threads: a number, auto (default: when there are enough files) or off
      --report-unused-disable
                            report adrlint-disable comments that disable nothing (--fix removes them)
      --write-baseline [<file>.json]
                            record every current problem in a baseline file and exit 0
                            (default file: ${DEFAULT_BASELINE_FILE})
      --baseline [<file>.json]
                            report only the problems that are not in the baseline file
      --prune-baseline      with --baseline: drop the problems that are fixed from the baseline file
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 no errors, 1 lint errors (or too many warnings), 2 usage, config or internal error.
`;

function colorEnabled(io: CliIo, values: { color?: boolean; 'no-color'?: boolean }): boolean {
  if (values['no-color']) return false;
  if (values.color) return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return Boolean(io.stdout.isTTY);
}

function onlyErrors(results: LintResult[]): LintResult[] {
  return results.map((result) => {
    const messages = result.messages.filter((m) => m.severity === 'error');
    return { ...result, messages, warningCount: 0, fixableWarningCount: 0 };
  });
}

function emit(text: string, outputFile: string | undefined, io: CliIo): void {
  if (outputFile) {
    writeFileSafely(resolve(io.cwd, outputFile), text);
  } else if (text) {
    io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: withOptionalFiles(argv),
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string', short: 'c' },
        format: { type: 'string', short: 'f', multiple: true },
        'output-file': { type: 'string', short: 'o' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean' },
        rule: { type: 'string', multiple: true },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        'print-config': { type: 'boolean' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        'fix-rule': { type: 'string', multiple: true },
        'dry-run': { type: 'boolean' },
        template: { type: 'string' },
        status: { type: 'string' },
        folder: { type: 'string' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        concurrency: { type: 'string' },
        'report-unused-disable': { type: 'boolean' },
        'write-baseline': { type: 'string' },
        baseline: { type: 'string' },
        'prune-baseline': { type: 'boolean' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.stderr.write(`adrlint: ${(error as Error).message.split("\n")[0]}\nRun "adrlint --help" for usage.\n`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (values.version) {
    io.stdout.write(`${VERSION}\n`);
    return EXIT_OK;
  }
  let reports: ReportOutput[];
  try {
    // `report` has formats of its own; runReport reads --format itself.
    reports = parseFormats(positionals[0] === 'report' ? [] : (values.format ?? []), values['output-file'], io.cwd);
  } catch (error) {
    io.stderr.write(`adrlint: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  }
  const format = reports[0]!.format;
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) {
      io.stderr.write(`adrlint: --max-warnings takes a whole number, not "${values['max-warnings']}"\n`);
      return EXIT_USAGE;
    }
  }
  const color = colorEnabled(io, values);

  try {
    // Before any work (and before --fix writes a file): every report file named must be writable.
    for (const report of reports) if (report.path !== null) checkWritable(resolve(io.cwd, report.path));
    const [command, ...rest] = positionals;
    const listing = ((command === 'rules' || command === 'catalogue') && rest.length === 0) || values['print-config'];
    if (listing && reports.length > 1) throw new UsageError('--format <name>=<file> writes lint reports; to write this list to a file, use --output-file');
    if (command === 'rules' && rest.length === 0) {
      emit(listRules(format), values['output-file'], io);
      return EXIT_OK;
    }
    if (command === 'catalogue' && rest.length === 0) {
      const { catalogue } = loadProject({ cwd: io.cwd, configFile: values.config });
      const text =
        format === 'json'
          ? JSON.stringify({ categories: catalogue.categories, patterns: catalogue.patterns }, null, 2)
          : catalogue.patterns.map((p) => `${(p.code ?? '').padEnd(3)} ${p.slug.padEnd(30)} ${p.name.padEnd(32)} ${p.category}`).join('\n');
      emit(text, values['output-file'], io);
      return EXIT_OK;
    }
    if (values['print-config']) {
      const { config } = loadProject({ cwd: io.cwd, configFile: values.config, ruleOverrides: values.rule ?? [] });
      emit(JSON.stringify(config, null, 2), values['output-file'], io);
      return EXIT_OK;
    }

    if (command === 'link') {
      const ignored = (['fix', 'fix-dry-run', 'fix-rule', 'format', 'rule', 'quiet', 'max-warnings', 'report-unused-disable', 'write-baseline', 'baseline', 'prune-baseline'] as const).filter((flag) => values[flag] !== undefined);
      if (ignored.length) throw new UsageError(`"adrlint link" takes paths, --config, --dry-run and --output-file; not --${ignored.join(', --')}`);
      return await runLink(rest, values, io);
    }
    if (command === 'new') {
      const ignored = (['fix', 'fix-dry-run', 'fix-rule', 'format', 'output-file', 'rule', 'quiet', 'max-warnings', 'cache', 'cache-location', 'concurrency', 'report-unused-disable', 'write-baseline', 'baseline', 'prune-baseline'] as const).filter((flag) => values[flag] !== undefined);
      if (ignored.length) throw new UsageError(`"adrlint new" takes a title, --template, --status, --folder, --config and --dry-run; not --${ignored.join(', --')}`);
      return await runNew(rest, values, io);
    }
    if (command === 'init') {
      const ignored = (['fix', 'fix-dry-run', 'fix-rule', 'format', 'output-file', 'rule', 'quiet', 'max-warnings', 'cache', 'cache-location', 'report-unused-disable', 'write-baseline', 'baseline', 'prune-baseline', 'config', 'template', 'status', 'folder'] as const).filter((flag) => values[flag] !== undefined);
      if (ignored.length) throw new UsageError(`"adrlint init" takes paths, --dry-run, --force and --concurrency; not --${ignored.join(', --')}`);
      const { describeInit, initConfig } = await import('./commands/init.ts');
      const dryRun = Boolean(values['dry-run']);
      const outcome = await initConfig({ cwd: io.cwd, paths: rest, force: Boolean(values.force), dryRun, concurrency: parseConcurrency(values.concurrency) });
      if (dryRun) io.stdout.write(outcome.text);
      (dryRun ? io.stderr : io.stdout).write(describeInit(outcome, io.cwd, dryRun));
      return EXIT_OK;
    }
    if (values.force) throw new UsageError('--force is an option of "adrlint init"');
    const newOnly = (['template', 'status', 'folder'] as const).filter((flag) => values[flag] !== undefined);
    if (newOnly.length) throw new UsageError(`--${newOnly.join(', --')} ${newOnly.length === 1 ? 'is an option' : 'are options'} of "adrlint new"`);
    if (command === 'report') {
      const ignored = (['fix', 'fix-dry-run', 'fix-rule', 'dry-run', 'rule', 'quiet', 'max-warnings', 'report-unused-disable', 'write-baseline', 'baseline', 'prune-baseline'] as const).filter((flag) => values[flag] !== undefined);
      if (ignored.length) throw new UsageError(`"adrlint report" takes paths, --format, --output-file, --config, --cache and --concurrency; not --${ignored.join(', --')}`);
      return await runReport(rest, values, io);
    }
    // `--dry-run` belongs to `link` and `new`; ignored here, `--fix --dry-run` would write the files.
    if (values['dry-run']) throw new UsageError('--dry-run is an option of "adrlint link" and "adrlint new"; use --fix-dry-run to see the fixes without writing them');

    const fixRules = checkFixRules(values['fix-rule'] ?? []);
    const dryRun = Boolean(values['fix-dry-run']);
    const fixing = Boolean(values.fix) || dryRun;
    if (fixRules.size > 0 && !fixing) throw new UsageError('--fix-rule limits --fix or --fix-dry-run; add one of them');
    const concurrency = parseConcurrency(values.concurrency);
    const baseline = baselinePlan(values, io.cwd);
    const progress = progressLine(io);
    const outcome = await lintProject({
      cwd: io.cwd,
      paths: positionals,
      configFile: values.config,
      ruleOverrides: values.rule ?? [],
      ...(fixing ? { fix: { write: !dryRun, ...(fixRules.size ? { rules: fixRules } : {}) } } : {}),
      ...(values.cache ? { cache: values['cache-location'] ? { location: values['cache-location'] } : {} } : {}),
      concurrency,
      reportUnusedDisable: Boolean(values['report-unused-disable']),
      onProgress: progress.update,
    }).finally(progress.clear);
    for (const warning of outcome.warnings) io.stderr.write(`adrlint: warning: ${warning}\n`);
    if (!values.quiet) noteSkipped(outcome, io);
    if (baseline?.write) {
      writeBaselineFile(baseline.path, outcome.results, io);
      return EXIT_OK;
    }
    const reported = baseline ? withoutBaselined(baseline, outcome.results, io) : outcome.results;
    const results = values.quiet ? onlyErrors(reported) : reported;
    for (const report of reports) {
      // Colour is for the terminal: a report file has it only when asked for with --color.
      const text = await renderReport(report.format, results, { cwd: io.cwd, color: report === reports[0] ? color : Boolean(values.color), dryRun });
      emit(text, report.path ?? undefined, io);
    }
    const errors = results.reduce((sum, r) => sum + r.errorCount, 0);
    const warnings = results.reduce((sum, r) => sum + r.warningCount, 0);
    if (errors > 0) return EXIT_LINT_ERRORS;
    if (maxWarnings >= 0 && warnings > maxWarnings) {
      io.stderr.write(`adrlint found too many warnings (${warnings}; maximum allowed is ${maxWarnings}).\n`);
      return EXIT_LINT_ERRORS;
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof FileError) {
      // A file with several mistakes: one line for each, so that all can be fixed in one go.
      for (const line of error.lines) io.stderr.write(`adrlint: configuration error: ${line}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`adrlint: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof WriteError) {
      const shown = relative(io.cwd, error.path);
      io.stderr.write(`adrlint: cannot write ${shown === '' || shown.startsWith('..') ? error.path : shown}: ${error.reason}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    io.stderr.write(`adrlint: internal error: ${message}\n`);
    if (io.env.ADRLINT_DEBUG) io.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return EXIT_USAGE;
  }
}

/** One report's text. Formatters other than stylish load only when asked for: start-up is part of every pre-commit run. */
async function renderReport(format: Format, results: LintResult[], { cwd, color, dryRun }: { cwd: string; color: boolean; dryRun: boolean }): Promise<string> {
  // SARIF, annotations and JUnit name files from the repository root, wherever adrlint runs from.
  if (format === 'json') return (await import('./format/json.ts')).formatJson(results);
  if (format === 'sarif') return (await import('./format/sarif.ts')).formatSarif(results, { root: findRepositoryRoot(cwd), version: VERSION });
  if (format === 'github') return (await import('./format/github.ts')).formatGithub(results, { root: findRepositoryRoot(cwd) });
  if (format === 'junit') return (await import('./format/junit.ts')).formatJunit(results, { root: findRepositoryRoot(cwd) });
  return (dryRun ? (await import('./format/diff.ts')).formatFixDiff(results, cwd) : '') + formatStylish(results, { cwd, color, dryRun });
}

interface BaselinePlan {
  /** Absolute path of the baseline file. */
  path: string;
  /** `--write-baseline`: record the problems; else report those not in `baseline`. */
  write: boolean;
  baseline: Baseline | null;
  prune: boolean;
}

/** What the baseline options ask for; the baseline to compare against is read before the run, so a bad one fails fast. */
function baselinePlan(values: { 'write-baseline'?: string; baseline?: string; 'prune-baseline'?: boolean }, cwd: string): BaselinePlan | null {
  const prune = Boolean(values['prune-baseline']);
  for (const flag of ['write-baseline', 'baseline'] as const) {
    if (values[flag] === '') throw new UsageError(`--${flag}= names no file; give --${flag} alone for ${DEFAULT_BASELINE_FILE}`);
  }
  if (values['write-baseline'] !== undefined) {
    if (values.baseline !== undefined || prune) throw new UsageError('--write-baseline records every problem; it does not go with --baseline or --prune-baseline');
    const path = resolve(cwd, values['write-baseline']);
    checkWritable(path);
    return { path, write: true, baseline: null, prune: false };
  }
  if (values.baseline === undefined && !prune) return null;
  const path = resolve(cwd, values.baseline ?? DEFAULT_BASELINE_FILE);
  return { path, write: false, baseline: readBaseline(path), prune };
}

function writeBaselineFile(path: string, results: readonly LintResult[], io: CliIo): void {
  const baseline = createBaseline(fingerprintProblems(results, findRepositoryRoot(io.cwd)));
  writeBaseline(path, baseline);
  const count = baseline.problems.length;
  io.stderr.write(`adrlint: wrote ${count} problem${count === 1 ? '' : 's'} to ${relative(io.cwd, path) || path}\n`);
}

/** The results without the baselined problems; says on stderr what of the baseline is fixed (and prunes it when asked). */
function withoutBaselined(plan: BaselinePlan, results: LintResult[], io: CliIo): LintResult[] {
  const root = findRepositoryRoot(io.cwd);
  const { results: reported, gone } = applyBaseline(fingerprintProblems(results, root), plan.baseline!, (file) => existsSync(resolve(root, file)));
  const name = relative(io.cwd, plan.path) || plan.path;
  const count = `${gone.length} problem${gone.length === 1 ? '' : 's'}`;
  if (gone.length > 0 && plan.prune) {
    writeBaseline(plan.path, pruneBaseline(plan.baseline!, gone));
    io.stderr.write(`adrlint: removed ${count} that ${gone.length === 1 ? 'is' : 'are'} fixed from ${name}\n`);
  } else if (gone.length > 0) {
    io.stderr.write(`adrlint: ${count} in the baseline ${gone.length === 1 ? 'is' : 'are'} fixed; run with --prune-baseline to drop ${gone.length === 1 ? 'it' : 'them'}\n`);
  }
  return reported;
}

/**
 * `--baseline` and `--write-baseline` take a file optionally: `--baseline=<file>`, or
 * `--baseline <file>` when the next word ends in .json (ADR paths are markdown), else the default.
 */
function withOptionalFiles(argv: readonly string[]): string[] {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      args.push(...argv.slice(i));
      break;
    }
    if (arg !== '--baseline' && arg !== '--write-baseline') {
      args.push(arg);
      continue;
    }
    const next = argv[i + 1];
    const file = next !== undefined && !next.startsWith('-') && next.toLowerCase().endsWith('.json') ? next : null;
    if (file !== null) i++;
    args.push(`${arg}=${file ?? DEFAULT_BASELINE_FILE}`);
  }
  return args;
}

// A run that ends within a second needs no progress line; one that redraws more often than this flickers.
const PROGRESS_DELAY_MS = 1000;
const PROGRESS_INTERVAL_MS = 100;

/**
 * "adrlint: 1234/5000 files parsed" on stderr, redrawn in place, once a run has taken a second;
 * only when stdout and stderr are both a terminal and not in CI (a log would keep every redraw).
 * `clear` erases it before the report is printed.
 */
function progressLine(io: CliIo): { update?: RunOptions['onProgress']; clear: () => void } {
  const ci = io.env.CI !== undefined && io.env.CI !== '' && io.env.CI !== '0' && io.env.CI.toLowerCase() !== 'false';
  if (!io.stdout.isTTY || !io.stderr.isTTY || ci) return { clear: () => {} };
  const now = io.now ?? Date.now;
  const started = now();
  let drawnAt: number | null = null;
  return {
    update: (done, total, phase) => {
      const at = now();
      if (at - started < PROGRESS_DELAY_MS || (drawnAt !== null && at - drawnAt < PROGRESS_INTERVAL_MS)) return;
      drawnAt = at;
      io.stderr.write(`\r\u001b[2Kadrlint: ${done}/${total} files ${phase === 'parse' ? 'parsed' : 'checked'}`);
    },
    clear: () => {
      if (drawnAt !== null) io.stderr.write('\r\u001b[2K');
    },
  };
}

/** `adrlint new <title>`: write the next ADR of the folder and print its path. */
async function runNew(words: readonly string[], values: { config?: string; template?: string; status?: string; folder?: string; 'dry-run'?: boolean }, io: CliIo): Promise<number> {
  const { adrFolder, createAdr, formatLocalDate, TEMPLATE_NAMES } = await import('./commands/new-adr.ts');
  const title = words.join(' ').trim();
  if (!title) throw new UsageError('"adrlint new" needs a title, as in: adrlint new "Use the outbox pattern"');
  const { config, catalogue } = loadProject({ cwd: io.cwd, configFile: values.config });
  const folder = values.folder !== undefined ? resolve(io.cwd, values.folder) : adrFolder(io.cwd, config);
  let template: NonNullable<Parameters<typeof createAdr>[0]['template']> | undefined;
  if (values.template !== undefined) {
    const named = TEMPLATE_NAMES.find((name) => name === values.template);
    const file = resolve(io.cwd, values.template);
    if (!named && !existsSync(file)) throw new UsageError(`--template takes ${TEMPLATE_NAMES.join(', ')} or a template file; "${values.template}" is neither`);
    template = named ?? { path: file };
  }
  const dryRun = Boolean(values['dry-run']);
  const date = formatLocalDate(new Date((io.now ?? Date.now)()));
  const adr = createAdr({ title, folder, date, status: values.status, template, config, catalogue, dryRun });
  for (const warning of adr.warnings) io.stderr.write(`adrlint: warning: ${warning}\n`);
  const shown = relative(io.cwd, adr.path) || adr.path;
  io.stdout.write(dryRun ? `${shown} (dry run: not written)\n\n${adr.text}` : `${shown}\n`);
  return EXIT_OK;
}

/**
 * One line on stderr for each file named on the command line that is not an ADR (a README, a
 * template): a hook that passes every staged markdown file hears why some were left out, and its
 * exit code and the report on stdout stay as they were.
 */
function noteSkipped(outcome: RunOutcome, io: CliIo): void {
  for (const file of outcome.skipped) io.stderr.write(`adrlint: skipped ${relative(io.cwd, file.path) || file.path}: ${file.reason}\n`);
}

/** `adrlint report [paths]`: the set's statuses, pattern usage and supersede chains. Lint problems do not change the exit code. */
async function runReport(
  paths: readonly string[],
  values: { config?: string; format?: string[]; 'output-file'?: string; cache?: boolean; 'cache-location'?: string; concurrency?: string },
  io: CliIo,
): Promise<number> {
  const formats = values.format ?? [];
  if (formats.length > 1) throw new UsageError(`"adrlint report" writes one format; given ${formats.join(', ')}`);
  const format = (formats[0] ?? 'markdown') as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`unknown report format "${formats[0]}"; use one of ${REPORT_FORMATS.join(', ')}`);
  const report = await import('./format/report.ts');
  const progress = progressLine(io);
  const outcome = await lintProject({
    cwd: io.cwd,
    paths,
    configFile: values.config,
    ...(values.cache ? { cache: values['cache-location'] ? { location: values['cache-location'] } : {} } : {}),
    concurrency: parseConcurrency(values.concurrency),
    onProgress: progress.update,
  }).finally(progress.clear);
  for (const warning of outcome.warnings) io.stderr.write(`adrlint: warning: ${warning}\n`);
  noteSkipped(outcome, io);
  const set = report.buildSetReport(outcome.records, outcome.catalogue, {
    root: io.cwd,
    conventions: outcome.conventions,
    ...(outcome.config.statusesGiven ? { statuses: outcome.config.statuses } : {}),
  });
  const text = format === 'json' ? report.formatReportJson(set) : format === 'mermaid' ? report.formatReportMermaid(set) : report.formatReportMarkdown(set);
  emit(text, values['output-file'], io);
  return EXIT_OK;
}

function parseConcurrency(value: string | undefined): Concurrency {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off') return 'off';
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new UsageError(`--concurrency takes a number of workers, auto or off; not "${value}"`);
  return count;
}

/** `--fix-rule` ids: each must be a rule that can fix. */
function checkFixRules(ids: readonly string[]): Set<string> {
  for (const id of ids) {
    const rule = rulesById.get(id);
    if (!rule) throw new UsageError(`--fix-rule: unknown rule "${id}"`);
    if (!rule.meta.fixable) throw new UsageError(`--fix-rule: ${id} has no fixes (fixable rules: ${rules.filter((r) => r.meta.fixable).map((r) => r.meta.id).join(', ')})`);
  }
  return new Set(ids);
}

/** `adrlint link [paths] [--dry-run]`: only the pattern-link fix, whatever the config says of the rule. */
async function runLink(paths: readonly string[], values: { config?: string; 'dry-run'?: boolean; 'fix-dry-run'?: boolean; 'output-file'?: string }, io: CliIo): Promise<number> {
  const dryRun = Boolean(values['dry-run'] || values['fix-dry-run']);
  const { config } = loadProject({ cwd: io.cwd, configFile: values.config });
  // Asking to link is asking for the rule by name: it links on sets that have not adopted `patterns` too.
  const severity = config.rules['pattern-link']?.severity;
  const outcome = await lintProject({
    cwd: io.cwd,
    paths,
    configFile: values.config,
    ruleOverrides: [`pattern-link:${severity === undefined || severity === 'off' ? 'warn' : severity}`],
    fix: { write: !dryRun, rules: new Set(['pattern-link']) },
  });
  noteSkipped(outcome, io);
  const missing = missingPatternPages(outcome.results, outcome.catalogue, outcome.config, findRepositoryRoot(io.cwd));
  if (missing.length > 0) {
    const pages = missing.map((page) => relative(io.cwd, page) || page).join(', ');
    io.stderr.write(`adrlint: warning: not linked: the linkTemplate's page${missing.length === 1 ? ' is' : 's are'} missing: ${pages}\n`);
  }
  let text = dryRun ? (await import('./format/diff.ts')).formatFixDiff(outcome.results, io.cwd) : '';
  let linked = 0;
  let files = 0;
  let failed = 0;
  for (const result of outcome.results) {
    const problems = result.messages.filter((m) => m.ruleId === null);
    failed += problems.length;
    for (const problem of problems) text += `${relative(io.cwd, result.filePath) || result.filePath}: ${problem.message}\n`;
    if (!result.fixedCount) continue;
    linked += result.fixedCount;
    files++;
    if (!dryRun) text += `${relative(io.cwd, result.filePath) || result.filePath}: linked ${result.fixedCount} pattern mention${result.fixedCount === 1 ? '' : 's'}\n`;
  }
  text += `${linked} pattern mention${linked === 1 ? '' : 's'} ${dryRun ? 'would be linked' : 'linked'} in ${files} file${files === 1 ? '' : 's'}.\n`;
  emit(text, values['output-file'], io);
  return failed > 0 ? EXIT_LINT_ERRORS : EXIT_OK;
}

/** The pattern pages pattern-link would have linked to but found missing, each once, in the order met. */
function missingPatternPages(results: readonly LintResult[], catalogue: Catalogue, config: ResolvedConfig, root: string): string[] {
  const pages = new Set<string>();
  const linkTemplate = config.linkTemplate;
  for (const result of results) {
    const unlinked = result.messages.filter((message) => message.ruleId === 'pattern-link' && !message.fix);
    // The messages are of the text as fixed, when it was.
    const text = result.output ?? result.source;
    if (unlinked.length === 0 || text === undefined || linkTemplate === null) continue;
    const adr = parseAdr(result.filePath, text, catalogue);
    for (const message of unlinked) {
      const at = adr.lines.offset({ line: message.line, column: message.column });
      const pattern = catalogue.get(adr.mentions.find((mention) => mention.range[0] === at)?.slug ?? '');
      const target = pattern ? patternLinkTarget(pattern, { linkTemplate }) : null;
      if (target) pages.add(resolveLinkPath(splitUrl(target).path, dirname(result.filePath), root));
    }
  }
  return [...pages];
}

function listRules(format: Format): string {
  if (format === 'json')
    return JSON.stringify(
      rules.map(({ meta }) => ({ id: meta.id, description: meta.description, defaultSeverity: meta.defaultSeverity, fixable: meta.fixable, url: meta.docs.url })),
      null,
      2,
    );
  const width = Math.max(...rules.map((rule) => rule.meta.id.length));
  return rules
    .map(({ meta }) => `${meta.id.padEnd(width)}  ${meta.defaultSeverity.padEnd(5)}  ${meta.fixable ? 'fixable' : '       '}  ${meta.description}`)
    .join('\n');
}
