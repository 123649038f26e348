// Which frontmatter key and item a cursor is in, read from half-written lines.
import { describe, expect, it } from 'vitest';
import { frontmatterPlace, linesOf } from '../src/lsp/frontmatter-place.ts';
import { cursor } from './helpers/lsp-cursor.ts';

const place = (marked: string) => {
  const { text, position } = cursor(marked);
  const found = frontmatterPlace(linesOf(text), position);
  return found && { key: found.key, parent: found.parent, item: found.item, text: found.text, quote: found.quote, start: found.range.start.character, end: found.range.end.character };
};

describe('frontmatterPlace', () => {
  const cases: Array<[string, string, ReturnType<typeof place>]> = [
    ['a scalar value', '---\nstatus: acc‸\n---\n', { key: 'status', parent: null, item: false, text: 'acc', quote: '', start: 8, end: 11 }],
    ['an empty value', '---\nstatus: ‸\n---\n', { key: 'status', parent: null, item: false, text: '', quote: '', start: 8, end: 8 }],
    ['a value before its comment', '---\nstatus: acc‸epted # said Ann\n---\n', { key: 'status', parent: null, item: false, text: 'accepted', quote: '', start: 8, end: 16 }],
    ['a quoted value', '---\nstatus: "acc‸"\n---\n', { key: 'status', parent: null, item: false, text: 'acc', quote: '"', start: 9, end: 12 }],
    ['a flow item', '---\npatterns: [saga-pattern, cq‸]\n---\n', { key: 'patterns', parent: null, item: true, text: 'cq', quote: '', start: 25, end: 27 }],
    ['the first flow item', '---\npatterns: [sa‸ga-pattern, cqrs]\n---\n', { key: 'patterns', parent: null, item: true, text: 'saga-pattern', quote: '', start: 11, end: 23 }],
    ['an unclosed flow list', '---\nsuperseded_by: ["0032", "00‸\n---\n', { key: 'superseded_by', parent: null, item: true, text: '00', quote: '"', start: 25, end: 27 }],
    ['a quoted flow item with a comma', "---\ncategories: ['a, b', D‸]\n---\n", { key: 'categories', parent: null, item: true, text: 'D', quote: '', start: 21, end: 22 }],
    ['a block item', '---\npatterns:\n  - saga-pattern\n  - sa‸\n---\n', { key: 'patterns', parent: null, item: true, text: 'sa', quote: '', start: 4, end: 6 }],
    ['an empty block item', '---\ncategories:\n  - ‸\n---\n', { key: 'categories', parent: null, item: true, text: '', quote: '', start: 4, end: 4 }],
    ['a block item not indented under its key', '---\nsupersedes:\n- 0001-a.md\n- 00‸\n---\n', { key: 'supersedes', parent: null, item: true, text: '00', quote: '', start: 2, end: 4 }],
    ['a key of a list item of mappings', '---\npatterns:\n  - slug: saga-pattern\n    category: Tra‸\n---\n', { key: 'category', parent: 'patterns', item: false, text: 'Tra', quote: '', start: 14, end: 17 }],
    ['the first key of such an item', '---\npatterns:\n  - slug: sa‸\n---\n', { key: 'slug', parent: 'patterns', item: false, text: 'sa', quote: '', start: 10, end: 12 }],
    ['a second item of mappings', '---\npatterns:\n  - slug: saga-pattern\n    category: Transaction Pattern\n  - slug: cq‸\n---\n', { key: 'slug', parent: 'patterns', item: false, text: 'cq', quote: '', start: 10, end: 12 }],
    ['a key of a nested mapping', '---\nreview:\n  status: ok‸\n---\n', { key: 'status', parent: 'review', item: false, text: 'ok', quote: '', start: 10, end: 12 }],
  ];
  it.each(cases)('%s', (_name, marked, expected) => expect(place(marked)).toEqual(expected));

  const none: Array<[string, string]> = [
    ['on a key', '---\nsta‸tus: accepted\n---\n'],
    ['an item under a key with a value', '---\nstatus: accepted\n  - a‸\n---\n'],
    ['past a flow list', '---\npatterns: [saga-pattern] ‸\n---\n'],
    ['the body', '---\nstatus: accepted\n---\n\nstatus: acc‸\n'],
    ['a file without frontmatter', '# Title\n\nstatus: acc‸\n'],
    ['an unclosed frontmatter', '---\nstatus: acc‸\n'],
  ];
  it.each(none)('nothing %s', (_name, marked) => expect(place(marked)).toBeNull());

  it('counts CRLF and CR line ends as LSP does', () => {
    expect(place('---\r\nstatus: accepted\r\npatterns: [cq‸]\r\n---\r\n')).toMatchObject({ key: 'patterns', text: 'cq' });
    expect(place('---\rstatus: acc‸\r---\r')).toMatchObject({ key: 'status', text: 'acc' });
  });
});
