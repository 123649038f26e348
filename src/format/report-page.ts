// What the HTML report shows besides the set report (report-model.ts): the lint problems of each
// file, which decisions replaced or amended each one, the patterns each ADR only mentions, the
// catalogue's categories, and the page's header. Pure: the shell gives it the run's records and
// results, the page's name, date and version. The set report itself is left as it is, so that the
// JSON, markdown and Mermaid reports do not change.
import { basename, relative, sep } from 'node:path';
import type { LintResult } from '../engine/run-rules.ts';
import type { AdrRecord } from '../model/types.ts';
import type { PatternUsage, ReportAdr, SetReport } from './report-model.ts';

export interface PageProblem {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
  ruleId: string | null;
  /** The rule's documentation page (http or https only), or null. */
  url: string | null;
  /** `adrlint --fix` fixes it. */
  fixable: boolean;
}

export interface PageFile {
  /** Relative to the report's root, with `/` separators. */
  path: string;
  problems: PageProblem[];
}

export interface PageAdr extends ReportAdr {
  /** The decisions that supersede (amend) this one, by path. */
  supersededBy: string[];
  amendedBy: string[];
  /** Catalogue patterns the body mentions as used without declaring them. */
  mentions: string[];
  errors: number;
  warnings: number;
}

export interface PagePattern extends PatternUsage {
  /** The ADRs that mention it as used without declaring it. */
  mentionedBy: string[];
}

export interface PageCategory {
  /** The catalogue's name for it ('' for patterns of no listed category). */
  name: string;
  patterns: PagePattern[];
}

export interface ReportPage {
  /** The set's name: the repository's, or its folder's. */
  name: string;
  /** The ADR folders of the set, relative to the root. */
  folders: string[];
  /** When the page was made (ISO 8601), and by which adrlint. */
  generated: string;
  version: string;
  adrs: PageAdr[];
  byStatus: SetReport['byStatus'];
  categories: PageCategory[];
  unknownPatterns: SetReport['unknownPatterns'];
  supersedes: SetReport['supersedes'];
  amends: SetReport['amends'];
  /** The files with problems, in the order of the decisions table, then the other files linted. */
  files: PageFile[];
  totals: { errors: number; warnings: number; fixable: number };
}

export interface ReportPageOptions {
  root: string;
  name: string;
  generated: Date;
  version: string;
  records: readonly AdrRecord[];
  results: readonly LintResult[];
}

function relativePath(root: string, path: string): string {
  return (relative(root, path) || basename(path)).split(sep).join('/');
}

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function webUrl(url: string | undefined): string | null {
  return url !== undefined && /^https?:\/\//i.test(url) ? url : null;
}

function pageFiles(results: readonly LintResult[], root: string, order: ReadonlyMap<string, number>): PageFile[] {
  const files = results
    .filter((result) => result.messages.length > 0)
    .map((result) => ({
      path: relativePath(root, result.filePath),
      problems: [...result.messages]
        .sort((a, b) => a.line - b.line || a.column - b.column)
        .map((message) => ({
          line: message.line,
          column: message.column,
          severity: message.severity === 'error' ? ('error' as const) : ('warning' as const),
          message: message.message,
          ruleId: message.ruleId,
          url: webUrl(message.url),
          fixable: message.fix !== undefined,
        })),
    }));
  const rank = (path: string) => order.get(path) ?? order.size;
  return files.sort((a, b) => rank(a.path) - rank(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function categoriesOf(patterns: readonly PagePattern[], listed: readonly string[]): PageCategory[] {
  const names = [...new Set([...listed, ...patterns.map((pattern) => (listed.includes(pattern.category) ? pattern.category : ''))])];
  return names
    .map((name) => ({ name, patterns: patterns.filter((pattern) => (listed.includes(pattern.category) ? pattern.category : '') === name) }))
    .filter((category) => category.patterns.length > 0);
}

export function buildReportPage(set: SetReport, categories: readonly string[], options: ReportPageOptions): ReportPage {
  const { root, records, results } = options;
  const order = new Map(set.adrs.map((adr, i) => [adr.path, i]));
  const files = pageFiles(results, root, order);
  const problems = new Map(files.map((file) => [file.path, file.problems]));
  const supersededBy = new Map<string, string[]>();
  const amendedBy = new Map<string, string[]>();
  for (const { from, to } of set.supersedes) pushTo(supersededBy, to, from);
  for (const { from, to } of set.amends) pushTo(amendedBy, to, from);
  const mentions = new Map<string, string[]>();
  const mentionedBy = new Map<string, string[]>();
  for (const record of records) {
    const path = relativePath(root, record.path);
    if (!order.has(path) || mentions.has(path)) continue;
    const only = [...new Set(record.mentioned ?? [])].filter((slug) => !record.patterns.includes(slug));
    mentions.set(path, only);
    for (const slug of only) pushTo(mentionedBy, slug, path);
  }
  const adrs = set.adrs.map((adr) => {
    const own = problems.get(adr.path) ?? [];
    return {
      ...adr,
      supersededBy: supersededBy.get(adr.path) ?? [],
      amendedBy: amendedBy.get(adr.path) ?? [],
      mentions: mentions.get(adr.path) ?? [],
      errors: own.filter((problem) => problem.severity === 'error').length,
      warnings: own.filter((problem) => problem.severity === 'warning').length,
    };
  });
  const patterns = set.patterns.map((pattern) => ({ ...pattern, mentionedBy: (mentionedBy.get(pattern.slug) ?? []).sort((a, b) => order.get(a)! - order.get(b)!) }));
  const all = files.flatMap((file) => file.problems);
  return {
    name: options.name,
    folders: [...new Set(set.adrs.map((adr) => (adr.path.includes('/') ? adr.path.slice(0, adr.path.lastIndexOf('/')) : '.')))],
    generated: options.generated.toISOString(),
    version: options.version,
    adrs,
    byStatus: set.byStatus,
    categories: categoriesOf(patterns, categories),
    unknownPatterns: set.unknownPatterns,
    supersedes: set.supersedes,
    amends: set.amends,
    files,
    totals: {
      errors: all.filter((problem) => problem.severity === 'error').length,
      warnings: all.filter((problem) => problem.severity === 'warning').length,
      fixable: all.filter((problem) => problem.fixable).length,
    },
  };
}
