// Shared shapes of the lint pipeline. Kept free of behaviour so every room can import them.
import type { Root } from 'mdast';
import type { Document, Node as YamlNode } from 'yaml';
import type { Catalogue, Pattern } from './catalogue.ts';

export type Severity = 'off' | 'warn' | 'error';

/** A text edit on the original source (BOM excluded), as ESLint's `fix`. */
export interface TextEdit {
  range: [number, number];
  text: string;
}

export interface Diagnostic {
  ruleId: string | null;
  severity: Exclude<Severity, 'off'>;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  url?: string;
  /** A file that could not be read or parsed at all. */
  fatal?: boolean;
  /**
   * A problem of an `adrlint-disable` directive itself (an unknown rule id, a bad frontmatter value,
   * an unused directive), which has no rule: what tells it from a file's problem of no rule.
   */
  directive?: boolean;
  fix?: TextEdit;
  /** Replacements a user may pick from (e.g. "did you mean"), as ESLint's suggestions. */
  suggestions?: Suggestion[];
}

export interface Suggestion {
  desc: string;
  fix: TextEdit;
}

export interface Position {
  line: number;
  column: number;
}

/** One entry of `patterns:` in the frontmatter, with the YAML nodes it came from. */
export interface PatternRef {
  /** The value as written, when it is a string; null for a non-string value. */
  value: string | null;
  /** Absolute [start, end) of the slug's scalar (or of the whole item when not a string). */
  range: [number, number];
  /** Absolute [start, end) of the whole sequence item (for removing it). */
  itemRange: [number, number];
  /** The category given in object form, with its range. */
  category?: { value: string | null; range: [number, number] };
  /** Shape problem of this item, if any (reported by frontmatter-fields), at the node it is about. */
  shapeError?: { message: string; range: [number, number] };
}

export interface CategoryRef {
  value: string | null;
  range: [number, number];
  shapeError?: string;
}

/** A prose mention of a catalogue pattern in the body. */
export interface Mention {
  slug: string;
  /** The text as written in the file. */
  text: string;
  range: [number, number];
  inHeading: boolean;
  /** The mention is (part of) a link's text. */
  inLink: boolean;
  /**
   * The mention does not say the ADR uses the pattern: it stands in a considered option the decision
   * did not choose, or in a clause that negates or sets it aside ("instead of a saga", "we will not
   * use CQRS"). Read by src/parse/mention-use.ts.
   */
  rejected: boolean;
}

/** A markdown link in the body (its text ranges and URL), used to tell whether a pattern is linked. */
export interface BodyLink {
  url: string;
  range: [number, number];
}

export interface Frontmatter {
  /** Absolute [start, end) of the whole block including the fences. */
  blockRange: [number, number];
  /** Absolute offset where the YAML text starts. */
  yamlOffset: number;
  yamlText: string;
  document: Document.Parsed;
  /** Plain data of the document, when it converted safely. */
  data: Record<string, unknown> | null;
  /** Why `data` is null: a YAML error, an alias bomb, or a non-mapping root. */
  error?: { message: string; range: [number, number] };
}

export interface ParsedAdr {
  path: string;
  /** The source without a leading BOM. Every range in this object is an offset into it. */
  text: string;
  bom: boolean;
  tree: Root;
  /** Present when the file starts with a `---` fence. */
  frontmatter: Frontmatter | null;
  /** The file opens a `---` block that never closes. */
  unterminatedFrontmatter: [number, number] | null;
  patterns: PatternRef[];
  /** Shape problem of the `patterns` key as a whole. */
  patternsShapeError?: { message: string; range: [number, number] };
  categories: CategoryRef[];
  categoriesShapeError?: { message: string; range: [number, number] };
  /** The `patterns` key's value node (to insert into), if the key exists. */
  patternsNode: YamlNode | null;
  mentions: Mention[];
  links: BodyLink[];
  /** Images of the body (`![alt](src)`, `![alt][ref]`): where they load from. */
  images: BodyLink[];
  /** `adrlint-disable…` comments of the body and the `adrlint-disable` frontmatter key, in order. */
  directives: DisableDirective[];
  lines: LineIndex;
}

/**
 * Inline control of the rules: a comment of the body (never one inside code) or the frontmatter
 * key. Plain data, so that it can be kept in the record and in the cache.
 */
