// The rule engine: run the configured rules over parsed ADRs and collect ESLint-shaped results. It is
// given the rules (LintContext `rules`: the run layer and the shells pass rules/index.ts's list) and
// knows none of them by name.
import type { Catalogue } from '../model/catalogue.ts';
import type { ResolvedConfig } from '../model/config.ts';
import { parseAdr } from '../parse/parse-adr.ts';
import { TooComplexError } from '../parse/complexity.ts';
import { buildRecord } from '../parse/record.ts';
import { applyDirectives } from '../parse/directives.ts';
import { conventionsOfRecords } from '../parse/conventions.ts';
import { latestToday } from '../model/dates.ts';
import { dirname } from 'node:path';
import type { AdrRecord, Diagnostic, DisableDirective, LintSettings, ParsedAdr, ProjectIndex, ReportDescriptor, Rule, SetConventions } from '../model/types.ts';

export interface LintResult {
  /** Absolute path of the file. */
  filePath: string;
  messages: Diagnostic[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The text that was linted (BOM excluded); with a fix, the file as read (BOM included). */
  source?: string;
  /** With fixing: the fixed text (BOM included), when it differs from the file. */
  output?: string;
  /** With fixing: how many problems the fixes resolved. */
  fixedCount?: number;
}

export interface LintContext {
  /** The rules to run, in report order; each runs as `config.rules` sets it (off when absent). */
  rules: readonly Rule[];
  catalogue: Catalogue;
  config: ResolvedConfig;
  /** The files around the ADRs; without one, links and folders are judged from the set alone. */
  project?: ProjectIndex;
  /** Report `adrlint-disable` directives that disabled nothing (`--report-unused-disable`). */
  reportUnusedDisable?: boolean;
  /** False (`--no-inline-config`): `adrlint-disable` comments and frontmatter keys are ignored, neither disabling nor reported. */
  inlineConfig?: boolean;
  /**
   * Each ADR folder's conventions (src/parse/conventions.ts), by folder. Without an entry, they are read
   * from the set's records (no template is known then).
   */
  conventions?: ReadonlyMap<string, SetConventions>;
  /** Today as YYYY-MM-DD (src/model/dates.ts `latestToday`), read once for a run; without it, read for each ADR. */
  today?: string;
}

/** The settings the rule `ruleId` sees. */
export function settingsOf(config: ResolvedConfig, ruleId: string, today: string = latestToday()): LintSettings {
  return {
    statuses: config.statuses,
    statusesGiven: config.statusesGiven,
    linkTemplate: config.linkTemplate,
    requested: config.explicitRules.includes(ruleId),
    userCatalogue: config.catalogue !== null,
    today,
    index: config.index ?? null,
    indexTemplate: config.indexTemplate ?? 'table',
  };
}

/**
 * Run every enabled rule over one parsed ADR. `record` is this ADR's record when the caller built
 * it from this very parse; otherwise (a fix pass over changed text) it is built afresh and takes
 * the place of the set's stale one.
 */
export function checkAdr(
  adr: ParsedAdr,
  set: readonly AdrRecord[],
  { rules, catalogue, config, project, conventions: folders, today }: LintContext,
  current?: AdrRecord,
  scope: 'file' | 'set' | 'all' = 'all',
): Diagnostic[] {
  const messages: Diagnostic[] = [];
  const record = current ?? buildRecord(adr, catalogue);
  const records = scope === 'file' || set.includes(record) ? set : [...set.filter((entry) => entry.path !== adr.path), record];
  const files = project ?? setOnlyProject(records);
  const conventions = folders?.get(dirname(adr.path)) ?? conventionsOfRecords(records, adr);
  // Read once: every rule of the file sees the same day.
  const now = today ?? latestToday();
  const owners = topicOwners(rules, config);
  for (const rule of rules) {
    if (scope !== 'all' && rule.meta.scope !== scope) continue;
    const setting = config.rules[rule.meta.id];
    if (!setting || setting.severity === 'off') continue;
    const configured = setting.severity;
    const report = (descriptor: ReportDescriptor) => {
      if (descriptor.topic !== undefined && (owners.get(descriptor.topic) ?? rule.meta.id) !== rule.meta.id) return;
      const start = adr.lines.position(descriptor.range[0]);
      const end = adr.lines.position(Math.max(descriptor.range[0], descriptor.range[1]));
      const diagnostic: Diagnostic = {
        ruleId: rule.meta.id,
        severity: descriptor.severity === 'warn' ? 'warn' : configured,
        message: oneLine(descriptor.message),
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        url: rule.meta.docs.url,
      };
      if (descriptor.fix) diagnostic.fix = descriptor.fix;
      if (descriptor.suggestions?.length)
        diagnostic.suggestions = descriptor.suggestions.map((text) => (typeof text === 'string' ? { desc: `Replace with "${text}"`, fix: { range: descriptor.range, text } } : text));
      messages.push(diagnostic);
    };
    const settings = settingsOf(config, rule.meta.id, now);
    rule.check({ adr, record, set: records, project: files, catalogue, settings, conventions, options: setting.options, report });
  }
  return messages.sort(byPosition);
}

/**
 * Which enabled rule owns each kind of finding (RuleMeta `owns`). Ownership is the engine's rule, not
 * a rule's question: a rule tags a problem with its `topic`, and while the topic's owner is on the
 * engine drops that problem, whatever the owner found (the owner reports the flaw in its own words,
 * with its own fix). Topics are named in rules/support/topics.ts; the rules that tag and own one
 * never name each other.
 */
function topicOwners(rules: readonly Rule[], config: ResolvedConfig): Map<string, string> {
  // Once per rule list and config: checkAdr runs for every file of a run.
  let byConfig = ownerMaps.get(rules);
  if (!byConfig) ownerMaps.set(rules, (byConfig = new WeakMap()));
  let owners = byConfig.get(config);
  if (!owners) byConfig.set(config, (owners = findOwners(rules, config)));
  return owners;
}

const ownerMaps = new WeakMap<readonly Rule[], WeakMap<ResolvedConfig, Map<string, string>>>();

function findOwners(rules: readonly Rule[], config: ResolvedConfig): Map<string, string> {
  const owners = new Map<string, string>();
  for (const rule of rules) {
    const severity = config.rules[rule.meta.id]?.severity;
    if (severity === undefined || severity === 'off') continue;
    for (const topic of rule.meta.owns ?? []) if (!owners.has(topic)) owners.set(topic, rule.meta.id);
  }
  return owners;
}

/** Report order: by position, then rule id. Stable, so one rule's problems keep their order. */
export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? '');
}

