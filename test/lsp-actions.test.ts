// The "Disable <rule>" code actions (src/lsp/actions.ts, src/lsp/disable-edits.ts): each document
// linted as the server lints it (lintText, in a fixture set), the action's edits applied as an
// editor applies them, the whole text compared, and the text linted again to see the problem gone.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver';
import { quickFixes } from '../src/lsp/actions.ts';
import { lintText } from '../src/lsp/lint-document.ts';
import { toLspDiagnostic } from '../src/lsp/convert.ts';
import type { Nodes } from 'mdast';
import { parseMarkdown } from '../src/parse/parse-adr.ts';
import { fixture, removeFixtures } from './helpers/cli.ts';

afterAll(removeFixtures);

const KAFKA = '# 1. Use Kafka\n\nStatus: accepted\n\n## Context\n\nEvents.\n\n## Decision\n\nKafka.\n\n## Consequences\n\nFine.\n';
const ORDERS = 'docs/adr/0002-orders.md';
const root = fixture({ 'docs/adr/0001-use-kafka.md': KAFKA });
const path = join(root, ORDERS);
const uri = pathToFileURL(path).href;

/** The titles of the code actions of the first `ruleId` problem of `text`, and the text once the one titled `title` is applied. */
async function act(text: string, ruleId: string, title: string): Promise<{ titles: string[]; result: string | null }> {
  const { result } = await lintText(root, path, text);
  const problem = result!.messages.find((message) => message.ruleId === ruleId);
  expect(problem, `no ${ruleId} problem in ${JSON.stringify(text)}`).toBeDefined();
  const document = TextDocument.create(uri, 'markdown', 1, text);
  const actions: CodeAction[] = quickFixes(document, result!.messages, toLspDiagnostic(problem!).range);
  const chosen = actions.find((action) => action.title === title);
  const edits = chosen?.edit?.changes?.[uri];
  return { titles: actions.map((action) => action.title), result: edits ? TextDocument.applyEdits(document, edits) : null };
}

/** The block structure of a text's body, without its html (the comments) and positions. */
function shape(text: string): unknown {
  const strip = (node: Nodes): unknown => ({ type: node.type, ...('children' in node ? { children: (node.children as Nodes[]).filter((child) => child.type !== 'html').map(strip) } : {}) });
  return strip(parseMarkdown(text.replace(/^\uFEFF/, '')));
}

async function ruleIds(text: string): Promise<Array<string | null>> {
  return (await lintText(root, path, text)).result!.messages.map((message) => message.ruleId);
}

const SLUG = 'pattern-slug';
const FILE = `Disable ${SLUG} for this file`;
/** An ADR whose frontmatter holds `head` (written with \n), every line ending `eol`. */
const TYPO = (head: string, eol = '\n') => `---\nstatus: accepted\n${head}---\n\n# Orders\n\nWe coordinate the steps.\n`.replace(/\n/g, eol);

