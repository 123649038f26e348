// `adrlint report --format html`: the set as one self-contained page. Inline CSS and JS only, no
// URL fetched (a Content-Security-Policy of default-src 'none' guarantees it), readable without
// script (the tables are HTML; the script adds filters and sorting), light and dark, printable.
// Every text from the ADRs is escaped (report-html-parts.ts), and the script reads no ADR text.
import { createHash } from 'node:crypto';
import { leadingIsoDate } from '../model/dates.ts';
import { REPORT_SCRIPT } from './report-html-script.ts';
import { REPORT_CSS } from './report-html-style.ts';
import { graphSection, patternSection, timelineSection } from './report-html-sections.ts';
import { link, plainCount, statusChip, text, titleOf, type FileHref } from './report-html-parts.ts';
import type { PageAdr, PageFile, ReportPage } from './report-page.ts';

export type { FileHref };

export interface HtmlReportOptions {
  /** The link to a file of the set, by its path relative to the root (null: no link). Default: none. */
  fileHref?: FileHref;
}

const noHref: FileHref = () => null;

function hash(source: string): string {
  return `'sha256-${createHash('sha256').update(source).digest('base64')}'`;
}

const CSP = `default-src 'none'; style-src ${hash(REPORT_CSS)}; script-src ${hash(REPORT_SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;

function generatedText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function headerSection(page: ReportPage): string {
  const statuses = page.byStatus.map((group) => `<li>${statusChip(group.status)} <b>${group.adrs.length}</b></li>`);
  const { errors, warnings, fixable } = page.totals;
  const problems = [
    `<li><b${errors > 0 ? ' class="error"' : ''}>${errors}</b> ${errors === 1 ? 'error' : 'errors'}</li>`,
    `<li><b${warnings > 0 ? ' class="warning"' : ''}>${warnings}</b> ${warnings === 1 ? 'warning' : 'warnings'}</li>`,
    `<li><b>${fixable}</b> fixable</li>`,
  ];
  const folders = page.folders.length === 0 || (page.folders.length === 1 && page.folders[0] === '.') ? '' : ` in ${page.folders.map((folder) => `<code>${text(folder)}</code>`).join(', ')}`;
  return [
    '<header>',
    `<h1>ADR report: ${text(page.name)}</h1>`,
    `<p class="meta">${plainCount(page.adrs.length, 'decision')}${folders} · generated <time datetime="${text(page.generated)}">${text(generatedText(page.generated))}</time> by adrlint ${text(page.version)}</p>`,
    `<ul class="counts" aria-label="Decisions by status">${statuses.join('')}</ul>`,
    `<ul class="counts" aria-label="Problems">${problems.join('')}</ul>`,
    '<nav><a href="#decisions-section">Decisions</a><a href="#timeline">Timeline</a><a href="#patterns">Pattern map</a><a href="#relations">Relations</a><a href="#problems">Problems</a></nav>',
    '</header>',
  ].join('\n');
}

function option(value: string, label: string): string {
  return `<option value="${text(value)}">${text(label)}</option>`;
}

function filterForm(page: ReportPage): string {
  const statuses = [...new Set(page.adrs.map((adr) => adr.status ?? ''))];
  const patterns = [...new Set(page.adrs.flatMap((adr) => [...adr.patterns, ...adr.mentions]))].sort();
  return [
    '<form id="filters" class="filters" hidden role="search">',
    '<label>Filter <input id="f-text" type="search" placeholder="title, number, status, pattern…"></label>',
    `<label>Status <select id="f-status"><option value="">any</option>${statuses.map((status) => option(status, status || 'no status')).join('')}</select></label>`,
    // A set that declares and mentions no pattern has nothing to filter by.
    patterns.length === 0 ? '' : `<label>Pattern <select id="f-pattern"><option value="">any</option>${patterns.map((slug) => option(slug, slug)).join('')}</select></label>`,
    '<output id="f-count"></output>',
    '</form>',
  ].join('\n');
}

function problemCell(adr: PageAdr, fileId: string | undefined): string {
  const total = adr.errors + adr.warnings;
  if (total === 0) return '<td class="n" data-key="0">0</td>';
  const parts = [adr.errors > 0 ? `<span class="error">${plainCount(adr.errors, 'error')}</span>` : '', adr.warnings > 0 ? `<span class="warning">${plainCount(adr.warnings, 'warning')}</span>` : '']
    .filter(Boolean)
    .join(', ');
  return `<td class="n" data-key="${total}">${fileId ? `<a href="#${fileId}">${parts}</a>` : parts}</td>`;
}

function decisionRow(adr: PageAdr, id: string, fileId: string | undefined, href: FileHref, withPatterns: boolean): string {
  const date = adr.date === null ? null : leadingIsoDate(adr.date);
  // "2018-08-30; Last update date: 2019-04-09" shows its date; the whole value on hover.
  const dateCell = date && date.text !== adr.date ? `<span title="${text(adr.date!)}">${text(date.text)}</span>` : text(adr.date ?? '');
  const chips = [
    ...adr.patterns.map((slug) => `<span class="chip pat">${text(slug)}</span>`),
    ...adr.mentions.map((slug) => `<span class="chip pat mention" title="mentioned, not declared">${text(slug)}</span>`),
  ].join('');
  return [
    `<tr id="${id}" data-status="${text(adr.status ?? '')}" data-patterns="${text(JSON.stringify([...adr.patterns, ...adr.mentions]))}">`,
    `<td class="n" data-key="${adr.number ?? ''}">${adr.number ?? ''}</td>`,
    `<td>${link(text(titleOf(adr)), href(adr.path), ` title="${text(adr.path)}"`)}</td>`,
    `<td data-key="${text(adr.status ?? '')}">${statusChip(adr.status)}</td>`,
    `<td class="loc" data-key="${date?.day ?? ''}">${dateCell}</td>`,
    withPatterns ? `<td data-key="${text(adr.patterns.join(' '))}">${chips}</td>` : '',
    problemCell(adr, fileId),
    '</tr>',
  ].join('');
}

function decisionsSection(page: ReportPage, rowIds: ReadonlyMap<string, string>, fileIds: ReadonlyMap<string, string>, href: FileHref): string {
  const out = ['<section id="decisions-section"><h2>Decisions</h2>'];
  if (page.adrs.length === 0) {
    out.push('<p class="empty">No decisions.</p></section>');
    return out.join('\n');
  }
  // A set that neither declares nor mentions a pattern gets no empty column of them.
  const withPatterns = page.adrs.some((adr) => adr.patterns.length > 0 || adr.mentions.length > 0);
  out.push(
    filterForm(page),
    `<table id="decisions"><thead><tr><th>#</th><th>Title</th><th>Status</th><th>Date</th>${withPatterns ? '<th>Patterns</th>' : ''}<th>Problems</th></tr></thead><tbody>`,
    ...page.adrs.map((adr) => decisionRow(adr, rowIds.get(adr.path)!, fileIds.get(adr.path), href, withPatterns)),
    '</tbody></table></section>',
  );
  return out.join('\n');
}

