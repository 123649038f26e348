// The set report's relations as a Mermaid graph (`adrlint report --format mermaid`, and in the
// markdown report and the Action's job summary), capped so that GitHub still renders it.
import type { ReportAdr, SetReport } from './report-model.ts';
import { escapeMermaidLabel } from './escape.ts';
import { plural } from '../model/plural.ts';

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