describe('"Disable <rule> for this file"', () => {
  it.each([
    ['a flow list under the key', TYPO('patterns: [saga-patern]\nadrlint-disable: [adr-link]\n'), TYPO('patterns: [saga-patern]\nadrlint-disable: [adr-link, pattern-slug]\n')],
    ['a block list under the key', TYPO('patterns: [saga-patern]\nadrlint-disable:\n  - adr-link\n'), TYPO('patterns: [saga-patern]\nadrlint-disable:\n  - adr-link\n  - pattern-slug\n')],
    ['one id under the key', TYPO('patterns: [saga-patern]\nadrlint-disable: adr-link\n'), TYPO('patterns: [saga-patern]\nadrlint-disable: [adr-link, pattern-slug]\n')],
    ['the key set to false', TYPO('patterns: [saga-patern]\nadrlint-disable: false\n'), TYPO('patterns: [saga-patern]\nadrlint-disable: [pattern-slug]\n')],
    ['an empty key', TYPO('patterns: [saga-patern]\nadrlint-disable:\n'), TYPO('patterns: [saga-patern]\nadrlint-disable: [pattern-slug]\n')],
    ['no key: a flow list at the end of the mapping', TYPO('patterns: [saga-patern]\n'), TYPO('patterns: [saga-patern]\nadrlint-disable: [pattern-slug]\n')],
    ['no key, the lists written as blocks: a block list', TYPO('patterns:\n  - saga-patern\n'), TYPO('patterns:\n  - saga-patern\nadrlint-disable:\n  - pattern-slug\n')],
    ['a CRLF file', TYPO('patterns: [saga-patern]\n', '\r\n'), TYPO('patterns: [saga-patern]\nadrlint-disable: [pattern-slug]\n', '\r\n')],
    ['a CRLF file, a block list', TYPO('patterns:\n  - saga-patern\nadrlint-disable:\n  - adr-link\n', '\r\n'), TYPO('patterns:\n  - saga-patern\nadrlint-disable:\n  - adr-link\n  - pattern-slug\n', '\r\n')],
    ['a file with a BOM', `\uFEFF${TYPO('patterns: [saga-patern]\n')}`, `\uFEFF${TYPO('patterns: [saga-patern]\nadrlint-disable: [pattern-slug]\n')}`],
  ])('%s', async (_, text, expected) => {
    expect(await ruleIds(text)).toContain(SLUG);
    const { titles, result } = await act(text, SLUG, FILE);
    // A frontmatter line holds no comment adrlint reads: no action for the line.
    expect(titles).not.toContain(`Disable ${SLUG} for this line`);
    expect(result).toBe(expected);
    expect(await ruleIds(result!)).not.toContain(SLUG);
  });

  const NYGARD = (eol = '\n') => `# 2. Orders${eol}${eol}Status: accepted${eol}${eol}## Context${eol}${eol}See [the old one](0009-nope.md).${eol}${eol}## Decision${eol}${eol}Sagas.${eol}${eol}## Consequences${eol}${eol}Fine.${eol}`;
  it.each([
    ['no frontmatter: a comment on the first line', NYGARD(), `<!-- adrlint-disable adr-link -->\n${NYGARD()}`],
    ['no frontmatter, CRLF', NYGARD('\r\n'), `<!-- adrlint-disable adr-link -->\r\n${NYGARD('\r\n')}`],
    ['no frontmatter, a BOM', `\uFEFF${NYGARD()}`, `\uFEFF<!-- adrlint-disable adr-link -->\n${NYGARD()}`],
    ['a disable comment already on the first line: the rule joins it', `<!-- adrlint-disable pattern-link -- quoted -->\n${NYGARD()}`, `<!-- adrlint-disable pattern-link, adr-link -- quoted -->\n${NYGARD()}`],
  ])('%s', async (_, text, expected) => {
    const { result } = await act(text, 'adr-link', 'Disable adr-link for this file');
    expect(result).toBe(expected);
    expect(await ruleIds(result!)).not.toContain('adr-link');
    // Never a frontmatter made for a file that has none.
    expect(result!.replace(/^\uFEFF/, '')).not.toMatch(/^---/);
  });

  it('is not offered where no edit would turn the problem off: an adrlint-enable comment further on, a frontmatter that does not parse, a key holding a mapping', async () => {
    const reenabled = NYGARD().replace('See [the old one]', '<!-- adrlint-enable adr-link -->\nSee [the old one]');
    expect((await act(reenabled, 'adr-link', 'x')).titles).toEqual(['Disable adr-link for this line', 'Open documentation for adr-link']);
    const broken = '---\nstatus: [accepted\n---\n\n# Orders\n\nSee [x](0009-nope.md).\n';
    expect((await act(broken, 'adr-link', 'x')).titles).not.toContain('Disable adr-link for this file');
    const mapping = TYPO('patterns: [saga-patern]\nadrlint-disable:\n  adr-link: true\n');
    // `...` closes no frontmatter for adrlint (nor remark): the block is unclosed, and no frontmatter is made.
    const unclosed = TYPO('patterns: [saga-patern]\n').replace('\n---\n', '\n...\n');
    expect(await ruleIds(unclosed)).toEqual(['frontmatter-syntax']);
    expect((await act(unclosed, 'frontmatter-syntax', 'x')).titles).not.toContain('Disable frontmatter-syntax for this file');
    expect((await act(mapping, SLUG, 'x')).titles).not.toContain(FILE);
  });
});

