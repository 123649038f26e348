// The Action's job summary: exact markdown for a small run, ADR text that cannot break it, links
// to the problem's line, and a summary that always fits GitHub's size limit.
import { describe, expect, it } from 'vitest';
import { catalogueWithUser } from '../src/io/catalogue-file.ts';
import { formatJobSummary, JOB_SUMMARY_MAX_BYTES, type JobSummaryInput } from '../src/format/job-summary.ts';
import { summarise, type LintResult } from '../src/engine/run-rules.ts';
import { parseAdr } from '../src/parse/parse-adr.ts';
import { buildRecord } from '../src/parse/record.ts';
import type { AdrRecord, Diagnostic } from '../src/model/types.ts';

const ROOT = '/repo';

const catalogue = catalogueWithUser(
  'catalogue.yaml',
  [
    'extendsBuiltIn: false',
    'categories: [Data Pattern, Transaction Pattern]',
    'patterns:',
    '  - { slug: saga-pattern, name: Saga Pattern, category: Transaction Pattern }',
    '  - { slug: outbox-pattern, name: Outbox Pattern, category: Data Pattern }',
  ].join('\n'),
);

function recordsOf(files: Record<string, string>): AdrRecord[] {
  return Object.entries(files).map(([path, text]) => buildRecord(parseAdr(`${ROOT}/${path}`, text, catalogue), catalogue));
}

const RECORDS = recordsOf({
  'docs/adr/0001-use-postgresql.md': '# 1. Use PostgreSQL\n\n## Status\n\nSuperseded\n',
  'docs/adr/0002-use-mysql.md': '---\nstatus: accepted\nsupersedes: ["0001"]\npatterns: [saga-pattern]\n---\n\n# 2. Use MySQL\n',
});

function problem(line: number, column: number, ruleId: string | null, message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return {
    ruleId,
    severity: 'error',
    message,
    line,
    column,
    endLine: line,
    endColumn: column + 1,
    ...(ruleId ? { url: `https://example.com/rules/${ruleId}.md` } : {}),
    ...extra,
  };
}

const fileUrl = (path: string, line?: number) => `https://github.com/o/r/blob/abc/${path}${line ? `#L${line}` : ''}`;

const bytes = (text: string) => new TextEncoder().encode(text).length;

