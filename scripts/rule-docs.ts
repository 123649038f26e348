// npm run docs: write docs/rules/<id>.md for every rule from its meta, and the README's command-line
// reference from the flag table (src/commands/help.ts). Tests keep both in sync.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rules } from '../rules/index.ts';
import { renderRuleDoc } from '../src/format/rule-page.ts';
import { REFERENCE_END, REFERENCE_START, withReference } from '../src/commands/help.ts';

const folder = new URL('../docs/rules/', import.meta.url);
mkdirSync(folder, { recursive: true });
for (const rule of rules) writeFileSync(new URL(`${rule.meta.id}.md`, folder), renderRuleDoc(rule));
console.log(`wrote ${rules.length} rule pages to docs/rules/`);

const readmeFile = new URL('../README.md', import.meta.url);
const readme = withReference(readFileSync(readmeFile, 'utf8'));
if (readme === null) {
  console.error(`README.md has no command-line reference section: put the lines\n${REFERENCE_START}\n${REFERENCE_END}\nwhere it goes`);
  process.exitCode = 1;
} else {
  writeFileSync(readmeFile, readme);
  console.log("wrote the README's command-line reference");
}
