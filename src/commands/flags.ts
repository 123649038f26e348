// Every flag of `adrlint`, declared once as a node:util parseArgs option. A command names the flags
// it takes (src/commands/command.ts); argv is parsed with all of them, so that a flag of another
// command is refused by the command ("takes ...; not --x") rather than by parseArgs ("Unknown option").
import type { ParseArgsConfig, parseArgs } from 'node:util';
import { DEFAULT_BASELINE_FILE } from '../engine/baseline.ts';

/**
 * A flag: its parseArgs option, and what `adrlint --help` and the README's command-line reference
 * say of it (`help`, one line; `arg`, the value a string flag takes: a name shown as `<name>`, or
 * written out when it has brackets of its own). parseArgs ignores these two keys.
 */
export type Flag = NonNullable<ParseArgsConfig['options']>[string] & { help: string; arg?: string };

/** In the order a refusal names the flags it refuses. */
export const FLAGS = {
  fix: { type: 'boolean', help: 'fix what can be fixed and write the files' },
  'fix-dry-run': { type: 'boolean', help: 'show the fixes as a unified diff; write nothing' },
  'fix-rule': { type: 'string', multiple: true, arg: 'id', help: "fix only this rule's problems (repeatable; with --fix or --fix-dry-run)" },
  'changed-from': {
    type: 'string',
    arg: 'ref',
    help: "with --fix: the ADRs added since this git ref (a pull request's base) are the later ones adr-number-duplicate renumbers",
  },
  'dry-run': { type: 'boolean', help: 'show what would be written; write nothing' },
  format: {
    type: 'string',
    short: 'f',
    multiple: true,
    arg: '<name>[=<file>]',
    help: "stylish (default), json (ESLint's JSON result format), sarif (SARIF 2.1.0 for code scanning), github (GitHub Actions annotations) or junit (JUnit XML for CI); repeatable: each format with =<file> is written to that file, and the one without (stylish if none) goes to stdout",
  },
  'output-file': { type: 'string', short: 'o', arg: 'file', help: 'write the stdout report to a file instead' },
  rule: {
    type: 'string',
    multiple: true,
    arg: '<id>:<severity>',
    help: "set a rule's severity (off, warn, error), or its severity and options as in the config (--rule 'id:[warn, {option: 2}]'); repeatable",
  },
  quiet: { type: 'boolean', help: 'report errors only' },
  'max-warnings': { type: 'string', arg: 'n', help: 'exit 1 when there are more than n warnings' },
  cache: { type: 'boolean', help: 'reuse the results of unchanged files (by content) from .adrlintcache' },
  'cache-location': { type: 'string', arg: 'path', help: 'the cache file, or a folder to hold .adrlintcache (implies nothing without --cache)' },
  concurrency: { type: 'string', arg: 'n', help: 'threads that parse: a number, auto (default: more when the text pays for them) or off' },
  'report-unused-disable': { type: 'boolean', help: 'report adrlint-disable comments that disable nothing (--fix removes them)' },
  'report-unused-disable-directives': { type: 'boolean', help: "the same as --report-unused-disable (ESLint's name)" },
  'no-inline-config': { type: 'boolean', help: 'ignore adrlint-disable comments and frontmatter keys: they disable nothing and are not reported' },
  stdin: { type: 'boolean', help: 'lint the text on standard input; with --fix or --fix-dry-run, print the fixed text on stdout (the stylish report goes to stderr)' },
  'stdin-filename': { type: 'string', arg: 'path', help: "with --stdin: lint the text as this file (its folder's ADRs, the config's overrides for it); the file on disk is not read nor written" },
  'write-baseline': {
    type: 'string',
    arg: '[<file>.json]',
    help: `record every current problem in a baseline file and exit 0 (default file: ${DEFAULT_BASELINE_FILE})`,
  },
  baseline: { type: 'string', arg: '[<file>.json]', help: 'report only the problems that are not in the baseline file' },
  'prune-baseline': { type: 'boolean', help: 'with --baseline: drop the problems that are fixed from the baseline file' },
  'no-ignore': { type: 'boolean', help: 'lint the files that .gitignore, the config\'s "ignore" and --ignore-pattern leave out' },
  'ignore-pattern': {
    type: 'string',
    multiple: true,
    arg: 'pattern',
    help: 'leave out the files this pattern matches (.gitignore syntax, from the working folder, as the config\'s "ignore"); repeatable',
  },
  'no-error-on-unmatched-pattern': { type: 'boolean', help: 'a path or glob that matches no file is not an error' },
  config: { type: 'string', short: 'c', arg: 'file', help: 'use this config file instead of searching upward for .adrlintrc.*' },
  force: { type: 'boolean', help: 'replace the config file that is already there' },
  template: { type: 'string', arg: 'madr|nygard|<file>', help: "the new ADR's template (default: the one most of the folder's ADRs follow, else madr)" },
  status: { type: 'string', arg: 's', help: "the new ADR's status (default: the set's word for proposed)" },
  folder: { type: 'string', arg: 'dir', help: "the folder to write the new ADR in (default: the config's or the usual ADR folder)" },
  to: { type: 'string', arg: 'n', help: "the record's new number (default: the folder's next free one)" },
  write: { type: 'boolean', help: "write the index block into the index page (its README.md or index.md, or the config's \"index\")" },
  'base-url': {
    type: 'string',
    arg: 'url',
    help: 'with --format html: link each file to <url>/<path> (default: the commit on GitHub Actions, else a path relative to the page)',
  },
  stdio: { type: 'boolean', help: 'speak the Language Server Protocol on standard input and output' },
  color: { type: 'boolean', help: 'force colour on (default: on for a terminal, off when NO_COLOR is set)' },
  'no-color': { type: 'boolean', help: 'force colour off' },
  'print-config': { type: 'boolean', help: 'print the configuration in effect and exit (given a file: the configuration for that file, overrides applied)' },
  help: { type: 'boolean', short: 'h', help: 'show this help' },
  version: { type: 'boolean', short: 'v', help: 'show the version' },
} as const satisfies Record<string, Flag>;

export type FlagName = keyof typeof FLAGS;
export type FlagValues = ReturnType<typeof parseArgs<{ options: typeof FLAGS; allowPositionals: true; strict: true }>>['values'];
export const FLAG_NAMES = Object.keys(FLAGS) as FlagName[];

/** Flags the shell answers before any command (--print-config chooses the command that prints the configuration). */
export const SHELL_FLAGS: readonly FlagName[] = ['print-config', 'help', 'version'];

/** A flag that only refines another one: a list of what a command takes names the other one alone. */
export const COMPANION_OF: Partial<Record<FlagName, FlagName>> = { 'cache-location': 'cache' };

/**
 * `--baseline` and `--write-baseline` take a file optionally: `--baseline=<file>`, or
 * `--baseline <file>` when the next word ends in .json (ADR paths are markdown), else the default.
 */
export function withOptionalFiles(argv: readonly string[]): string[] {
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