export interface DisableDirective {
  /**
   * `disable` … `enable`: from the comment on; `disable-line`: the lines of the comment;
   * `disable-next-line`: the line after it; `disable-file`: the frontmatter key, the whole file.
   */
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';
  /** Rule ids as written, each once; empty means every rule. */
  rules: string[];
  /** Where the comment (or the key and its value) is, 1-based as a diagnostic's position. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** What deleting the directive removes (its whole line when it is alone there); null when it cannot be cut out cleanly. */
  removal: [number, number] | null;
  /** The rule list in the comment, to rewrite it without an unused id; null when there is none to rewrite. */
  rulesRange: [number, number] | null;
  /** A value of the frontmatter key that names no rules; the directive then disables nothing. */
  error?: string;
}

export interface LineIndex {
  position(offset: number): Position;
  offset(position: Position): number;
}

/** A value found in an ADR, with where it is written. */
export interface Field {
  value: string;
  range: [number, number];
}

export type AdrFormat = 'madr' | 'madr2' | 'nygard' | 'unknown';

export type RelationKind = 'supersedes' | 'superseded-by' | 'amends' | 'amended-by';

/** A supersede/amend reference to another ADR, by link target or by number. */
export interface AdrRelation {
  kind: RelationKind;
  /** A path or URL as written (relative to the ADR's folder), when the reference is one. */
  target: string | null;
  /** An ADR number, when the reference is one ("0031", 31, "ADR-0031"). */
  number: number | null;
  raw: string;
  range: [number, number];
  inFrontmatter?: boolean;
}

/** The normalised view of one ADR that rules over the whole set read. */
export interface AdrRecord {
  path: string;
  folder: string;
  name: string;
  format: AdrFormat;
  /** The number in the file name (`0042-x.md`), or null (none, or a YYYYMMDD- date). */
  fileNumber: number | null;
  /** The number written in the H1 or frontmatter title ("# 12. Title"). */
  number: { value: number; text: string; range: [number, number] } | null;
  /** The title without its number. */
  title: string | null;
  h1Count: number;
  h1Range: [number, number] | null;
  frontmatterTitle: Field | null;
  status: Field | null;
  date: Field | null;
  relations: AdrRelation[];
  /** Its section headings in order: second-level and below, and H1s after the title. */
  sections: Array<{ title: string; range: [number, number] }>;
  /** GitHub heading anchors of the file, for links with a #fragment. */
  anchors: string[];
  links: Array<{ url: string; range: [number, number] }>;
  images: Array<{ url: string; range: [number, number] }>;
  patterns: string[];
  /**
   * Catalogue patterns the body mentions as used (rejected and negated mentions left out), once each
   * in order, when it mentions any; read for `adrlint report`, which lists the mentions of sets that
   * have not adopted `patterns`.
   */
  mentioned?: string[];
  /** The file's `adrlint-disable…` directives, when it has any (kept here so that a cached run need not parse). */
  directives?: DisableDirective[];
}

export interface ReportDescriptor {
  range: [number, number];
  message: string;
  /** Report at most at this severity (a softer sub-check of a rule), never above the configured one. */
  severity?: 'warn';
  fix?: TextEdit;
  /** "Did you mean" replacements: a text for the reported range, or an edit of its own with what it does. */
  suggestions?: Array<string | Suggestion>;
  /**
   * The kind of finding this is, when some rule may own that kind (RuleMeta `owns`): while the
   * owner is on, the engine drops this problem, since the owner reports it in its own words.
   */
  topic?: string;
}

export interface LintSettings {
  statuses: string[];
  /** The config wrote `statuses`: they win over the folder template's list. */
  statusesGiven: boolean;
  linkTemplate: string | null;
  /**
   * The configuration asks for this rule by name (its `rules`, `--rule`, the remark plugin's rule
   * options) or by a preset that names it (`strict`), rather than running it by default.
   */
  requested: boolean;
  /** The configuration names a catalogue of its own: it asks for the pattern rules. */
  userCatalogue: boolean;
  /** Today as YYYY-MM-DD, read from the clock once by the engine (rules never read the clock). */
  today: string;
  /** The config's `index`: the absolute path of the set's index page, or null (each folder's README.md or index.md). */
  index: string | null;
  /** The config's `indexTemplate`: `table`, `list` or a line template (adr-index). */
  indexTemplate: string;
}

