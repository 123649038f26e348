// The `adrlint` command: find the command in the table (src/commands/table.ts), parse argv, check the
// flags against the command's declaration, run it, and map what it throws to exit code 2.
// It never calls process.exit(): output of any size must reach a pipe before the process ends.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FileError } from './model/errors.ts';
import { UsageError } from './io/files.ts';
import { VERSION } from './io/version.ts';
import { checkWritable, WriteError } from './io/safe-write.ts';
import { EXIT_OK, EXIT_USAGE, type CliIo, type Command, type CommandInput } from './commands/command.ts';
import { FLAGS, withOptionalFiles, type FlagValues } from './commands/flags.ts';
import { parseFormats } from './commands/formats.ts';
import { printConfigCommand } from './commands/print-config.ts';
import { HELP } from './commands/help.ts';
import { commandNamed, refusal, SUBCOMMANDS } from './commands/table.ts';
import { argumentError, mistypedCommand } from './commands/arguments.ts';
import { insidePath } from './model/paths.ts';

export { EXIT_LINT_ERRORS, EXIT_OK, EXIT_USAGE, type CliIo } from './commands/command.ts';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    // Every command's flags: a flag of another command is refused by this one, saying what it takes.
    parsed = parseArgs({ args: withOptionalFiles(argv), allowPositionals: true, strict: true, options: FLAGS });
  } catch (error) {
    const message = argumentError(error);
    if (message === null) return failed(error, io);
    io.stderr.write(`adrlint: ${message}\nRun "adrlint --help" for usage.\n`);
    return EXIT_USAGE;
  }
  const { positionals } = parsed;
  // ESLint's name of --report-unused-disable is the same flag (a command that does not take it refuses it by the name given).
  const values: FlagValues = parsed.values['report-unused-disable-directives'] ? { ...parsed.values, 'report-unused-disable': true } : parsed.values;
  if (values.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (values.version) {
    io.stdout.write(`${VERSION}\n`);
    return EXIT_OK;
  }
  try {
    const { command: named, operands } = commandNamed(positionals);
    const mistyped = named.name === 'lint' ? mistypedCommand(positionals, SUBCOMMANDS, io.cwd) : null;
    if (mistyped !== null) throw new UsageError(mistyped);
    const input = commandInput(named, values, operands, io);
    // --print-config answers for any command but a bare `rules` or `catalogue` (the commands that take no words).
    const command = values['print-config'] && named.operands !== null ? printConfigCommand : named;
    const refused = refusal(command, parsed.values);
    if (refused !== null) throw new UsageError(refused);
    return await command.run(input);
  } catch (error) {
    return failed(error, io);
  }
}

/** What the command line gives every command; the values every command checks, checked before any work. */
function commandInput(command: Command, values: FlagValues, operands: string[], io: CliIo): CommandInput {
  const reports = parseFormats(command.ownFormats ? [] : (values.format ?? []), values['output-file'], io.cwd);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings takes a whole number, not "${values['max-warnings']}"`);
  }
  // Before any work (and before --fix writes a file): every report file named must be writable.
  for (const report of reports) if (report.path !== null) checkWritable(resolve(io.cwd, report.path));
  return { io, values, operands, reports, color: colorEnabled(io, values), maxWarnings };
}

function colorEnabled(io: CliIo, values: FlagValues): boolean {
  if (values['no-color']) return false;
  if (values.color) return true;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return Boolean(io.stdout.isTTY);
}

/** A command's failure on stderr; exit code 2 (usage, configuration or internal error). */
function failed(error: unknown, io: CliIo): number {
  if (error instanceof FileError) {
    // A file with several mistakes: one line for each, so that all can be fixed in one go.
    for (const line of error.lines) io.stderr.write(`adrlint: configuration error: ${line}\n`);
  } else if (error instanceof UsageError) {
    io.stderr.write(`adrlint: ${error.message}\n`);
  } else if (error instanceof WriteError) {
    io.stderr.write(`adrlint: cannot write ${insidePath(io.cwd, error.path) ?? error.path}: ${error.reason}\n`);
  } else {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    io.stderr.write(`adrlint: internal error: ${message}\n`);
    if (io.env.ADRLINT_DEBUG) io.stderr.write(`${(error as Error).stack ?? ''}\n`);
  }
  return EXIT_USAGE;
}
