// `adrlint lsp --stdio`: the language server (src/lsp/), for editors. Loaded only by this command,
// so that the other commands' start-up evaluates none of it. It runs until the client sends exit.
import { resolve } from 'node:path';
import { UsageError } from '../io/files.ts';
import { EXIT_OK, type Command } from './command.ts';

export const lspCommand: Command = {
  name: 'lsp',
  usage: '  adrlint lsp --stdio                   the language server for editors: diagnostics, quick fixes\n',
  operands: null,
  flags: ['stdio', 'config'],
  ignores: [],
  async run({ io, values }) {
    if (!values.stdio) throw new UsageError('"adrlint lsp" speaks on standard input and output only: run "adrlint lsp --stdio"');
    const { startServer } = await import('../lsp/server.ts');
    await startServer(process.stdin, process.stdout, values.config === undefined ? {} : { configFile: resolve(io.cwd, values.config) });
    return EXIT_OK;
  },
};
