// The shape of a cache entry, checked as it is read (src/io/cache.ts): the cache is a file on disk that
// anyone can edit, and a record or a problem of the wrong shape would otherwise break a rule far
// from here ("Cannot read properties of undefined"). The checks are of types only, one pass over
// the entry's JSON data: cheaper than the parse of the JSON itself.
import type { AdrRecord, Diagnostic } from '../model/types.ts';
import type { BodyField, HeadField } from '../model/record-fields.ts';

/** A file's results as a run gives them to the cache (src/io/cache.ts writes them as a StoredEntry). */
export interface CacheEntry {
  hash: string;
  /**
   * `partial`: the record was read from its file's head (src/parse/record-head.ts) and its other
   * fields were not read; the run reads them from the file's text if anything asks.
   */
  record: AdrRecord & { partial?: true };
  /** The file rules' problems; null when the file was only read as a member of the set. */
  messages: Diagnostic[] | null;
  /** The fingerprint of the folder's conventions the problems were found under (none: no conventions). */
  conventions?: string;
  /** A linted file's set-rule problems, with what they were found from (src/run/set-cache.ts). */
  set?: SetResult;
}

/**
 * An entry as the cache file holds it: the record's head fields as data (every run reads them:
 * the set's fingerprint), its other fields as one JSON text (`body`), parsed only when something
 * reads one of them: a warm run over thousands of files then reads a few objects a file, not
 * every section, link and anchor. A record read from its head has no body (`partial`).
 */
export interface StoredEntry extends Omit<CacheEntry, 'record'> {
  record: StoredHead;
  body?: string;
}

/** The head fields of a record (src/model/record-fields.ts), its disable directives, and whether the record is partial. */
export type StoredHead = Pick<AdrRecord, HeadField | 'h1Range' | 'directives'> & { partial?: true };

/** A question a set rule asked of the files around, with its answer then. */
export type SetDependency = [kind: 'exists' | 'dir' | 'list' | 'record' | 'anchors', path: string, answer: string];

export interface SetResult {
  /** The run's set fingerprint: the head fields of the set's records, the day, the root. */
  key: string;
  messages: Diagnostic[];
  dependencies: SetDependency[];
}

type Check = (value: unknown) => boolean;

const isString: Check = (value) => typeof value === 'string';
const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);
const isBoolean: Check = (value) => typeof value === 'boolean';
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const nullable = (check: Check): Check => (value) => value === null || check(value);
const oneOf = (...values: readonly unknown[]): Check => (value) => values.includes(value);
const listOf = (check: Check): Check => (value) => Array.isArray(value) && value.every(check);
const isRange: Check = (value) => Array.isArray(value) && value.length === 2 && isNumber(value[0]) && isNumber(value[1]);

/** An object with these fields (and maybe others): `optional` ones may also be missing. */
function shape(fields: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  const required = Object.entries(fields);
  const maybe = Object.entries(optional);
  return (value) =>
    isObject(value) && required.every(([key, check]) => check(value[key])) && maybe.every(([key, check]) => value[key] === undefined || check(value[key]));
}

const isField = shape({ value: isString, range: isRange });
const isTextEdit = shape({ range: isRange, text: isString });

const isDiagnostic = shape(
  { ruleId: nullable(isString), severity: oneOf('warn', 'error'), message: isString, line: isNumber, column: isNumber, endLine: isNumber, endColumn: isNumber },
  { url: isString, fatal: isBoolean, fix: isTextEdit, suggestions: listOf(shape({ desc: isString, fix: isTextEdit })) },
);

const isDirective = shape(
  {
    kind: oneOf('disable', 'enable', 'disable-line', 'disable-next-line', 'disable-file'),
    rules: listOf(isString),
    line: isNumber,
    column: isNumber,
    endLine: isNumber,
    endColumn: isNumber,
    removal: nullable(isRange),
    rulesRange: nullable(isRange),
  },
  { error: isString },
);

// The checks of each field, keyed by the lists of src/model/record-fields.ts: a field added there
// and not here fails to compile.
const headFields: Record<HeadField, Check> = {
  path: isString,
  folder: isString,
  name: isString,
  fileNumber: nullable(isNumber),
  number: nullable(shape({ value: isNumber, text: isString, range: isRange })),
  title: nullable(isString),
  date: nullable(isField),
  relations: listOf(
    shape(
      { kind: oneOf('supersedes', 'superseded-by', 'amends', 'amended-by'), target: nullable(isString), number: nullable(isNumber), raw: isString, range: isRange },
      { inFrontmatter: isBoolean },
    ),
  ),
};

// Directives are kept with the head (below), so the body is every other body field.
const bodyFields: Record<Exclude<BodyField, 'mentioned' | 'directives'>, Check> = {
  format: oneOf('madr', 'madr2', 'nygard', 'unknown'),
  h1Count: isNumber,
  h1Range: nullable(isRange),
  frontmatterTitle: nullable(isField),
  status: nullable(isField),
  sections: listOf(shape({ title: isString, range: isRange })),
  anchors: listOf(isString),
  links: listOf(shape({ url: isString, range: isRange })),
  images: listOf(shape({ url: isString, range: isRange })),
  patterns: listOf(isString),
};
const optionalBodyFields: Record<'mentioned', Check> = { mentioned: listOf(isString) };

// A linted file's problems go through its directives: kept with the head, they need no body read.
const isHead = shape(headFields, { h1Range: nullable(isRange), directives: listOf(isDirective), partial: oneOf(true) });
const isBody = shape(bodyFields, optionalBodyFields);

const isDependency: Check = (value) => Array.isArray(value) && value.length === 3 && oneOf('exists', 'dir', 'list', 'record', 'anchors')(value[0]) && isString(value[1]) && isString(value[2]);
const isSetResult = shape({ key: isString, messages: listOf(isDiagnostic), dependencies: listOf(isDependency) });

const isEntry = shape({ hash: isString, record: isHead, messages: nullable(listOf(isDiagnostic)) }, { body: isString, conventions: isString, set: isSetResult });

/** Whether `value` is a well-formed stored entry for the file `path` (its record is of that file; its body is checked when it is read). */
export function isStoredEntry(value: unknown, path: string): value is StoredEntry {
  const entry = value as StoredEntry;
  return isEntry(value) && entry.record.path === path && (entry.record.partial === true || entry.body !== undefined);
}

/** A record's fields besides its head (from the record's JSON), as stored. */
export function storedBody(record: Record<string, unknown>): string {
  const body: Record<string, unknown> = {};
  for (const key of [...Object.keys(bodyFields), ...Object.keys(optionalBodyFields)]) if (record[key] !== undefined) body[key] = record[key];
  return JSON.stringify(body);
}

/** The head of a record (from the record's JSON), as stored. */
export function storedHead(record: Record<string, unknown>): StoredHead {
  const head: Record<string, unknown> = {};
  for (const key of [...Object.keys(headFields), 'h1Range', 'directives', 'partial']) if (record[key] !== undefined) head[key] = record[key];
  return head as StoredHead;
}

/** The record of a stored head and body, or null when the body is not a record's (a damaged file: the caller reads the file again). */
export function recordOfStored(head: StoredHead, body: string): AdrRecord | null {
  let fields: unknown;
  try {
    fields = JSON.parse(body);
  } catch {
    return null;
  }
  if (!isBody(fields)) return null;
  const { partial: _partial, ...headFields } = head;
  return { ...(fields as object), ...headFields } as AdrRecord;
}
