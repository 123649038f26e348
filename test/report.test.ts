// The ADR-set report: statuses, pattern usage and supersede chains read from real ADR texts in
// every style, written as JSON, markdown and Mermaid that no ADR text can break.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type Catalogue } from '../src/model/catalogue.ts';
import { catalogueWithUser } from '../src/io/catalogue-file.ts';
import { parseAdr } from '../src/parse/parse-adr.ts';
import { buildRecord } from '../src/parse/record.ts';
import {
  buildSetReport,
  formatReportJson,
  formatReportMarkdown,
  formatReportMermaid,
  mermaidGraph,
  normaliseStatus,
  type SetReport,
} from '../src/format/report.ts';
import type { AdrRecord } from '../src/model/types.ts';

const ROOT = '/repo';
const builtIn = catalogueWithUser(null, null);

function recordsOf(files: Record<string, string>, catalogue: Catalogue = builtIn): AdrRecord[] {
  return Object.entries(files).map(([path, text]) => buildRecord(parseAdr(`${ROOT}/${path}`, text, catalogue), catalogue));
}

const nygard = (number: number, title: string, status: string, ...rest: string[]) =>
  [`# ${number}. ${title}`, '', 'Date: 2024-01-0' + number, '', '## Status', '', status, '', ...rest.flatMap((line) => [line, '']), '## Decision', '', 'We decide.', ''].join('\n');

const frontmatter = (keys: string[], body: string) => ['---', ...keys, '---', '', body, ''].join('\n');

// Records are built with a catalogue that knows made-up-pattern, the report with the built-in one:
// a declared slug the report's catalogue lacks is what unknownPatterns is for (buildRecord itself
// keeps only the slugs its catalogue knows).
const extended = catalogueWithUser('user.yaml', 'patterns:\n  - slug: made-up-pattern\n    name: Made-up Pattern\n    category: Data Pattern\n');

const HOSTILE_TITLE = 'title: "6. Use <script>alert(1)</script> | \\"quoted\\"\\nsecond line"';

const FILES: Record<string, string> = {
  // Nygard, both sides written as links.
  'docs/adr/0001-use-postgresql.md': nygard(1, 'Use PostgreSQL', 'Superseded', 'Superseded by [2. Use MySQL](0002-use-mysql.md)'),
  // The status line names the newer one; the older one is linked.
  'docs/adr/0002-use-mysql.md': nygard(2, 'Use MySQL', 'Superseded by ADR-0003', 'Supersedes [1. Use PostgreSQL](0001-use-postgresql.md)'),
  // Frontmatter, by number, the same edge as 0002's status line.
  'docs/adr/0003-use-sqlite.md': frontmatter(['status: accepted', 'date: 2024-01-03', 'supersedes: ["0002"]', 'patterns: [saga-pattern]'], '# 3. Use SQLite'),
  // Frontmatter, only the older side says so, by path.
  'docs/adr/0004-queue.md': frontmatter(['status: superseded', 'superseded-by: ./0005-events.md'], '# 4. Queue'),
  'docs/adr/0005-events.md': frontmatter(['status: Proposed', 'amends: ["0003"]', 'patterns:', '  - saga-pattern', '  - event-sourcing-pattern'], '# 5. Events'),
  // A frontmatter title (no H1) holding markup, a pipe, quotes and a line break.
  'docs/adr/0006-hostile.md': frontmatter([HOSTILE_TITLE, 'status: "**On hold**"', 'patterns: [made-up-pattern]'], '## Context\n\nText.'),
  'docs/adr/0007-no-status.md': '# 7. No status\n\nText.\n',
  // The published page of an .md record (konflux links them so).
  'docs/adr/0008-pages.md': nygard(8, 'Pages', 'Accepted', 'Supersedes [7. No status](0007-no-status.html)'),
};

const A = (n: number) => `docs/adr/${Object.keys(FILES).find((path) => path.startsWith(`docs/adr/000${n}`))!.slice('docs/adr/'.length)}`;

