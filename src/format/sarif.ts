// SARIF 2.1.0, the log GitHub code scanning (and editors' SARIF viewers) read: every rule of
// adrlint with its documentation, one result per problem, and the fixes as replacements. A problem
// of no rule (a file that could not be linted, a disable directive's own) is a result too, under a
// rule of its own (`adrlint/fatal`, `adrlint/directive`), so code scanning shows what failed the run.
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Fix, Invocation, Log, Notification, Region, ReportingDescriptor, Result, Run } from 'sarif';
import { rules } from '../../rules/index.ts';
import { REPOSITORY_URL } from '../model/rule-docs-url.ts';
import { oneLine, type LintResult } from '../engine/run-rules.ts';
import { createLineIndex } from '../model/positions.ts';
import { placesIn, sarifFingerprint } from '../engine/fingerprint.ts';
import type { Diagnostic, LineIndex, Position, Rule, Severity, TextEdit } from '../model/types.ts';
import { insidePath, toPosix } from '../model/paths.ts';

export interface SarifOptions {
  /** The repository root: artifact URIs are relative to it (`%SRCROOT%`). */
  root: string;
  version: string;
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** The partialFingerprints key; a new way of computing it needs a new key, not a changed value. */
export const FINGERPRINT_KEY = 'adrlint/v1';

/** The rule of a problem that a file could not be read, parsed or written (`fatal` ones and write failures). */
export const FATAL_RULE_ID = 'adrlint/fatal';
/** The rule of a disable directive's own problem: an unknown rule id, a bad frontmatter value, an unused directive. */
export const DIRECTIVE_RULE_ID = 'adrlint/directive';

type Level = 'error' | 'warning';

/** An artifact location that always has its URI. */
type FileLocation = ArtifactLocation & { uri: string };

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
export function artifactLocation(root: string, filePath: string): FileLocation {
  const path = insidePath(root, filePath);
  if (path === null) return { uri: fileUri(filePath) };
  return { uri: toPosix(path).split('/').map(encodeSegment).join('/'), uriBaseId: SRCROOT };
}

function fenced(code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}markdown\n${code.endsWith('\n') ? code : `${code}\n`}${fence}`;
}

function ruleDescriptor({ meta }: Rule): ReportingDescriptor {
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
  location: FileLocation;
  text?: string;
  lines?: LineIndex;
}

/** A fix as SARIF writes it: one replacement in the file, described in words. */
function sarifFix({ location, text, lines }: Required<SarifFile>, fix: TextEdit): Fix {
  return {
    description: { text: describeEdit(text, fix) },
    artifactChanges: [{ artifactLocation: location, replacements: [{ deletedRegion: rangeRegion(text, lines, fix.range), insertedContent: { text: fix.text } }] }],
  };
}

function sarifResult(m: Diagnostic & { ruleId: string }, file: SarifFile, fingerprint: string, ruleIndex: number | undefined): Result {
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
 * The rules of the problems no rule of adrlint reports, after adrlint's rules (their indexes stay
 * the rules' own). Code scanning shows a result's rule help beside the alert: it says what
 * happened and what to do.
 */
const NO_RULE_DESCRIPTORS: readonly ReportingDescriptor[] = [
  {
    id: FATAL_RULE_ID,
    name: 'Fatal',
    shortDescription: { text: 'A file adrlint could not read, parse or write' },
    fullDescription: {
      text: 'adrlint could not lint this file (it is empty, binary, not UTF-8, too large, unreadable, too complex to parse, a link loop, or a path that does not exist), so none of its other problems are in the log; or it could not write the fixes of the file. The message says which. The other files are linted as usual.',
    },
    helpUri: `${REPOSITORY_URL}#report-formats`,
    help: {
      text: `A file adrlint could not read, parse or write. The message says why: make the file a readable UTF-8 markdown file within the limits, or fix the path that was given, and run adrlint again.\n\n${REPOSITORY_URL}#report-formats`,
      markdown: `**A file adrlint could not read, parse or write.**\n\nThe message says why: make the file a readable UTF-8 markdown file within the limits, or fix the path that was given, and run adrlint again.\n\n[Documentation](${REPOSITORY_URL}#report-formats)`,
    },
    defaultConfiguration: { level: 'error' },
    properties: { fixable: false },
  },
  {
    id: DIRECTIVE_RULE_ID,
    name: 'Directive',
    shortDescription: { text: 'An adrlint-disable comment or frontmatter key that names an unknown rule, has a bad value, or turned nothing off' },
    fullDescription: {
      text: 'A disable directive must name adrlint rules: an unknown id (a typo) turns nothing off, and is an error. The adrlint-disable frontmatter key takes true, "all" or rule ids. With --report-unused-disable, a directive that turned no problem off is reported, and --fix removes it.',
    },
    helpUri: `${REPOSITORY_URL}#turning-rules-off-in-a-file`,
    help: {
      text: `Correct the rule id or the value of the directive, or remove a directive that turns nothing off (--fix does, with --report-unused-disable).\n\n${REPOSITORY_URL}#turning-rules-off-in-a-file`,
      markdown: `**Correct the rule id or the value of the directive, or remove a directive that turns nothing off** (\`--fix\` does, with \`--report-unused-disable\`).\n\n[Documentation](${REPOSITORY_URL}#turning-rules-off-in-a-file)`,
    },
    defaultConfiguration: { level: 'error' },
    properties: { fixable: true },
  },
];

