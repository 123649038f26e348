// `adrlint catalogue`: list the catalogue's patterns (--format json: the categories and patterns as JSON).
import { loadProject } from '../run/lint-project.ts';
import { listCommand } from './output.ts';

export const catalogueCommand = listCommand({
  name: 'catalogue',
  usage: "  adrlint catalogue [--format json]     list the catalogue's patterns\n",
  flags: ['config', 'format', 'output-file'],
  formats: ['json'],
  list({ io, values }, format) {
    const { catalogue } = loadProject({ cwd: io.cwd, configFile: values.config });
    return format === 'json'
      ? JSON.stringify({ categories: catalogue.categories, patterns: catalogue.patterns }, null, 2)
      : catalogue.patterns.map((p) => `${(p.code ?? '').padEnd(3)} ${p.slug.padEnd(30)} ${p.name.padEnd(32)} ${p.category}`).join('\n');
  },
});
