// Every flag of `adrlint`, declared once as a node:util parseArgs option. A command names the flags
// it takes (src/commands/command.ts); argv is parsed with all of them, so that a flag of another
// command is refused by the command ("takes ...; not --x") rather than by parseArgs ("Unknown option").
import type { ParseArgsConfig, parseArgs } from 'node:util';
import { DEFAULT_BASELINE_FILE } from '../engine/baseline.ts';

/** In the order a refusal names the flags it refuses. */
export const FLAGS = {
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'fix-rule': { type: 'string', multiple: true },
  'dry-run': { type: 'boolean' },
  format: { type: 'string', short: 'f', multiple: true },
  'output-file': { type: 'string', short: 'o' },
  rule: { type: 'string', multiple: true },
  quiet: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  concurrency: { type: 'string' },
  'report-unused-disable': { type: 'boolean' },
  'no-inline-config': { type: 'boolean', help: 'ignore adrlint-disable comments and frontmatter keys: they disable nothing and are not reported' },
  stdin: { type: 'boolean', help: 'lint the text on standard input (with --fix or --fix-dry-run: print the fixed text)' },
  'stdin-filename': { type: 'string', arg: 'path', help: 'with --stdin: the file the text is linted as (its folder, config and overrides apply)' },
  'write-baseline': { type: 'string' },
  baseline: { type: 'string' },
  'prune-baseline': { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  force: { type: 'boolean' },
  template: { type: 'string' },
  status: { type: 'string' },
  folder: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'print-config': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies Record<string, NonNullable<ParseArgsConfig['options']>[string] & { help?: string; arg?: string }>;

export type FlagName = keyof typeof FLAGS;
export type FlagValues = ReturnType<typeof parseArgs<{ options: typeof FLAGS; allowPositionals: true; strict: true }>>['values'];
export const FLAG_NAMES = Object.keys(FLAGS) as FlagName[];

/** Flags the shell answers before any command (--print-config chooses the command that prints the configuration). */
export const SHELL_FLAGS: readonly FlagName[] = ['help', 'version', 'print-config'];

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
