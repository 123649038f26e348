// `adrlint --help` and the README's command-line reference, generated from the flag table
// (src/commands/flags.ts) and the command table (src/commands/table.ts), so that the help, the
// README and the parser cannot disagree. `npm run docs` writes the reference into the README.
import { VERSION } from '../io/version.ts';
import type { Command } from './command.ts';
import { FLAG_NAMES, FLAGS, SHELL_FLAGS, type Flag, type FlagName } from './flags.ts';
import { lintCommand } from './lint.ts';
import { SUBCOMMANDS } from './table.ts';

/** Where a flag's help starts; a flag (with its value) too wide for the column puts its help on the next line. */
const HELP_COLUMN = 28;
/** Help lines are wrapped to this width. */
const WIDTH = 100;

/** The README's reference section lies between these two lines; `npm run docs` rewrites what is between. */
export const REFERENCE_START = '<!-- cli-reference: generated from src/commands/flags.ts by "npm run docs"; do not edit -->';
export const REFERENCE_END = '<!-- /cli-reference -->';

/** How a flag is written: `-f, --format <name>[=<file>]`, `    --quiet`. */
function flagSyntax(name: FlagName): string {
  const flag: Flag = FLAGS[name];
  const short = flag.short === undefined ? '    ' : `-${flag.short}, `;
  const arg = flag.arg === undefined ? '' : /[<[]/.test(flag.arg) ? ` ${flag.arg}` : ` <${flag.arg}>`;
  return `  ${short}--${name}${arg}`;
}

/** `first`, then `text` from column `indent`, in lines of at most WIDTH characters (a word longer than that stands alone). */
function wrapped(first: string, text: string, indent: number): string {
  const lines: string[] = [];
  let line = first.padEnd(indent);
  if (first.length + 2 > indent) {
    lines.push(first);
    line = ' '.repeat(indent);
  }
  let empty = true;
  for (const word of text.split(' ')) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = ' '.repeat(indent) + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines.map((each) => `${each}\n`).join('');
}

/** The commands other than lint that take a flag, as a prefix of its help ("link, new: "). */
function takenBy(name: FlagName): string {
  const owners = SUBCOMMANDS.filter((command: Command) => command.flags.includes(name)).map((command) => command.name);
  return owners.length === 0 ? '' : `${owners.join(', ')}: `;
}

/**
 * The reference: the usage lines, where lint looks without paths, lint's options (and the shell's),
 * the other commands' options, and the exit codes.
 */
export function reference(): string {
  const lintFlags = [...lintCommand.flags, ...SHELL_FLAGS.filter((flag) => !lintCommand.flags.includes(flag))];
  const others = FLAG_NAMES.filter((flag) => !lintFlags.includes(flag));
  const line = (name: FlagName, prefix = '') => wrapped(flagSyntax(name), `${prefix}${FLAGS[name].help}`, HELP_COLUMN);
  return `Usage:
${[lintCommand, ...SUBCOMMANDS].map((command) => command.usage).join('')}
With no paths: the config's "adrs", else the first of docs/adr, docs/decisions, doc/adr,
docs/architecture/decisions that exists. A path or glob that starts with ! leaves out what it
matches (with only such paths: from what adrlint lints without paths).

Options:
${lintFlags.map((name) => line(name)).join('')}
Options of the other commands:
${others.map((name) => line(name, takenBy(name))).join('')}
Exit codes: 0 no errors, 1 lint errors (or too many warnings), 2 usage, config or internal error.
`;
}

export const HELP = `adrlint ${VERSION}: lint Architecture Decision Records against a pattern catalogue

${reference()}`;

/** The README's section: the reference as a text block, between the markers. */
export function referenceSection(): string {
  return `${REFERENCE_START}\n\n\`\`\`text\n${reference()}\`\`\`\n\n${REFERENCE_END}`;
}

/** The README with its reference section replaced by `section`; null when the markers are missing. */
export function withReference(readme: string, section = referenceSection()): string | null {
  const start = readme.indexOf(REFERENCE_START);
  const end = readme.indexOf(REFERENCE_END);
  if (start === -1 || end < start) return null;
  return readme.slice(0, start) + section + readme.slice(end + REFERENCE_END.length);
}
