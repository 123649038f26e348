// The pattern catalogue: loading, validating and merging the built-in and user files, and the
// look-ups rules need (a reference's pattern, "did you mean" slugs, prose mentions).
import { readFileSync } from 'node:fs';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { distance } from 'fastest-levenshtein';
import { compileSchema, describeAjvError } from './schema.ts';
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

/** One mistake of a catalogue file, at the offset of the node it is about (null: the file as a whole). */
interface CatalogueProblem {
  offset: number | null;
  message: string;
}

/** Where a key path of the file is written: its value, or with `key` the key itself. */
type Locate = (path: ReadonlyArray<string | number>, key?: boolean) => number | null;

interface ReadCatalogue {
  source: CatalogueSource;
  locate: Locate;
  /** The schema's complaints, every one of them. */
  problems: CatalogueProblem[];
  /** Entries of `patterns` the schema rejected: not merged, so one mistake is not reported twice. */
  badEntries: Set<number>;
  /** The file's shape is wrong above the entries (`patterns` not a list, an unknown top-level key). */
  badShape: boolean;
}

/** Parse a catalogue file and check it against its schema, collecting every mistake. Throws CatalogueError when the YAML cannot be read at all. */
function readCatalogue(file: string, text: string, validate: boolean): ReadCatalogue {
  const document = parseDocument(text, { prettyErrors: false });
  const lines = createLineIndex(text);
  const position = (offset: number) => {
    const { line, column } = lines.position(offset);
    return `${line}:${column}`;
  };
  if (document.errors.length > 0)
    throw new CatalogueError(file, document.errors.map((error) => `${position(error.pos[0])}: invalid YAML: ${firstLine(error.message)}`));
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new CatalogueError(file, `invalid YAML: ${(error as Error).message}`);
  }
  const locate = locator(document);
  const read: ReadCatalogue = { source: (data ?? {}) as CatalogueSource, locate, problems: [], badEntries: new Set(), badShape: false };
  if (!validate) return read;
  validateCatalogue ??= compileSchema('catalogue.schema.json', { allErrors: true });
  if (validateCatalogue(data)) return read;
  for (const error of validateCatalogue.errors ?? []) {
    const path = error.instancePath.split('/').slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const entry = path[0] === 'patterns' && typeof path[1] === 'number' ? path[1] : null;
    if (entry === null) read.badShape = true;
    else read.badEntries.add(entry);
    // An unknown key is pointed at itself, any other mistake at the value it is about.
    const unknownKey = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty: string }).additionalProperty : null;
    const offset = unknownKey === null ? locate(path) : locate([...path, unknownKey], true);
    read.problems.push({ offset, message: `${entryLabel(read.source, entry)}${describeAjvError(error)}` });
  }
  return read;
}

function locator(document: Document): Locate {
  return (path, key = false) => {
    const parent = path.length > 1 ? document.getIn(path.slice(0, -1), true) : document.contents;
    const pair = key && isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]) : undefined;
    const node = (pair?.key ?? document.getIn(path, true)) as { range?: [number, number, number] } | undefined;
    return node?.range ? node.range[0] : null;
  };
}

/** "patterns[2] (zero-trust): ", naming the entry a mistake is in. */
function entryLabel(source: CatalogueSource, index: number | null): string {
  if (index === null) return '';
  const slug = (source.patterns?.[index] as { slug?: unknown } | undefined)?.slug;
  return `patterns[${index}]${typeof slug === 'string' ? ` (${slug})` : ''}: `;
}

/** Every mistake on a line of its own, in the order of the file, each at its line and column. */
function catalogueError(file: string, text: string, problems: readonly CatalogueProblem[]): CatalogueError {
  const lines = createLineIndex(text);
  const sorted = [...problems].sort((a, b) => (a.offset ?? -1) - (b.offset ?? -1));
  const messages = sorted.map(({ offset, message }) => {
    if (offset === null) return message;
    const { line, column } = lines.position(offset);
    return `${line}:${column}: ${message}`;
  });
  return new CatalogueError(file, [...new Set(messages)]);
}

