// Small pieces the HTML report's sections share: escaped text and attributes, links that can only
// be a web address or a path, status chips coloured by what a status means, an ADR's short name.
import { escapeHtml } from './escape.ts';
import { statusMeaning } from '../model/status.ts';
import type { PageAdr } from './report-page.ts';

export { escapeHtml as text };

/** How the page links a file of the set, by its path relative to the root: a URL, or null for none. */
export type FileHref = (path: string) => string | null;

/**
 * An href attribute's value, escaped: a URL of the web (http, https), a fragment, or a relative
 * path; anything with another scheme (javascript:, data:) is refused (null).
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url);
  if (scheme && !['http', 'https'].includes(scheme[1]!.toLowerCase())) return null;
  return escapeHtml(url);
}

/** `<a href>` around escaped text, or the text alone when there is no safe URL. */
export function link(label: string, url: string | null | undefined, attributes = ''): string {
  const href = safeHref(url);
  return href === null ? (attributes ? `<span${attributes}>${label}</span>` : label) : `<a href="${href}"${attributes}>${label}</a>`;
}

/** The chip class of a status: its meaning (accepted, superseded, ...), `other`, or `none`. */
export function statusClass(status: string | null): string {
  if (status === null) return 's-none';
  return `s-${statusMeaning(status) ?? 'other'}`;
}

export function statusChip(status: string | null): string {
  return `<span class="chip ${statusClass(status)}">${status === null ? 'no status' : escapeHtml(status)}</span>`;
}

/** "0012", "ADR-007", else the file name without `.md`: how a row or a node names an ADR briefly. */
export function shortName(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const numbered = /^(?:[A-Za-z]+[-_ ]?)?\d+/.exec(name);
  return numbered ? numbered[0] : name.replace(/\.(md|markdown)$/i, '');
}

/** The title shown for an ADR: its own, else its file name. */
export function titleOf(adr: PageAdr): string {
  return adr.title !== null && adr.title.trim() !== '' ? adr.title : adr.path.slice(adr.path.lastIndexOf('/') + 1);
}

/** Anchors of the decisions table's rows, by path. */
export type RowIds = ReadonlyMap<string, string>;

/** A link to an ADR's row in the decisions table, by its short name (its title on hover). */
export function adrRef(path: string, rows: RowIds, adrs: ReadonlyMap<string, PageAdr>): string {
  const adr = adrs.get(path);
  const id = rows.get(path);
  const label = escapeHtml(shortName(path));
  if (!adr || !id) return label;
  return `<a href="#${id}" title="${escapeHtml(titleOf(adr))}">${label}</a>`;
}

export function plainCount(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
