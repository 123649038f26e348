import { isAlias, isMap, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { ParsedAdr, Rule } from '../src/model/types.ts';
import { ruleDocsUrl } from '../src/model/rule-docs-url.ts';
import { frontmatterField, nodeRange } from '../src/parse/frontmatter.ts';
import { distance } from 'fastest-levenshtein';

export const meta = {
  id: 'pattern-category',
  description: 'Categories are catalogue categories and match the patterns they go with',
  defaultSeverity: 'error',
  fixable: true,
  scope: 'file',
  docs: {
    url: ruleDocsUrl('pattern-category'),
    why: "Categories group decisions in reports (all Data Pattern decisions, say). A category that does not match the pattern's, or does not exist, puts the record in the wrong group or in none.",
    wrong: '---\npatterns:\n  - slug: saga-pattern\n    category: Data Pattern\ncategories: [Data Patterns]\n---\n',
    right: '---\npatterns:\n  - slug: saga-pattern\n    category: Transaction Pattern\ncategories: [Transaction Pattern]\n---\n',
  },
} satisfies Rule['meta'];

export const check: Rule['check'] = ({ adr, catalogue, report }) => {
  const declaredCategories = new Set<string>();
  const categoryAliases = writtenCategoryEntries(adr);
  for (const [index, entry] of adr.categories.entries()) {
    if (entry.value === null) continue;
    // An alias entry (`- *c`) is reported and replaced where it is written, not at its anchor.
    const ref = { value: entry.value, range: withoutTrailingSpace(adr.text, categoryAliases[index] ?? entry.range) };
    const written = ref.value.trim();
    const known = catalogue.category(ref.value);
    if (known === ref.value) {
      declaredCategories.add(known);
    } else if (known) {
      declaredCategories.add(known);
      report({ range: ref.range, message: `Write the category as the catalogue does: "${known}"`, fix: { range: ref.range, text: known }, suggestions: [known] });
    } else {
      const suggestions = catalogue.suggestCategories(ref.value);
      const only = suggestions.length === 1 ? suggestions[0] : undefined;
      const typo = only !== undefined && distance(written.toLowerCase(), only.toLowerCase()) <= 2 ? only : undefined;
      // A typo sure enough to fix counts as listing its category, as a wrong case does: one mistake, one report.
      if (typo) declaredCategories.add(typo);
      report({
        range: ref.range,
        message:
          `Unknown category "${written}"` +
          (suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : `; known categories: ${catalogue.categories.join(', ')}`),
        ...(typo ? { fix: { range: ref.range, text: typo } } : {}),
        suggestions,
      });
    }
  }

  const itemCategoryAliases = writtenItemCategories(adr);
  for (const [index, ref] of adr.patterns.entries()) {
    const pattern = ref.value === null ? undefined : catalogue.resolve(ref.value)?.pattern;
    if (!pattern) continue;
    const given = ref.category && { value: ref.category.value, range: withoutTrailingSpace(adr.text, itemCategoryAliases[index] ?? ref.category.range) };
    if (given?.value != null && given.value !== pattern.category) {
      const sameButCase = given.value.trim().toLowerCase() === pattern.category.toLowerCase();
      report({
        range: given.range,
        message: sameButCase
          ? `Write the category as the catalogue does: "${pattern.category}"`
          : `"${pattern.slug}" is in the category "${pattern.category}", not "${given.value.trim()}"`,
        fix: { range: given.range, text: pattern.category },
        suggestions: [pattern.category],
      });
    }
    if (adr.categories.length > 0 && !declaredCategories.has(pattern.category)) {
      // An alias item (`- *s`) is pointed at where it is written, not at its anchor.
      const inItem = ref.range[0] >= ref.itemRange[0] && ref.range[1] <= ref.itemRange[1];
      report({
        range: inItem ? ref.range : ref.itemRange,
        severity: 'warn',
        message: `"categories" does not list "${pattern.category}", the category of "${pattern.slug}"`,
      });
    }
  }
};

/** A block scalar's range runs past its line break: a fix must not swallow it. */
function withoutTrailingSpace(text: string, [start, end]: [number, number]): [number, number] {
  let trimmed = end;
  while (trimmed > start && /\s/.test(text.charAt(trimmed - 1))) trimmed--;
  return [start, trimmed];
}

// The parse resolves aliases, so a reference's range is its anchor's; these find the alias itself.

function aliasRange(adr: ParsedAdr, node: unknown): [number, number] | undefined {
  return adr.frontmatter && isAlias(node) ? nodeRange(adr.frontmatter, node as YamlNode) : undefined;
}

/** Per `categories` entry, the range of the alias it is written as, if it is one. */
function writtenCategoryEntries(adr: ParsedAdr): Array<[number, number] | undefined> {
  const node = frontmatterField(adr.frontmatter, 'categories')?.node;
  return isSeq(node) ? node.items.map((item) => aliasRange(adr, item)) : [];
}

/** Per `patterns` item, the range of its `category:` value when that is an alias. */
function writtenItemCategories(adr: ParsedAdr): Array<[number, number] | undefined> {
  const node = adr.patternsNode;
  const items: unknown[] = isSeq(node) ? node.items : [node];
  return items.map((item) => {
    if (!isMap(item)) return undefined;
    const pair = item.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'category');
    return aliasRange(adr, pair?.value);
  });
}
