// Completion in an ADR (src/lsp/completion.ts): slugs, categories, statuses and ADR references in
// the frontmatter; the set's ADRs and their heading anchors in a link's destination. Each case is a
// text with a cursor `‸`, linted as a file of a folder of ADRs for its set view.
import { afterAll, describe, expect, it } from 'vitest';
import { completions } from '../src/lsp/completion.ts';
import { atCursor } from './helpers/lsp-cursor.ts';
import { removeFixtures } from './helpers/cli.ts';

afterAll(removeFixtures);

const KAFKA = '# 1. Use Kafka\n\nDate: 2024-01-05\n\n## Status\n\naccepted\n\n## Context\n\nEvents.\n\n## Decision\n\nKafka.\n\n## Consequences\n\nFine.\n';
const ORDERS = '---\nstatus: proposed\ndate: 2024-02-01\n---\n\n# Orders\n\n## Context and Problem Statement\n\nOrders.\n\n## Decision Outcome\n\nSagas.\n';
const SET = { 'docs/adr/0001-use-kafka.md': KAFKA, 'docs/adr/0002-orders.md': ORDERS };
const PATH = 'docs/adr/0003-new.md';
const SLUGS = 12;

async function complete(marked: string, files: Record<string, string> = SET, path = PATH) {
  const { text, position, path: file, view } = await atCursor(files, path, marked);
  return completions(text, position, file, view);
}

const labels = async (marked: string, files?: Record<string, string>, path?: string) => (await complete(marked, files, path)).map((item) => item.label);

describe('completion in the frontmatter', () => {
  it('offers the catalogue slugs in patterns: (flow, block, and slug: of an item), with name and category', async () => {
    const flow = await complete('---\npatterns: [saga-pattern, cq‸]\n---\n\n# New\n');
    expect(flow).toHaveLength(SLUGS);
    expect(flow.find((item) => item.label === 'cqrs-pattern')).toMatchObject({ detail: expect.stringMatching(/CQRS.*\(Data Pattern\)/), textEdit: { range: { start: { line: 1, character: 25 }, end: { line: 1, character: 27 } }, newText: 'cqrs-pattern' } });
    expect(await labels('---\npatterns:\n  - ‸\n---\n\n# New\n')).toHaveLength(SLUGS);
    expect(await labels('---\npatterns:\n  - slug: sa‸\n    category: Transaction Pattern\n---\n\n# New\n')).toContain('saga-pattern');
  });

  it('offers the categories in categories: and in category:, with how many patterns each holds', async () => {
    const items = await complete('---\ncategories: [Data‸]\n---\n\n# New\n');
    expect(items.map((item) => item.label)).toEqual(['Service Decomposition Pattern', 'Communication Pattern', 'Enterprise Pattern', 'Data Pattern', 'Transaction Pattern', 'Deployment Pattern', 'Migration Pattern', 'Fault Tolerance Pattern']);
    expect(items[3]).toMatchObject({ detail: expect.stringMatching(/^\d+ patterns?$/), textEdit: { range: { start: { line: 1, character: 13 }, end: { line: 1, character: 17 } }, newText: 'Data Pattern' } });
    expect((items[3]!.documentation as { value: string }).value).toContain('`cqrs-pattern`');
    expect(await labels('---\ncategories:\n  - ‸\n---\n\n# New\n')).toContain('Data Pattern');
    expect(await labels('---\npatterns:\n  - slug: saga-pattern\n    category: ‸\n---\n\n# New\n')).toContain('Transaction Pattern');
  });

  it("offers the set's statuses: the defaults, in the case the folder writes them, and words of its own adr-status takes", async () => {
    expect(await labels('---\nstatus: ‸\n---\n\n# New\n')).toEqual(['proposed', 'accepted', 'rejected', 'deprecated', 'superseded']);
    const capitalised = { 'docs/adr/0001-a.md': '---\nstatus: Implemented\n---\n\n# A\n', 'docs/adr/0002-b.md': '---\nstatus: Accepted\n---\n\n# B\n' };
    const items = await complete('---\nstatus: "Acc‸"\n---\n\n# New\n', capitalised);
    expect(items.map((item) => item.label)).toEqual(['Proposed', 'Accepted', 'Rejected', 'Deprecated', 'Superseded', 'Implemented']);
    expect(items[5]!.detail).toBe('status, written by 1 ADR of this folder');
    expect(items[1]!.textEdit).toEqual({ range: { start: { line: 1, character: 9 }, end: { line: 1, character: 12 } }, newText: 'Accepted' });
  });

  it("offers the config's statuses when it gives them, else the folder template's list", async () => {
    expect(await labels('---\nstatus: ‸\n---\n\n# New\n', { ...SET, '.adrlintrc.yml': 'statuses: [draft, live, retired]\n' })).toEqual(['draft', 'live', 'retired']);
    const template = { ...SET, 'docs/adr/template.md': '# [short title]\n\n- Status: [draft | proposed | rejected | accepted | deprecated | … | superseded by [xxx](yyyymmdd-xxx.md)]\n\n## Context\n' };
    const items = await complete('---\nstatus: ‸\n---\n\n# New\n', template);
    expect(items.map((item) => item.label)).toEqual(['draft', 'proposed', 'rejected', 'accepted', 'deprecated', 'superseded by']);
    expect(items[0]!.detail).toBe('status, from the template template.md');
    expect(await labels('---\nstatus: ‸\n---\n\n# New\n', { ...template, '.adrlintrc.yml': 'statuses: [draft, live, retired]\n' })).toEqual(['draft', 'live', 'retired']);
  });

  it('offers the other ADRs of the folder after a relation key, written as the set writes its references', async () => {
    // Nothing written yet: numbers as the file names have them, in double quotes (a bare 0001 is a number to YAML).
    const items = await complete('---\nsupersedes: [‸]\n---\n\n# New\n');
    expect(items.map((item) => item.textEdit!.newText)).toEqual(['"0001"', '"0002"']);
    expect(items[0]).toMatchObject({ label: '0001', detail: '1. Use Kafka — accepted · 2024-01-05' });
    expect(items[1]!.detail).toBe('Orders — proposed · 2024-02-01');
    // Inside quotes the user opened: the value alone.
    expect((await complete('---\nsuperseded_by: ["00‸"]\n---\n\n# New\n')).map((item) => [item.label, item.textEdit])).toEqual([
      ['0001', { range: { start: { line: 1, character: 17 }, end: { line: 1, character: 19 } }, newText: '0001' }],
      ['0002', { range: { start: { line: 1, character: 17 }, end: { line: 1, character: 19 } }, newText: '0002' }],
    ]);
    // A set that links its references: relative paths, as it writes them.
    const linked = { ...SET, 'docs/adr/0004-linked.md': '---\nstatus: Superseded by [5. Later](0005-later.md)\nsupersedes:\n  - ./0001-use-kafka.md\n---\n\n# Linked\n' };
    const paths = await complete('---\namended-by:\n  - ‸\n---\n\n# New\n', linked);
    expect(paths.map((item) => item.textEdit!.newText)).toEqual(['./0001-use-kafka.md', './0002-orders.md', './0004-linked.md']);
    // A status's link as its text.
    expect(paths[2]!.detail).toBe('Linked — Superseded by 5. Later');
  });

  it('offers nothing under other keys, on a key, or in the prose', async () => {
    expect(await labels('---\ntitle: Or‸\n---\n\n# New\n')).toEqual([]);
    expect(await labels('---\nsta‸tus: accepted\n---\n\n# New\n')).toEqual([]);
    expect(await labels('---\nstatus: accepted\n---\n\n# New\n\nstatus: ‸\n')).toEqual([]);
  });
});

