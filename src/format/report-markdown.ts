// The set report as markdown (`adrlint report`): ADRs by status, the pattern table, mentions of
// sets that have not adopted `patterns`, and the relation graph; the Action's job summary reuses
// the pattern table.
import { MAX_CHAINS, type SetReport, type StatusGroup } from './report-model.ts';
import { mermaidBlock } from './report-mermaid.ts';
import { escapeMarkdownText, markdownLink } from './escape.ts';
import { plural } from '../model/plural.ts';

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
