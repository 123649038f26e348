// The HTML report in a real browser: the system's Chromium (the Debian package `chromium`, which
// .ci/run installs), driven headless by puppeteer-core, which never downloads a browser. On the
// report of a fixture set and of ../shared/corpus/konflux (a copy, when present): the page loads
// from file:// with no console error and no request but its own, shows a row per ADR, filters by
// status and text, sorts, draws a node per related ADR, reads without JavaScript, and a screenshot
// is left in test/artifacts/ for a person to look at. Skipped, saying so, only where no Chromium is.
import { accessSync, constants, cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SetReport } from '../src/format/report.ts';
import { adrlint, fixture, PACKAGE_ROOT, removeFixtures, type FixtureFiles } from './helpers/cli.ts';
import { REPORT_SET } from './helpers/report-set.ts';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** CHROMIUM_PATH, else the first of NAMES on PATH. */
function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, ...(process.env.PATH ?? '').split(delimiter).flatMap((folder) => NAMES.map((name) => join(folder, name)))];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // next
    }
  }
  return null;
}

const CHROMIUM = findChromium();
if (!CHROMIUM)
  console.warn(`report-html-browser.test.ts: SKIPPED: no Chromium binary (looked for CHROMIUM_PATH and ${NAMES.join(', ')} on PATH); install the Debian package "chromium" (.ci/run does) to run it.`);

const ARTIFACTS = join(PACKAGE_ROOT, 'test', 'artifacts');
const KONFLUX = resolve(PACKAGE_ROOT, '..', 'shared', 'corpus', 'konflux');
// Text that would run or load something if it reached the page raw.
const HOSTILE: FixtureFiles = {
  '.git/HEAD': 'ref: refs/heads/main\n',
  'docs/adr/0001-"><img src=x onerror=alert(1)>.md': '---\nstatus: "<script>alert(2)</script>"\ndate: "</style><img src=y>"\n---\n\n# </script><script>alert(3)</script>\n\nText.\n',
  'docs/adr/0002-b.md': '---\nstatus: accepted\nsupersedes: ["0001"]\n---\n\n# "><svg onload=alert(4)>\n\nText.\n',
};

interface Loaded {
  page: Page;
  url: string;
  requests: string[];
  errors: string[];
  dialogs: string[];
}

let browser: Browser | null = null;
const pages: Page[] = [];

