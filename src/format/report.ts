// The ADR set at a glance: ADRs by status, which catalogue patterns they declare, and which
// decisions replaced or amended which. One pure model, written out as JSON, markdown or a Mermaid
// graph; the Action's job summary reuses the pattern table and the graph.
import { basename, relative, sep } from 'node:path';
import type { Catalogue } from '../model/catalogue.ts';
import { DEFAULT_STATUSES, matchStatus, statusMeaning, wordFor } from '../model/status.ts';
import { indexRecords, relationRecord } from '../../rules/support/relations.ts';
import type { AdrRecord, SetConventions } from '../model/types.ts';
import { escapeMarkdownText, escapeMermaidLabel, markdownLink } from './escape.ts';
import { plural } from '../model/plural.ts';

export interface ReportAdr {
  /** Relative to the report's root, with `/` separators. */
  path: string;
  /** The file-name number, else the title's. */
  number: number | null;
  title: string | null;
  /** The written status in lower case, reduced to the configured word it starts with (see normaliseStatus). */
  status: string | null;
  date: string | null;
  /** Declared pattern slugs, in the order written. */
  patterns: string[];
}

export interface StatusGroup {
  /** Null: the ADRs that write no status. */
  status: string | null;
  adrs: string[];
}

export interface PatternUsage {
  slug: string;
  name: string;
  category: string;
  /** Paths of the ADRs that declare it. */
  adrs: string[];
}

/** A catalogue pattern that ADRs of sets without `patterns` mention as used, without declaring it. */
export interface MentionedPattern {
  slug: string;
  name: string;
  /** Paths of those ADRs. */
  adrs: string[];
}

export interface UnknownPatternUsage {
  slug: string;
  adrs: string[];
}

/** `from` supersedes (or amends) `to`: the newer decision first. */
export interface RelationEdge {
  from: string;
  to: string;
}

export interface SetReport {
  /** In folder order, then by number, then by name. */
  adrs: ReportAdr[];
  /** proposed, accepted, the other statuses alphabetically, then the ADRs with none. */
  byStatus: StatusGroup[];
  /** Every catalogue pattern, grouped by category in the catalogue's category order. */
  patterns: PatternUsage[];
  /** Slugs of the catalogue patterns no ADR declares, in the order of `patterns`. */
  unusedPatterns: string[];
  /** Declared slugs the catalogue does not know (records built with another catalogue). */
  unknownPatterns: UnknownPatternUsage[];
  /**
   * In folders where no ADR declares `patterns` (pattern-undeclared stays quiet there), the catalogue
   * patterns ADRs mention as used without declaring them, in the order of `patterns`: adopting the
   * catalogue is declaring these.
   */
  undeclaredMentions: MentionedPattern[];
  /** Each pair once, whichever side (or both) wrote the relation. */
  supersedes: RelationEdge[];
  amends: RelationEdge[];
  /** Maximal supersede chains, oldest first, newest last: [0001, 0007, 0012]. */
  chains: string[][];
  /** More chains than MAX_CHAINS (a tangle of supersedes): `chains` lists the first ones only. */
  chainsCapped: boolean;
}

/** Enough for any real decision log; a pathological tangle could have exponentially many. */
export const MAX_CHAINS = 1000;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Paths relative to the root with `/`, whatever the platform. */
function relativePath(root: string, path: string): string {
  return (relative(root, path) || basename(path)).split(sep).join('/');
}

/**
 * A written status as a report groups it: the status of `statuses` it is ("Superseded by
 * ADR-0012" → superseded), else the one it means ("Approved" → accepted, "remplacé par" →
 * superseded; the config's own word for it when the config lists one), else the text before a
 * `;`, without emphasis, in lower case.
 */
export function normaliseStatus(written: string, statuses: readonly string[] = DEFAULT_STATUSES): string | null {
  const known = matchStatus(written, statuses);
  if (known) return known.toLowerCase();
  const meaning = statusMeaning(written);
  if (meaning) return (wordFor(meaning, statuses) ?? meaning).toLowerCase();
  const cleaned = (written.split(';')[0] ?? '').replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  return cleaned === '' ? null : cleaned;
}

