// What several commands share: writing their text, the list commands' shape, the skipped-file notes,
// the progress line, and the run options --cache and --concurrency ask for.
import { relative, resolve } from 'node:path';
import { UsageError } from '../io/files.ts';
import { writeFileSafely } from '../io/safe-write.ts';
import type { RunOptions, RunOutcome } from '../run/lint-project.ts';
import type { Concurrency } from '../run/worker-pool.ts';
import { EXIT_OK, type CliIo, type Command, type CommandInput } from './command.ts';
import type { FlagValues } from './flags.ts';
import type { Format } from './formats.ts';

/** A command's text to --output-file, else to stdout (ending in a newline). */
export function emit(text: string, outputFile: string | undefined, io: CliIo): void {
  if (outputFile) {
    writeFileSafely(resolve(io.cwd, outputFile), text);
  } else if (text) {
    io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}

/**
 * A command that prints a list and runs nothing (rules, catalogue, --print-config): one text, to stdout or
 * --output-file. A list is not a run: the flags of a run change nothing here, and were never refused.
 */
export function listCommand(
  declared: Pick<Command, 'name' | 'usage' | 'flags'> & {
    /** The formats --format may name besides stylish, the default text (another one: exit 2, naming these). */
    formats?: readonly Format[];
    list(input: CommandInput, format: Format): string;
  },
): Command {
  const { list, formats, ...command } = declared;
  return {
    ...command,
    operands: null,
    ignores: 'all',
    async run(input) {
      if (input.reports.length > 1) throw new UsageError('--format <name>=<file> writes lint reports; to write this list to a file, use --output-file');
      const asked = input.values.format?.[0];
      if (formats !== undefined && asked !== undefined && asked !== 'stylish' && !formats.includes(asked as Format))
        throw new UsageError(`"adrlint ${command.name}" takes --format ${formats.join(', ')} or stylish (a table, the default); not --format ${asked}`);
      emit(list(input, input.reports[0]!.format), input.values['output-file'], input.io);
      return EXIT_OK;
    },
  };
}

/**
 * One line on stderr for each file named on the command line that is not an ADR (a README, a
 * template): a hook that passes every staged markdown file hears why some were left out, and its
 * exit code and the report on stdout stay as they were.
 */
export function noteSkipped(outcome: RunOutcome, io: CliIo): void {
  for (const file of outcome.skipped) io.stderr.write(`adrlint: skipped ${relative(io.cwd, file.path) || file.path}: ${file.reason}\n`);
}

export function parseConcurrency(value: string | undefined): Concurrency {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off') return 'off';
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new UsageError(`--concurrency takes a number of workers, auto or off; not "${value}"`);
  return count;
}

/** The run's `selection` option: --no-ignore, --ignore-pattern, --no-error-on-unmatched-pattern. */
export function selectionOption(values: FlagValues): Pick<RunOptions, 'selection'> {
  return {
    selection: {
      ignore: !values['no-ignore'],
      ignorePatterns: values['ignore-pattern'] ?? [],
      errorOnUnmatchedPattern: !values['no-error-on-unmatched-pattern'],
    },
  };
}

/** The run's `cache` option: none without --cache; --cache-location alone implies nothing. */
export function cacheOption(values: FlagValues): Pick<RunOptions, 'cache'> {
  return values.cache ? { cache: values['cache-location'] ? { location: values['cache-location'] } : {} } : {};
}

// A run that ends within a second needs no progress line; one that redraws more often than this flickers.
const PROGRESS_DELAY_MS = 1000;
const PROGRESS_INTERVAL_MS = 100;

/**
 * "adrlint: 1234/5000 files parsed" on stderr, redrawn in place, once a run has taken a second;
 * only when stdout and stderr are both a terminal and not in CI (a log would keep every redraw).
 * `clear` erases it before the report is printed.
 */
export function progressLine(io: CliIo): { update?: RunOptions['onProgress']; clear: () => void } {
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
