// `adrlint init [paths]`: write .adrlintrc.yml capturing the set's own conventions (src/commands/init-config.ts).
import { EXIT_OK, type Command, type CommandInput } from './command.ts';
import { parseConcurrency } from './output.ts';

export const initCommand: Command = {
  name: 'init',
  usage: `  adrlint init [paths...] [--dry-run] [--force]
                                        write .adrlintrc.yml capturing the set's own conventions
`,
  operands: 'paths',
  flags: ['dry-run', 'force', 'concurrency'],
  ignores: ['color', 'no-color'],
  run: runInit,
};

async function runInit({ io, values, operands }: CommandInput): Promise<number> {
  // Loaded only for `init`: start-up is part of every pre-commit run.
  const { describeInit, initConfig } = await import('./init-config.ts');
  const dryRun = Boolean(values['dry-run']);
  const outcome = await initConfig({ cwd: io.cwd, paths: operands, force: Boolean(values.force), dryRun, concurrency: parseConcurrency(values.concurrency) });
  if (dryRun) io.stdout.write(outcome.text);
  (dryRun ? io.stderr : io.stdout).write(describeInit(outcome, io.cwd, dryRun));
  return EXIT_OK;
}
