// How a folder names its ADR files (`0001-use-kafka.md`, `ADR-001-use-kafka.md`, `adr_001_use_kafka.md`,
// `20200924-use-markdown.md`), read from the names themselves: adr-filename holds each record to
// it, `adrlint new` names the next record by it, and the number rules read numbers from such names.
// Plain functions of file names: no disk, no clock.
import { basename } from 'node:path';

export type NamingKind = 'number' | 'date';

/** A folder's file naming convention. */
export interface NamingScheme {
  /** Numbered (`0001-…`) or dated (`YYYYMMDD-…`, log4brains). */
  kind: NamingKind;
  /** What stands before the number as written, separator included: '', 'ADR-', 'adr_', 'ADR'. */
  prefix: string;
  /**
   * How many digits a number is padded to: [min, max] (numbers that need more digits than max are
   * written in full). [1, 1]: not padded; [4, 4]: `0042`; [3, 4]: either width.
   */
  width: [number, number];
  /** Between the number (or date) and the title. */
  separator: '-' | '_';
  /** Between the title's words. */
  wordSeparator: '-' | '_';
  /** The width new names are padded to, when the scheme accepts several (default: width's max). */
  pad?: number;
}

/** `NNNN-kebab-title.md`: what adrlint proposes where a folder shows no convention of its own. */
export const DEFAULT_SCHEME: NamingScheme = Object.freeze({ kind: 'number', prefix: '', width: [4, 4], separator: '-', wordSeparator: '-' }) as NamingScheme;

// YYYYMMDD with a month and day that can exist.
const COMPACT_DATE = /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;
// A name as a naming convention writes it: an optional ADR prefix, the number or date, one
// separator, title words joined by one kind of separator, a lower-case markdown extension.
const WELL_FORMED = /^((?:[Aa][Dd][Rr])[-_]?)?(\d{1,8})([-_])([\p{L}\p{N}]+(?:([-_])[\p{L}\p{N}]+)*)\.(?:md|markdown)$/u;
// Reading a number from any name: an optional ADR prefix, then digits that end at a separator or the extension.
const LENIENT_NUMBER = /^(?:adr[-_ ]?)?(\d{1,6})(?=[-_ ]|\.(?:md|markdown)$)/i;
// Dates are not numbers: 20200924-x.md (log4brains), 2020-09-24-x.md.
const DATE_START = /^(?:(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])|(?:19|20)\d{2}-\d{2}-\d{2})(?=[-_ ]|\.(?:md|markdown)$)/;

/** The parts of a name that follows some naming convention; null for any other name. */
export interface NameParts {
  kind: NamingKind;
  prefix: string;
  digits: string;
  separator: '-' | '_';
  /** The title's word separator; null for a one-word title (it fits either). */
  wordSeparator: '-' | '_' | null;
}

export function nameParts(name: string): NameParts | null {
  const match = WELL_FORMED.exec(name);
  if (!match) return null;
  const title = match[4]!;
  // One kind of separator between the title's words.
  if (title.includes('-') && title.includes('_')) return null;
  const digits = match[2]!;
  const prefix = match[1] ?? '';
  const kind: NamingKind | null = COMPACT_DATE.test(digits) && prefix === '' ? 'date' : digits.length <= 6 ? 'number' : null;
  if (kind === null) return null;
  return { kind, prefix, digits, separator: match[3] as '-' | '_', wordSeparator: (match[5] as '-' | '_' | undefined) ?? null };
}

/** The number in a file name as written ("0042" of `ADR-0042-x.md`), or null (none, or a date). */
export function fileNumberDigits(name: string): string | null {
  if (DATE_START.test(name)) return null;
  return LENIENT_NUMBER.exec(name)?.[1] ?? null;
}

/** The number in a file name: `0042-x.md`, `ADR-042-x.md`, `adr_042_x.md`, `ADR0042-x.md`; null for none or a date. */
export function fileNumber(name: string): number | null {
  const digits = fileNumberDigits(name);
  return digits === null ? null : Number(digits);
}

/**
 * The next number a folder gives out, from the names of its files: one more than the highest number
 * of a numbered markdown file (templates and other files left out, a date is no number, gaps stay
 * gaps); 1 without any. A number any numbered markdown file holds is taken, an ADR of the set or not.
 */
