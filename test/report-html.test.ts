// `adrlint report --format html` as a pure function (src/format/report-html.ts over the model of
// src/format/report-page.ts): one self-contained page whose every ADR text is escaped, which
// fetches nothing, and is the same bytes for the same set and date; its size for 100 ADRs.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../scripts/bench-corpus.ts';
import { buildReportPage, buildSetReport, formatReportHtml, type ReportPage } from '../src/format/report.ts';
import { REPORT_SCRIPT } from '../src/format/report-html-script.ts';
import { REPORT_CSS } from '../src/format/report-html-style.ts';
import { lintProject } from '../src/run/lint-project.ts';
import { fixture, removeFixtures } from './helpers/cli.ts';
import { REPORT_SET, REPORT_SET_ADRS } from './helpers/report-set.ts';

afterAll(removeFixtures);

const GENERATED = new Date('2026-01-02T03:04:05Z');

async function pageOf(root: string, options: { paths?: string[] } = {}): Promise<ReportPage> {
  const outcome = await lintProject({ cwd: root, paths: options.paths ?? [], concurrency: 'off' });
  const set = buildSetReport(outcome.records, outcome.catalogue, { root, conventions: outcome.conventions });
  return buildReportPage(set, outcome.catalogue.categories, { root, name: 'octo/adrs', generated: GENERATED, version: '9.9.9', records: outcome.records, results: outcome.results });
}

/** The page's elements of one tag name, counted (`<script`, `</style>`...). */
const count = (html: string, text: string) => html.split(text).length - 1;

describe('the report page model', () => {
  it('has the problems per file, the successors, the mentions and the categories', async () => {
    const page = await pageOf(fixture(REPORT_SET));
    expect(page.name).toBe('octo/adrs');
    expect(page.generated).toBe('2026-01-02T03:04:05.000Z');
    expect(page.folders).toEqual(['docs/adr']);
    expect(page.adrs.map((adr) => adr.path)).toEqual(REPORT_SET_ADRS);
    const byPath = new Map(page.adrs.map((adr) => [adr.path.slice('docs/adr/'.length, 'docs/adr/'.length + 4), adr]));
    expect(byPath.get('0001')).toMatchObject({ status: 'superseded', supersededBy: ['docs/adr/0002-use-event-sourcing.md'], mentions: ['event-sourcing-pattern'], errors: 0, warnings: 1 });
    expect(byPath.get('0002')).toMatchObject({ amendedBy: ['docs/adr/0004-split-the-order-service.md'], errors: 1 });
    expect(byPath.get('0004')).toMatchObject({ patterns: ['microservices-architecture'], mentions: ['saga-pattern'] });
    expect(byPath.get('0006')).toMatchObject({ status: 'rejected', date: null });
    const saga = page.categories.flatMap((category) => category.patterns).find((pattern) => pattern.slug === 'saga-pattern')!;
    expect(saga).toMatchObject({ adrs: [], mentionedBy: ['docs/adr/0004-split-the-order-service.md'] });
    expect(page.categories.map((category) => category.name)).toEqual([
      'Service Decomposition Pattern',
      'Communication Pattern',
      'Enterprise Pattern',
      'Data Pattern',
      'Transaction Pattern',
      'Deployment Pattern',
      'Migration Pattern',
      'Fault Tolerance Pattern',
    ]);
    const status = page.files.find((file) => file.path.endsWith('0003-publish-through-an-outbox.md'))!.problems[0]!;
    expect(status).toMatchObject({ line: 2, column: 9, severity: 'error', ruleId: 'adr-status', fixable: false });
    expect(status.url).toMatch(/^https:\/\/.*adr-status\.md$/);
    const fixable = page.files.flatMap((file) => file.problems).filter((problem) => problem.fixable);
    expect(fixable.map((problem) => problem.ruleId)).toContain('pattern-undeclared');
    expect(page.totals).toEqual({ errors: 2, warnings: 11, fixable: fixable.length });
  });
});

