// SARIF 2.1.0, the log GitHub code scanning (and editors' SARIF viewers) read: every rule of
// adrlint with its documentation, one result per problem, and the fixes as replacements.
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rules } from '../../rules/index.ts';
import { REPOSITORY_URL } from '../model/rule-docs-url.ts';
import { oneLine, type LintResult } from '../engine/run-rules.ts';
import { createLineIndex } from '../model/positions.ts';
import { placesIn, sarifFingerprint } from '../engine/fingerprint.ts';
import type { Diagnostic, LineIndex, Position, Rule, Severity, TextEdit } from '../model/types.ts';

export interface SarifOptions {
  /** The repository root: artifact URIs are relative to it (`%SRCROOT%`). */
  root: string;
  version: string;
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** The partialFingerprints key; a new way of computing it needs a new key, not a changed value. */
export const FINGERPRINT_KEY = 'adrlint/v1';

type Level = 'error' | 'warning';

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

const levelOf = (severity: Exclude<Severity, 'off'>): Level => (severity === 'error' ? 'error' : 'warning');

const utf8 = new TextEncoder();

/** A description as a sentence, for texts that join it with more sentences. */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

const pascalCase = (id: string) => id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, letter: string) => letter.toUpperCase());

/**
 * A path segment as a URI reference allows it: unreserved characters, sub-delimiters and `@` as
 * they are, every other character (space, `%`, `#`, `?`, `:`, non-ASCII, …) as its UTF-8 bytes
 * percent-encoded. `:` is encoded too, or a first segment such as `a:b` would read as a scheme.
 */