function problemRows(file: PageFile): string[] {
  return file.problems.map((problem) => {
    const rule = problem.ruleId === null ? '' : link(`<code class="rule">${text(problem.ruleId)}</code>`, problem.url);
    return `<tr><td class="loc">${problem.line}:${problem.column}</td><td class="${problem.severity}">${problem.severity}</td><td>${text(problem.message)}</td><td>${rule}</td><td>${problem.fixable ? '<span class="fix">fixable</span>' : ''}</td></tr>`;
  });
}

function problemsSection(page: ReportPage, fileIds: ReadonlyMap<string, string>, href: FileHref): string {
  const out = ['<section id="problems"><h2>Problems</h2>'];
  if (page.files.length === 0) {
    out.push('<p class="empty">No problems.</p></section>');
    return out.join('\n');
  }
  out.push('<table class="problems"><thead><tr><th>Line:col</th><th>Severity</th><th>Message</th><th>Rule</th><th>Fix</th></tr></thead>');
  for (const file of page.files) {
    out.push(`<tbody id="${fileIds.get(file.path)!}"><tr><th colspan="5">${link(text(file.path), href(file.path))} <span class="meta">${plainCount(file.problems.length, 'problem')}</span></th></tr>`, ...problemRows(file), '</tbody>');
  }
  out.push('</table></section>');
  return out.join('\n');
}

export function formatReportHtml(page: ReportPage, { fileHref = noHref }: HtmlReportOptions = {}): string {
  const rowIds = new Map(page.adrs.map((adr, i) => [adr.path, `adr-${i + 1}`]));
  const fileIds = new Map(page.files.map((file, i) => [file.path, `file-${i + 1}`]));
  const lookup = { rows: rowIds, adrs: new Map(page.adrs.map((adr) => [adr.path, adr])) };
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<meta name="generator" content="adrlint ${text(page.version)}">`,
    '<link rel="icon" href="data:,">',
    `<title>ADR report: ${text(page.name)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    headerSection(page),
    '<main>',
    decisionsSection(page, rowIds, fileIds, fileHref),
    timelineSection(page, lookup),
    patternSection(page, lookup),
    graphSection(page, lookup),
    problemsSection(page, fileIds, fileHref),
    '</main>',
    `<footer>Made by adrlint ${text(page.version)}. This page fetches nothing: it is the whole report.</footer>`,
    `<script>${REPORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
