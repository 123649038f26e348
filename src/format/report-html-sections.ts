// The HTML report's timeline, pattern map and relations graph (report-html.ts puts them together).
import { formatDay, leadingIsoDate } from '../model/dates.ts';
import { layoutGraph, type GraphEdge } from './report-graph.ts';
import { adrRef, plainCount, shortName, statusChip, statusClass, text, titleOf, type RowIds } from './report-html-parts.ts';
import type { PageAdr, PagePattern, ReportPage } from './report-page.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface Lookup {
  rows: RowIds;
  adrs: ReadonlyMap<string, PageAdr>;
}

function refs(paths: readonly string[], { rows, adrs }: Lookup): string {
  return paths.map((path) => adrRef(path, rows, adrs)).join(', ');
}

function timelineItem(adr: PageAdr, dateText: string, lookup: Lookup): string {
  const replaced = adr.supersededBy.length > 0 || statusClass(adr.status) === 's-superseded';
  const title = `<span${replaced ? ' class="gone"' : ''}>${text(titleOf(adr))}</span>`;
  const successor = adr.supersededBy.length > 0 ? ` → superseded by ${refs(adr.supersededBy, lookup)}` : '';
  return `<li>${dateText === '' ? '' : `<time>${text(dateText)}</time>`}${adrRef(adr.path, lookup.rows, lookup.adrs)} ${title} ${statusChip(adr.status)}${successor}</li>`;
}

/** Decisions by date, in month groups, oldest first; those with no date of the form YYYY-MM(-DD) last. */
export function timelineSection(page: ReportPage, lookup: Lookup): string {
  const dated: Array<{ adr: PageAdr; day: number; text: string }> = [];
  const undated: PageAdr[] = [];
  for (const adr of page.adrs) {
    const date = adr.date === null ? null : leadingIsoDate(adr.date);
    if (date && date.day !== null) dated.push({ adr, day: date.day, text: date.text });
    else undated.push(adr);
  }
  dated.sort((a, b) => a.day - b.day);
  const months = new Map<string, string[]>();
  for (const entry of dated) {
    const month = formatDay(entry.day).slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), timelineItem(entry.adr, entry.text, lookup)]);
  }
  const groups = [...months].map(([month, items]) => {
    const [year, number] = month.split('-');
    return `<li><h3>${MONTHS[Number(number) - 1]} ${year}</h3><ol>${items.join('')}</ol></li>`;
  });
  if (undated.length > 0)
    groups.push(`<li><h3>No date</h3><ol>${undated.map((adr) => timelineItem(adr, adr.date ?? '', lookup)).join('')}</ol></li>`);
  const body = groups.length === 0 ? '<p class="empty">No decisions.</p>' : `<ol class="timeline">${groups.join('\n')}</ol>`;
  return `<section id="timeline"><h2>Timeline</h2>\n${body}</section>`;
}

function patternRow(pattern: PagePattern, lookup: Lookup): string {
  return `<tr><td>${text(pattern.name)} <code>${text(pattern.slug)}</code></td><td>${refs(pattern.adrs, lookup)}</td><td>${refs(pattern.mentionedBy, lookup)}</td></tr>`;
}

/** The catalogue's categories, each with its patterns and the ADRs declaring or mentioning them; unused ones greyed. */
export function patternSection(page: ReportPage, lookup: Lookup): string {
  const out = ['<section id="patterns"><h2>Pattern map</h2>'];
  const used = (pattern: PagePattern) => pattern.adrs.length + pattern.mentionedBy.length > 0;
  if (!page.categories.some((category) => category.patterns.some(used)))
    out.push('<p class="empty">No ADR declares or mentions a pattern of the catalogue.</p>');
  out.push('<table class="patterns"><thead><tr><th>Pattern</th><th>Declared by</th><th>Only mentioned by</th></tr></thead>');
  for (const category of page.categories) {
    out.push(`<tbody><tr class="cat"><th colspan="3">${category.name === '' ? 'Other patterns' : text(category.name)}</th></tr>`);
    out.push(...category.patterns.filter(used).map((pattern) => patternRow(pattern, lookup)));
    const unused = category.patterns.filter((pattern) => !used(pattern));
    if (unused.length > 0)
      out.push(`<tr class="unused"><td colspan="3">Not used: ${unused.map((pattern) => `<span class="chip" title="${text(pattern.slug)}">${text(pattern.name)}</span>`).join(' ')}</td></tr>`);
    out.push('</tbody>');
  }
  out.push('</table>');
  if (page.unknownPatterns.length > 0) {
    out.push('<h3>Declared but not in the catalogue</h3><table><thead><tr><th>Pattern</th><th>Declared by</th></tr></thead><tbody>');
    for (const pattern of page.unknownPatterns) out.push(`<tr><td><code>${text(pattern.slug)}</code></td><td>${refs(pattern.adrs, lookup)}</td></tr>`);
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}

const LABEL_CHARS = 34;

function nodeLabel(adr: PageAdr): string {
  const label = `${shortName(adr.path)} · ${titleOf(adr)}`;
  const chars = [...label];
  return chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS - 1).join('')}…` : label;
}

/** The supersede and amend relations as an inline SVG, laid out by report-graph.ts. */
export function graphSection(page: ReportPage, lookup: Lookup): string {
  const edges: GraphEdge[] = [...page.supersedes.map((edge) => ({ ...edge, kind: 'supersedes' as const })), ...page.amends.map((edge) => ({ ...edge, kind: 'amends' as const }))];
  const head = '<section id="relations"><h2>Relations</h2>';
  if (edges.length === 0) return `${head}\n<p class="empty">No decision supersedes or amends another.</p></section>`;
  const layout = layoutGraph(
    page.adrs.map((adr) => adr.path),
    edges,
  );
  const out = [
    head,
    '<p class="legend"><span>older decisions left, newer right</span><span>── supersedes</span><span>- - amends</span></p>',
    `<div class="graph"><svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="Supersede and amend relations">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0L10 5L0 10z"/></marker></defs>',
  ];
  for (const edge of layout.edges) out.push(`<path class="edge ${edge.kind}" d="${edge.path}" marker-end="url(#arrow)"><title>${text(`${edge.from} ${edge.kind} ${edge.to}`)}</title></path>`);
  for (const node of layout.nodes) {
    const adr = lookup.adrs.get(node.id)!;
    out.push(
      `<a class="node ${statusClass(adr.status)}" href="#${lookup.rows.get(node.id)!}" data-path="${text(node.id)}"><title>${text(`${titleOf(adr)} (${adr.status ?? 'no status'})`)}</title>` +
        `<rect x="${node.x}" y="${node.y}" width="${layout.nodeWidth}" height="${layout.nodeHeight}" rx="6"/><text x="${node.x + 8}" y="${node.y + layout.nodeHeight / 2 + 4}">${text(nodeLabel(adr))}</text></a>`,
    );
  }
  out.push('</svg></div>');
  if (layout.omitted > 0) out.push(`<p class="note">${plainCount(layout.omitted, 'more related decision')} not drawn: the graph shows the first ${layout.nodes.length}.</p>`);
  out.push('</section>');
  return out.join('\n');
}