function encodeSegment(segment: string): string {
  let out = '';
  for (const char of segment) {
    if (/^[A-Za-z0-9\-._~!$&'()*+,;=@]$/.test(char)) out += char;
    // TextEncoder writes a lone surrogate (possible in a Windows file name) as U+FFFD, where
    // encodeURIComponent would throw.
    else for (const byte of utf8.encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * An absolute file URI. Whatever a Node version's pathToFileURL leaves in the path that RFC 3986
 * does not allow there is percent-encoded too, so the URI is valid wherever adrlint runs.
 */
function fileUri(path: string): string {
  return pathToFileURL(path).href.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/%]/g, encodeSegment);
}

/** Relative to the repository root when the file is inside it; else an absolute file URI. */
export function artifactLocation(root: string, filePath: string): ArtifactLocation {
  const path = relative(root, filePath);
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return { uri: fileUri(filePath) };
  return { uri: path.split(sep).map(encodeSegment).join('/'), uriBaseId: SRCROOT };
}

function fenced(code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}markdown\n${code.endsWith('\n') ? code : `${code}\n`}${fence}`;
}

function ruleDescriptor({ meta }: Rule) {
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.docs.why },
    helpUri: meta.docs.url,
    help: {
      text: `${sentence(meta.description)}\n\n${meta.docs.why}\n\n${meta.docs.url}`,
      markdown: `**${sentence(meta.description)}**\n\n${meta.docs.why}\n\nWrong:\n\n${fenced(meta.docs.wrong)}\n\nRight:\n\n${fenced(meta.docs.right)}\n\n[Documentation](${meta.docs.url})`,
    },
    // A rule that is off unless a preset or config turns it on is disabled by default; SARIF has
    // no level for "off" ("none" means "not a problem"), so it keeps SARIF's default level.
    defaultConfiguration: meta.defaultSeverity === 'off' ? { enabled: false, level: 'warning' } : { level: levelOf(meta.defaultSeverity) },
    properties: { tags: ['documentation', meta.id.split('-')[0] ?? meta.id], fixable: meta.fixable },
  };
}

/**
 * The text the diagnostics' positions and fixes refer to, BOM excluded: the linted text, or,
 * after fixing, the fixed text (the messages are what remains of it).
 */
function lintedText(result: LintResult): string | undefined {
  const text = result.output ?? result.source;
  return text?.replace(/^\uFEFF/, '');
}

/**
 * Line and column of an offset, exact for every offset. The shared conversion counts the point
 * between a CR and its LF as the next line's start (no diagnostic points there); an edit's range
 * may end there, so it is one column past the CR, which a reader turns back into that offset.
 */
function exactPosition(text: string, lines: LineIndex, offset: number): Position {
  if (offset > 0 && text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10) {
    const cr = lines.position(offset - 1);
    return { line: cr.line, column: cr.column + 1 };
  }
  return lines.position(offset);
}

function rangeRegion(text: string, lines: LineIndex, [start, end]: [number, number]): Region {
  const from = exactPosition(text, lines, start);
  const to = exactPosition(text, lines, end);
  return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
}

function quoted(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `"${oneLine(short)}"`;
}

function describeEdit(text: string, { range: [start, end], text: inserted }: TextEdit): string {
  const deleted = text.slice(start, end);
  if (!deleted) return `Insert ${quoted(inserted)}`;
  if (!inserted) return `Delete ${quoted(deleted)}`;
  return `Replace ${quoted(deleted)} with ${quoted(inserted)}`;
}

/** A linted file as its results refer to it: where it is, and its text and line index when known. */
interface SarifFile {
  location: ArtifactLocation;
  text?: string;
  lines?: LineIndex;
}

/** A fix as SARIF writes it: one replacement in the file, described in words. */
function sarifFix({ location, text, lines }: Required<SarifFile>, fix: TextEdit) {
  return {
    description: { text: describeEdit(text, fix) },
    artifactChanges: [{ artifactLocation: location, replacements: [{ deletedRegion: rangeRegion(text, lines, fix.range), insertedContent: { text: fix.text } }] }],
  };
}

function sarifResult(m: Diagnostic & { ruleId: string }, file: SarifFile, fingerprint: string, ruleIndex: number | undefined) {
  const region = { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn };
  const { text, lines } = file;
  return {
    ruleId: m.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: levelOf(m.severity),
    message: { text: m.message },
    locations: [{ physicalLocation: { artifactLocation: file.location, region } }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint },
    ...(m.fix && text !== undefined && lines ? { fixes: [sarifFix({ location: file.location, text, lines }, m.fix)] } : {}),
  };
}

/**
 * A file that could not be read, parsed or written is not a finding about its content, so it is no
 * result (a result needs a rule, and would become an alert). SARIF's place for it is a tool execution
 * notification, whose level "error" tells readers the results are incomplete. The run still
 * succeeded: GitHub code scanning refuses to process the results of a log whose invocation says
 * executionSuccessful: false, which would throw away every other file's problems because one file
 * was unreadable.
 */
function notification(m: Diagnostic, location: ArtifactLocation) {
  return { level: levelOf(m.severity), message: { text: m.message }, locations: [{ physicalLocation: { artifactLocation: location } }] };
}

/** The results and notifications of every file, in order. */
function sarifEntries(results: readonly LintResult[], root: string): { results: unknown[]; notifications: unknown[] } {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.meta.id, index]));
  const entries = { results: [] as unknown[], notifications: [] as unknown[] };
  for (const result of results) {
    const text = lintedText(result);
    const file: SarifFile = { location: artifactLocation(root, result.filePath), ...(text !== undefined ? { text, lines: createLineIndex(text) } : {}) };
    const placeOf = file.text !== undefined ? placesIn(file.text, file.lines) : undefined;
    // Two problems of one rule on lines of the same text get the same hash; the occurrence count
    // tells them apart, as GitHub does with its own line hashes.
    const occurrences = new Map<string, number>();
    for (const m of result.messages) {
      if (m.ruleId === null) {
        entries.notifications.push(notification(m, file.location));
        continue;
      }
      const hash = sarifFingerprint({ rule: m.ruleId, message: m.message, ...(placeOf ? { place: placeOf(m) } : {}) }, file.location.uri);
      const occurrence = (occurrences.get(hash) ?? 0) + 1;
      occurrences.set(hash, occurrence);
      entries.results.push(sarifResult({ ...m, ruleId: m.ruleId }, file, `${hash}:${occurrence}`, ruleIndex.get(m.ruleId)));
    }
  }
  return entries;
}

export function formatSarif(results: readonly LintResult[], { root, version }: SarifOptions): string {
  const { results: sarifResults, notifications } = sarifEntries(results, root);
  const rootUri = fileUri(root);
  const driver = { name: 'adrlint', version, semanticVersion: version, informationUri: REPOSITORY_URL, rules: rules.map(ruleDescriptor) };
  const run = {
    tool: { driver },
    invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
    originalUriBaseIds: { [SRCROOT]: { uri: rootUri.endsWith('/') ? rootUri : `${rootUri}/` } },
    results: sarifResults,
    // Our columns count UTF-16 code units, and our lines end at CRLF, LF and a lone CR (as
    // micromark counts them); SARIF's default line breaks are CRLF and LF only.
    columnKind: 'utf16CodeUnits',
    newlineSequences: ['\r\n', '\n', '\r'],
  };
  return `${JSON.stringify({ $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] }, null, 2)}\n`;
}
