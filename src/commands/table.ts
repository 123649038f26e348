// The command table of `adrlint`: which command a command line selects, which of the flags given it
// refuses (derived from what each command declares it takes and ignores). The help is generated
// from it and the flag table (src/commands/help.ts).
import type { Command } from './command.ts';
import { COMPANION_OF, FLAG_NAMES, SHELL_FLAGS, type FlagName, type FlagValues } from './flags.ts';
import { lintCommand } from './lint.ts';
import { linkCommand } from './link.ts';
import { newCommand } from './new.ts';
import { reportCommand } from './report.ts';
import { initCommand } from './init.ts';
import { catalogueCommand } from './catalogue.ts';
import { rulesCommand } from './rules.ts';
import { renumberCommand } from './renumber.ts';
import { indexCommand } from './index-command.ts';
import { lspCommand } from './lsp.ts';

/** The commands a word selects, in the order of `adrlint --help`. Lint, the default, is selected by none. */
export const SUBCOMMANDS: readonly Command[] = [linkCommand, newCommand, renumberCommand, reportCommand, indexCommand, initCommand, catalogueCommand, rulesCommand, lspCommand];

/**
 * The command the first word names (one that takes no words only when the word stands alone), and
 * the words left for it; else lint, for which every word is a path.
 */
export function commandNamed(positionals: readonly string[]): { command: Command; operands: string[] } {
  const [word, ...rest] = positionals;
  const command = SUBCOMMANDS.find((candidate) => candidate.name === word && (candidate.operands !== null || rest.length === 0));
  return command ? { command, operands: rest } : { command: lintCommand, operands: [...positionals] };
}

/** The one subcommand that takes `flag`, if only one does. */
function soleOwner(flag: FlagName): Command | undefined {
  const owners = SUBCOMMANDS.filter((command) => command.flags.includes(flag));
  return owners.length === 1 ? owners[0] : undefined;
}

/** Why `command` refuses flags given to it (every flag it neither takes nor ignores), or null when it takes them all. */
export function refusal(command: Command, values: FlagValues): string | null {
  const { flags, ignores } = command;
  if (ignores === 'all') return null;
  const refused = FLAG_NAMES.filter((flag) => values[flag] !== undefined && !SHELL_FLAGS.includes(flag) && !flags.includes(flag) && !ignores.includes(flag));
  if (refused.length === 0) return null;
  if (command.namesOwners) {
    const owner = refused.map(soleOwner).find((found) => found !== undefined);
    if (owner) {
      const theirs = refused.filter((flag) => soleOwner(flag) === owner);
      return `--${theirs.join(', --')} ${theirs.length === 1 ? 'is an option' : 'are options'} of "adrlint ${owner.name}"`;
    }
  }
  if (command.refuse) return command.refuse(refused);
  const takes = [command.operands ?? 'nothing', ...flags.filter((flag) => COMPANION_OF[flag] === undefined).map((flag) => `--${flag}`)];
  return `"adrlint ${command.name}" takes ${takes.slice(0, -1).join(', ')} and ${takes.at(-1)}; not --${refused.join(', --')}`;
}