export function nextFreeNumber(names: Iterable<string>): number {
  let highest = 0;
  for (const name of names) if (/\.(?:md|markdown)$/i.test(name) && !isTemplateName(name)) highest = Math.max(highest, fileNumber(name) ?? 0);
  return highest + 1;
}

/** Whether a name starts with a YYYYMMDD date (log4brains). */
export function isDateName(name: string): boolean {
  return DATE_START.test(name) && /^\d{8}/.test(name);
}

/** The most frequent value; a tie goes to the earliest of `preferred`, else to the value seen first. */
function mostFrequent<T>(values: readonly T[], preferred: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const rank = (value: T) => (preferred.includes(value) ? preferred.indexOf(value) : preferred.length);
  let best: T | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && rank(value) < rank(best as T))) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/**
 * How wide the folder pads its numbers: the width most zero-padded numbers have, when most of the
 * numbers that would show that padding do (1..9 in a 3-digit folder); else not padded.
 */
function paddingWidth(digits: readonly string[]): number {
  const padded = mostFrequent(
    digits.filter((text) => text.length > 1 && text.startsWith('0')).map((text) => text.length),
    [4, 3],
  );
  if (padded === undefined) return 1;
  const limit = 10 ** (padded - 1);
  const candidates = digits.filter((text) => Number(text) < limit);
  const showing = candidates.filter((text) => text.length === padded).length;
  return showing * 2 >= candidates.length ? padded : 1;
}

/** The naming kind most of the names use: dated where more names start with a date than with a number. */
export function namingKind(names: readonly string[]): NamingKind {
  let dated = 0;
  let numbered = 0;
  for (const name of names) {
    if (isDateName(name)) dated++;
    else if (fileNumberDigits(name) !== null) numbered++;
  }
  return dated > numbered ? 'date' : 'number';
}

/**
 * The convention a folder's ADR names follow: for each part (prefix, width, separators) what most
 * of its well-formed names do; what no name shows is taken from DEFAULT_SCHEME. `kind` forces
 * numbers or dates (adr-filename's `convention` option).
 */
export function inferNaming(names: readonly string[], kind: NamingKind = namingKind(names)): NamingScheme {
  const parts = names.map(nameParts).filter((part): part is NameParts => part !== null && part.kind === kind);
  const separator = mostFrequent<'-' | '_'>(
    parts.map((part) => part.separator),
    ['-'],
  );
  const wordSeparator = mostFrequent<'-' | '_'>(
    parts.flatMap((part) => (part.wordSeparator ? [part.wordSeparator] : [])),
    ['-'],
  );
  const width = kind === 'date' || parts.length === 0 ? DEFAULT_SCHEME.width[0] : paddingWidth(parts.map((part) => part.digits));
  return {
    kind,
    prefix: mostFrequent(
      parts.map((part) => part.prefix),
      [''],
    ) ?? '',
    width: kind === 'date' ? [8, 8] : [width, width],
    separator: separator ?? '-',
    wordSeparator: wordSeparator ?? separator ?? '-',
  };
}

/** A dated scheme: `YYYYMMDD-kebab-title.md`. */
export const DATE_SCHEME: NamingScheme = Object.freeze({ kind: 'date', prefix: '', width: [8, 8], separator: '-', wordSeparator: '-' }) as NamingScheme;

/** adr-filename's `convention` option. */
export type NamingOption = 'auto' | 'number' | 'date';

/**
 * The scheme a folder's names are held to and new names are given. `auto` (the default): the
 * folder's own (inferNaming). `number` and `date` are adrlint's plain forms whatever the folder
 * does: `NNNN-kebab-title.md` (3 or 4 digits, new names as wide as most of the folder's),
 * `YYYYMMDD-kebab-title.md`.
 */
export function namingFor(names: readonly string[], option: NamingOption = 'auto'): NamingScheme {
  if (option === 'date') return DATE_SCHEME;
  if (option === 'number') return { ...DEFAULT_SCHEME, width: [3, 4], pad: inferNaming(names, 'number').width[1] === 3 ? 3 : 4 };
  return inferNaming(names);
}

