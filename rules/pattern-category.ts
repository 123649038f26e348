import type { Rule } from '../src/types.ts';
import { ruleDocsUrl } from '../src/docs.ts';
import { distance } from 'fastest-levenshtein';

export const meta = {
  id: 'pattern-category',
  description: 'Categories are catalogue categories and match the patterns they go with',
  defaultSeverity: 'error',
  fixable: true,
  docs: {
    url: ruleDocsUrl('pattern-category'),
    wrong: '---\npatterns:\n  - slug: saga-pattern\n    category: Data Pattern\ncategories: [Data Patterns]\n---\n',
    right: '---\npatterns:\n  - slug: saga-pattern\n    category: Transaction Pattern\ncategories: [Transaction Pattern]\n---\n',
  },
} satisfies Rule['meta'];

export const check: Rule['check'] = ({ adr, catalogue, report }) => {
  const declaredCategories = new Set<string>();
  for (const ref of adr.categories) {
    if (ref.value === null) continue;
    const known = catalogue.category(ref.value);
    if (known === ref.value) {
      declaredCategories.add(known);
    } else if (known) {
      declaredCategories.add(known);
      report({ range: ref.range, message: `Write the category as the catalogue does: "${known}"`, fix: { range: ref.range, text: known }, suggestions: [known] });
    } else {
      const suggestions = catalogue.suggestCategories(ref.value);
      const only = suggestions.length === 1 ? suggestions[0] : undefined;
      const typo = only !== undefined && distance(ref.value.toLowerCase(), only.toLowerCase()) <= 2 ? only : undefined;
      report({
        range: ref.range,
        message:
          `Unknown category "${ref.value}"` +
          (suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : `; known categories: ${catalogue.categories.join(', ')}`),
        ...(typo ? { fix: { range: ref.range, text: typo } } : {}),
        suggestions,
      });
    }
  }

  for (const ref of adr.patterns) {
    const pattern = ref.value === null ? undefined : catalogue.resolve(ref.value)?.pattern;
    if (!pattern) continue;
    const given = ref.category;
    if (given?.value != null && given.value !== pattern.category) {
      const sameButCase = given.value.trim().toLowerCase() === pattern.category.toLowerCase();
      report({
        range: given.range,
        message: sameButCase
          ? `Write the category as the catalogue does: "${pattern.category}"`
          : `"${pattern.slug}" is in the category "${pattern.category}", not "${given.value}"`,
        fix: { range: given.range, text: pattern.category },
        suggestions: [pattern.category],
      });
    }
    if (adr.categories.length > 0 && !declaredCategories.has(pattern.category)) {
      report({
        range: ref.range,
        severity: 'warn',
        message: `"categories" does not list "${pattern.category}", the category of "${pattern.slug}"`,
      });
    }
  }
};
