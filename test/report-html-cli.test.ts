// `adrlint report --format html` through the built CLI: the file written with -o, where its links
// point (relative to the page, the commit on GitHub Actions, or --base-url), a reproducible date
// with SOURCE_DATE_EPOCH, and the usage errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adrlint, fixture, removeFixtures } from './helpers/cli.ts';
import { REPORT_SET } from './helpers/report-set.ts';

afterAll(removeFixtures);

// 2026-01-02T03:04:05Z; and none of the variables of a GitHub Actions run these tests may run in.
const EPOCH = { SOURCE_DATE_EPOCH: '1767323045', GITHUB_SERVER_URL: '', GITHUB_REPOSITORY: '', GITHUB_SHA: '', GITHUB_WORKSPACE: '' };
const titleLink = (html: string, title: string) => new RegExp(`<a href="([^"]*)" title="[^"]*">${title}</a>`).exec(html)?.[1];

describe('adrlint report --format html', () => {
  it('writes one page with -o, linking the files relative to it, and exits 0 whatever the problems', async () => {
    const root = fixture(REPORT_SET);
    const run = await adrlint(root, ['report', '--format', 'html', '-o', 'reports/adr-report.html'], EPOCH);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const html = readFileSync(join(root, 'reports/adr-report.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain(`<h1>ADR report: ${root.split('/').pop()}</h1>`);
    expect(html).toContain('<time datetime="2026-01-02T03:04:05.000Z">2026-01-02 03:04 UTC</time>');
    expect(html).toMatch(/by adrlint \d+\.\d+\.\d+/);
    expect(titleLink(html, 'Use PostgreSQL')).toBe('../docs/adr/0001-use-postgresql.md');
    expect(html).toContain('<a href="../docs/adr/0003-publish-through-an-outbox.md">docs/adr/0003-publish-through-an-outbox.md</a>');
    expect(html.match(/<tr id="adr-/g)).toHaveLength(6);
    // The same set and date: the same bytes.
    await adrlint(root, ['report', '--format', 'html', '-o', 'again.html'], EPOCH);
    expect(readFileSync(join(root, 'again.html'), 'utf8')).toBe(html.replaceAll('href="../docs/', 'href="docs/'));
  });

  it('prints the page on stdout without -o, its links relative to the working folder', async () => {
    const root = fixture(REPORT_SET);
    const run = await adrlint(join(root, 'docs'), ['report', 'adr', '-f', 'html'], EPOCH);
    expect(run.code).toBe(0);
    expect(titleLink(run.stdout, 'Use Kafka')).toBe('adr/0006-use-kafka.md');
  });

  it('links the files to the commit on GitHub Actions, from the workspace root', async () => {
    const root = fixture(REPORT_SET);
    const env = { ...EPOCH, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'octo/adrs', GITHUB_SHA: 'f00d', GITHUB_WORKSPACE: root };
    const run = await adrlint(join(root, 'docs'), ['report', 'adr', '--format', 'html'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('<h1>ADR report: octo/adrs</h1>');
    expect(titleLink(run.stdout, 'Use Kafka')).toBe('https://github.com/octo/adrs/blob/f00d/docs/adr/0006-use-kafka.md');
  });

  it('--base-url links the files under another address', async () => {
    const root = fixture({ ...REPORT_SET, 'docs/adr/0007-a name with spaces.md': '---\nstatus: accepted\n---\n\n# Spaces\n\nText.\n' });
    const env = { ...EPOCH, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'octo/adrs', GITHUB_SHA: 'f00d' };
    const run = await adrlint(root, ['report', '--format', 'html', '--base-url', 'https://gitlab.example.com/team/adrs/-/blob/main/'], env);
    expect(run.code).toBe(0);
    expect(titleLink(run.stdout, 'Use Kafka')).toBe('https://gitlab.example.com/team/adrs/-/blob/main/docs/adr/0006-use-kafka.md');
    expect(titleLink(run.stdout, 'Spaces')).toBe('https://gitlab.example.com/team/adrs/-/blob/main/docs/adr/0007-a%20name%20with%20spaces.md');
  });

  it('refuses --base-url that is not a web address, or without --format html (exit 2, one line)', async () => {
    const root = fixture(REPORT_SET);
    const bad = await adrlint(root, ['report', '--format', 'html', '--base-url', 'javascript:alert(1)']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('adrlint: --base-url takes an http or https URL; not "javascript:alert(1)"\n');
    const markdown = await adrlint(root, ['report', '--base-url', 'https://example.com']);
    expect(markdown.code).toBe(2);
    expect(markdown.stderr).toBe('adrlint: --base-url links the files of the HTML report; use it with --format html\n');
    const epoch = await adrlint(root, ['report', '--format', 'html'], { SOURCE_DATE_EPOCH: 'yesterday' });
    expect(epoch.code).toBe(2);
    expect(epoch.stderr).toBe('adrlint: SOURCE_DATE_EPOCH must be a number of seconds; not "yesterday"\n');
  });

  it('--base-url belongs to report: lint refuses it, naming the command', async () => {
    const run = await adrlint(fixture(REPORT_SET), ['--base-url', 'https://example.com']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--base-url is an option of "adrlint report"');
  });

  it('lists html among the report formats', async () => {
    const run = await adrlint(fixture(REPORT_SET), ['report', '--format', 'pdf']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('use one of markdown, json, mermaid, html');
  });
});
