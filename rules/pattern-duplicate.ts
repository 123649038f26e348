import type { Rule } from '../src/model/types.ts';
import { ruleDocsUrl } from '../src/model/rule-docs-url.ts';
import { removeSequenceItem } from './support/yaml-edits.ts';

export const meta = {
  id: 'pattern-duplicate',
  description: 'A pattern is declared once, in whatever form',
  defaultSeverity: 'error',
  fixable: true,
  scope: 'file',
  docs: {
    url: ruleDocsUrl('pattern-duplicate'),
    why: 'A pattern declared twice, often once by slug and once by name, counts the record twice in usage reports and usually means a merge went wrong.',
    wrong: '---\npatterns:\n  - cqrs-pattern\n  - saga-pattern\n  - CQRS\n---\n',
    right: '---\npatterns:\n  - cqrs-pattern\n  - saga-pattern\n---\n',
  },
} satisfies Rule['meta'];

export const check: Rule['check'] = ({ adr, catalogue, report }) => {
  const firstLineBySlug = new Map<string, number>();
  for (const ref of adr.patterns) {
    if (ref.value === null) continue;
    // Unknown references are compared as written, so "foo" twice is still a duplicate.
    const slug = catalogue.resolve(ref.value)?.pattern.slug ?? ref.value.trim();
    const firstLine = firstLineBySlug.get(slug);
    if (firstLine === undefined) {
      firstLineBySlug.set(slug, adr.lines.position(ref.itemRange[0]).line);
      continue;
    }
    const fix = removeSequenceItem(adr.text, ref.itemRange);
    // An alias (`- *s`) resolves to the anchored node elsewhere; point at the item as written.
    const inItem = ref.range[0] >= ref.itemRange[0] && ref.range[1] <= ref.itemRange[1];
    report({
      range: inItem ? ref.range : ref.itemRange,
      message: `"${slug}" is already declared on line ${firstLine}; remove this duplicate`,
      ...(fix ? { fix } : {}),
    });
  }
};
