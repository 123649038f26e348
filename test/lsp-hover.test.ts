// Hover in an ADR (src/lsp/hover.ts): a slug or a category in the frontmatter, a pattern mentioned
// in the prose, a link to another ADR, a supersede reference. Each case is a text with a cursor `‸`.
import { afterAll, describe, expect, it } from 'vitest';
import { hover } from '../src/lsp/hover.ts';
import { atCursor } from './helpers/lsp-cursor.ts';
import { removeFixtures } from './helpers/cli.ts';

afterAll(removeFixtures);

const KAFKA = '# 1. Use Kafka\n\nDate: 2024-01-05\n\n## Status\n\naccepted\n\n## Context\n\nEvents.\n';
const SET = { 'docs/adr/0001-use-kafka.md': KAFKA, 'docs/adr/0002-orders.md': '---\nstatus: proposed\n---\n\n# Orders\n\n## Decision Outcome\n\nSagas.\n' };
const PATH = 'docs/adr/0003-new.md';

async function hoverAt(marked: string) {
  const { text, position, path, view } = await atCursor(SET, PATH, marked);
  return hover(text, position, path, view);
}

const value = async (marked: string) => {
  const found = await hoverAt(marked);
  return found && (found.contents as { value: string }).value;
};

describe('hover', () => {
  const cases: Array<[string, string, RegExp[]]> = [
    ['a slug in a flow list', '---\npatterns: [sa‸ga-pattern]\n---\n\n# New\n', [/^\*\*Saga Pattern\*\* \(`saga-pattern`, Transaction Pattern\)/, /distributed transactions/, /\]\(https:/]],
    ['a slug in a block list', '---\npatterns:\n  - cqrs-pat‸tern\n---\n\n# New\n', [/`cqrs-pattern`/]],
    ['a slug of a list item of mappings', '---\npatterns:\n  - slug: saga-pattern‸\n---\n\n# New\n', [/`saga-pattern`/]],
    ['a category in categories:', '---\ncategories: [Data Pa‸ttern]\n---\n\n# New\n', [/^\*\*Data Pattern\*\* \(category\)/, /^- .*\(`cqrs-pattern`\)$/m]],
    ['a category in category:', '---\npatterns:\n  - slug: saga-pattern\n    category: transaction pattern‸\n---\n\n# New\n', [/^\*\*Transaction Pattern\*\*/, /`saga-pattern`/]],
    ['a pattern mentioned in the prose', '# 3. New\n\nWe coordinate the steps with a sa‸ga.\n', [/^\*\*Saga Pattern\*\*/, /distributed transactions/]],
    ['a pattern mentioned by its alias', '# 3. New\n\nWe split it into micro‸services.\n', [/`microservices-architecture`/]],
    ['a link to another ADR', '# 3. New\n\nSee [Kafka](0001-use‸-kafka.md#status).\n', [/^\*\*1\. Use Kafka\*\* \(`0001-use-kafka\.md`\)/, /Status: accepted · Date: 2024-01-05/]],
    ['a supersede reference in the frontmatter', '---\nsupersedes: ["00‸01"]\n---\n\n# New\n', [/^\*\*1\. Use Kafka\*\*/, /Status: accepted/]],
    ['a supersede reference in the body', '# 3. New\n\nSupersedes ADR-00‸02.\n', [/^\*\*Orders\*\* \(`0002-orders\.md`\)/, /Status: proposed$/]],
  ];
  it.each(cases)('on %s', async (_name, marked, expected) => {
    const text = await value(marked);
    for (const pattern of expected) expect(text).toMatch(pattern);
  });

  const none: Array<[string, string]> = [
    ['an unknown slug', '---\npatterns: [sa‸gga]\n---\n\n# New\n'],
    ['a key', '---\npatt‸erns: [saga-pattern]\n---\n\n# New\n'],
    ['a word that is no pattern', '# 3. New\n\nWe coor‸dinate.\n'],
    ['a pattern word inside a code span', '# 3. New\n\nRun `sa‸ga` now.\n'],
    ['a link to no ADR of the set', '# 3. New\n\nSee [x](0009-mis‸sing.md).\n'],
    ['an external link', '# 3. New\n\nSee [x](https://example.com/0001-u‸se-kafka.md).\n'],
  ];
  it.each(none)('nothing on %s', async (_name, marked) => expect(await hoverAt(marked)).toBeNull());

  it('gives the range of what it describes, in UTF-16 columns after non-ASCII text', async () => {
    const found = await hoverAt('# 3. New\n\nCafé 🎉 uses a sa‸ga.\n');
    const start = 'Café 🎉 uses a '.length;
    expect(start).toBe(15);
    expect(found!.range).toEqual({ start: { line: 2, character: start }, end: { line: 2, character: start + 4 } });
    const link = await hoverAt('\uFEFF# 3. New\n\nÉté: [K](0001-use-kafka.md‸)\n');
    expect(link!.range).toEqual({ start: { line: 2, character: 5 }, end: { line: 2, character: 27 } });
  });
});
