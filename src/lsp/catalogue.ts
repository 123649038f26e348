// The catalogue as the editor shows it: a pattern's entry (name, slug, category, description, link),
// a category's (its patterns), and their completion items. Where in the frontmatter they are
// offered: src/lsp/frontmatter-place.ts, read by src/lsp/completion.ts and src/lsp/hover.ts.
import { CompletionItemKind, MarkupKind, type CompletionItem, type MarkupContent, type Range } from 'vscode-languageserver';
import type { Catalogue, Pattern } from '../model/catalogue.ts';
import { plural } from '../model/plural.ts';
import type { FrontmatterPlace } from './frontmatter-place.ts';

/** A pattern's catalogue entry: its name, slug and category, its description, its link. */
export function patternEntry(pattern: Pattern): MarkupContent {
  const value = [`**${pattern.name}** (\`${pattern.slug}\`, ${pattern.category})`, pattern.description, ...(pattern.url ? [`[${pattern.url}](${pattern.url})`] : [])].join('\n\n');
  return { kind: MarkupKind.Markdown, value };
}

/** The patterns of a category, in the catalogue's order. */
const patternsOf = (catalogue: Catalogue, category: string): Pattern[] => catalogue.patterns.filter((pattern) => pattern.category === category);

/** A category's entry: its name and the catalogue's patterns in it. */
export function categoryEntry(catalogue: Catalogue, category: string): MarkupContent {
  const patterns = patternsOf(catalogue, category);
  const list = patterns.length ? patterns.map((pattern) => `- ${pattern.name} (\`${pattern.slug}\`)`).join('\n') : 'No pattern of the catalogue is in it.';
  return { kind: MarkupKind.Markdown, value: `**${category}** (category)\n\n${list}` };
}

/** A place where a pattern is named by its slug: an item of `patterns:`, or a `slug:` of one. */
export const isSlugPlace = (place: FrontmatterPlace): boolean => (place.key === 'patterns' && place.item) || (place.key === 'slug' && place.parent === 'patterns');

/** A place where a category is named: an item (or the value) of `categories:`, or a `category:` value. */
export const isCategoryPlace = (place: FrontmatterPlace): boolean => place.key === 'categories' || (place.key === 'category' && !place.item);

/** The slugs, each replacing `range`, with the pattern's name and category as detail and its entry as documentation. */
export function slugItems(catalogue: Catalogue, range: Range): CompletionItem[] {
  return catalogue.patterns.map((pattern) => ({
    label: pattern.slug,
    kind: CompletionItemKind.Value,
    detail: `${pattern.name} (${pattern.category})`,
    documentation: patternEntry(pattern),
    textEdit: { range, newText: pattern.slug },
  }));
}

/** The catalogue's categories, each replacing `range`, with how many patterns each holds. */
export function categoryItems(catalogue: Catalogue, range: Range): CompletionItem[] {
  return catalogue.categories.map((category) => {
    return {
      label: category,
      kind: CompletionItemKind.Enum,
      detail: plural(patternsOf(catalogue, category).length, 'pattern'),
      documentation: categoryEntry(catalogue, category),
      textEdit: { range, newText: category },
    };
  });
}
