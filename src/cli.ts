// The `adrlint` command: parse argv, call the library, print, and say the exit code.
// It never calls process.exit(): output of any size must reach a pipe before the process ends.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FileError } from './errors.ts';
import { UsageError } from './files.ts';
import { lintProject, loadProject } from './run.ts';
import { rules, rulesById } from '../rules/index.ts';
import { formatStylish } from './format/stylish.ts';
import { findRepositoryRoot } from './project.ts';
import type { Concurrency } from './workers.ts';
import type { LintResult } from './lint.ts';
import { VERSION } from './version.ts';

export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
}

export const EXIT_OK = 0;
export const EXIT_LINT_ERRORS = 1;
export const EXIT_USAGE = 2;

const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
type Format = (typeof FORMATS)[number];

const HELP = `adrlint ${VERSION}: lint Architecture Decision Records against a pattern catalogue

Usage:
  adrlint [options] [files, folders or globs...]
  adrlint link [paths...] [--dry-run]  link the first mention of each pattern (only that fix)
  adrlint catalogue [--format json]     list the catalogue's patterns
  adrlint rules                         list the rules, their default severity and fixability

With no paths: the config's "adrs", else the first of docs/adr, docs/decisions, doc/adr,
docs/architecture/decisions that exists.

Options:
  -c, --config <file>       use this config file instead of searching upward for .adrlintrc.*
  -f, --format <name>       stylish (default), json, sarif (SARIF 2.1.0 for code scanning)
                            or github (GitHub Actions annotations)
  -o, --output-file <file>  write the report to a file instead of stdout
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
    const target = resolve(io.cwd, outputFile);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  } else if (text) {
    io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string', short: 'c' },
        format: { type: 'string', short: 'f' },
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
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
        concurrency: { type: 'string' },
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
  const format = (values.format ?? 'stylish') as Format;
  if (!FORMATS.includes(format)) {
    io.stderr.write(`adrlint: unknown format "${values.format}"; use one of ${FORMATS.join(', ')}\n`);
    return EXIT_USAGE;
  }
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
    const [command, ...rest] = positionals;
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
      const ignored = (['fix', 'fix-dry-run', 'fix-rule', 'format', 'rule', 'quiet', 'max-warnings'] as const).filter((flag) => values[flag] !== undefined);
      if (ignored.length) throw new UsageError(`"adrlint link" takes paths, --config, --dry-run and --output-file; not --${ignored.join(', --')}`);
      return await runLink(rest, values, io);
    }
    // `--dry-run` belongs to `link`; ignored here, `--fix --dry-run` would write the files.
    if (values['dry-run']) throw new UsageError('--dry-run is an option of "adrlint link"; use --fix-dry-run to see the fixes without writing them');

    const fixRules = checkFixRules(values['fix-rule'] ?? []);
    const dryRun = Boolean(values['fix-dry-run']);
    const fixing = Boolean(values.fix) || dryRun;
    if (fixRules.size > 0 && !fixing) throw new UsageError('--fix-rule limits --fix or --fix-dry-run; add one of them');
    const concurrency = parseConcurrency(values.concurrency);
    const outcome = await lintProject({
      cwd: io.cwd,
      paths: positionals,
      configFile: values.config,
      ruleOverrides: values.rule ?? [],
      ...(fixing ? { fix: { write: !dryRun, ...(fixRules.size ? { rules: fixRules } : {}) } } : {}),
      ...(values.cache ? { cache: values['cache-location'] ? { location: values['cache-location'] } : {} } : {}),
      concurrency,
    });
    for (const warning of outcome.warnings) io.stderr.write(`adrlint: warning: ${warning}\n`);
    const results = values.quiet ? onlyErrors(outcome.results) : outcome.results;
    let text: string;
    // Formatters other than stylish load only when asked for: start-up is part of every pre-commit run.
    if (format === 'json') text = (await import('./format/json.ts')).formatJson(results);
    // SARIF and annotations name files from the repository root, wherever adrlint runs from.
    else if (format === 'sarif') text = (await import('./format/sarif.ts')).formatSarif(results, { root: findRepositoryRoot(io.cwd), version: VERSION });
    else if (format === 'github') text = (await import('./format/github.ts')).formatGithub(results, { root: findRepositoryRoot(io.cwd) });
    else text = (dryRun ? (await import('./format/diff.ts')).formatFixDiff(results, io.cwd) : '') + formatStylish(results, { cwd: io.cwd, color, dryRun });
    emit(text, values['output-file'], io);
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
      io.stderr.write(`adrlint: configuration error: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`adrlint: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    io.stderr.write(`adrlint: internal error: ${message}\n`);
    if (io.env.ADRLINT_DEBUG) io.stderr.write(`${(error as Error).stack ?? ''}\n`);
    return EXIT_USAGE;
  }
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
  const on = config.rules['pattern-link']?.severity === 'off' ? ['pattern-link:warn'] : [];
  const outcome = await lintProject({
    cwd: io.cwd,
    paths,
    configFile: values.config,
    ruleOverrides: on,
    fix: { write: !dryRun, rules: new Set(['pattern-link']) },
  });
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