const STATUS_FIRST = ['proposed', 'accepted'];

function compareStatus(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const rankA = STATUS_FIRST.indexOf(a);
  const rankB = STATUS_FIRST.indexOf(b);
  if (rankA >= 0 || rankB >= 0) return (rankA < 0 ? STATUS_FIRST.length : rankA) - (rankB < 0 ? STATUS_FIRST.length : rankB);
  return byText(a, b);
}

function compareRecords(a: AdrRecord, b: AdrRecord): number {
  const numberA = a.fileNumber ?? Number.POSITIVE_INFINITY;
  const numberB = b.fileNumber ?? Number.POSITIVE_INFINITY;
  return byText(a.folder, b.folder) || (numberA === numberB ? 0 : numberA < numberB ? -1 : 1) || byText(a.name, b.name);
}

interface Edges {
  supersedes: RelationEdge[];
  amends: RelationEdge[];
}

/** Relation edges read from both sides: "B supersedes A" and "A is superseded by B" are one edge. */
function relationEdges(records: readonly AdrRecord[], pathOf: (record: AdrRecord) => string, root: string): Edges {
  const index = indexRecords(records, root);
  const order = new Map(records.map((record, i) => [record.path, i]));
  const found = { supersedes: new Map<string, [AdrRecord, AdrRecord]>(), amends: new Map<string, [AdrRecord, AdrRecord]>() };
  for (const record of records) {
    for (const relation of record.relations) {
      const other = relationRecord(relation, record, index);
      if (!other || other.path === record.path) continue;
      const [newer, older] = relation.kind === 'supersedes' || relation.kind === 'amends' ? [record, other] : [other, record];
      const edges = relation.kind === 'supersedes' || relation.kind === 'superseded-by' ? found.supersedes : found.amends;
      edges.set(`${newer.path}\0${older.path}`, [newer, older]);
    }
  }
  const sorted = (edges: Map<string, [AdrRecord, AdrRecord]>): RelationEdge[] =>
    [...edges.values()]
      .sort(([fromA, toA], [fromB, toB]) => order.get(fromA.path)! - order.get(fromB.path)! || order.get(toA.path)! - order.get(toB.path)!)
      .map(([from, to]) => ({ from: pathOf(from), to: pathOf(to) }));
  return { supersedes: sorted(found.supersedes), amends: sorted(found.amends) };
}

/**
 * The maximal chains of the supersede edges, oldest to newest: paths from an ADR that supersedes
 * nothing to one nothing supersedes, less those another path runs through in full. ADRs on a
 * cycle only (a relation written the wrong way round on both sides) start one where the cycle is
 * first met; a chain never visits an ADR twice.
 */
function supersedeChains(edges: readonly RelationEdge[], order: ReadonlyMap<string, number>): { chains: string[][]; capped: boolean } {
  const newer = new Map<string, string[]>();
  const hasOlder = new Set<string>();
  for (const { from, to } of edges) {
    const list = newer.get(to);
    if (list) list.push(from);
    else newer.set(to, [from]);
    hasOlder.add(from);
  }
  for (const list of newer.values()) list.sort((a, b) => order.get(a)! - order.get(b)!);
  const nodes = [...new Set(edges.flatMap(({ from, to }) => [to, from]))].sort((a, b) => order.get(a)! - order.get(b)!);
  const chains: string[][] = [];
  const covered = new Set<string>();
  let capped = false;
  const walk = (path: string[]): void => {
    if (capped) return;
    const last = path[path.length - 1]!;
    const next = (newer.get(last) ?? []).filter((node) => !path.includes(node));
    if (next.length === 0) {
      if (path.length < 2) return;
      if (chains.length === MAX_CHAINS) {
        capped = true;
        return;
      }
      chains.push(path);
      for (const node of path) covered.add(node);
      return;
    }
    for (const node of next) walk([...path, node]);
  };
  for (const node of nodes) if (!hasOlder.has(node)) walk([node]);
  for (const node of nodes) if (!covered.has(node)) walk([node]);
  // 0008 → 0042 says nothing 0008 → 0032 → 0042 does not: a chain another one contains is not maximal.
  const contained = (short: string[], long: string[]) => {
    let at = 0;
    for (const node of long) if (node === short[at]) at++;
    return at === short.length;
  };
  const maximal = chains.filter((chain) => !chains.some((other) => other.length > chain.length && contained(chain, other)));
  return { chains: maximal, capped };
}

