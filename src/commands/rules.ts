// `adrlint rules`: list the rules, their default severity and fixability (--format json: as JSON).
import { rules } from '../../rules/index.ts';
import { listCommand } from './output.ts';

export const rulesCommand = listCommand({
  name: 'rules',
  usage: '  adrlint rules [--format json]         list the rules, their default severity and fixability\n',
  flags: ['format', 'output-file'],
  formats: ['json'],
  list(_input, format) {
    if (format === 'json')
      return JSON.stringify(
        rules.map(({ meta }) => ({ id: meta.id, description: meta.description, defaultSeverity: meta.defaultSeverity, fixable: meta.fixable, url: meta.docs.url })),
        null,
        2,
      );
    const width = Math.max(...rules.map((rule) => rule.meta.id.length));
    return rules
      .map(({ meta }) => `${meta.id.padEnd(width)}  ${meta.defaultSeverity.padEnd(5)}  ${meta.fixable ? 'fixable' : '       '}  ${meta.description}`)
      .join('\n');
  },
});
