// `adrlint --print-config`: print the configuration in effect (with --rule overrides) as JSON. Chosen by
// the flag whatever the command line's word, except a bare `rules` or `catalogue`.
import { loadProject } from '../run/lint-project.ts';
import { listCommand } from './output.ts';

export const printConfigCommand = listCommand({
  name: '--print-config',
  // Its line is among lint's options (src/commands/help.ts).
  usage: '',
  flags: ['config', 'rule', 'output-file'],
  list({ io, values }) {
    const { config } = loadProject({ cwd: io.cwd, configFile: values.config, ruleOverrides: values.rule ?? [] });
    return JSON.stringify(config, null, 2);
  },
});