/** Parse and schema-check a catalogue file's text. Throws CatalogueError naming every mistake, each at its line. */
export function parseCatalogueSource(file: string, text: string, { validate = true }: { validate?: boolean } = {}): CatalogueSource {
  const read = readCatalogue(file, text, validate);
  if (read.problems.length > 0) throw catalogueError(file, text, read.problems);
  return read.source;
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

/** What is wrong with one user entry, and where: at a key of it (`unknownKey`: the key itself), or at the entry. */
function entryProblem(
  entry: Partial<Pattern> & { slug: string },
  existing: Pattern | undefined,
  categories: readonly string[],
  codeHolder: string | undefined,
): { key: string | null; atKey?: true; message: string } | null {
  if (existing) {
    const extra = Object.keys(entry).filter((key) => !OVERRIDABLE.has(key));
    return extra.length ? { key: extra[0]!, atKey: true, message: `a built-in pattern may only have its aliases, excludes and url overridden, not ${extra.join(', ')}` } : null;
  }
  if (!entry.name) return { key: null, message: 'a new pattern needs a name' };
  if (!entry.category) return { key: null, message: 'a new pattern needs a category' };
  if (!categories.includes(entry.category)) {
    const close = closest(entry.category.toLowerCase(), categories.map((category) => category.toLowerCase()), 1)[0];
    const hint = close === undefined ? '' : `; did you mean "${categories.find((category) => category.toLowerCase() === close)}"?`;
    return { key: 'category', message: `category "${entry.category}" is not in the catalogue's categories (${categories.join(', ')})${hint}` };
  }
  if (entry.code && codeHolder) return { key: 'code', message: `code "${entry.code}" is already used by ${codeHolder}` };
  return null;
}

/**
 * Merge a user catalogue into the built-in one (or use it alone with `extendsBuiltIn: false`), with
 * every entry that cannot be merged as a problem, at its node when `read` can locate it.
 */
function mergeCatalogues(base: CatalogueSource, user: CatalogueSource | null, read?: Pick<ReadCatalogue, 'locate' | 'badEntries'>): { catalogue: Catalogue; problems: CatalogueProblem[] } {
  const replace = user?.extendsBuiltIn === false;
  const categories = [...(replace ? [] : (base.categories ?? []))];
  const patterns = replace ? [] : (base.patterns ?? []).map(toPattern);
  const problems: CatalogueProblem[] = [];
  if (user) {
    for (const category of user.categories ?? []) if (!categories.includes(category)) categories.push(category);
    const seenCodes = new Map(patterns.filter((p) => p.code).map((p) => [p.code, p.slug]));
    (user.patterns ?? []).forEach((entry, index) => {
      // The schema has said what is wrong with it already.
      if (read?.badEntries.has(index)) return;
      const existing = patterns.find((p) => p.slug === entry.slug);
      const problem = entryProblem(entry, existing, categories, entry.code ? seenCodes.get(entry.code) : undefined);
      if (problem) {
        const offset = read?.locate(problem.key === null ? ['patterns', index] : ['patterns', index, problem.key], problem.atKey) ?? null;
        problems.push({ offset, message: `${entryLabel(user, index)}${problem.message}` });
        return;
      }
      if (existing) {
        if (entry.aliases) existing.aliases = entry.aliases;
        if (entry.excludes) existing.excludes = entry.excludes;
        if (entry.url) existing.url = entry.url;
        return;
      }
      if (entry.code) seenCodes.set(entry.code, entry.slug);
      patterns.push(toPattern(entry));
    });
  }
  return { catalogue: new Catalogue(patterns, categories), problems };
}

/** The built-in catalogue merged with a user catalogue's text. Throws CatalogueError naming every mistake of the user's file, each at its line. */
export function catalogueWithUser(userFile: string | null, userText: string | null): Catalogue {
  const builtIn = readBuiltIn();
  // The built-in catalogue is checked against its schema by the tests; compiling the schema on
  // every run would cost a pre-commit hook ~50 ms.
  const base = parseCatalogueSource(builtIn.file, builtIn.text, { validate: false });
  if (userFile === null || userText === null) return mergeCatalogues(base, null).catalogue;
  const read = readCatalogue(userFile, userText, true);
  // A file whose shape is wrong above its entries cannot be merged: the schema's problems are all there is to say.
  const merged = read.badShape ? null : mergeCatalogues(base, read.source, read);
  const problems = [...read.problems, ...(merged?.problems ?? [])];
  if (!merged || problems.length > 0) throw catalogueError(userFile, userText, problems);
  return merged.catalogue;
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