/** The SARIF rule of a problem: its own, else the one of its kind (a directive's, else a file's). */
const sarifRuleId = (m: Diagnostic): string => m.ruleId ?? (m.directive ? DIRECTIVE_RULE_ID : FATAL_RULE_ID);

/**
 * A file that could not be read, parsed or written is, besides its result, a tool execution
 * notification, whose level "error" tells SARIF readers that the results are incomplete. The run
 * still succeeded: GitHub code scanning refuses to process the results of a log whose invocation
 * says executionSuccessful: false, which would throw away every other file's problems because one
 * file was unreadable. A directive's problem is a finding about the file's text, not about the run:
 * a result only.
 */
function notification(m: Diagnostic, location: ArtifactLocation): Notification {
  return { level: levelOf(m.severity), message: { text: m.message }, locations: [{ physicalLocation: { artifactLocation: location } }] };
}

/** The results and notifications of every file, in order. */
function sarifEntries(results: readonly LintResult[], root: string, descriptors: readonly ReportingDescriptor[]): { results: Result[]; notifications: Notification[] } {
  const ruleIndex = new Map(descriptors.map((descriptor, index) => [descriptor.id, index]));
  const entries = { results: [] as Result[], notifications: [] as Notification[] };
  for (const result of results) {
    const text = lintedText(result);
    const file: SarifFile = { location: artifactLocation(root, result.filePath), ...(text !== undefined ? { text, lines: createLineIndex(text) } : {}) };
    const placeOf = file.text !== undefined ? placesIn(file.text, file.lines) : undefined;
    // Two problems of one rule on lines of the same text get the same hash; the occurrence count
    // tells them apart, as GitHub does with its own line hashes.
    const occurrences = new Map<string, number>();
    for (const m of result.messages) {
      const ruleId = sarifRuleId(m);
      if (ruleId === FATAL_RULE_ID) entries.notifications.push(notification(m, file.location));
      const hash = sarifFingerprint({ rule: ruleId, message: m.message, ...(placeOf ? { place: placeOf(m) } : {}) }, file.location.uri);
      const occurrence = (occurrences.get(hash) ?? 0) + 1;
      occurrences.set(hash, occurrence);
      entries.results.push(sarifResult({ ...m, ruleId }, file, `${hash}:${occurrence}`, ruleIndex.get(ruleId)));
    }
  }
  return entries;
}

export function formatSarif(results: readonly LintResult[], { root, version }: SarifOptions): string {
  const descriptors = [...rules.map(ruleDescriptor), ...NO_RULE_DESCRIPTORS];
  const { results: sarifResults, notifications } = sarifEntries(results, root, descriptors);
  const rootUri = fileUri(root);
  const invocation: Invocation = { executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) };
  const run: Run = {
    tool: { driver: { name: 'adrlint', version, semanticVersion: version, informationUri: REPOSITORY_URL, rules: descriptors } },
    invocations: [invocation],
    originalUriBaseIds: { [SRCROOT]: { uri: rootUri.endsWith('/') ? rootUri : `${rootUri}/` } },
    results: sarifResults,
    // Our columns count UTF-16 code units, and our lines end at CRLF, LF and a lone CR (as
    // micromark counts them); SARIF's default line breaks are CRLF and LF only.
    columnKind: 'utf16CodeUnits',
    newlineSequences: ['\r\n', '\n', '\r'],
  };
  const log: Log = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
  return `${JSON.stringify(log, null, 2)}\n`;
}
