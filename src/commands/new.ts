// `adrlint new <title>`: write the next ADR of the folder from a template and print its path.
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { UsageError } from '../io/files.ts';
import { loadProject } from '../run/lint-project.ts';
import { EXIT_OK, type Command, type CommandInput } from './command.ts';

export const newCommand: Command = {
  name: 'new',
  usage: `  adrlint new <title> [--template madr|nygard|<file>] [--status <s>] [--folder <dir>] [--dry-run]
                                        write the folder's next ADR from a template; print its path
`,
  operands: 'a title',
  flags: ['template', 'status', 'folder', 'config', 'dry-run'],
  ignores: ['color', 'no-color', 'force'],
  run: runNew,
};

async function runNew({ io, values, operands }: CommandInput): Promise<number> {
  // Loaded only for `new`: start-up is part of every pre-commit run.
  const { adrFolder, createAdr, formatLocalDate, TEMPLATE_NAMES } = await import('./new-adr.ts');
  const title = operands.join(' ').trim();
  if (!title) throw new UsageError('"adrlint new" needs a title, as in: adrlint new "Use the outbox pattern"');
  const { config, catalogue } = loadProject({ cwd: io.cwd, configFile: values.config });
  const folder = values.folder !== undefined ? resolve(io.cwd, values.folder) : adrFolder(io.cwd, config);
  let template: NonNullable<Parameters<typeof createAdr>[0]['template']> | undefined;
  if (values.template !== undefined) {
    const named = TEMPLATE_NAMES.find((name) => name === values.template);
    const file = resolve(io.cwd, values.template);
    if (!named && !existsSync(file)) throw new UsageError(`--template takes ${TEMPLATE_NAMES.join(', ')} or a template file; "${values.template}" is neither`);
    template = named ?? { path: file };
  }
  const dryRun = Boolean(values['dry-run']);
  const date = formatLocalDate(new Date((io.now ?? Date.now)()));
  const adr = createAdr({ title, folder, date, status: values.status, template, config, catalogue, dryRun });
  for (const warning of adr.warnings) io.stderr.write(`adrlint: warning: ${warning}\n`);
  const shown = relative(io.cwd, adr.path) || adr.path;
  io.stdout.write(dryRun ? `${shown} (dry run: not written)\n\n${adr.text}` : `${shown}\n`);
  return EXIT_OK;
}
