// Write docs/rules/<id>.md for every rule from its meta (npm run docs). A test keeps them in sync.
import { mkdirSync, writeFileSync } from 'node:fs';
import { rules } from '../rules/index.ts';
import { renderRuleDoc } from '../src/format/rule-page.ts';

const folder = new URL('../docs/rules/', import.meta.url);
mkdirSync(folder, { recursive: true });
for (const rule of rules) writeFileSync(new URL(`${rule.meta.id}.md`, folder), renderRuleDoc(rule));
console.log(`wrote ${rules.length} rule pages to docs/rules/`);