describe('formatJobSummary', () => {
  it('writes totals, problems linked to their lines, pattern usage and the graph', () => {
    const results: LintResult[] = [
      summarise(`${ROOT}/docs/adr/0001-use-postgresql.md`, [
        problem(5, 1, 'adr-supersede', 'this ADR does not say it is superseded by 0002-use-mysql.md', { fix: { range: [0, 0], text: 'x' } }),
        problem(7, 3, 'adr-status', 'Status "Superseded" has no date', { severity: 'warn' }),
      ]),
      summarise(`${ROOT}/docs/adr/0002-use-mysql.md`, []),
    ];
    expect(formatJobSummary({ results, records: RECORDS, catalogue, root: ROOT, fileUrl })).toBe(
      [
        '## adrlint',
        '',
        '**2 files** linted · **1 error** · **1 warning** · **1** fixable',
        '',
        '### Problems',
        '',
        '| File | Line | Severity | Rule | Message |',
        '| --- | --- | --- | --- | --- |',
        '| [docs/adr/0001-use-postgresql.md](https://github.com/o/r/blob/abc/docs/adr/0001-use-postgresql.md#L5) | 5:1 | error | [adr-supersede](https://example.com/rules/adr-supersede.md) | this ADR does not say it is superseded by 0002-use-mysql.md |',
        '| [docs/adr/0001-use-postgresql.md](https://github.com/o/r/blob/abc/docs/adr/0001-use-postgresql.md#L7) | 7:3 | warning | [adr-status](https://example.com/rules/adr-status.md) | Status "Superseded" has no date |',
        '',
        '### Patterns',
        '',
        '| Pattern | Category | ADRs |',
        '| --- | --- | --- |',
        '| Saga Pattern (saga-pattern) | Transaction Pattern | [docs/adr/0002-use-mysql.md](https://github.com/o/r/blob/abc/docs/adr/0002-use-mysql.md) |',
        '',
        '<details><summary>ADR graph: patterns and supersedes</summary>',
        '',
        '```mermaid',
        'graph LR',
        '  a1["1. Use PostgreSQL"]',
        '  a2["2. Use MySQL"]',
        '  p2(["Saga Pattern"])',
        '  a2 -.->|supersedes| a1',
        '  a2 -->|uses| p2',
        '```',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('says when there is nothing to report, and shows the caller\'s title and notes', () => {
    const summary = formatJobSummary({
      results: [summarise(`${ROOT}/docs/adr/0009-x.md`, [])],
      records: recordsOf({ 'docs/adr/0009-x.md': '# 9. X\n' }),
      catalogue,
      root: ROOT,
      title: 'ADR lint <b>',
      notes: ['SARIF written to `adrlint.sarif`.'],
    });
    expect(summary).toBe(
      [
        '## ADR lint &lt;b&gt;',
        '',
        '**1 file** linted · **0 errors** · **0 warnings** · **0** fixable',
        '',
        'SARIF written to `adrlint.sarif`.',
        '',
        '### Problems',
        '',
        'No problems found.',
        '',
        '### Patterns',
        '',
        'No ADR declares a catalogue pattern.',
        '',
      ].join('\n'),
    );
  });

  it('escapes a hostile file name and message, and links a file problem without a rule', () => {
    const hostile = `${ROOT}/docs/adr/0003-a|b<img src=x onerror=alert(1)>[x](javascript:alert(1)).md`;
    const summary = formatJobSummary({
      results: [summarise(hostile, [problem(2, 1, null, 'cannot read | <script>alert("x")</script>\n## injected', { fatal: true })])],
      records: [],
      catalogue,
      root: ROOT,
      fileUrl,
    });
    const row = summary.split('\n').find((line) => line.startsWith('| [docs/adr/0003'))!;
    expect(row).toBe(
      '| [docs/adr/0003-a&#124;b&lt;img src=x onerror=alert\\(1\\)&gt;\\[x\\]\\(javascript\\:alert\\(1\\)\\).md]' +
        '(https://github.com/o/r/blob/abc/docs/adr/0003-a%7Cb%3Cimg%20src=x%20onerror=alert%281%29%3E%5Bx%5D%28javascript:alert%281%29%29.md#L2)' +
        ' | 2:1 | error | | cannot read &#124; &lt;script&gt;alert\\("x"\\)&lt;/script&gt; ## injected |',
    );
    expect(row.match(/\|/g)).toHaveLength(6);
    expect(summary).not.toMatch(/<img|<script|^## injected/m);
  });

  describe('the size limit', () => {
    const many: LintResult[] = Array.from({ length: 40 }, (_, file) =>
      summarise(
        `${ROOT}/docs/adr/${String(file + 1).padStart(4, '0')}-ünïcödé.md`,
        Array.from({ length: 50 }, (_, i) => problem(i + 1, 1, 'adr-title', `Titel „${'ü'.repeat(40)}“ problem ${i}`)),
      ),
    );
    const input: JobSummaryInput = { results: many, records: RECORDS, catalogue, root: ROOT, fileUrl };

    it('keeps everything when it fits', () => {
      const summary = formatJobSummary(input);
      expect(bytes(summary)).toBeLessThanOrEqual(JOB_SUMMARY_MAX_BYTES);
      expect(summary.match(/^\| \[docs/gm)).toHaveLength(2000);
      expect(summary).not.toContain('left out');
    });

    it('drops problem rows from the end and says how many, within maxBytes counted in UTF-8', () => {
      const maxBytes = 50_000;
      const summary = formatJobSummary({ ...input, maxBytes });
      expect(bytes(summary)).toBeLessThanOrEqual(maxBytes);
      const rows = summary.match(/^\| \[docs.*$/gm)!;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows[0]).toContain('0001-');
      expect(summary).toContain(`_${2000 - rows.length} problems are left out to keep this summary within GitHub's size limit: see the SARIF file, or run \`npx adrlint\` for the full list._`);
      // The graph still fits, and nearly all the budget is used.
      expect(summary).toContain('```mermaid');
      expect(bytes(summary)).toBeGreaterThan(maxBytes - 400);
    });

    it('drops the graph when not even the totals, the patterns and the graph fit with no row', () => {
      // Everything but the problem rows, from a summary that kept some (the "left out" count has 4 digits either way).
      const some = formatJobSummary({ ...input, maxBytes: 50_000 });
      const rowBytes = some.match(/^\| \[docs.*$/gm)!.reduce((sum, row) => sum + bytes(row) + 1, 0);
      const maxBytes = bytes(some) - rowBytes - 1;
      const summary = formatJobSummary({ ...input, maxBytes });
      expect(bytes(summary)).toBeLessThanOrEqual(maxBytes);
      expect(summary).not.toContain('```mermaid');
      expect(summary).toContain("_The ADR graph is left out to keep this summary within GitHub's size limit._");
      expect(summary).toMatch(/_\d+ problems are left out/);
      expect(summary).toContain('| Saga Pattern (saga-pattern) |');
    });

    it('keeps whole lines when not even the totals and patterns fit, and nothing at all below a line', () => {
      const summary = formatJobSummary({ ...input, maxBytes: 200 });
      expect(bytes(summary)).toBeLessThanOrEqual(200);
      expect(summary).toMatch(/^## adrlint\n/);
      expect(summary).toContain("_The rest is cut to keep this summary within GitHub's size limit._");
      expect(formatJobSummary({ ...input, maxBytes: 1 })).toBe('');
    });

    it('never exceeds any budget', () => {
      for (const maxBytes of [0, 40, 200, 700, 1500, 5000, 20_000]) expect(bytes(formatJobSummary({ ...input, maxBytes })), String(maxBytes)).toBeLessThanOrEqual(maxBytes);
    });
  });
});
