// `adrlint renumber <file> [--to N] [--dry-run]`: give a record a new number, renaming the file and
// rewriting every reference to it in the set (src/run/renumber.ts).
import { UsageError } from '../io/files.ts';
import { loadProject } from '../run/lint-project.ts';
import type { RenumberOutcome } from '../run/renumber.ts';
import { EXIT_OK, EXIT_USAGE, type Command, type CommandInput } from './command.ts';
import { plural } from '../model/plural.ts';
import { relative } from 'node:path';

const shownPath = (path: string, cwd: string): string => relative(cwd, path) || path;

export const renumberCommand: Command = {
  name: 'renumber',
  usage: `  adrlint renumber <file> [--to <n>] [--dry-run]
                                        give an ADR a new number (default: the folder's next free one):
                                        rename it and rewrite every reference to it in the set
`,
  operands: 'a file',
  flags: ['to', 'config', 'dry-run'],
  ignores: ['color', 'no-color'],
  run: runRenumber,
};

async function runRenumber({ io, values, operands }: CommandInput): Promise<number> {
  if (operands.length !== 1) throw new UsageError('"adrlint renumber" takes one file, as in: adrlint renumber docs/adr/0042-use-kafka.md');
  const to = values.to === undefined ? null : Number(values.to);
  if (to !== null && !(Number.isSafeInteger(to) && to >= 0 && /^\d+$/.test(values.to!))) throw new UsageError(`--to takes a number; "${values.to}" is not one`);
  // Loaded only for `renumber`: start-up is part of every pre-commit run.
  const { planRenumberOnDisk, RenumberRefused, writeRenumber } = await import('../run/renumber.ts');
  const { config, catalogue } = loadProject({ cwd: io.cwd, configFile: values.config });
  try {
    const outcome = await planRenumberOnDisk(operands[0]!, to, io.cwd, config, catalogue);
    if (outcome.shared) io.stderr.write(`adrlint: note: another record keeps number ${outcome.plan.oldDigits}: references by number alone ("ADR-${outcome.plan.oldDigits}") were left as they are; links were rewritten\n`);
    if (values['dry-run']) {
      io.stdout.write(await renumberDiff(outcome, io.cwd));
      return EXIT_OK;
    }
    writeRenumber(outcome);
    io.stdout.write(`${renumberSummary(outcome, io.cwd)}\n`);
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof RenumberRefused)) throw error;
    io.stderr.write(`adrlint: not renumbered: ${error.message}\n`);
    return EXIT_USAGE;
  }
}

/** The one line a renumber written says. */
export function renumberSummary(outcome: RenumberOutcome, cwd: string): string {
  const others = outcome.changes.filter((change) => change.path !== outcome.plan.from).length;
  return `renamed ${shownPath(outcome.plan.from, cwd)} → ${shownPath(outcome.plan.to, cwd)}${outcome.git ? ' (git mv)' : ''}; references rewritten in ${plural(others, 'other file')}`;
}

/** The rename, then a unified diff of every edited file (src/format/diff.ts, loaded only for a dry run). */
export async function renumberDiff(outcome: RenumberOutcome, cwd: string): Promise<string> {
  return (await import('../format/diff.ts')).formatFixDiff(outcome, cwd);
}