async function open(file: string, { javaScript = true } = {}): Promise<Loaded> {
  const page = await browser!.newPage();
  pages.push(page);
  const url = pathToFileURL(file).href;
  const loaded: Loaded = { page, url, requests: [], errors: [], dialogs: [] };
  await page.setJavaScriptEnabled(javaScript);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    loaded.requests.push(request.url());
    if (request.url() === url) void request.continue();
    else void request.abort();
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') loaded.errors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => loaded.errors.push(`pageerror: ${String(error)}`));
  page.on('dialog', (dialog) => {
    loaded.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto(url, { waitUntil: 'load' });
  return loaded;
}

/** The report of `root` as HTML (written to report.html there) and as JSON, through the built CLI. */
async function report(root: string, paths: string[] = []): Promise<{ file: string; set: SetReport }> {
  const html = await adrlint(root, ['report', ...paths, '--format', 'html', '-o', 'report.html'], { SOURCE_DATE_EPOCH: '1767323045' });
  expect(html.stderr).toBe('');
  expect(html.code).toBe(0);
  const json = await adrlint(root, ['report', ...paths, '--format', 'json']);
  return { file: join(root, 'report.html'), set: JSON.parse(json.stdout) as SetReport };
}

const visibleRows = (page: Page) =>
  page.$$eval('#decisions tbody tr', (rows) => (rows as HTMLTableRowElement[]).filter((row) => !row.hidden).map((row) => row.getAttribute('data-status')));

async function checkPage(name: string, root: string, paths: string[] = []): Promise<void> {
  const { file, set } = await report(root, paths);
  const { page, url, requests, errors } = await open(file);
  // Loaded from file://, nothing else asked for, nothing complained of.
  expect(requests).toEqual([url]);
  expect(errors).toEqual([]);
  expect(await page.$eval('#filters', (form) => (form as HTMLFormElement).hidden)).toBe(false);
  // A row per ADR.
  const rows = await page.$$eval('#decisions tbody tr', (list) => list.map((row) => row.getAttribute('data-status') ?? ''));
  expect(rows).toHaveLength(set.adrs.length);
  expect(rows).toEqual(set.adrs.map((adr) => adr.status ?? ''));
  // Filtering by a status hides the others.
  const status = set.byStatus.find((group) => group.status !== null && group.adrs.length < set.adrs.length)?.status ?? set.adrs[0]!.status!;
  await page.select('#f-status', status);
  const shown = await visibleRows(page);
  expect(shown).toHaveLength(set.adrs.filter((adr) => adr.status === status).length);
  expect(new Set(shown)).toEqual(new Set([status]));
  expect(await page.$eval('#f-count', (output) => output.textContent)).toBe(`${shown.length} of ${set.adrs.length} decisions`);
  await page.select('#f-status', '');
  expect(await visibleRows(page)).toHaveLength(set.adrs.length);
  // Filtering by a pattern (declared or mentioned) keeps the ADRs that have it.
  const pattern = await page.$eval('#f-pattern option:nth-child(2)', (option) => (option as HTMLOptionElement).value).catch(() => null);
  if (pattern !== null) {
    await page.select('#f-pattern', pattern);
    const withIt = await page.$$eval('#decisions tbody tr', (list) =>
      (list as HTMLTableRowElement[]).map((row) => ({ hidden: row.hidden, patterns: JSON.parse(row.getAttribute('data-patterns')!) as string[] })),
    );
    expect(withIt.filter((row) => !row.hidden).length).toBeGreaterThan(0);
    for (const row of withIt) expect(row.hidden).toBe(!row.patterns.includes(pattern));
    await page.select('#f-pattern', '');
  }
  // The text filter, on a title.
  const title = set.adrs.find((adr) => adr.title)!.title!;
  await page.type('#f-text', title);
  const byTitle = await page.$$eval('#decisions tbody tr', (list) => (list as HTMLTableRowElement[]).filter((row) => !row.hidden).map((row) => row.cells[1]!.textContent));
  expect(byTitle).toContain(title);
  expect(byTitle.length).toBeLessThan(set.adrs.length);
  await page.$eval('#f-text', (input) => ((input as HTMLInputElement).value = ''));
  await page.$eval('#f-text', (input) => input.dispatchEvent(new Event('input', { bubbles: true })));
  // Sorting by number, descending on the second click.
  await page.click('#decisions thead th:nth-child(1) button');
  await page.click('#decisions thead th:nth-child(1) button');
  const numbers = await page.$$eval('#decisions tbody tr', (list) => list.map((row) => (row as HTMLTableRowElement).cells[0]!.getAttribute('data-key')).filter((key) => key !== '').map(Number));
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  await page.click('#decisions thead th:nth-child(1) button');
  // A node per related ADR.
  const related = new Set([...set.supersedes, ...set.amends].flatMap((edge) => [edge.from, edge.to]));
  const nodes = await page.$$eval('#relations svg a.node', (list) => list.map((node) => node.getAttribute('data-path')));
  expect(new Set(nodes)).toEqual(related);
  expect(nodes).toHaveLength(related.size);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `report-${name}.png`), fullPage: true });
  expect(existsSync(join(ARTIFACTS, `report-${name}.png`))).toBe(true);
  expect(errors).toEqual([]);
}

describe.skipIf(!CHROMIUM)('the HTML report in Chromium', () => {
  beforeAll(async () => {
    browser = await puppeteer.launch({
      executablePath: CHROMIUM!,
      headless: true,
      // Chromium's sandbox refuses to run as root (CI runs as root).
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    });
  });
  afterAll(async () => {
    await browser?.close();
    removeFixtures();
  });

  it('the fixture set: loads alone, a row per ADR, filters, sorts, a node per related ADR', async () => {
    await checkPage('fixture', fixture(REPORT_SET));
  });

  it.skipIf(!existsSync(KONFLUX))('../shared/corpus/konflux (a copy)', async () => {
    const root = fixture({ '.git/HEAD': 'ref: refs/heads/main\n' });
    cpSync(KONFLUX, join(root, 'konflux'), { recursive: true });
    await checkPage('konflux', root, ['konflux']);
  });

  it('reads without JavaScript: the tables are there, the filters are not', async () => {
    const { file, set } = await report(fixture(REPORT_SET));
    const { page, errors } = await open(file, { javaScript: false });
    expect(await page.$$eval('#decisions tbody tr', (rows) => rows.length)).toBe(set.adrs.length);
    expect(await page.$eval('#filters', (form) => (form as HTMLFormElement).hidden)).toBe(true);
    expect(await page.$$eval('#problems tbody tr', (rows) => rows.length)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('runs nothing an ADR wrote: no dialog, no image, no element from a title or a file name', async () => {
    const { file } = await report(fixture(HOSTILE));
    const { page, requests, url, errors, dialogs } = await open(file);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    expect(await page.$$eval('img, script:not(:last-of-type), [onerror], [onload]', (list) => list.length)).toBe(0);
    expect(await page.$$eval('script', (list) => list.length)).toBe(1);
    const titles = await page.$$eval('#decisions tbody tr td:nth-child(2)', (cells) => cells.map((cell) => cell.textContent));
    expect(titles).toEqual(['</script><script>alert(3)</script>', '"><svg onload=alert(4)>']);
    expect(readFileSync(file, 'utf8')).not.toContain('<img');
  });
});
