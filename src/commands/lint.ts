// `adrlint [paths]`, the default command: lint the ADRs (fixing them with --fix), write each report
// --format asks for, and exit 1 on errors or on more warnings than --max-warnings allows.
import { UsageError } from '../io/files.ts';
import { findRepositoryRoot } from '../io/project-index.ts';
import { VERSION } from '../io/version.ts';
import type { LintResult } from '../engine/run-rules.ts';
import { resolve } from 'node:path';
import { lintProject, type RunOptions } from '../run/lint-project.ts';
import { fixRenumbers } from './fix-renumbers.ts';
import { formatStylish } from '../format/stylish.ts';
import { rules, rulesById } from '../../rules/index.ts';
import { baselinePlan, withoutBaselined, writeBaselineFile } from './baseline-plan.ts';
import { EXIT_LINT_ERRORS, EXIT_OK, type CliIo, type Command, type CommandInput } from './command.ts';
import type { Format } from './formats.ts';
import { cacheOption, emit, noteSkipped, parseConcurrency, progressLine, selectionOption } from './output.ts';

export const lintCommand: Command = {
  name: 'lint',
  usage: '  adrlint [options] [files, folders or globs...]\n',
  operands: 'paths',
  flags: ['config', 'format', 'output-file', 'max-warnings', 'quiet', 'rule', 'color', 'no-color', 'fix', 'fix-dry-run', 'fix-rule', 'changed-from', 'cache', 'cache-location', 'concurrency', 'report-unused-disable', 'report-unused-disable-directives', 'no-inline-config', 'stdin', 'stdin-filename', 'write-baseline', 'baseline', 'prune-baseline', 'no-ignore', 'ignore-pattern', 'no-error-on-unmatched-pattern'],
  ignores: [],
  namesOwners: true,
  // Left over once the flags of `new` and `init` are named: --dry-run. Ignored, `--fix --dry-run` would write the files.
  refuse: () => '--dry-run is an option of "adrlint link" and "adrlint new"; use --fix-dry-run to see the fixes without writing them',
  run: runLint,
};

async function runLint({ io, values, operands, reports, color, maxWarnings }: CommandInput): Promise<number> {
  const fixRules = checkFixRules(values['fix-rule'] ?? []);
  const dryRun = Boolean(values['fix-dry-run']);
  const fixing = Boolean(values.fix) || dryRun;
  if (fixRules.size > 0 && !fixing) throw new UsageError('--fix-rule limits --fix or --fix-dry-run; add one of them');
  const concurrency = parseConcurrency(values.concurrency);
  const baseline = baselinePlan(values, io.cwd);
  const stdin = values.stdin ? await readStdin(io, values, operands) : undefined;
  if (!stdin && values['stdin-filename'] !== undefined) throw new UsageError('--stdin-filename names the text of --stdin; add --stdin');
  const progress = progressLine(io);
  const runOptions: RunOptions = {
    cwd: io.cwd,
    paths: operands,
    configFile: values.config,
    ruleOverrides: values.rule ?? [],
    ...(fixing ? { fix: { write: !dryRun && !stdin, ...(fixRules.size ? { rules: fixRules } : {}) } } : {}),
    ...cacheOption(values),
    ...selectionOption(values),
    concurrency,
    reportUnusedDisable: Boolean(values['report-unused-disable']),
    ...(values['no-inline-config'] ? { inlineConfig: false } : {}),
    ...(stdin ? { stdin } : {}),
    onProgress: progress.update,
  };
  let outcome = await lintProject(runOptions).finally(progress.clear);
  if (values['changed-from'] !== undefined && (!fixing || stdin)) throw new UsageError('--changed-from tells --fix which ADRs are new; add --fix or --fix-dry-run');
  // adr-number-duplicate's fix renames files: written after the text fixes, then the set is linted again.
  const renumbers = fixing && !stdin ? await fixRenumbers(outcome, { cwd: io.cwd, dryRun, fixRules, changedFrom: values['changed-from'] }, io) : { renamed: [], text: '' };
  if (renumbers.renamed.length > 0) outcome = await lintProject({ ...withoutFix(runOptions), paths: renamedPaths(operands, renumbers.renamed, io.cwd) });
  if (renumbers.text) io.stdout.write(renumbers.text);
  for (const warning of outcome.warnings) io.stderr.write(`adrlint: warning: ${warning}\n`);
  if (!values.quiet) noteSkipped(outcome, io);
  if (baseline?.write) {
    writeBaselineFile(baseline.path, outcome.results, io);
    return EXIT_OK;
  }
  const reported = baseline ? withoutBaselined(baseline, outcome.results, io) : outcome.results;
  const results = values.quiet ? onlyErrors(reported) : reported;
  // With --stdin and a fix, stdout is the fixed text (a pipe's output), unless it was given to a report of another format.
  const pipeText = stdin !== undefined && fixing && !reports.some((report) => report.path === null && report.format !== 'stylish');
  for (const report of reports) {
    const toStdout = report.path === null;
    // Colour is for the terminal: a report file has it only when asked for with --color.
    const text = await renderReport(report.format, results, {
      cwd: io.cwd,
      color: report === reports[0] ? color : Boolean(values.color),
      dryRun: dryRun && !stdin,
      // "✔ N ADRs, no problems" on the terminal's report alone (not with --quiet, as ESLint's quiet prints nothing).
      summary: toStdout && !values.quiet,
    });
    emit(text, report.path ?? undefined, pipeText && toStdout ? { ...io, stdout: io.stderr } : io);
  }
  if (pipeText) io.stdout.write(outcome.results[0]?.output ?? stdin.text);
  return exitCode(results, maxWarnings, io);
}