describe('"Disable <rule> for this line"', () => {
  const BODY = '---\nstatus: accepted\n---\n\n# Orders\n\n- first\n  - see [x](0009-nope.md)\n';
  it.each([
    ['a comment above the line, at its indentation', BODY, BODY.replace('  - see', '  <!-- adrlint-disable-next-line adr-link -->\n  - see')],
    ['CRLF', BODY.replace(/\n/g, '\r\n'), BODY.replace('  - see', '  <!-- adrlint-disable-next-line adr-link -->\n  - see').replace(/\n/g, '\r\n')],
    ['a BOM', `\uFEFF${BODY}`, `\uFEFF${BODY.replace('  - see', '  <!-- adrlint-disable-next-line adr-link -->\n  - see')}`],
    [
      'a list\'s later item: the comment ends the item before, so the list stays one list',
      '---\nstatus: accepted\n---\n\n# Orders\n\n1. first\n2. see [x](0009-nope.md)\n',
      '---\nstatus: accepted\n---\n\n# Orders\n\n1. first\n   <!-- adrlint-disable-next-line adr-link -->\n2. see [x](0009-nope.md)\n',
    ],
    [
      'a quote\'s paragraph: the comment stays in the quote',
      '---\nstatus: accepted\n---\n\n# Orders\n\n> first\n>\n> see [x](0009-nope.md)\n',
      '---\nstatus: accepted\n---\n\n# Orders\n\n> first\n>\n> <!-- adrlint-disable-next-line adr-link -->\n> see [x](0009-nope.md)\n',
    ],
    [
      'a comment above that turns another rule off: the rule joins it',
      BODY.replace('- first\n', '- first\n  <!-- adrlint-disable-next-line pattern-link -->\n'),
      BODY.replace('- first\n', '- first\n  <!-- adrlint-disable-next-line pattern-link, adr-link -->\n'),
    ],
  ])('%s', async (_, text, expected) => {
    const { titles, result } = await act(text, 'adr-link', 'Disable adr-link for this line');
    expect(titles).toEqual(['Disable adr-link for this line', 'Disable adr-link for this file', 'Open documentation for adr-link']);
    expect(result).toBe(expected);
    expect(await ruleIds(result!)).not.toContain('adr-link');
    // The blocks are those of the text before, the comment's html aside.
    expect(shape(result!)).toEqual(shape(text));
  });

  const QUOTE = '---\nstatus: accepted\n---\n\n# Orders\n\n> quoted\n> see [x](0009-nope.md)  \n> more\n';
  const TABLE = '---\nstatus: accepted\n---\n\n# Orders\n\n| option | page |\n| --- | --- |\n| saga | [x](0009-nope.md) |\n';
  it.each([
    ['a paragraph\'s later line (in a quote, before its hard break)', QUOTE, QUOTE.replace('(0009-nope.md)', '(0009-nope.md) <!-- adrlint-disable-line adr-link -->')],
    ['a table\'s row', TABLE, TABLE.replace('(0009-nope.md) |', '(0009-nope.md) | <!-- adrlint-disable-line adr-link -->')],
    ['a later line with such a comment for another rule: the rule joins it', QUOTE.replace('(0009-nope.md)', '(0009-nope.md) <!-- adrlint-disable-line pattern-link -->'), QUOTE.replace('(0009-nope.md)', '(0009-nope.md) <!-- adrlint-disable-line pattern-link, adr-link -->')],
  ])('at the end of a line a comment line above would split: %s', async (_, text, expected) => {
    const { result } = await act(text, 'adr-link', 'Disable adr-link for this line');
    expect(result).toBe(expected);
    expect(await ruleIds(result!)).not.toContain('adr-link');
  });
});