export interface SetReportOptions {
  /** Paths in the report are relative to it. */
  root: string;
  /** Each folder's conventions as the run read them; without an entry, a folder has adopted `patterns` when one of its records declares one. */
  conventions?: ReadonlyMap<string, SetConventions>;
  /** The config's statuses, when it lists its own (the report groups by its words). */
  statuses?: readonly string[];
}

/** Per pattern, the ADRs of folders that have not adopted `patterns` that mention it as used. */
function undeclaredMentions(records: readonly AdrRecord[], patterns: readonly PatternUsage[], pathOf: (record: AdrRecord) => string, conventions?: ReadonlyMap<string, SetConventions>): MentionedPattern[] {
  const adoptedByRecords = new Set(records.filter((record) => record.patterns.length > 0).map((record) => record.folder));
  const adopted = (folder: string) => conventions?.get(folder)?.patternsAdopted ?? adoptedByRecords.has(folder);
  const mentioning = new Map<string, string[]>();
  for (const record of records) {
    if (adopted(record.folder)) continue;
    for (const slug of record.mentioned ?? []) {
      if (record.patterns.includes(slug)) continue;
      mentioning.set(slug, [...(mentioning.get(slug) ?? []), pathOf(record)]);
    }
  }
  return patterns.filter((pattern) => mentioning.has(pattern.slug)).map((pattern) => ({ slug: pattern.slug, name: pattern.name, adrs: mentioning.get(pattern.slug)! }));
}

export function buildSetReport(records: readonly AdrRecord[], catalogue: Catalogue, { root, conventions, statuses }: SetReportOptions): SetReport {
  const unique = [...new Map(records.map((record) => [record.path, record])).values()].sort(compareRecords);
  const pathOf = (record: AdrRecord) => relativePath(root, record.path);
  const adrs: ReportAdr[] = unique.map((record) => ({
    path: pathOf(record),
    number: record.fileNumber ?? record.number?.value ?? null,
    title: record.title,
    status: record.status ? normaliseStatus(record.status.value, statuses) : null,
    date: record.date?.value ?? null,
    patterns: [...new Set(record.patterns)],
  }));

  const statusGroups = new Map<string | null, string[]>();
  for (const adr of adrs) {
    const group = statusGroups.get(adr.status);
    if (group) group.push(adr.path);
    else statusGroups.set(adr.status, [adr.path]);
  }
  const byStatus = [...statusGroups.entries()].sort(([a], [b]) => compareStatus(a, b)).map(([status, paths]) => ({ status, adrs: paths }));

  const declaring = new Map<string, string[]>();
  for (const adr of adrs) {
    for (const slug of adr.patterns) {
      const list = declaring.get(slug);
      if (list) list.push(adr.path);
      else declaring.set(slug, [adr.path]);
    }
  }
  const categoryRank = (category: string) => {
    const rank = catalogue.categories.indexOf(category);
    return rank < 0 ? catalogue.categories.length : rank;
  };
  const patterns = catalogue.patterns
    .map((pattern, position) => ({ pattern, position }))
    .sort((a, b) => categoryRank(a.pattern.category) - categoryRank(b.pattern.category) || a.position - b.position)
    .map(({ pattern }) => ({ slug: pattern.slug, name: pattern.name, category: pattern.category, adrs: declaring.get(pattern.slug) ?? [] }));
  const unknownPatterns = [...declaring.entries()].filter(([slug]) => !catalogue.get(slug)).map(([slug, paths]) => ({ slug, adrs: paths }));

  const { supersedes, amends } = relationEdges(unique, pathOf, root);
  const order = new Map(adrs.map((adr, i) => [adr.path, i]));
  const { chains, capped } = supersedeChains(supersedes, order);

  return {
    adrs,
    byStatus,
    patterns,
    unusedPatterns: patterns.filter((pattern) => pattern.adrs.length === 0).map((pattern) => pattern.slug),
    unknownPatterns,
    undeclaredMentions: undeclaredMentions(unique, patterns, pathOf, conventions),
    supersedes,
    amends,
    chains,
    chainsCapped: capped,
  };
}

