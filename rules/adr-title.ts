import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { FolderTemplate, Rule } from '../src/model/types.ts';
import { ruleDocsUrl } from '../src/model/rule-docs-url.ts';
import { comparableTitle } from '../src/parse/record-title.ts';
import { PLACEHOLDER } from '../src/parse/conventions.ts';

export const meta = {
  id: 'adr-title',
  description: 'An ADR has one title: a single H1, or a frontmatter title, and they agree',
  defaultSeverity: 'warn',
  fixable: false,
  scope: 'file',
  docs: {
    url: ruleDocsUrl('adr-title'),
    why: 'Indexes, tables of contents and site generators take the record’s title from its H1 or its frontmatter `title`. Without one the record is listed by its file name; with two H1s, or a frontmatter title that says something else, different tools show different titles for one decision; a title still the template’s placeholder (“[short title of solved problem and solution]”) says nothing at all. A leading number (“0001-”, “ADR-12:”, “12.”) does not make two titles differ, and where the folder’s template file itself has several H1s, records that follow it are not told to drop theirs.',
    wrong: '---\ntitle: Use PostgreSQL\n---\n\n# Use MySQL for orders\n\n## Context\n\nOrders need transactions.\n',
    right: '---\ntitle: Use PostgreSQL for orders\n---\n\n# Use PostgreSQL for orders\n\n## Context\n\nOrders need transactions.\n',
  },
} satisfies Rule['meta'];

// A title that is only a placeholder naming itself a title: "[short title of solved problem and
// solution]", "{titre court}". "[Gestion des Dates]" is a title in brackets.
const TITLE_WORD = /\b(?:title|titre|titel|t[ií]tulo|titolo)\b/i;

/** Whether a title is its template's placeholder, left as it was. */
function isPlaceholder(title: string, template: FolderTemplate | null): boolean {
  if (!PLACEHOLDER.test(title)) return false;
  return TITLE_WORD.test(title) || (template?.titlePlaceholders ?? []).some((placeholder) => comparableTitle(placeholder) === comparableTitle(title));
}

export const check: Rule['check'] = ({ adr, record, conventions, report }) => {
  // Top-level H1s only, as the record reads them (a "# comment" in a code block is no heading).
  const h1s = adr.tree.children.filter((node): node is Heading => node.type === 'heading' && node.depth === 1);
  const frontmatterTitle = record.frontmatterTitle && record.frontmatterTitle.value.trim() !== '' ? record.frontmatterTitle : null;
  const first = h1s[0];
  if (!first) {
    // A frontmatter that does not parse may hold a title: frontmatter-syntax says what is wrong.
    const unreadable = (adr.frontmatter && !adr.frontmatter.data) || adr.unterminatedFrontmatter;
    if (!frontmatterTitle && !unreadable) report({ range: [0, 0], message: 'The ADR has no title; start it with a "# Title" heading (or give the frontmatter a title)' });
    return;
  }
  const firstLine = first.position?.start.line ?? 1;
  // Where the folder's template has several H1s, the set's records follow it: its habit, not a mistake.
  const extraH1s = (conventions.template?.h1Count ?? 0) > 1 ? [] : h1s.slice(1);
  for (const extra of extraH1s) {
    report({
      range: [extra.position?.start.offset ?? 0, extra.position?.end.offset ?? 0],
      message: `"${toString(extra).trim()}" is a second H1; an ADR has one title (line ${firstLine}), so make this a "##" section`,
    });
  }
  const h1Text = toString(first).trim();
  const h1Range: [number, number] = [first.position?.start.offset ?? 0, first.position?.end.offset ?? 0];
  if (h1Text === '') {
    report({ range: h1Range, message: 'The H1 title is empty' });
    return;
  }
  if (isPlaceholder(h1Text, conventions.template)) {
    report({ range: h1Range, message: `The title "${h1Text}" is still the template's placeholder; write the decision's own title` });
    return;
  }
  if (frontmatterTitle && comparableTitle(frontmatterTitle.value) !== comparableTitle(h1Text)) {
    report({ range: frontmatterTitle.range, message: `The frontmatter title "${frontmatterTitle.value.trim()}" differs from the H1 "${h1Text}"; make them the same` });
  }
};
