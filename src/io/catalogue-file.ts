// The pattern catalogue's files: reading, validating and merging the built-in and user catalogues
// into the model of src/model/catalogue.ts, with every problem a CatalogueError at its line.
import { readFileSync } from 'node:fs';
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import { compileSchema, describeAjvError } from './schema.ts';
import { dataPath } from './package-files.ts';
import { createLineIndex } from '../model/positions.ts';
import { CatalogueError } from '../model/errors.ts';
import { Catalogue, closest, type CatalogueSource, type Pattern } from '../model/catalogue.ts';
import { normaliseTerm } from '../model/mention-matcher.ts';

export { CatalogueError };

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
  /** The line a key path of the file is written on. */
  lineOf: (path: ReadonlyArray<string | number>) => number | null;
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
  const lineOf = (path: ReadonlyArray<string | number>) => {
    const offset = locate(path);
    return offset === null ? null : lines.position(offset).line;
  };
  const read: ReadCatalogue = { source: (data ?? {}) as CatalogueSource, locate, lineOf, problems: [], badEntries: new Set(), badShape: false };
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

/** A value of the user's file in a message: quoted, and cut short when long. */
function quote(text: string): string {
  return `"${text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1)}…` : text}"`;
}

const MAX_QUOTED = 60;

/** "patterns[2] (zero-trust): ", naming the entry a mistake is in. */
function entryLabel(source: CatalogueSource, index: number | null): string {
  if (index === null) return '';
  const slug = (source.patterns?.[index] as { slug?: unknown } | undefined)?.slug;
  return `patterns[${index}]${typeof slug === 'string' ? ` (${slug.length > MAX_QUOTED ? `${slug.slice(0, MAX_QUOTED - 1)}…` : slug})` : ''}: `;
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

// A message lists the catalogue's categories when they are few enough to read, and suggests a
// category for this many unknown ones at most (each suggestion compares with every category).
const MAX_LISTED_CATEGORIES = 15;
const MAX_CATEGORY_HINTS = 50;

/** What entries are checked against while they are merged. */
interface MergeState {
  categories: readonly string[];
  knownCategories: ReadonlySet<string>;
  /** "; did you mean …?" for each unknown category, computed once. */
  categoryHints: Map<string, string>;
  /** Code → the slug of the pattern that has it. */
  codeHolders: Map<string, string>;
}

function unknownCategory(category: string, state: MergeState): string {
  let hint = state.categoryHints.get(category);
  if (hint === undefined) {
    const { categories } = state;
    const close = state.categoryHints.size < MAX_CATEGORY_HINTS ? closest(category.toLowerCase(), categories.map((name) => name.toLowerCase()), 1)[0] : undefined;
    hint = close === undefined ? '' : `; did you mean "${categories.find((name) => name.toLowerCase() === close)}"?`;
    state.categoryHints.set(category, hint);
  }
  const listed = state.categories.length <= MAX_LISTED_CATEGORIES ? ` (${state.categories.join(', ')})` : '';
  return `category ${quote(category)} is not in the catalogue's categories${listed}${hint}`;
}

/** What is wrong with one user entry, and where: at a key of it (`unknownKey`: the key itself), or at the entry. */
function entryProblem(entry: Partial<Pattern> & { slug: string }, existing: Pattern | undefined, state: MergeState): { key: string | null; atKey?: true; message: string } | null {
  if (existing) {
    const extra = Object.keys(entry).filter((key) => !OVERRIDABLE.has(key));
    return extra.length ? { key: extra[0]!, atKey: true, message: `a built-in pattern may only have its aliases, excludes and url overridden, not ${extra.join(', ')}` } : null;
  }
  if (!entry.name) return { key: null, message: 'a new pattern needs a name' };
  if (!entry.category) return { key: null, message: 'a new pattern needs a category' };
  if (!state.knownCategories.has(entry.category)) return { key: 'category', message: unknownCategory(entry.category, state) };
  const codeHolder = entry.code ? state.codeHolders.get(entry.code) : undefined;
  if (codeHolder) return { key: 'code', message: `code ${quote(entry.code!)} is already used by ${codeHolder}` };
  return null;
}

type UserRead = Pick<ReadCatalogue, 'source' | 'locate' | 'lineOf' | 'badEntries'>;

/** "3 and 9", "3, 9 and 14": the lines of a file a message names, the first few of many. */
function lineList(lines: ReadonlyArray<number | null>): string {
  const known = lines.filter((line): line is number => line !== null);
  const shown = known.slice(0, 5).map(String);
  if (known.length > shown.length) return `${shown.join(', ')} and ${known.length - shown.length} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}` : (shown[0] ?? '');
}

/**
 * Entries whose slug an earlier entry already defines. Each slug defined more than once is one
 * problem, at its second entry, naming the lines of all; the later entries are not merged.
 */
function duplicateSlugs(read: UserRead): { later: Set<number>; problems: CatalogueProblem[] } {
  const entriesBySlug = new Map<string, number[]>();
  (read.source.patterns ?? []).forEach((entry, index) => {
    const slug = typeof entry === 'object' && entry !== null ? (entry as { slug?: unknown }).slug : undefined;
    if (typeof slug !== 'string') return;
    const entries = entriesBySlug.get(slug);
    if (entries) entries.push(index);
    else entriesBySlug.set(slug, [index]);
  });
  const later = new Set<number>();
  const problems: CatalogueProblem[] = [];
  for (const [slug, entries] of entriesBySlug) {
    if (entries.length < 2) continue;
    for (const index of entries.slice(1)) later.add(index);
    const second = entries[1]!;
    const times = entries.length === 2 ? 'twice' : `${entries.length} times`;
    const lines = lineList(entries.map((index) => read.lineOf(['patterns', index, 'slug'])));
    problems.push({ offset: read.locate(['patterns', second, 'slug']), message: `${entryLabel(read.source, second)}slug ${quote(slug)} is defined ${times}${lines ? ` (lines ${lines})` : ''}` });
  }
  return { later, problems };
}

/** A term that names a pattern: its slug, its name or one of its aliases, and who wrote it. */
interface NamingTerm {
  pattern: Pattern;
  kind: 'slug' | 'name' | 'alias';
  text: string;
  /** The user entry that wrote it, and where in the entry; null for the built-in catalogue. */
  written: { entry: number; at: Array<string | number> } | null;
}

/** Which user entry wrote a pattern: all of it (a new pattern) or its aliases (a built-in one). */
interface WrittenBy {
  entry: number;
  ownsAll: boolean;
}

function namingTerms(pattern: Pattern, by: WrittenBy | undefined): NamingTerm[] {
  const own = (at: Array<string | number>) => (by?.ownsAll ? { entry: by.entry, at } : null);
  // The slug last: where it reads as the pattern's name ("saga-pattern"), a clash names the name.
  return [
    { pattern, kind: 'name', text: pattern.name, written: own(['name']) },
    ...pattern.aliases.map((text, k): NamingTerm => ({ pattern, kind: 'alias', text, written: by ? { entry: by.entry, at: ['aliases', k] } : null })),
    { pattern, kind: 'slug', text: pattern.slug, written: own(['slug']) },
  ];
}

/**
 * Terms of the user's file that another pattern's slug, name or alias already holds, as mentions
 * and references compare them (any case, a hyphen as a space): a mention of one could not be told
 * from the other. Each is a problem at the later term, naming the earlier one and its line.
 */
function termClashes(terms: NamingTerm[], read: UserRead): CatalogueProblem[] {
  // The built-in catalogue's terms hold theirs first, then the user's in file order.
  const entryOf = (term: NamingTerm) => term.written?.entry ?? -1;
  const ordered = terms.map((term, order) => ({ term, order })).sort((a, b) => entryOf(a.term) - entryOf(b.term) || a.order - b.order);
  const path = ({ entry, at }: { entry: number; at: Array<string | number> }) => ['patterns', entry, ...at];
  const holders = new Map<string, NamingTerm>();
  const problems: CatalogueProblem[] = [];
  for (const { term } of ordered) {
    const key = normaliseTerm(term.text);
    const holder = holders.get(key);
    if (!holder) {
      holders.set(key, term);
      continue;
    }
    if (holder.pattern === term.pattern || term.written === null) continue;
    const where = holder.written === null ? 'built-in catalogue' : `line ${read.lineOf(path(holder.written)) ?? '?'}`;
    const held = holder.kind === 'slug' ? 'the slug' : holder.text === term.text ? `${holder.kind === 'name' ? 'the name' : 'an alias'}` : `the ${holder.kind} ${quote(holder.text)}`;
    problems.push({ offset: read.locate(path(term.written)), message: `${entryLabel(read.source, term.written.entry)}${term.kind} ${quote(term.text)} is also ${held} of ${holder.pattern.slug} (${where})` });
  }
  return problems;
}

/**
 * Merge a user catalogue into the built-in one (or use it alone with `extendsBuiltIn: false`), with
 * every entry that cannot be merged as a problem, at its node.
 */
function mergeCatalogues(base: CatalogueSource, read: UserRead | null): { catalogue: Catalogue; problems: CatalogueProblem[] } {
  const user = read?.source;
  const replace = user?.extendsBuiltIn === false;
  const categories = [...(replace ? [] : (base.categories ?? []))];
  const patterns = replace ? [] : (base.patterns ?? []).map(toPattern);
  if (!read || !user) return { catalogue: new Catalogue(patterns, categories), problems: [] };
  const knownCategories = new Set(categories);
  for (const category of user.categories ?? []) {
    if (!knownCategories.has(category)) categories.push(category);
    knownCategories.add(category);
  }
  const builtIn = new Map(patterns.map((pattern) => [pattern.slug, pattern]));
  const state: MergeState = {
    categories,
    knownCategories,
    categoryHints: new Map(),
    codeHolders: new Map(patterns.flatMap((pattern) => (pattern.code ? [[pattern.code, pattern.slug]] : []))),
  };
  const duplicates = duplicateSlugs(read);
  const problems = [...duplicates.problems];
  // The user entry that wrote a pattern's terms: all of them for a new pattern, its aliases for a built-in one.
  const writtenBy = new Map<Pattern, WrittenBy>();
  (user.patterns ?? []).forEach((entry, index) => {
    // The schema has said what is wrong with it already; a slug defined again, duplicateSlugs.
    if (read.badEntries.has(index) || duplicates.later.has(index)) return;
    const existing = builtIn.get(entry.slug);
    const problem = entryProblem(entry, existing, state);
    if (problem) {
      const offset = read.locate(problem.key === null ? ['patterns', index] : ['patterns', index, problem.key], problem.atKey);
      problems.push({ offset, message: `${entryLabel(user, index)}${problem.message}` });
      return;
    }
    if (existing) {
      if (entry.aliases) {
        existing.aliases = entry.aliases;
        writtenBy.set(existing, { entry: index, ownsAll: false });
      }
      if (entry.excludes) existing.excludes = entry.excludes;
      if (entry.url) existing.url = entry.url;
      return;
    }
    if (entry.code) state.codeHolders.set(entry.code, entry.slug);
    const pattern = toPattern(entry);
    writtenBy.set(pattern, { entry: index, ownsAll: true });
    patterns.push(pattern);
  });
  const terms = patterns.flatMap((pattern) => namingTerms(pattern, writtenBy.get(pattern)));
  return { catalogue: new Catalogue(patterns, categories), problems: [...problems, ...termClashes(terms, read)] };
}

// The last catalogue built, with what it was built from: a long-lived process (the language
// server, which loads the project at each keystroke) reads the same texts again and again.
let lastBuilt: { userFile: string | null; userText: string | null; catalogue: Catalogue } | null = null;

/** The built-in catalogue merged with a user catalogue's text. Throws CatalogueError naming every mistake of the user's file, each at its line. */
export function catalogueWithUser(userFile: string | null, userText: string | null): Catalogue {
  if (lastBuilt?.userFile === userFile && lastBuilt.userText === userText) return lastBuilt.catalogue;
  const catalogue = buildCatalogue(userFile, userText);
  lastBuilt = { userFile, userText, catalogue };
  return catalogue;
}

function buildCatalogue(userFile: string | null, userText: string | null): Catalogue {
  const builtIn = readBuiltIn();
  // The built-in catalogue is checked against its schema by the tests; compiling the schema on
  // every run would cost a pre-commit hook ~50 ms.
  const base = parseCatalogueSource(builtIn.file, builtIn.text, { validate: false });
  if (userFile === null || userText === null) return mergeCatalogues(base, null).catalogue;
  const read = readCatalogue(userFile, userText, true);
  // A file whose shape is wrong above its entries cannot be merged: the schema's problems are all there is to say.
  const merged = read.badShape ? null : mergeCatalogues(base, read);
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

