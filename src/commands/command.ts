// What a subcommand of `adrlint` is: the flags it takes, its lines in `adrlint --help`, and its run
// function, which returns the exit code. src/cli.ts finds the command, checks the flags against its
// declaration (src/commands/flags.ts) and maps a thrown error to exit code 2.
import type { FlagName, FlagValues } from './flags.ts';
import type { ReportOutput } from './formats.ts';

export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Standard input, read by `--stdin` (process.stdin; a test gives the chunks). */
  stdin?: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;
  /** The clock, in milliseconds since the epoch (default Date.now): today's date for `new`, the progress line's timing. */
  now?: () => number;
}

export const EXIT_OK = 0;
export const EXIT_LINT_ERRORS = 1;
export const EXIT_USAGE = 2;

/** What the shell hands a command: the parsed command line and what every command shares of it. */
export interface CommandInput {
  io: CliIo;
  values: FlagValues;
  /** The words after the command's name; for lint, the default command, every word (each a path). */
  operands: string[];
  /** The reports --format and --output-file ask for (for `report`, which reads --format itself: --output-file alone). */
  reports: ReportOutput[];
  /** Colour for the stdout report: --color, --no-color, NO_COLOR, FORCE_COLOR, else whether stdout is a terminal. */
  color: boolean;
  /** --max-warnings, or -1 when not given. */
  maxWarnings: number;
}

export interface Command {
  /** The word that selects it on the command line; lint, the default, is selected by no word. */
  name: string;
  /** Its lines under "Usage:" in `adrlint --help`. */
  usage: string;
  /**
   * What it takes besides flags, as a refusal names it ("paths", "a title"); null for a command
   * that takes no words, which is selected only when its name stands alone (`adrlint rules`, while
   * `adrlint rules x` lints the paths rules and x).
   */
  operands: string | null;
  /** The flags it uses, in the order a refusal names them. */
  flags: readonly FlagName[];
  /**
   * Flags it accepts and does nothing with ('all': every flag it does not use). Kept as they were:
   * refusing them now would break command lines that work.
   */
  ignores: readonly FlagName[] | 'all';
  /**
   * A refused flag that one other subcommand takes is refused by naming that subcommand
   * (`--template is an option of "adrlint new"`) rather than listing what this one takes.
   */
  namesOwners?: boolean;
  /** --format names formats of its own, which it reads itself: the shell does not read them as lint reports. */
  ownFormats?: boolean;
  /** The refusal of flags that are not another subcommand's alone, when the list of what it takes would not help. */
  refuse?: (flags: readonly FlagName[]) => string;
  run(input: CommandInput): Promise<number>;
}
