// The pattern catalogue: loading, validating and merging the built-in and user files, and the
// look-ups rules need (a reference's pattern, "did you mean" slugs, prose mentions).
import { readFileSync } from 'node:fs';
import { parseDocument, type Document } from 'yaml';
import { distance } from 'fastest-levenshtein';
import { compileSchema, describeAjvError, type ValidationError } from './schema.ts';
import { dataPath } from './paths.ts';
import { createLineIndex } from './positions.ts';
import { CatalogueError } from './errors.ts';

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

export { CatalogueError };

export interface MentionMatch {
  slug: string;
  index: number;
  text: string;
}

export class Catalogue {
  readonly patterns: readonly Pattern[];
  readonly categories: readonly string[];
  private readonly bySlug = new Map<string, Pattern>();
  /** Lower-cased name, code and alias → pattern, for references written in another form. */
  private readonly byOtherForm = new Map<string, ResolvedReference>();
  private readonly categoryByLowerName = new Map<string, string>();
  private readonly mentionMatcher: MentionMatcher;

  constructor(patterns: Pattern[], categories: string[]) {
    this.patterns = patterns;
    this.categories = categories;
    for (const category of categories) this.categoryByLowerName.set(category.toLowerCase(), category);
    for (const pattern of patterns) this.bySlug.set(pattern.slug, pattern);
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
    return closest(reference.toLowerCase().trim().replace(/\s+/g, '-'), [...this.bySlug.keys()], limit);
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

/** Candidates within an edit distance that grows with the word, closest first, ties in order. */
function closest(word: string, candidates: string[], limit: number): string[] {
  const threshold = Math.max(2, Math.floor(word.length / 3));
  return candidates
    .map((candidate) => ({ candidate, d: distance(word, candidate) }))
    .filter(({ candidate, d }) => d <= threshold || (word.length >= 3 && candidate.startsWith(word)))
    .sort((a, b) => a.d - b.d)
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

/** Acronyms are written in capitals; they match in their exact case only (SOA, not "soa"). */
function isAcronym(term: string): boolean {
  return /^[A-Z0-9]{2,6}$/.test(term) && /[A-Z]/.test(term);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A term as a regex body: words separated by any run of spaces or hyphens, a plural allowed. */
function termSource(term: string): string {
  const words = term.trim().split(/[\s-]+/).map(escapeRegExp);
  const last = words.length - 1;
  if (!isAcronym(term) && !/s$/i.test(words[last] ?? '')) words[last] = `${words[last]}(?:e?s)?`;
  return words.join('[\\s-]+');
}

function normaliseTerm(text: string): string {
  return text.toLowerCase().split(/[\s-]+/).join(' ');
}

// Whole words: a hyphen or a word character on either side makes it part of a longer word
// ("redux-saga", "MeshCircuitBreaker", "saga_id").
const BEFORE = '(?<![\\p{L}\\p{N}_-])';
const AFTER = '(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])';

class MentionMatcher {
  private readonly words: RegExp | null;
  private readonly acronyms: RegExp | null;
  private readonly excludes: RegExp | null;
  private readonly slugByTerm = new Map<string, string>();
  private readonly slugByAcronym = new Map<string, string>();

  constructor(patterns: readonly Pattern[]) {
    const wordTerms: string[] = [];
    const acronymTerms: string[] = [];
    const excludeTerms: string[] = [];
    for (const pattern of patterns) {
      for (const term of [pattern.name, ...pattern.aliases]) {
        if (isAcronym(term)) {
          if (!this.slugByAcronym.has(term)) this.slugByAcronym.set(term, pattern.slug);
          acronymTerms.push(term);
        } else {
          const key = normaliseTerm(term);
          if (!this.slugByTerm.has(key)) this.slugByTerm.set(key, pattern.slug);
          wordTerms.push(term);
        }
      }
      excludeTerms.push(...pattern.excludes);
    }
    // Longest first, so "Microservices Architecture" wins over "microservices".
    const byLength = (a: string, b: string) => b.length - a.length;
    this.words = wordTerms.length
      ? new RegExp(`${BEFORE}(?:${wordTerms.sort(byLength).map(termSource).join('|')})${AFTER}`, 'giu')
      : null;
    this.acronyms = acronymTerms.length
      ? new RegExp(`${BEFORE}(?:${acronymTerms.sort(byLength).map(escapeRegExp).join('|')})${AFTER}`, 'gu')
      : null;
    this.excludes = excludeTerms.length
      ? new RegExp(`${BEFORE}(?:${excludeTerms.sort(byLength).map(termSource).join('|')})${AFTER}`, 'giu')
      : null;
  }

  find(text: string): MentionMatch[] {
    const excluded: Array<[number, number]> = [];
    if (this.excludes) for (const m of text.matchAll(this.excludes)) excluded.push([m.index, m.index + m[0].length]);
    const isExcluded = (start: number, end: number) => excluded.some(([s, e]) => start < e && end > s);
    const found: MentionMatch[] = [];
    if (this.words) {
      for (const m of text.matchAll(this.words)) {
        const slug = this.wordSlug(m[0]);
        if (slug && !isExcluded(m.index, m.index + m[0].length)) found.push({ slug, index: m.index, text: m[0] });
      }
    }
    if (this.acronyms) {
      for (const m of text.matchAll(this.acronyms)) {
        const slug = this.slugByAcronym.get(m[0]);
        if (slug && !isExcluded(m.index, m.index + m[0].length)) found.push({ slug, index: m.index, text: m[0] });
      }
    }
    return found.sort((a, b) => a.index - b.index);
  }

  private wordSlug(matched: string): string | undefined {
    const key = normaliseTerm(matched);
    return this.slugByTerm.get(key) ?? this.slugByTerm.get(key.replace(/es$/, '')) ?? this.slugByTerm.get(key.replace(/s$/, ''));
  }
}

let builtInSource: { file: string; text: string } | null = null;

function readBuiltIn(): { file: string; text: string } {
  if (!builtInSource) {
    const file = dataPath('catalogue.yaml');
    builtInSource = { file, text: readFileSync(file, 'utf8') };
  }
  return builtInSource;
}

let validateCatalogue: ReturnType<typeof compileSchema> | null = null;

/** Parse and schema-check a catalogue file's text. Throws CatalogueError naming the entry at fault. */
export function parseCatalogueSource(file: string, text: string, { validate = true }: { validate?: boolean } = {}): CatalogueSource {
  const document = parseDocument(text, { prettyErrors: false });
  const lines = createLineIndex(text);
  const at = (offset: number) => {
    const { line, column } = lines.position(offset);
    return `${line}:${column}`;
  };
  const yamlError = document.errors[0];
  if (yamlError) throw new CatalogueError(file, `${at(yamlError.pos[0])}: invalid YAML: ${firstLine(yamlError.message)}`);
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new CatalogueError(file, `invalid YAML: ${(error as Error).message}`);
  }
  if (!validate) return data as CatalogueSource;
  validateCatalogue ??= compileSchema('catalogue.schema.json');
  if (!validateCatalogue(data)) {
    const error = validateCatalogue.errors?.[0];
    throw new CatalogueError(file, describeEntry(document, error, at));
  }
  return data as CatalogueSource;
}

function describeEntry(document: Document, error: ValidationError | undefined, at: (offset: number) => string): string {
  if (!error) return 'does not match the catalogue schema';
  const path = error.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
  const entryIndex = path[0] === 'patterns' && typeof path[1] === 'number' ? path[1] : null;
  const slug = entryIndex !== null ? document.getIn(['patterns', entryIndex, 'slug']) : undefined;
  const where = node?.range ? `${at(node.range[0])}: ` : '';
  const entry = entryIndex !== null ? `patterns[${entryIndex}]${typeof slug === 'string' ? ` (${slug})` : ''}: ` : '';
  return `${where}${entry}${describeAjvError(error)}`;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function toPattern(entry: Partial<Pattern> & { slug: string }): Pattern {
  return {
    code: entry.code ?? null,
    slug: entry.slug,
    name: entry.name ?? entry.slug,
    description: entry.description ?? '',
    category: entry.category ?? '',
    url: entry.url ?? null,
    aliases: entry.aliases ?? [],
    excludes: entry.excludes ?? [],
  };
}

const OVERRIDABLE = new Set(['slug', 'aliases', 'excludes', 'url']);

/** Merge a user catalogue into the built-in one (or use it alone with `extendsBuiltIn: false`). */
export function mergeCatalogues(base: CatalogueSource, user: CatalogueSource | null, userFile: string | null): Catalogue {
  const replace = user?.extendsBuiltIn === false;
  const categories = [...(replace ? [] : (base.categories ?? []))];
  const patterns = replace ? [] : (base.patterns ?? []).map(toPattern);
  if (user && userFile) {
    for (const category of user.categories ?? []) if (!categories.includes(category)) categories.push(category);
    const seenCodes = new Map(patterns.filter((p) => p.code).map((p) => [p.code, p.slug]));
    (user.patterns ?? []).forEach((entry, index) => {
      const label = `patterns[${index}] (${entry.slug})`;
      const existing = patterns.find((p) => p.slug === entry.slug);
      if (existing) {
        const extra = Object.keys(entry).filter((key) => !OVERRIDABLE.has(key));
        if (extra.length)
          throw new CatalogueError(userFile, `${label}: a built-in pattern may only have its aliases, excludes and url overridden, not ${extra.join(', ')}`);
        if (entry.aliases) existing.aliases = entry.aliases;
        if (entry.excludes) existing.excludes = entry.excludes;
        if (entry.url) existing.url = entry.url;
        return;
      }
      if (!entry.name) throw new CatalogueError(userFile, `${label}: a new pattern needs a name`);
      if (!entry.category) throw new CatalogueError(userFile, `${label}: a new pattern needs a category`);
      if (!categories.includes(entry.category))
        throw new CatalogueError(userFile, `${label}: category "${entry.category}" is not in the catalogue's categories (${categories.join(', ')})`);
      if (entry.code) {
        const holder = seenCodes.get(entry.code);
        if (holder) throw new CatalogueError(userFile, `${label}: code "${entry.code}" is already used by ${holder}`);
        seenCodes.set(entry.code, entry.slug);
      }
      patterns.push(toPattern(entry));
    });
  }
  return new Catalogue(patterns, categories);
}

/** The built-in catalogue merged with a user catalogue's text. Throws CatalogueError. */
export function catalogueWithUser(userFile: string | null, userText: string | null): Catalogue {
  const builtIn = readBuiltIn();
  // The built-in catalogue is checked against its schema by the tests; compiling the schema on
  // every run would cost a pre-commit hook ~50 ms.
  const base = parseCatalogueSource(builtIn.file, builtIn.text, { validate: false });
  if (userFile === null || userText === null) return mergeCatalogues(base, null, null);
  return mergeCatalogues(base, parseCatalogueSource(userFile, userText), userFile);
}

/** The catalogue for a run: the built-in one, extended or replaced by the user's file. */
export function loadCatalogue(userFile: string | null): Catalogue {
  if (!userFile) return catalogueWithUser(null, null);
  let text: string;
  try {
    text = readFileSync(userFile, 'utf8');
  } catch (error) {
    throw new CatalogueError(userFile, `cannot read the catalogue: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return catalogueWithUser(userFile, text);
}

export function builtInCatalogueText(): string {
  return readBuiltIn().text;
}

