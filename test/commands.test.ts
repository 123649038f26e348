// The command table (src/commands/table.ts): what each command declares it takes agrees with its help,
// and the refusals derived from the declarations say what the hand-kept lists they replace said.
import { describe, expect, it } from 'vitest';
import type { Command } from '../src/commands/command.ts';
import { FLAG_NAMES, FLAGS, SHELL_FLAGS, type FlagName, type FlagValues } from '../src/commands/flags.ts';
import { HELP } from '../src/commands/help.ts';
import { lintCommand } from '../src/commands/lint.ts';
import { printConfigCommand } from '../src/commands/print-config.ts';
import { commandNamed, refusal, SUBCOMMANDS } from '../src/commands/table.ts';

const COMMANDS: readonly Command[] = [lintCommand, ...SUBCOMMANDS, printConfigCommand];

/** The flags a help text names, long (`--fix`) or short (`-o`). */
function flagsIn(text: string): Set<FlagName> {
  const found = new Set<FlagName>();
  for (const [, name] of text.matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)) found.add(name as FlagName);
  for (const [, short] of text.matchAll(/(?<![\w-])-([a-z])\b/g)) {
    const flag = FLAG_NAMES.find((name) => (FLAGS[name] as { short?: string }).short === short);
    if (flag) found.add(flag);
  }
  return found;
}

function given(...flags: FlagName[]): FlagValues {
  return Object.fromEntries(flags.map((flag) => [flag, FLAGS[flag].type === 'boolean' ? true : 'x'])) as FlagValues;
}

describe('the command table', () => {
  it('declares only known flags, each taken or ignored once, and none of the shell\'s', () => {
    for (const command of COMMANDS) {
      const ignored = command.ignores === 'all' ? [] : command.ignores;
      for (const flag of [...command.flags, ...ignored]) {
        expect(FLAG_NAMES, `${command.name}: --${flag}`).toContain(flag);
        expect(SHELL_FLAGS, `${command.name}: --${flag}`).not.toContain(flag);
      }
      expect(new Set([...command.flags, ...ignored]).size, command.name).toBe(command.flags.length + ignored.length);
    }
  });

  it('parses argv with exactly the flags some command takes, and the shell\'s', () => {
    const taken = new Set([...COMMANDS.flatMap((command) => command.flags), ...SHELL_FLAGS]);
    expect([...taken].sort()).toEqual([...FLAG_NAMES].sort());
  });

  it('names in a usage line only flags the command takes', () => {
    for (const command of COMMANDS) for (const flag of flagsIn(command.usage)) expect(command.flags, `${command.name}: --${flag}`).toContain(flag);
  });

  it('shows every flag a command takes in its usage line or among the options', () => {
    const options = flagsIn(HELP.slice(HELP.indexOf('\nOptions:\n')));
    for (const command of COMMANDS) {
      const shown = flagsIn(command.usage);
      for (const flag of command.flags) expect(shown.has(flag) || options.has(flag), `${command.name}: --${flag}`).toBe(true);
    }
    for (const flag of [...lintCommand.flags, ...SHELL_FLAGS]) expect(options, `--${flag}`).toContain(flag);
  });

  it('puts every usage line in the help', () => {
    for (const command of COMMANDS) expect(HELP).toContain(command.usage);
  });

  it('selects a command by its word; a command that takes no words only when its word stands alone', () => {
    expect(commandNamed(['link', 'a.md'])).toEqual({ command: SUBCOMMANDS[0], operands: ['a.md'] });
    expect(commandNamed(['rules']).command.name).toBe('rules');
    expect(commandNamed(['rules', 'docs'])).toEqual({ command: lintCommand, operands: ['rules', 'docs'] });
    expect(commandNamed([])).toEqual({ command: lintCommand, operands: [] });
  });
});

