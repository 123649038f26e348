// `adrlint --print-config [FILE]`: print the configuration in effect (with --rule overrides) as JSON;
// given a file, the configuration in effect for that file, its `overrides` applied (as ESLint's
// --print-config FILE). Chosen by the flag whatever the command line's word, except a bare `rules`
// or `catalogue`.
import { resolve } from 'node:path';
import { configForFile } from '../model/config.ts';
import { UsageError } from '../io/files.ts';
import { loadProject } from '../run/lint-project.ts';
import { listCommand } from './output.ts';

export const printConfigCommand = listCommand({
  name: '--print-config',
  // Its line is among lint's options (src/commands/help.ts).
  usage: '',
  flags: ['config', 'rule', 'output-file'],
  list({ io, values, operands }) {
    if (operands.length > 1) throw new UsageError(`--print-config takes one file, the one whose configuration to print; not ${operands.length} (${operands.join(', ')})`);
    const { config } = loadProject({ cwd: io.cwd, configFile: values.config, ruleOverrides: values.rule ?? [] });
    if (operands.length === 0) return JSON.stringify(config, null, 2);
    // The file need not exist: the config a new file would have is a fair question.
    const { overrides: _applied, ...forFile } = configForFile(config, resolve(io.cwd, operands[0]!));
    return JSON.stringify(forFile, null, 2);
  },
});