function withoutFix({ fix: _fix, ...options }: RunOptions): RunOptions {
  return options;
}

/** The paths given, a renamed file under its new name. */
function renamedPaths(operands: readonly string[], renamed: ReadonlyArray<[string, string]>, cwd: string): string[] {
  return operands.map((operand) => renamed.find(([from]) => from === resolve(cwd, operand))?.[1] ?? operand);
}

/** The text of --stdin, read whole (UTF-8, a BOM kept as the file would have it), with the file it is linted as. */
async function readStdin(io: CliIo, values: CommandInput['values'], operands: readonly string[]): Promise<{ text: string; filename?: string }> {
  if (operands.length > 0) throw new UsageError(`--stdin lints the text on standard input, and takes no paths (not ${operands.join(', ')}); name the file with --stdin-filename`);
  if (values['write-baseline'] !== undefined) throw new UsageError('--write-baseline records the problems of the whole set; it cannot be used with --stdin');
  if (!io.stdin) throw new UsageError('--stdin: there is no standard input to read');
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let text = '';
  for await (const chunk of io.stdin) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  text += decoder.decode();
  const filename = values['stdin-filename'];
  if (filename === '') throw new UsageError('--stdin-filename takes a path, not an empty word');
  return filename === undefined ? { text } : { text, filename };
}

/** 1 for an error, or for more warnings than --max-warnings allows (-1: any number). */
function exitCode(results: readonly LintResult[], maxWarnings: number, io: CliIo): number {
  const errors = results.reduce((sum, r) => sum + r.errorCount, 0);
  const warnings = results.reduce((sum, r) => sum + r.warningCount, 0);
  if (errors > 0) return EXIT_LINT_ERRORS;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr.write(`adrlint found too many warnings (${warnings}; maximum allowed is ${maxWarnings}).\n`);
    return EXIT_LINT_ERRORS;
  }
  return EXIT_OK;
}

function onlyErrors(results: LintResult[]): LintResult[] {
  return results.map((result) => {
    const messages = result.messages.filter((m) => m.severity === 'error');
    return { ...result, messages, warningCount: 0, fixableWarningCount: 0 };
  });
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

/** One report's text. Formatters other than stylish load only when asked for: start-up is part of every pre-commit run. */
async function renderReport(format: Format, results: LintResult[], { cwd, color, dryRun, summary }: { cwd: string; color: boolean; dryRun: boolean; summary: boolean }): Promise<string> {
  // SARIF, annotations and JUnit name files from the repository root, wherever adrlint runs from.
  if (format === 'json') return (await import('../format/json.ts')).formatJson(results);
  if (format === 'sarif') return (await import('../format/sarif.ts')).formatSarif(results, { root: findRepositoryRoot(cwd), version: VERSION });
  if (format === 'github') return (await import('../format/github.ts')).formatGithub(results, { root: findRepositoryRoot(cwd) });
  if (format === 'junit') return (await import('../format/junit.ts')).formatJunit(results, { root: findRepositoryRoot(cwd) });
  return (dryRun ? (await import('../format/diff.ts')).formatFixDiff(results, cwd) : '') + formatStylish(results, { cwd, color, dryRun, summary });
}