describe('completion in a link', () => {
  it("offers the set's ADRs as paths relative to the document's folder, after `](`", async () => {
    const items = await complete('# 3. New\n\nSee [the ADR](‸).\n');
    expect(items.map((item) => item.label)).toEqual(['0001-use-kafka.md', '0002-orders.md']);
    expect(items[0]).toMatchObject({ detail: '1. Use Kafka — accepted · 2024-01-05', textEdit: { range: { start: { line: 2, character: 14 }, end: { line: 2, character: 14 } }, newText: '0001-use-kafka.md' } });
    // Written from `./`: each path so.
    expect(await labels('# 3. New\n\nSee [the ADR](./00‸-x.md).\n')).toEqual(['./0001-use-kafka.md', './0002-orders.md']);
  });

  it("offers the linked ADR's heading anchors after `#`, and the document's own after `](#`", async () => {
    const items = await complete('# 3. New\n\nSee [the outcome](0002-orders.md#de‸).\n');
    expect(items.map((item) => item.label)).toEqual(['orders', 'context-and-problem-statement', 'decision-outcome']);
    expect(items[2]!.textEdit).toEqual({ range: { start: { line: 2, character: 33 }, end: { line: 2, character: 35 } }, newText: 'decision-outcome' });
    expect(await labels('# 3. New\n\n## Options\n\nSee [above](#‸).\n')).toEqual(['3-new', 'options']);
    expect(await labels('# 3. New\n\nSee [x](https://example.com/#‸).\n')).toEqual([]);
    expect(await labels('# 3. New\n\nSee [x](0009-missing.md#‸).\n')).toEqual([]);
  });

  it('gives UTF-16 ranges after non-ASCII text (é is one unit, 🎉 two)', async () => {
    const items = await complete('# 3. New\n\nCafé 🎉 [x](00‸).\n');
    const start = 'Café 🎉 [x]('.length;
    expect(start).toBe(12);
    expect(items[0]!.textEdit).toEqual({ range: { start: { line: 2, character: start }, end: { line: 2, character: start + 2 } }, newText: '0001-use-kafka.md' });
    const flow = await complete('---\ntitle: Café 🎉\npatterns: [sa‸]\n---\n\n# New\n');
    expect(flow[0]!.textEdit).toMatchObject({ range: { start: { line: 2, character: 11 }, end: { line: 2, character: 13 } } });
  });
});
