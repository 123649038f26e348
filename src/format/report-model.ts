// The ADR set at a glance, as a pure model: ADRs by status, which catalogue patterns they declare
// (and which they only mention), and which decisions replaced or amended which. Written out by
// report-json.ts, report-markdown.ts and report-mermaid.ts (all exported from report.ts).
import { basename, relative } from 'node:path';
import type { Catalogue } from '../model/catalogue.ts';
import { DEFAULT_STATUSES, matchStatus, statusMeaning, wordFor } from '../model/status.ts';
import { indexRecords, relationRecord } from '../../rules/support/relations.ts';
import type { AdrRecord, SetConventions } from '../model/types.ts';
import { toPosix } from '../model/paths.ts';

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
  return toPosix(relative(root, path) || basename(path));
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
