import { isScalar } from 'yaml';
import type { Rule } from '../src/model/types.ts';
import { ruleDocsUrl } from '../src/model/rule-docs-url.ts';
import { frontmatterField, keyRange, nodeRange } from '../src/parse/frontmatter.ts';
import { checkIsoDate } from '../src/model/dates.ts';

export const meta = {
  id: 'frontmatter-fields',
  description: 'Known frontmatter fields have valid values: date, patterns and categories',
  defaultSeverity: 'error',
  fixable: false,
  scope: 'file',
  docs: {
    url: ruleDocsUrl('frontmatter-fields'),
    why: 'Tools, reports and site generators read `date`, `patterns` and `categories` as data. A date that does not exist (YAML would roll 2024-02-30 over to March) or a pattern reference of the wrong shape makes the record say something it does not. (adr-status checks `status`.)',
    wrong: '---\nstatus: accepted\ndate: 2024-02-30\npatterns:\n  - slug: [saga-pattern]\n---\n',
    right: '---\nstatus: accepted\ndate: 2024-02-29\npatterns:\n  - slug: saga-pattern\n---\n',
  },
} satisfies Rule['meta'];

export const check: Rule['check'] = ({ adr, report }) => {
  const frontmatter = adr.frontmatter;
  if (!frontmatter?.data) return;

  const date = frontmatterField(frontmatter, 'date');
  if (date) {
    const node = date.node;
    const range = nodeRange(frontmatter, node, keyRange(frontmatter, date.pair));
    // The text as written: a YAML timestamp would be silently rolled over (2024-02-30 → March 1).
    // An empty value (`date:`, `~`, `null`) has no text to check: say what is wanted.
    const written =
      node && isScalar(node) && node.value !== null ? (typeof node.value === 'string' ? node.value : (node.source ?? String(node.value))) : null;
    const problem = written === null ? '"date" must be a date in the form YYYY-MM-DD' : checkIsoDate(written);
    if (problem) report({ range, message: problem.startsWith('"date"') ? problem : `Invalid date: ${problem}` });
  }

  if (adr.patternsShapeError) report(adr.patternsShapeError);
  for (const ref of adr.patterns) if (ref.shapeError) report({ range: ref.shapeError.range, message: capitalise(ref.shapeError.message) });
  if (adr.categoriesShapeError) report(adr.categoriesShapeError);
  for (const ref of adr.categories) if (ref.shapeError) report({ range: ref.range, message: capitalise(ref.shapeError) });
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