describe('refusals derived from the declarations', () => {
  const named = (name: string) => SUBCOMMANDS.find((command) => command.name === name)!;
  // Each command given every flag it does not take: the list of the refusal it always gave.
  it.each([
    ['link', 'takes paths, --config, --dry-run and --output-file', ['fix', 'fix-dry-run', 'fix-rule', 'changed-from', 'format', 'rule', 'quiet', 'max-warnings', 'report-unused-disable', 'report-unused-disable-directives', 'no-inline-config', 'stdin', 'stdin-filename', 'write-baseline', 'baseline', 'prune-baseline', 'no-ignore', 'ignore-pattern', 'no-error-on-unmatched-pattern', 'to', 'write', 'base-url', 'stdio']],
    ['new', 'takes a title, --template, --status, --folder, --config and --dry-run', ['fix', 'fix-dry-run', 'fix-rule', 'changed-from', 'format', 'output-file', 'rule', 'quiet', 'max-warnings', 'cache', 'cache-location', 'concurrency', 'report-unused-disable', 'report-unused-disable-directives', 'no-inline-config', 'stdin', 'stdin-filename', 'write-baseline', 'baseline', 'prune-baseline', 'no-ignore', 'ignore-pattern', 'no-error-on-unmatched-pattern', 'to', 'write', 'base-url', 'stdio']],
    ['init', 'takes paths, --dry-run, --force and --concurrency', ['fix', 'fix-dry-run', 'fix-rule', 'changed-from', 'format', 'output-file', 'rule', 'quiet', 'max-warnings', 'cache', 'cache-location', 'report-unused-disable', 'report-unused-disable-directives', 'no-inline-config', 'stdin', 'stdin-filename', 'write-baseline', 'baseline', 'prune-baseline', 'no-ignore', 'ignore-pattern', 'no-error-on-unmatched-pattern', 'config', 'template', 'status', 'folder', 'to', 'write', 'base-url', 'stdio']],
    ['report', 'takes paths, --format, --output-file, --base-url, --config, --cache and --concurrency', ['fix', 'fix-dry-run', 'fix-rule', 'changed-from', 'dry-run', 'rule', 'quiet', 'max-warnings', 'report-unused-disable', 'report-unused-disable-directives', 'no-inline-config', 'stdin', 'stdin-filename', 'write-baseline', 'baseline', 'prune-baseline', 'no-ignore', 'ignore-pattern', 'no-error-on-unmatched-pattern']],
    ['lsp', 'takes nothing, --stdio and --config', ['fix', 'fix-dry-run', 'fix-rule', 'changed-from', 'dry-run', 'format', 'output-file', 'rule', 'quiet', 'max-warnings', 'cache', 'cache-location', 'concurrency', 'report-unused-disable', 'report-unused-disable-directives', 'no-inline-config', 'stdin', 'stdin-filename', 'write-baseline', 'baseline', 'prune-baseline', 'no-ignore', 'ignore-pattern', 'no-error-on-unmatched-pattern', 'force', 'template', 'status', 'folder', 'to', 'write', 'base-url', 'color', 'no-color']],
  ] as const)('adrlint %s', (name, takes, refused) => {
    const others = FLAG_NAMES.filter((flag) => !SHELL_FLAGS.includes(flag) && (name !== 'report' || !['force', 'template', 'status', 'folder', 'to', 'write', 'stdio'].includes(flag)));
    expect(refusal(named(name), given(...others))).toBe(`"adrlint ${name}" ${takes}; not --${refused.join(', --')}`);
  });

  it('names the command a flag belongs to, for report and lint', () => {
    for (const command of [named('report'), lintCommand]) {
      expect(refusal(command, given('dry-run', 'force', 'template'))).toBe('--force is an option of "adrlint init"');
      expect(refusal(command, given('folder', 'template'))).toBe('--template, --folder are options of "adrlint new"');
      expect(refusal(command, given('stdio'))).toBe('--stdio is an option of "adrlint lsp"');
    }
    expect(refusal(lintCommand, given('dry-run', 'fix'))).toBe('--dry-run is an option of "adrlint link" and "adrlint new"; use --fix-dry-run to see the fixes without writing them');
  });

  it('refuses nothing a command takes or ignores', () => {
    for (const command of COMMANDS) {
      const accepted = command.ignores === 'all' ? FLAG_NAMES : [...command.flags, ...command.ignores, ...SHELL_FLAGS];
      expect(refusal(command, given(...accepted)), command.name).toBeNull();
    }
  });
});