/** What rules may know of the files around an ADR, without touching the file system themselves. */
export interface ProjectIndex {
  /** The repository root: links starting with "/" resolve from it. */
  root: string;
  /**
   * Whether the index knows every file (a run over the disk, or a test's virtual repository).
   * False when only the ADR set is known (linting a text on its own): rules must not call a
   * link or a reference broken just because the index has not seen its target.
   */
  complete: boolean;
  exists(path: string): boolean;
  isDirectory(path: string): boolean;
  /** Heading anchors of a markdown file, or null when it cannot be read. */
  anchors(path: string): string[] | null;
  /** Names of the entries of a folder (empty when it cannot be read). */
  list(folder: string): string[];
}

// What an ADR set does by its own habit (src/parse/conventions.ts reads it from the folder).
/** A section of the folder's template: its heading text, and whether the template marks it optional. */
export interface TemplateSection {
  title: string;
  /** Heading depth as written in the template (1 for a section written as H1 after the title). */
  depth: number;
  optional: boolean;
  /**
   * Fewer than half of the folder's records (3 or more) write it: the set has consistently dropped
   * it, so it is not required even when the template does not mark it optional.
   */
  droppedBySet: boolean;
}

export interface FolderTemplate {
  /** Absolute path of the template file. */
  path: string;
  /** Its sections in order: H2s, and H1s after its title, placeholders (`{...}`, `[...]`) left out. */
  sections: TemplateSection[];
  /** The statuses it offers ("proposed | accepted | ..."), or null when it lists none. */
  statuses: string[] | null;
  /** Its list of statuses ends open ("… |"): words outside it are the set's own, not mistakes (typos of its words still are). */
  statusesOpen: boolean;
  /** How many H1 headings it has: more than one means extra H1s are the set's habit. */
  h1Count: number;
  /** Its H1s that are placeholders ("{short title of solved problem}"): a record titled so kept the template's. */
  titlePlaceholders: string[];
}

export interface SetConventions {
  /** Some ADR of the folder declares a `patterns` key in its frontmatter. */
  patternsAdopted: boolean;
  /** The folder's template file, read; null when the folder has none. */
  template: FolderTemplate | null;
  /**
   * Slugs of the patterns whose page the config's relative `linkTemplate` names from this folder
   * but that does not exist (absent when there are none): pattern-link does not link to them.
   */
  missingPatternPages?: string[];
}

export interface RuleContext<Options = unknown> {
  adr: ParsedAdr;
  /** This file's record. */
  record: AdrRecord;
  /** Every ADR of the folders being linted, this one included (files not linted too). */
  set: readonly AdrRecord[];
  project: ProjectIndex;
  catalogue: Catalogue;
  settings: LintSettings;
  /** The habits of this ADR's folder: whether it uses `patterns`, its template file. */
  conventions: SetConventions;
  options: Options;
  report(descriptor: ReportDescriptor): void;
}

export interface RuleMeta {
  id: string;
  description: string;
  defaultSeverity: Severity;
  fixable: boolean;
  /**
   * `file`: reads one ADR (its text, tree and record) and nothing else, so its problems can be
   * cached with the file's content. `set`: reads other records or the files around the ADR, so it
   * runs on every run, over records (the parsed ADR only to build a fix).
   */
  scope: 'file' | 'set';
  /** The rule's page: why it matters, and a wrong and a right example (both run as tests). */
  docs: {
    url: string;
    why: string;
    /** When the rule says nothing though it could, and why (a set that has not adopted what it checks). */
    quiet?: string;
    wrong: string;
    right: string;
    /** The examples' paths (relative to the repository root), when the file name matters. */
    wrongFilename?: string;
    rightFilename?: string;
    /** Other files of the examples' repository (path → text), when the rule compares ADRs. */
    files?: Record<string, string>;
  };
  /** JSON Schema of the rule's options object, if it takes any. */
  schema?: Record<string, unknown>;
  /**
   * Kinds of finding this rule is the one to report (ReportDescriptor `topic`). While it is on, the
   * engine drops other rules' problems of these kinds, so one flaw shows as one problem and no rule
   * asks whether another is on.
   */
  owns?: readonly string[];
}

export interface Rule<Options = unknown> {
  meta: RuleMeta;
  check(context: RuleContext<Options>): void;
}

export type { Pattern };