export function formatReportJson(report: SetReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Mermaid

export interface MermaidOptions {
  /** Nodes drawn at most (GitHub renders large graphs slowly, then not at all). */
  maxNodes?: number;
  /** Edges drawn at most (Mermaid refuses more than 500 by default). */
  maxEdges?: number;
}

export const MERMAID_MAX_NODES = 300;
export const MERMAID_MAX_EDGES = 500;

export interface MermaidGraph {
  /** The `graph LR` text, without a trailing newline. */
  text: string;
  /** Nodes and edges left out by the caps (0 when the whole graph is drawn). */
  omittedNodes: number;
  omittedEdges: number;
  /** The set has no pattern use or supersede/amend relation to draw. */
  empty: boolean;
}

const LABEL_LENGTH = 80;

function shorten(text: string): string {
  const chars = [...text];
  return chars.length > LABEL_LENGTH ? `${chars.slice(0, LABEL_LENGTH - 1).join('')}…` : text;
}

function adrLabel(adr: ReportAdr): string {
  const name = adr.path.slice(adr.path.lastIndexOf('/') + 1);
  if (adr.title === null || adr.title.trim() === '') return name;
  return adr.number !== null ? `${adr.number}. ${adr.title}` : adr.title;
}

/**
 * ADRs and the patterns they declare (`a1 -->|uses| p1`), newer decisions pointing at the ones
 * they replaced (`a2 -.->|supersedes| a1`) or amended. Ids are generated (a<n>, p<n>), so no
 * file name or slug can break the syntax; labels are quoted and entity-escaped. Edges are drawn
 * supersedes first, then amends, then pattern uses, while the caps allow.
 */
export function mermaidGraph(report: SetReport, { maxNodes = MERMAID_MAX_NODES, maxEdges = MERMAID_MAX_EDGES }: MermaidOptions = {}): MermaidGraph {
  const adrIds = new Map(report.adrs.map((adr, i) => [adr.path, `a${i + 1}`]));
  const patternLabels = [
    ...report.patterns.map((pattern) => ({ slug: pattern.slug, label: pattern.name })),
    ...report.unknownPatterns.map((pattern) => ({ slug: pattern.slug, label: `${pattern.slug} (not in the catalogue)` })),
  ];
  const patternIds = new Map(patternLabels.map((pattern, i) => [pattern.slug, `p${i + 1}`]));
  const labels = new Map<string, string>();
  for (const adr of report.adrs) labels.set(adrIds.get(adr.path)!, `["${escapeMermaidLabel(shorten(adrLabel(adr)))}"]`);
  for (const pattern of patternLabels) labels.set(patternIds.get(pattern.slug)!, `(["${escapeMermaidLabel(shorten(pattern.label))}"])`);

  const edges: Array<{ from: string; to: string; arrow: string }> = [
    ...report.supersedes.map(({ from, to }) => ({ from: adrIds.get(from)!, to: adrIds.get(to)!, arrow: '-.->|supersedes|' })),
    ...report.amends.map(({ from, to }) => ({ from: adrIds.get(from)!, to: adrIds.get(to)!, arrow: '-.->|amends|' })),
    ...report.adrs.flatMap((adr) => adr.patterns.map((slug) => ({ from: adrIds.get(adr.path)!, to: patternIds.get(slug)!, arrow: '-->|uses|' }))),
  ].filter((edge) => edge.from !== undefined && edge.to !== undefined);

  const allNodes = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
  const shownNodes = new Set<string>();
  const shownEdges: typeof edges = [];
  for (const edge of edges) {
    if (shownEdges.length >= maxEdges) break;
    const added = [edge.from, edge.to].filter((id, i, ids) => !shownNodes.has(id) && ids.indexOf(id) === i);
    if (shownNodes.size + added.length > maxNodes) continue;
    for (const id of added) shownNodes.add(id);
    shownEdges.push(edge);
  }

  const lines = ['graph LR'];
  const omittedNodes = allNodes.size - shownNodes.size;
  const omittedEdges = edges.length - shownEdges.length;
  if (edges.length === 0) lines.push('%% No pattern uses or supersede relations to draw.');
  else if (omittedNodes + omittedEdges > 0)
    lines.push(`%% Capped at ${maxNodes} nodes and ${maxEdges} edges: ${omittedNodes} nodes and ${omittedEdges} edges left out.`);
  // Declared in id order (ADRs, then patterns), so the layout does not depend on edge order.
  const declared = [...labels.keys()].filter((id) => shownNodes.has(id));
  for (const id of declared) lines.push(`  ${id}${labels.get(id)}`);
  for (const edge of shownEdges) lines.push(`  ${edge.from} ${edge.arrow} ${edge.to}`);
  return { text: lines.join('\n'), omittedNodes, omittedEdges, empty: edges.length === 0 };
}

export function formatReportMermaid(report: SetReport, options?: MermaidOptions): string {
  return `${mermaidGraph(report, options).text}\n`;
}

/** The graph as a fenced block, with a line saying what the caps left out. Empty for an empty graph. */
export function mermaidBlock(report: SetReport, options?: MermaidOptions): string[] {
  const graph = mermaidGraph(report, options);
  if (graph.empty) return [];
  const lines = ['```mermaid', graph.text, '```'];
  if (graph.omittedNodes + graph.omittedEdges > 0)
    lines.push('', `_The graph is capped: ${plural(graph.omittedNodes, 'node')} and ${plural(graph.omittedEdges, 'edge')} are left out._`);
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Markdown


/** How an ADR path is written in markdown: a link when the caller can link files, else the text. */
export type AdrLinker = (path: string) => string | null;

const plainAdr: AdrLinker = () => null;

function adrList(paths: readonly string[], link: AdrLinker): string {
  return paths.map((path) => markdownLink(path, link(path))).join(', ');
}

function tableRow(cells: readonly string[]): string {
  return `|${cells.map((cell) => (cell === '' ? ' ' : ` ${cell} `)).join('|')}|`;
}

/** The used patterns as a table (pattern → category, ADRs), then the declared slugs the catalogue lacks. */
export function patternUsageLines(report: SetReport, link: AdrLinker = plainAdr): string[] {
  const used = report.patterns.filter((pattern) => pattern.adrs.length > 0);
  if (used.length === 0 && report.unknownPatterns.length === 0) return ['No ADR declares a catalogue pattern.'];
  const lines: string[] = [];
  if (used.length > 0) {
    lines.push('| Pattern | Category | ADRs |', '| --- | --- | --- |');
    for (const pattern of used)
      lines.push(tableRow([`${escapeMarkdownText(pattern.name)} (${escapeMarkdownText(pattern.slug)})`, escapeMarkdownText(pattern.category), adrList(pattern.adrs, link)]));
  }
  if (report.unknownPatterns.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push('Declared but not in the catalogue:', '', '| Pattern | ADRs |', '| --- | --- |');
    for (const pattern of report.unknownPatterns) lines.push(tableRow([escapeMarkdownText(pattern.slug), adrList(pattern.adrs, link)]));
  }
  return lines;
}

/** The mentions of sets that have not adopted `patterns`: what declaring the catalogue would declare. */
function undeclaredMentionLines(report: SetReport): string[] {
  if (report.undeclaredMentions.length === 0) return [];
  const adrs = new Set(report.undeclaredMentions.flatMap((pattern) => pattern.adrs)).size;
  const lines = [
    '',
    `### Mentioned but not declared (${report.undeclaredMentions.length})`,
    '',
    `${plural(adrs, 'ADR')} ${adrs === 1 ? 'mentions' : 'mention'} catalogue patterns without declaring them. No ADR of ${adrs === 1 ? 'its folder' : 'their folders'} declares \`patterns\`, so pattern-undeclared stays quiet there; to adopt the catalogue, declare them all with \`adrlint --rule pattern-undeclared:warn --fix --fix-rule pattern-undeclared\`.`,
    '',
    '| Pattern | ADRs |',
    '| --- | --- |',
  ];
  for (const pattern of report.undeclaredMentions) lines.push(tableRow([`${escapeMarkdownText(pattern.name)} (${escapeMarkdownText(pattern.slug)})`, adrList(pattern.adrs, plainAdr)]));
  return lines;
}

function statusHeading(group: StatusGroup): string {
  const name = group.status === null ? '_no status_' : escapeMarkdownText(group.status);
  return `### ${name} (${group.adrs.length})`;
}

export function formatReportMarkdown(report: SetReport): string {
  const byPath = new Map(report.adrs.map((adr) => [adr.path, adr]));
  const usedCount = report.patterns.filter((pattern) => pattern.adrs.length > 0).length;
  const out: string[] = [
    '# ADR report',
    '',
    `${plural(report.adrs.length, 'ADR')} · ${plural(report.supersedes.length, 'supersede relation')} · ${usedCount} of ${plural(report.patterns.length, 'catalogue pattern')} used`,
    '',
    '## ADRs by status',
  ];
  if (report.adrs.length === 0) out.push('', 'No ADRs.');
  for (const group of report.byStatus) {
    out.push('', statusHeading(group), '', '| ADR | Title | Date | Patterns |', '| --- | --- | --- | --- |');
    for (const path of group.adrs) {
      const adr = byPath.get(path)!;
      out.push(tableRow([escapeMarkdownText(adr.path), escapeMarkdownText(adr.title ?? ''), escapeMarkdownText(adr.date ?? ''), adr.patterns.map(escapeMarkdownText).join(', ')]));
    }
  }

  out.push('', '## Pattern usage', '', ...patternUsageLines(report));
  out.push(...undeclaredMentionLines(report));

  const unused = report.patterns.filter((pattern) => pattern.adrs.length === 0);
  if (unused.length > 0) {
    out.push('', `### Unused patterns (${unused.length})`, '');
    const categories = [...new Set(unused.map((pattern) => pattern.category))];
    for (const category of categories) {
      const names = unused.filter((pattern) => pattern.category === category).map((pattern) => `${escapeMarkdownText(pattern.name)} (${escapeMarkdownText(pattern.slug)})`);
      out.push(`- **${escapeMarkdownText(category || 'no category')}**: ${names.join(', ')}`);
    }
  }

  out.push('', '## Supersede chains', '');
  if (report.chains.length === 0) out.push('No ADR supersedes another.');
  for (const chain of report.chains) out.push(`- ${chain.map(escapeMarkdownText).join(' → ')}`);
  if (report.chainsCapped) out.push('', `_Only the first ${MAX_CHAINS} chains are listed._`);

  if (report.amends.length > 0) {
    out.push('', '## Amendments', '');
    for (const { from, to } of report.amends) out.push(`- ${escapeMarkdownText(from)} amends ${escapeMarkdownText(to)}`);
  }

  const graph = mermaidBlock(report);
  if (graph.length > 0) out.push('', '## Graph', '', ...graph);
  return `${out.join('\n')}\n`;
}
