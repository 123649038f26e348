// The pattern catalogue as rules see it: patterns, and the look-ups rules need (a reference's
// pattern, "did you mean" slugs, prose mentions). Reading and merging the files: src/io/catalogue-file.ts.
import { distance } from 'fastest-levenshtein';
import { MentionMatcher, normaliseTerm, type MentionMatch } from './mention-matcher.ts';
import { nearStrings } from './near-strings.ts';

export interface Pattern {
  code: string | null;
  slug: string;
  name: string;
  description: string;
  category: string;
  url: string | null;
  aliases: string[];
  excludes: string[];
}

export type ReferenceForm = 'slug' | 'name' | 'code' | 'alias';

export interface ResolvedReference {
  pattern: Pattern;
  form: ReferenceForm;
}

export interface CatalogueSource {
  extendsBuiltIn?: boolean;
  categories?: string[];
  patterns?: Array<Partial<Pattern> & { slug: string }>;
}


export type { MentionMatch };

export class Catalogue {
  readonly patterns: readonly Pattern[];
  readonly categories: readonly string[];
  private readonly bySlug = new Map<string, Pattern>();
  /** Lower-cased name, code and alias → pattern, for references written in another form. */
  private readonly byOtherForm = new Map<string, ResolvedReference>();
  private readonly categoryByLowerName = new Map<string, string>();
  private readonly mentionMatcher: MentionMatcher;
  private readonly slugs: string[];
  private readonly slugSuggestions = new Map<string, string[]>();

  constructor(patterns: Pattern[], categories: string[]) {
    this.patterns = patterns;
    this.categories = categories;
    for (const category of categories) this.categoryByLowerName.set(category.toLowerCase(), category);
    for (const pattern of patterns) this.bySlug.set(pattern.slug, pattern);
    this.slugs = [...this.bySlug.keys()];
    for (const pattern of patterns) {
      const forms: Array<[string, ReferenceForm]> = [[pattern.name, 'name'], ...pattern.aliases.map((a): [string, ReferenceForm] => [a, 'alias'])];
      if (pattern.code) forms.push([pattern.code, 'code']);
      for (const [text, form] of forms) {
        const key = text.toLowerCase();
        if (!this.byOtherForm.has(key)) this.byOtherForm.set(key, { pattern, form });
      }
    }
    this.mentionMatcher = new MentionMatcher(patterns);
  }

  get(slug: string): Pattern | undefined {
    return this.bySlug.get(slug);
  }

  /** The pattern a frontmatter reference names, by its slug or (any case) its name, code or alias. */
  resolve(reference: string): ResolvedReference | null {
    const trimmed = reference.trim();
    const exact = this.bySlug.get(trimmed);
    if (exact) return { pattern: exact, form: 'slug' };
    const lower = trimmed.toLowerCase();
    const bySlugCase = this.bySlug.get(lower);
    if (bySlugCase) return { pattern: bySlugCase, form: 'name' };
    return this.byOtherForm.get(lower) ?? null;
  }

  /** Up to `limit` slugs close to an unknown reference, closest first. */
  suggestSlugs(reference: string, limit = 3): string[] {
    // Several rules ask about the same reference; each asking compares it with every slug.
    const key = `${limit}:${reference}`;
    let suggestions = this.slugSuggestions.get(key);
    if (!suggestions) {
      suggestions = closest(reference.toLowerCase().trim().replace(/\s+/g, '-'), this.slugs, limit);
      // A catalogue lives as long as an editor session: keep the memo from growing without end.
      if (this.slugSuggestions.size >= 10_000) this.slugSuggestions.clear();
      this.slugSuggestions.set(key, suggestions);
    }
    return [...suggestions];
  }

  /**
   * The slug an unknown reference is a typo of: the only close slug, within edit distance 2.
   * pattern-slug fixes it to that slug, so other rules treat the reference as that pattern.
   */
  typoOf(reference: string): string | null {
    if (this.resolve(reference)) return null;
    const suggestions = this.suggestSlugs(reference);
    const only = suggestions.length === 1 ? suggestions[0] : undefined;
    return only !== undefined && distance(reference.trim().toLowerCase().replace(/\s+/g, '-'), only) <= 2 ? only : null;
  }

  /** The catalogue's spelling of a category name given in any case, or null. */
  category(name: string): string | null {
    return this.categoryByLowerName.get(name.trim().toLowerCase()) ?? null;
  }

  suggestCategories(name: string, limit = 3): string[] {
    return closest(name.toLowerCase().trim(), this.categories.map((c) => c.toLowerCase()), limit).map(
      (lower) => this.categoryByLowerName.get(lower) ?? lower,
    );
  }

  /** Prose mentions of catalogue patterns in a piece of text. */
  findMentions(text: string): MentionMatch[] {
    return this.mentionMatcher.find(text);
  }
}

/** Candidates within an edit distance that grows with the word (or that begin with it), closest first, ties in order. */
export function closest(word: string, candidates: readonly string[], limit: number): string[] {
  return nearStrings(word, candidates, Math.max(2, Math.floor(word.length / 3)), { limit, prefixes: true });
}