describe('buildSetReport', () => {
  const report = buildSetReport(recordsOf(FILES, extended), builtIn, { root: ROOT });

  it('lists every ADR with its relative path, number, title, status in lower case, date and patterns', () => {
    expect(report.adrs.map((adr) => adr.path)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map(A));
    expect(report.adrs[2]).toEqual({ path: A(3), number: 3, title: 'Use SQLite', status: 'accepted', date: '2024-01-03', patterns: ['saga-pattern'] });
    expect(report.adrs[5]).toMatchObject({ number: 6, title: 'Use <script>alert(1)</script> | "quoted"\nsecond line', status: 'on hold', date: null });
    expect(report.adrs[6]).toMatchObject({ status: null, patterns: [] });
  });

  it('groups ADRs by status: proposed, accepted, the others alphabetically, then none', () => {
    expect(report.byStatus).toEqual([
      { status: 'proposed', adrs: [A(5)] },
      { status: 'accepted', adrs: [A(3), A(8)] },
      { status: 'on hold', adrs: [A(6)] },
      { status: 'superseded', adrs: [A(1), A(2), A(4)] },
      { status: null, adrs: [A(7)] },
    ]);
  });

  it('shows every catalogue pattern by category, the ADRs declaring it, the unused and the unknown ones', () => {
    expect(report.patterns).toHaveLength(builtIn.patterns.length);
    const categories = report.patterns.map((pattern) => builtIn.categories.indexOf(pattern.category));
    expect(categories).toEqual([...categories].sort((a, b) => a - b));
    expect(report.patterns.find((pattern) => pattern.slug === 'saga-pattern')).toEqual({
      slug: 'saga-pattern',
      name: 'Saga Pattern',
      category: 'Transaction Pattern',
      adrs: [A(3), A(5)],
    });
    expect(report.patterns.find((pattern) => pattern.slug === 'event-sourcing-pattern')?.adrs).toEqual([A(5)]);
    expect(report.unusedPatterns).toHaveLength(builtIn.patterns.length - 2);
    expect(report.unusedPatterns).not.toContain('saga-pattern');
    expect(report.unknownPatterns).toEqual([{ slug: 'made-up-pattern', adrs: [A(6)] }]);
  });

  it('reads supersede edges from either side, once each, and amend edges apart', () => {
    expect(report.supersedes).toEqual([
      { from: A(2), to: A(1) },
      { from: A(3), to: A(2) },
      { from: A(5), to: A(4) },
      { from: A(8), to: A(7) },
    ]);
    expect(report.amends).toEqual([{ from: A(5), to: A(3) }]);
  });

  it('follows supersede chains, oldest first and newest last', () => {
    expect(report.chains).toEqual([
      [A(1), A(2), A(3)],
      [A(4), A(5)],
      [A(7), A(8)],
    ]);
    expect(report.chainsCapped).toBe(false);
  });

  it('keeps only maximal chains and survives a cycle', () => {
    const diamond = buildSetReport(
      recordsOf({
        'docs/adr/0001-a.md': frontmatter(['status: superseded'], '# 1. A'),
        'docs/adr/0002-b.md': frontmatter(['supersedes: ["0001"]'], '# 2. B'),
        'docs/adr/0003-c.md': frontmatter(['supersedes: ["0001", "0002"]'], '# 3. C'),
        'docs/adr/0004-d.md': frontmatter(['supersedes: ["0005"]'], '# 4. D'),
        'docs/adr/0005-e.md': frontmatter(['supersedes: ["0004"]'], '# 5. E'),
      }),
      builtIn,
      { root: ROOT },
    );
    expect(diamond.chains).toEqual([
      ['docs/adr/0001-a.md', 'docs/adr/0002-b.md', 'docs/adr/0003-c.md'],
      ['docs/adr/0004-d.md', 'docs/adr/0005-e.md'],
    ]);
  });

  it('reduces a written status to the status word it starts with', () => {
    expect(normaliseStatus('Superseded by [2. Use MySQL](0002-use-mysql.md)')).toBe('superseded');
    expect(normaliseStatus('Superceded by 3')).toBe('superseded');
    expect(normaliseStatus('**Accepted**; supersedes ADR-0045')).toBe('accepted');
    expect(normaliseStatus('On   Hold')).toBe('on hold');
    expect(normaliseStatus('  ')).toBeNull();
  });

  it('groups a synonym under the status it means, or under the config\'s own word for it', () => {
    expect(normaliseStatus('In   Consideration')).toBe('proposed');
    expect(normaliseStatus('**Implemented**')).toBe('accepted');
    expect(normaliseStatus('Replaced by ADR-0009')).toBe('superseded');
    expect(normaliseStatus('accepté')).toBe('accepted');
    const konflux = ['Proposed', 'Implementable', 'Implemented', 'Accepted', 'Replaced'];
    expect(normaliseStatus('Implemented', konflux)).toBe('implemented');
    expect(normaliseStatus('Approved', konflux)).toBe('accepted');
    expect(normaliseStatus('Superseded by ADR-0009', konflux)).toBe('replaced');
    const set = buildSetReport(recordsOf({ 'docs/adr/0001-a.md': nygard(1, 'A', 'Implemented'), 'docs/adr/0002-b.md': nygard(2, 'B', 'Accepted') }), builtIn, { root: ROOT });
    expect(set.byStatus).toEqual([{ status: 'accepted', adrs: ['docs/adr/0001-a.md', 'docs/adr/0002-b.md'] }]);
    const configured = buildSetReport(recordsOf({ 'docs/adr/0001-a.md': nygard(1, 'A', 'Implemented'), 'docs/adr/0002-b.md': nygard(2, 'B', 'Accepted') }), builtIn, { root: ROOT, statuses: konflux });
    expect(configured.byStatus.map((group) => group.status)).toEqual(['accepted', 'implemented']);
  });

  it('round-trips through JSON', () => {
    expect(JSON.parse(formatReportJson(report))).toEqual(report);
  });
});