describe('formatReportHtml', () => {
  it('is one self-contained document: inline style and script allowed by hash, nothing fetched', async () => {
    const html = formatReportHtml(await pageOf(fixture(REPORT_SET)));
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(count(html, '<style>')).toBe(1);
    expect(count(html, '<script>')).toBe(1);
    const style = html.slice(html.indexOf('<style>') + 7, html.indexOf('</style>'));
    const script = html.slice(html.indexOf('<script>') + 8, html.indexOf('</script>'));
    const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    expect(csp).toBe(`default-src 'none'; style-src ${sha(style)}; script-src ${sha(script)}; img-src data:; base-uri 'none'; form-action 'none'`);
    // Nothing that loads: no src attribute, no stylesheet link, no url() in the CSS but the SVG's own marker.
    expect(html).not.toMatch(/\ssrc=/);
    expect(html).not.toMatch(/<link(?![^>]*href="data:)/);
    expect(style).not.toMatch(/url\(|@import|@font-face/);
    expect([...html.matchAll(/url\(([^)]*)\)/g)].map((match) => match[1])).toEqual(expect.arrayContaining(['#arrow']));
    expect(new Set([...html.matchAll(/url\(([^)]*)\)/g)].map((match) => match[1]))).toEqual(new Set(['#arrow']));
    // No style attribute either (the policy would block it).
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('has a header, a row per decision, the timeline, the pattern map, the graph and the problems', async () => {
    const html = formatReportHtml(await pageOf(fixture(REPORT_SET)));
    expect(html).toContain('<h1>ADR report: octo/adrs</h1>');
    expect(html).toContain('<time datetime="2026-01-02T03:04:05.000Z">2026-01-02 03:04 UTC</time> by adrlint 9.9.9');
    expect(html).toContain('<li><b class="error">2</b> errors</li><li><b class="warning">11</b> warnings</li>');
    const rows = [...html.matchAll(/<tr id="adr-\d+" data-status="([^"]*)"/g)].map((match) => match[1]);
    expect(rows).toEqual(['superseded', 'accepted', 'on hold', 'accepted', 'proposed', 'rejected']);
    expect(html).toContain('<span class="chip s-superseded">superseded</span>');
    expect(html).toContain('<span class="chip s-other">on hold</span>');
    expect(html).toContain('<span class="chip s-rejected">rejected</span>');
    // The timeline: month groups, the superseded decision struck through and linked to its successor.
    expect(html).toContain('<h3>January 2024</h3>');
    expect(html).toMatch(/<span class="gone">Use PostgreSQL<\/span> <span class="chip s-superseded">superseded<\/span> → superseded by <a href="#adr-2"/);
    expect(html).toContain('<h3>No date</h3>');
    // The pattern map: unused patterns greyed, mentions apart from declarations.
    expect(html).toMatch(/<tr class="unused"><td colspan="3">Not used: <span class="chip" title="sharding-pattern">Sharding Pattern<\/span>/);
    expect(html).toMatch(/<tr><td>Saga Pattern <code>saga-pattern<\/code><\/td><td><\/td><td><a href="#adr-4"/);
    // The graph: a node per related decision.
    expect([...html.matchAll(/<a class="node [^"]+" href="#adr-(\d)"/g)].map((match) => match[1])).toEqual(['1', '2', '4']);
    expect(count(html, 'class="edge supersedes"')).toBe(1);
    expect(count(html, 'class="edge amends"')).toBe(1);
    // The problems: line:column, the rule linked to its page, fixable ones marked.
    expect(html).toMatch(/<td class="loc">2:9<\/td><td class="error">error<\/td><td>Unknown status &quot;on hold&quot;[^<]*<\/td><td><a href="https:\/\/[^"]+\/adr-status\.md"><code class="rule">adr-status<\/code><\/a><\/td><td><\/td>/);
    expect(count(html, '<span class="fix">fixable</span>')).toBe(7);
  });

  it('links files through the given function, and nothing when there is none', async () => {
    const page = await pageOf(fixture(REPORT_SET));
    expect(formatReportHtml(page)).not.toContain('href="docs/adr');
    const linked = formatReportHtml(page, { fileHref: (path) => `https://example.com/blob/abc/${path}` });
    expect(linked).toContain('<a href="https://example.com/blob/abc/docs/adr/0001-use-postgresql.md" title="docs/adr/0001-use-postgresql.md">Use PostgreSQL</a>');
    // A URL with another scheme is not a link.
    const hostile = formatReportHtml(page, { fileHref: () => 'javascript:alert(1)' });
    expect(hostile).not.toContain('javascript:');
  });

  it('has no Patterns column for a set that neither declares nor mentions a pattern', async () => {
    const page = await pageOf(fixture(REPORT_SET));
    expect(formatReportHtml(page)).toContain('<th>Patterns</th>');
    const none = formatReportHtml({ ...page, adrs: page.adrs.map((adr) => ({ ...adr, patterns: [], mentions: [] })) });
    expect(none).not.toContain('<th>Patterns</th>');
    expect(none).not.toContain('class="chip pat');
    // Each row has as many cells as the header has columns (the sorting goes by column).
    const header = /<table id="decisions"><thead><tr>(.*?)<\/tr>/.exec(none)![1]!.match(/<th>/g)!.length;
    for (const row of none.match(/<tr id="[^"]+"[^>]*>.*?<\/tr>/g)!) expect(row.match(/<td/g)!.length).toBe(header);
  });

  it('is the same bytes for the same set and date', async () => {
    const root = fixture(REPORT_SET);
    expect(formatReportHtml(await pageOf(root))).toBe(formatReportHtml(await pageOf(root)));
  });

  it('says so when there is nothing to show', async () => {
    const page = await pageOf(fixture(REPORT_SET));
    const html = formatReportHtml({ ...page, adrs: [], byStatus: [], supersedes: [], amends: [], files: [], totals: { errors: 0, warnings: 0, fixable: 0 } });
    expect(html).toContain('<p class="empty">No decisions.</p>');
    expect(html).toContain('<p class="empty">No decision supersedes or amends another.</p>');
    expect(html).toContain('<p class="empty">No problems.</p>');
  });
});

const HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '</style><i>', "'><svg onload=alert(1)>", '</script><script>alert(2)</script>'];

/**
 * The page's tags with their quoted attribute values emptied: what the markup is, ADR text apart.
 * (Escaping keeps `"` out of a value and `<`, `>` out of text, so this reads the page as a browser does.)
 */
const tags = (html: string) =>
  [...html.replace(REPORT_SCRIPT, '').replace(REPORT_CSS, '').replace(/="[^"]*"/g, '=""').matchAll(/<[^>]*>/g)].map((match) => match[0]);

/** A page whose every text field holds `text`. */
function hostilePage(text: string): ReportPage {
  const adr = (path: string) => ({
    path,
    number: 1,
    title: text,
    status: text,
    date: text,
    patterns: [text],
    supersededBy: [`docs/${text}/b.md`],
    amendedBy: [],
    mentions: [text],
    errors: 1,
    warnings: 0,
  });
  const a = `docs/${text}/a.md`;
  const b = `docs/${text}/b.md`;
  return {
    name: text,
    folders: [`docs/${text}`],
    generated: '2026-01-02T03:04:05.000Z',
    version: text,
    adrs: [adr(a), { ...adr(b), supersededBy: [], date: `2024-01-01; ${text}` }],
    byStatus: [{ status: text, adrs: [a, b] }],
    categories: [{ name: text, patterns: [{ slug: text, name: text, category: text, adrs: [a], mentionedBy: [b] }, { slug: `${text}2`, name: text, category: text, adrs: [], mentionedBy: [] }] }],
    unknownPatterns: [{ slug: text, adrs: [a] }],
    supersedes: [{ from: b, to: a }],
    amends: [{ from: a, to: b }],
    files: [{ path: a, problems: [{ line: 1, column: 1, severity: 'error', message: text, ruleId: text, url: `javascript:${text}`, fixable: true }] }],
    totals: { errors: 1, warnings: 0, fixable: 1 },
  };
}

describe('escaping', () => {
  it.each(HOSTILE)('no field lets %s through raw', (text) => {
    const html = formatReportHtml(hostilePage(text), { fileHref: (path) => path.split('/').map(encodeURIComponent).join('/') });
    expect(html).not.toContain(text);
    expect(count(html, '<script')).toBe(1);
    expect(count(html, '</script')).toBe(1);
    expect(count(html, '<style')).toBe(1);
    expect(count(html, '</style')).toBe(1);
    expect(html).not.toContain('javascript:');
    // Every attribute value is closed where it should be: no element nor attribute comes from ADR text.
    const markup = tags(html);
    expect(markup.filter((tag) => /^<\/?(img|i|script|style)\b/.test(tag))).toEqual(['<style>', '</style>', '<script>', '</script>']);
    expect(markup.filter((tag) => /\son(error|load)=/.test(tag))).toEqual([]);
  });

  it('escapes ADR text read from real files: titles, statuses, file names, patterns, dates, relations and messages', async () => {
    const evil = '"><img src=x onerror=alert(1)>';
    const root = fixture({
      '.git/HEAD': 'ref: refs/heads/main\n',
      [`docs/adr/0001-${evil}.md`]: `---\nstatus: "<script>alert(1)</script>"\ndate: "</style><i>"\npatterns: ["${evil.replace(/"/g, '\\"')}"]\nsupersedes: ["</script><script>x"]\n---\n\n# <script>alert(1)</script> </style> ${evil}\n\nText.\n`,
      'docs/adr/0002-other.md': `---\nstatus: accepted\nsuperseded-by: ["0001"]\n---\n\n# Other </script>\n\nText.\n`,
    });
    const page = await pageOf(root);
    expect(page.adrs).toHaveLength(2);
    const html = formatReportHtml(page, { fileHref: (path) => path.split('/').map(encodeURIComponent).join('/') });
    for (const text of ['<script>alert(1)', evil, '</style><i>', '</script><script>x', 'Other </script>']) expect(html).not.toContain(text);
    expect(count(html, '<script')).toBe(1);
    expect(count(html, '</script')).toBe(1);
    expect(count(html, '</style')).toBe(1);
    const markup = tags(html);
    expect(markup.filter((tag) => /^<\/?(img|i|script|style)\b/.test(tag))).toEqual(['<style>', '</style>', '<script>', '</script>']);
    expect(markup.filter((tag) => /\son(error|load)=/.test(tag))).toEqual([]);
  });
});

describe('size', () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it('is at most 300 KB for a generated set of 100 ADRs', async () => {
    const root = mkdtempSync(join(tmpdir(), 'adrlint-html-size-'));
    roots.push(root);
    generateCorpus({ count: 100, seed: 18, root });
    const page = await pageOf(root);
    expect(page.adrs).toHaveLength(100);
    const bytes = Buffer.byteLength(formatReportHtml(page, { fileHref: (path) => `https://github.com/octo/adrs/blob/0123456789abcdef0123456789abcdef01234567/${path}` }));
    expect(bytes).toBeLessThanOrEqual(300 * 1024);
  });
});