/** Whether a name follows the scheme. */
export function followsNaming(name: string, scheme: NamingScheme): boolean {
  const parts = nameParts(name);
  if (!parts || parts.kind !== scheme.kind || parts.prefix !== scheme.prefix || parts.separator !== scheme.separator) return false;
  if (parts.wordSeparator !== null && parts.wordSeparator !== scheme.wordSeparator) return false;
  if (scheme.kind === 'date') return true;
  const [min, max] = scheme.width;
  const length = parts.digits.length;
  return (length >= min && length <= max) || (length > max && !parts.digits.startsWith('0'));
}

/** The scheme as a form to show: `ADR-NNN-kebab-title.md`, `adr_NNNN_snake_title.md`, `YYYYMMDD-kebab-title.md`. */
export function namingForm(scheme: NamingScheme): string {
  const number = scheme.kind === 'date' ? 'YYYYMMDD' : 'N'.repeat(scheme.width[1]);
  const title = scheme.wordSeparator === '-' ? 'kebab-title' : 'snake_title';
  return `${scheme.prefix}${number}${scheme.separator}${title}.md`;
}

/**
 * A name in the scheme: `number` padded to its width (numbers for a dated scheme: the date as
 * YYYYMMDD), the title's words joined by its word separator.
 */
export function schemeName(scheme: NamingScheme, number: number | string, words: readonly string[], extension = '.md'): string {
  const head = typeof number === 'string' ? number : String(number).padStart(scheme.pad ?? scheme.width[1], '0');
  return `${scheme.prefix}${head}${scheme.separator}${words.join(scheme.wordSeparator)}${extension}`;
}

// Words that make a file name a template, in the languages ADR sets are written in.
const TEMPLATE_WORDS = new Set(['template', 'templates', 'tmpl', 'modele', 'modèle', 'vorlage', 'plantilla', 'modelo', 'sjabloon', 'skeleton', 'boilerplate']);
// Words that may stand beside them in a template's name ("0000-adr-template", "template-madr").
const TEMPLATE_COMPANIONS = new Set(['adr', 'adrs', 'madr', 'nygard', 'decision', 'record', 'architecture', 'default', 'short', 'long', 'full', 'minimal', 'bare', 'new', 'example', 'sample', 'v2', 'v3', 'v4']);

/**
 * A template's file name, in any case: every word of it (after a leading number) is a template word
 * or one of its companions, and one is a template word. "0039-use-apache-velocity-as-template-engine.md"
 * is an ADR about templates, not one.
 */
export function isTemplateName(name: string): boolean {
  const stem = basename(name)
    .replace(/\.(md|markdown)$/i, '')
    .toLowerCase();
  const words = stem.replace(/^\d+(?=[-_. ]|$)/, '').split(/[-_. ]+/).filter(Boolean);
  return words.length > 0 && words.some((word) => TEMPLATE_WORDS.has(word)) && words.every((word) => TEMPLATE_WORDS.has(word) || TEMPLATE_COMPANIONS.has(word));
}

// A file name that carries a record number or a date before its title: "0007-x.md", "0007.md",
// "ADR-007-x.md", "adr_007_x.md", "ADR0007.md", "20200924-x.md", "2020-09-24-x.md".
const NUMBERED_NAME = /^(?:[a-z]{1,5}[-_ .]?)?\d+(?=[-_. ]|$)/i;

/** Whether a file name starts with a record number or a date (after an optional short prefix such as "ADR-"). */
export function isNumberedName(name: string): boolean {
  return NUMBERED_NAME.test(basename(name).replace(/\.(md|markdown)$/i, ''));
}

/**
 * Whether the ADR candidates of one folder (markdown names that are not templates, READMEs or index
 * pages) are numbered records: at least two carry a number or a date, and they are most of them.
 * In such a folder an unnumbered file (`install.md`, `glossary.md`) is a page beside the records,
 * not one of them.
 */
export function isNumberedFolder(names: readonly string[]): boolean {
  const numbered = names.filter((name) => isNumberedName(name)).length;
  return numbered >= 2 && numbered * 2 > names.length;
}