describe('formatReportMarkdown', () => {
  const tiny = catalogueWithUser(
    'catalogue.yaml',
    [
      'extendsBuiltIn: false',
      'categories: [Data Pattern, Transaction Pattern]',
      'patterns:',
      '  - { slug: saga-pattern, name: Saga Pattern, category: Transaction Pattern }',
      '  - { slug: outbox-pattern, name: Outbox Pattern, category: Data Pattern }',
    ].join('\n'),
  );

  it('writes statuses, pattern usage, unused patterns, chains and the graph', () => {
    const report = buildSetReport(
      recordsOf(
        {
          'docs/adr/0001-use-postgresql.md': nygard(1, 'Use PostgreSQL', 'Superseded'),
          'docs/adr/0002-use-mysql.md': frontmatter(['status: Accepted', 'date: 2024-02-01', 'supersedes: ["0001"]', 'patterns: [saga-pattern]'], '# 2. Use MySQL | 2*3 <b>'),
        },
        tiny,
      ),
      tiny,
      { root: ROOT },
    );
    expect(formatReportMarkdown(report)).toBe(
      [
        '# ADR report',
        '',
        '2 ADRs · 1 supersede relation · 1 of 2 catalogue patterns used',
        '',
        '## ADRs by status',
        '',
        '### accepted (1)',
        '',
        '| ADR | Title | Date | Patterns |',
        '| --- | --- | --- | --- |',
        '| docs/adr/0002-use-mysql.md | Use MySQL &#124; 2\\*3 &lt;b&gt; | 2024-02-01 | saga-pattern |',
        '',
        '### superseded (1)',
        '',
        '| ADR | Title | Date | Patterns |',
        '| --- | --- | --- | --- |',
        '| docs/adr/0001-use-postgresql.md | Use PostgreSQL | 2024-01-01 | |',
        '',
        '## Pattern usage',
        '',
        '| Pattern | Category | ADRs |',
        '| --- | --- | --- |',
        '| Saga Pattern (saga-pattern) | Transaction Pattern | docs/adr/0002-use-mysql.md |',
        '',
        '### Unused patterns (1)',
        '',
        '- **Data Pattern**: Outbox Pattern (outbox-pattern)',
        '',
        '## Supersede chains',
        '',
        '- docs/adr/0001-use-postgresql.md → docs/adr/0002-use-mysql.md',
        '',
        '## Graph',
        '',
        '```mermaid',
        'graph LR',
        '  a1["1. Use PostgreSQL"]',
        '  a2["2. Use MySQL | 2*3 #lt;b#gt;"]',
        '  p2(["Saga Pattern"])',
        '  a2 -.->|supersedes| a1',
        '  a2 -->|uses| p2',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('escapes ADR text so that it cannot break a table row or inject HTML', () => {
    const report = buildSetReport(recordsOf(FILES, extended), builtIn, { root: ROOT });
    const markdown = formatReportMarkdown(report);
    expect(markdown).toContain('| docs/adr/0006-hostile.md | Use &lt;script&gt;alert\\(1\\)&lt;/script&gt; &#124; "quoted" second line | | made-up-pattern |');
    expect(markdown).toContain('### on hold (1)');
    expect(markdown).toContain('| made-up-pattern | docs/adr/0006-hostile.md |');
    expect(markdown).not.toMatch(/<script|<\/script/);
    // Every table row still has the header's number of cells.
    for (const line of markdown.split('\n').filter((l) => l.startsWith('| docs/'))) expect(line.match(/\|/g), line).toHaveLength(5);
  });

  it('says when nothing is declared or superseded', () => {
    const markdown = formatReportMarkdown(buildSetReport(recordsOf({ 'docs/adr/0001-a.md': '# 1. A\n' }), tiny, { root: ROOT }));
    expect(markdown).toContain('### _no status_ (1)');
    expect(markdown).toContain('No ADR declares a catalogue pattern.');
    expect(markdown).toContain('No ADR supersedes another.');
    expect(markdown).not.toContain('```mermaid');
  });
});

describe('formatReportMermaid', () => {
  const LINE = /^(?:graph LR|%% .*|  [ap]\d+(?:\["[^"]*"\]|\(\["[^"]*"\]\))|  [ap]\d+ (?:-->\|uses\||-\.->\|supersedes\||-\.->\|amends\|) [ap]\d+)$/;

  it('draws ADRs, patterns and relations with generated ids and escaped, quoted labels', () => {
    const report = buildSetReport(recordsOf(FILES, extended), builtIn, { root: ROOT });
    const text = formatReportMermaid(report);
    const lines = text.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(LINE);
    expect(lines).toContain('  a6["6. Use #lt;script#gt;alert(1)#lt;/script#gt; | #quot;quoted#quot; second line"]');
    expect(lines).toContain('  a5 -.->|amends| a3');
    expect(lines).toContain('  a3 -.->|supersedes| a2');
    const unknown = lines.find((line) => line.includes('made-up-pattern (not in the catalogue)'))!;
    expect(lines).toContain(`  a6 -->|uses| ${unknown.trim().split('(')[0]}`);
    // Labels carry no markup of their own.
    for (const label of lines.flatMap((line) => /"(.*)"/.exec(line)?.slice(1) ?? [])) expect(label).not.toMatch(/[<>&"`]/);
  });

  it('writes an entity for an entity-looking "#" and a backtick', () => {
    const report = buildSetReport(recordsOf({ 'docs/adr/0001-a.md': frontmatter(['title: "1. `x` #quot; & y"', 'supersedes: ["0002"]'], 'Text.'), 'docs/adr/0002-b.md': '# 2. B\n' }), builtIn, { root: ROOT });
    expect(formatReportMermaid(report)).toContain('a1["1. #96;x#96; #35;quot; #amp; y"]');
  });

  it('caps a large graph and says so', () => {
    const paths = Array.from({ length: 400 }, (_, i) => `docs/adr/${String(i + 1).padStart(4, '0')}-x.md`);
    const big: SetReport = {
      adrs: paths.map((path, i) => ({ path, number: i + 1, title: 'X', status: null, date: null, patterns: [] })),
      byStatus: [],
      patterns: [],
      unusedPatterns: [],
      unknownPatterns: [],
      undeclaredMentions: [],
      supersedes: paths.slice(1).map((path, i) => ({ from: path, to: paths[i]! })),
      amends: [],
      chains: [],
      chainsCapped: false,
    };
    const graph = mermaidGraph(big);
    const nodes = graph.text.split('\n').filter((line) => /^ {2}a\d+\[/.test(line));
    expect(nodes).toHaveLength(300);
    expect(graph.omittedNodes).toBe(100);
    expect(graph.omittedEdges).toBe(100);
    expect(graph.text.split('\n')[1]).toBe('%% Capped at 300 nodes and 500 edges: 100 nodes and 100 edges left out.');
    expect(formatReportMarkdown(big)).toContain('_The graph is capped: 100 nodes and 100 edges are left out._');
  });
});

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

const corpusCache = new Map<string, AdrRecord[]>();

/** Parsing a folder of real ADRs takes a while: once per folder. */
function corpusRecords(folder: string): AdrRecord[] {
  const dir = `${CORPUS}${folder}`;
  const cached = corpusCache.get(folder);
  if (cached) return cached;
  const records = readdirSync(dir)
    .filter((name) => name.endsWith('.md') && !/^(readme|index)\.md$|template/i.test(name))
    .map((name) => buildRecord(parseAdr(`${dir}/${name}`, readFileSync(`${dir}/${name}`, 'utf8'), builtIn), builtIn));
  corpusCache.set(folder, records);
  return records;
}

describe.skipIf(!existsSync(CORPUS))('the report over the shared corpus', () => {
  const folders = existsSync(CORPUS) ? readdirSync(CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];

  it.each(folders)('%s: builds and formats', (folder) => {
    const records = corpusRecords(folder);
    const report = buildSetReport(records, builtIn, { root: CORPUS });
    expect(report.adrs).toHaveLength(records.length);
    expect(report.byStatus.flatMap((group) => group.adrs).sort()).toEqual(report.adrs.map((adr) => adr.path).sort());
    expect(formatReportMarkdown(report)).toContain('# ADR report');
    expect(formatReportMermaid(report)).toMatch(/^graph LR\n/);
    expect(JSON.parse(formatReportJson(report))).toEqual(report);
  });

  it('konflux: 0042 supersedes 0008 and 0032, and 0008 → 0032 → 0042 is one chain', () => {
    const report = buildSetReport(corpusRecords('konflux'), builtIn, { root: CORPUS });
    const k = (name: string) => `konflux/${name}`;
    expect(report.supersedes).toContainEqual({ from: k('0042-provisioning-ephemeral-openshift-clusters.md'), to: k('0008-environment-provisioning.md') });
    expect(report.supersedes).toContainEqual({ from: k('0042-provisioning-ephemeral-openshift-clusters.md'), to: k('0032-decoupling-deployment.md') });
    expect(report.chains).toContainEqual([k('0008-environment-provisioning.md'), k('0032-decoupling-deployment.md'), k('0042-provisioning-ephemeral-openshift-clusters.md')]);
    expect(report.chains).not.toContainEqual([k('0008-environment-provisioning.md'), k('0042-provisioning-ephemeral-openshift-clusters.md')]);
  });

  it('adr-tools: 0009 amends 0005, written on both sides, is one edge', () => {
    const report = buildSetReport(corpusRecords('adr-tools'), builtIn, { root: CORPUS });
    expect(report.amends).toEqual([{ from: 'adr-tools/0009-help-scripts.md', to: 'adr-tools/0005-help-comments.md' }]);
  });
});

describe('mentions of sets that have not adopted patterns', () => {
  const SETS: Record<string, string> = {
    // No ADR of docs/adr declares `patterns`: its mentions are listed, rejected ones left out.
    'docs/adr/0001-orders.md': '# 1. Orders\n\nWe coordinate the steps with a saga, instead of CQRS.\n',
    'docs/adr/0002-billing.md': '# 2. Billing\n\nEach pod gets a sidecar; billing runs a saga too.\n',
    'docs/adr/0003-plain.md': '# 3. Plain\n\nNo pattern here.\n',
    // docs/other has adopted them: pattern-undeclared speaks there, the report does not repeat it.
    'docs/other/0001-a.md': frontmatter(['patterns: [cqrs-pattern]'], '# 1. A\n\nCQRS and a saga.'),
  };
  const report = buildSetReport(recordsOf(SETS), builtIn, { root: ROOT });

  it('lists each mentioned pattern with the ADRs that mention it, in catalogue order', () => {
    expect(report.undeclaredMentions).toEqual([
      { slug: 'saga-pattern', name: 'Saga Pattern', adrs: ['docs/adr/0001-orders.md', 'docs/adr/0002-billing.md'] },
      { slug: 'sidecar-pattern', name: 'Sidecar Pattern', adrs: ['docs/adr/0002-billing.md'] },
    ]);
    expect(JSON.parse(formatReportJson(report)).undeclaredMentions).toEqual(report.undeclaredMentions);
  });

  it('says in markdown how many ADRs mention which patterns, and how to adopt them in one step', () => {
    const markdown = formatReportMarkdown(report);
    const section = markdown.slice(markdown.indexOf('### Mentioned but not declared'), markdown.indexOf('### Unused patterns'));
    expect(section).toBe(
      [
        '### Mentioned but not declared (2)',
        '',
        '2 ADRs mention catalogue patterns without declaring them. No ADR of their folders declares `patterns`, so pattern-undeclared stays quiet there; to adopt the catalogue, declare them all with `adrlint --rule pattern-undeclared:warn --fix --fix-rule pattern-undeclared`.',
        '',
        '| Pattern | ADRs |',
        '| --- | --- |',
        '| Saga Pattern (saga-pattern) | docs/adr/0001-orders.md, docs/adr/0002-billing.md |',
        '| Sidecar Pattern (sidecar-pattern) | docs/adr/0002-billing.md |',
        '',
        '',
      ].join('\n'),
    );
  });

  it("follows the run's conventions: a folder adopted by a `patterns: []` key lists nothing", () => {
    const conventions = new Map([[`${ROOT}/docs/adr`, { patternsAdopted: true, template: null }]]);
    expect(buildSetReport(recordsOf(SETS), builtIn, { root: ROOT, conventions }).undeclaredMentions).toEqual([]);
  });

  it('has no such section when every folder has adopted patterns', () => {
    expect(formatReportMarkdown(buildSetReport(recordsOf(FILES, extended), builtIn, { root: ROOT }))).not.toContain('Mentioned but not declared');
  });
});