/** The problems of the file rules (maybe from the cache) and of the set rules, in report order. */
export function mergeMessages(fileMessages: readonly Diagnostic[], setMessages: readonly Diagnostic[]): Diagnostic[] {
  return [...fileMessages, ...setMessages].sort(byPosition);
}

/**
 * A file's problems as its `adrlint-disable` comments and frontmatter key leave them: the disabled
 * ones dropped, the directives' own problems (unknown rules, unused directives) added. Applied once
 * every rule ran, to the file rules' problems (maybe from the cache) and the set rules' alike.
 */
export function withDirectives(messages: readonly Diagnostic[], directives: readonly DisableDirective[] | undefined, context: Pick<LintContext, 'rules' | 'reportUnusedDisable' | 'inlineConfig'>): Diagnostic[] {
  if (!directives?.length || context.inlineConfig === false) return [...messages];
  const outcome = applyDirectives(messages, directives, { knownRules: ruleIds(context.rules), reportUnused: context.reportUnusedDisable ?? false });
  return mergeMessages(outcome.messages, outcome.problems);
}

// The ids of a rule list, once per list: a directive names rules by id.
const ruleIdSets = new WeakMap<readonly Rule[], ReadonlySet<string>>();

function ruleIds(rules: readonly Rule[]): ReadonlySet<string> {
  let ids = ruleIdSets.get(rules);
  if (!ids) ruleIdSets.set(rules, (ids = new Set(rules.map((rule) => rule.meta.id))));
  return ids;
}

const CONTROL_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Messages quote ADR text; a message is one line whatever that text holds. */
export function oneLine(message: string): string {
  return message.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => CONTROL_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A project that knows only the ADRs of the set (in-memory linting, editor integrations). */
function setOnlyProject(records: readonly AdrRecord[]): ProjectIndex {
  const byPath = new Map(records.map((record) => [record.path, record]));
  const folders = new Set(records.map((record) => record.folder));
  return {
    root: '/',
    complete: false,
    exists: (path) => byPath.has(path) || folders.has(path),
    isDirectory: (path) => folders.has(path),
    anchors: (path) => byPath.get(path)?.anchors ?? null,
    list: (folder) => records.filter((record) => record.folder === folder).map((record) => record.name),
  };
}

export function summarise(filePath: string, messages: Diagnostic[], source?: string): LintResult {
  const result: LintResult = {
    filePath,
    messages,
    errorCount: 0,
    fatalErrorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
  };
  for (const message of messages) {
    if (message.severity === 'error') {
      result.errorCount++;
      if (message.fatal) result.fatalErrorCount++;
      if (message.fix) result.fixableErrorCount++;
    } else {
      result.warningCount++;
      if (message.fix) result.fixableWarningCount++;
    }
  }
  if (source !== undefined) result.source = source;
  return result;
}

/** A problem of the file itself rather than of its content (no rule, at 1:1). */
export function fileProblem(reason: string, fatal = false): Diagnostic {
  return { ruleId: null, severity: 'error', ...(fatal ? { fatal: true } : {}), message: oneLine(reason), line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** A file that could not be linted at all, as ESLint reports a fatal parse error. */
export function fatalResult(filePath: string, reason: string): LintResult {
  return summarise(filePath, [fileProblem(reason, true)]);
}

/** Lint one text as if it were the file at `filePath` (editor integrations, tests, stdin). */
export function lintText(filePath: string, source: string, context: LintContext, set?: readonly AdrRecord[]): LintResult {
  let adr: ParsedAdr;
  try {
    adr = parseAdr(filePath, source, context.catalogue);
  } catch (error) {
    if (error instanceof TooComplexError) return fatalResult(filePath, `${filePath} ${error.message}`);
    throw error;
  }
  const records = set ?? [buildRecord(adr, context.catalogue)];
  return summarise(filePath, withDirectives(checkAdr(adr, records, context), adr.directives, context), adr.text);
}

/** Errors, warnings and fixable problems over a run's results. */
export function totals(results: readonly LintResult[]): { errors: number; warnings: number; fixable: number } {
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    fixable += result.fixableErrorCount + result.fixableWarningCount;
  }
  return { errors, warnings, fixable };
}
