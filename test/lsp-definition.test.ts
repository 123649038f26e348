// Go to definition in an ADR (src/lsp/definition.ts): a link to another ADR of the set (at the
// heading its #anchor names), a supersede reference in the frontmatter or the body.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { definition } from '../src/lsp/definition.ts';
import { atCursor } from './helpers/lsp-cursor.ts';
import { removeFixtures } from './helpers/cli.ts';

afterAll(removeFixtures);

const KAFKA = '# 1. Use Kafka\n\n## Status\n\naccepted\n\n## Context\n\nÉvénements 🎉.\n\n<a name="the-choice"></a>\n## Decision\n\nKafka.\n';
const SET = { 'docs/adr/0001-use-kafka.md': KAFKA, 'docs/adr/0002-orders.md': '\uFEFF---\nstatus: proposed\n---\n\n# Orders\n\n## Decision Outcome\n\nSagas.\n' };
const PATH = 'docs/adr/0003-new.md';

async function definitionAt(marked: string) {
  const { root, text, position, path, view } = await atCursor(SET, PATH, marked);
  const read = (file: string): string | null => readFileSync(file, 'utf8');
  return { root, found: definition(text, position, path, view, read) };
}

const at = (line: number, character = 0) => ({ start: { line, character }, end: { line, character } });

describe('definition', () => {
  const cases: Array<[string, string, string, ReturnType<typeof at>]> = [
    ['a link to an ADR: its top', '# 3. New\n\nSee [Kafka](0001-use‸-kafka.md).\n', 'docs/adr/0001-use-kafka.md', at(0)],
    ['a link with an #anchor: its heading', '# 3. New\n\nSee [Kafka](./0001-use-kafka.md#deci‸sion).\n', 'docs/adr/0001-use-kafka.md', at(11)],
    ['the link text of such a link', '# 3. New\n\nSee [Ka‸fka](0001-use-kafka.md#context).\n', 'docs/adr/0001-use-kafka.md', at(6)],
    ['an HTML anchor', '# 3. New\n\nSee [Kafka](0001-use-kafka.md#the-cho‸ice).\n', 'docs/adr/0001-use-kafka.md', at(10)],
    ['an anchor of a file with a byte order mark', '# 3. New\n\nSee [it](0002-orders.md#decision-outcome‸).\n', 'docs/adr/0002-orders.md', at(6)],
    ['an anchor the file lacks: its top', '# 3. New\n\nSee [Kafka](0001-use-kafka.md#nowh‸ere).\n', 'docs/adr/0001-use-kafka.md', at(0)],
    ['a supersede reference in the frontmatter', '---\nsupersedes: ["0‸002"]\n---\n\n# New\n', 'docs/adr/0002-orders.md', at(0)],
    ['a superseded-by reference in the body', '# 3. New\n\nSuperseded by ADR-‸0001.\n', 'docs/adr/0001-use-kafka.md', at(0)],
  ];
  it.each(cases)('on %s', async (_name, marked, file, range) => {
    const { root, found } = await definitionAt(marked);
    expect(found).toEqual({ uri: pathToFileURL(join(root, file)).href, range });
  });

  const none: Array<[string, string]> = [
    ['prose', '# 3. New\n\nSee ‸Kafka.\n'],
    ['a link to no ADR of the set', '# 3. New\n\nSee [x](0009-mi‸ssing.md).\n'],
    ['a number no ADR has', '---\nsupersedes: ["00‸09"]\n---\n\n# New\n'],
  ];
  it.each(none)('nothing on %s', async (_name, marked) => expect((await definitionAt(marked)).found).toBeNull());

  it('reads the position in UTF-16 columns after non-ASCII text (🎉 is two units)', async () => {
    const { root, found } = await definitionAt('# 3. New\n\nÉté 🎉 ‸[K](0001-use-kafka.md)\n');
    expect(found?.uri).toBe(pathToFileURL(join(root, 'docs/adr/0001-use-kafka.md')).href);
    expect((await definitionAt('# 3. New\n\nÉté 🎉‸ [K](0001-use-kafka.md)\n')).found).toBeNull();
  });
});
