// The body of an ADR as rules read it: its links and images, and the catalogue patterns its prose
// mentions (with where, and whether the decision rejected or negated them), each mapped back to the
// source as written.
import type { Nodes, Parents } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Catalogue } from '../model/catalogue.ts';
import { overlapsAny } from '../model/mention-matcher.ts';
import type { LineIndex, ParsedAdr } from '../model/types.ts';
import { negatedInClause, rejectedOptionRanges } from './mention-use.ts';

// Node types whose text is not prose: code, markup and metadata.
const NOT_PROSE = new Set(['code', 'inlineCode', 'html', 'yaml', 'definition', 'image', 'imageReference', 'footnoteDefinition']);

export function collectBody(adr: ParsedAdr, catalogue: Catalogue): void {
  const definitions = new Map<string, string>();
  for (const node of adr.tree.children) if (node.type === 'definition') definitions.set(node.identifier, node.url);

  // Where the clause of each mention is read from: the start of its paragraph, heading or table cell.
  const blockStarts: number[] = [];
  const visit = (node: Nodes, inHeading: boolean, inLink: boolean, inHtml: boolean, block: number): void => {
    if (node.type === 'image' || node.type === 'imageReference') {
      const url = node.type === 'image' ? node.url : (definitions.get(node.identifier) ?? '');
      // An image reference without a definition is text, not an image: remark never makes one.
      adr.images.push({ url, range: [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0] });
      return;
    }
    if (NOT_PROSE.has(node.type)) return;
    if (node.type === 'text') {
      if (inHtml) return;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      for (const match of textMentions(catalogue, adr.text.slice(start, end), node.value)) {
        adr.mentions.push({ slug: match.slug, text: match.text, range: [start + match.start, start + match.end], inHeading, inLink, rejected: false });
        blockStarts.push(block);
      }
      return;
    }
    const childBlock = BLOCKS.has(node.type) ? (node.position?.start.offset ?? block) : block;
    let childInLink = inLink;
    if (node.type === 'link' || node.type === 'linkReference') {
      const url = node.type === 'link' ? node.url : (definitions.get(node.identifier) ?? '');
      const range: [number, number] = [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
      adr.links.push({ url, range });
      // A bare URL (autolink) is an address, not prose.
      if (node.type === 'link' && isAutolink(adr.text, node, range)) return;
      childInLink = true;
    }
    const childInHeading = inHeading || node.type === 'heading';
    if (!('children' in node)) return;
    restorePositions(node as Parents, adr.text, adr.lines);
    // Text between an inline HTML open tag and its close tag (`<a href>saga</a>`, `<code>CQRS</code>`) is markup.
    let htmlDepth = 0;
    for (const child of (node as Parents).children) {
      if (child.type === 'html') {
        htmlDepth = Math.max(0, htmlDepth + htmlTagDelta(child.value));
        continue;
      }
      visit(child, childInHeading, childInLink, inHtml || htmlDepth > 0, childBlock);
    }
  };
  for (const child of adr.tree.children) visit(child, false, false, false, 0);
  if (adr.mentions.length > 0) markRejected(adr, blockStarts);
}

// The nodes whose text a clause of prose cannot run past.
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** Mentions in a considered option the decision did not choose, or in a clause that negates them, are not uses. */
function markRejected(adr: ParsedAdr, blockStarts: readonly number[]): void {
  const rejected = rejectedOptionRanges(adr.tree, adr.text);
  adr.mentions.forEach((mention, index) => {
    const [start] = mention.range;
    mention.rejected = rejected.some(([from, to]) => start >= from && start < to) || negatedInClause(clauseSource(adr.text, blockStarts[index] ?? start, start));
  });
}

// How much of its paragraph before a mention its clause is read from. A clause ends at sentence
// punctuation, so this holds any clause prose has; without a bound, a paragraph of 60,000 mentions
// read 60,000 ever longer prefixes (minutes).
const CLAUSE_WINDOW = 1000;

/** The source of a mention's block before it: all of it, or its last CLAUSE_WINDOW characters from a word's start. */
function clauseSource(text: string, blockStart: number, start: number): string {
  if (start - blockStart <= CLAUSE_WINDOW) return text.slice(blockStart, start);
  const window = text.slice(start - CLAUSE_WINDOW, start);
  const space = window.search(/\s/);
  return space < 0 ? '' : window.slice(space);
}

/**
 * Give position-less children (remark-gfm's late autolink literals, as in `(text)[https://…]`) the
 * source range they were written at, found between their positioned neighbours.
 */
function restorePositions(parent: Parents, text: string, lines: LineIndex): void {
  const children = parent.children as Nodes[];
  if (!parent.position || children.every((child) => child.position)) return;
  let i = 0;
  while (i < children.length) {
    if (children[i]?.position) {
      i++;
      continue;
    }
    let k = i;
    while (k < children.length && !children[k]?.position) k++;
    const lo = children[i - 1]?.position?.end.offset ?? parent.position.start.offset ?? 0;
    const hi = children[k]?.position?.start.offset ?? parent.position.end.offset ?? lo;
    const run = children.slice(i, k);
    const values = run.map((child) => toString(child));
    const map = alignValue(text.slice(lo, hi), values.join(''));
    let at = 0;
    run.forEach((child, n) => {
      const length = values[n]?.length ?? 0;
      const start = map?.starts[at];
      const end = map?.ends[at + length - 1];
      if (length > 0 && start !== undefined && end !== undefined) {
        child.position = { start: { ...lines.position(lo + start), offset: lo + start }, end: { ...lines.position(lo + end), offset: lo + end } };
        if ('children' in child) restorePositions(child as Parents, text, lines);
      }
      at += length;
    });
    i = k;
  }
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** +1 for an inline open tag, -1 for a close tag, 0 for void or self-closing tags, comments and the like. */
function htmlTagDelta(html: string): number {
  const close = /^<\/([A-Za-z][A-Za-z0-9-]*)\s*>$/.exec(html);
  if (close) return VOID_ELEMENTS.has((close[1] ?? '').toLowerCase()) ? 0 : -1;
  const open = /^<([A-Za-z][A-Za-z0-9-]*)(?:\s[^>]*)?>$/.exec(html);
  if (!open || html.endsWith('/>')) return 0;
  return VOID_ELEMENTS.has((open[1] ?? '').toLowerCase()) ? 0 : 1;
}

const CHARACTER_REFERENCE = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;
// Addresses written out in the text (ftp://host/saga, www.example.com/saga, saga@example.com):
// GitHub shows them as links, so a pattern word inside one is not prose. Matched here rather than
// by remark-gfm's autolink-literal extension, which would double the parse time.
const BARE_URL = /(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|\bwww\.)[^\s<>]*|[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/**
 * Mentions in one text node. Matching runs on the node's value (escapes and character references
 * decoded, container prefixes dropped: `saga\_id` is the word "saga_id"), and each match is mapped
 * back to the source so that ranges and texts are as written.
 */
function textMentions(catalogue: Catalogue, raw: string, value: string): Array<{ slug: string; text: string; start: number; end: number }> {
  // Most text nodes mention no pattern: find that out before mapping the value to the source.
  const matches = catalogue.findMentions(value);
  if (matches.length === 0) return [];
  const map = alignValue(raw, value);
  if (!map) {
    // Should not happen; fall back to matching the source as written.
    return catalogue.findMentions(raw).map((m) => ({ slug: m.slug, text: m.text, start: m.index, end: m.index + m.text.length }));
  }
  const urls = /[:.@]/.test(value) ? [...value.matchAll(BARE_URL)].map((m): [number, number] => [m.index, m.index + m[0].length]) : [];
  const found: Array<{ slug: string; text: string; start: number; end: number }> = [];
  for (const match of matches) {
    const a = match.index;
    const b = match.index + match.text.length;
    if (overlapsAny(urls, a, b)) continue;
    const start = map.starts[a] ?? 0;
    const end = map.ends[b - 1] ?? start;
    found.push({ slug: match.slug, text: raw.slice(start, end), start, end });
  }
  return found;
}

/** For each character of a text node's value, the [start, end) of the source that wrote it. */
function alignValue(raw: string, value: string): { starts: number[]; ends: number[] } | null {
  const starts: number[] = [];
  const ends: number[] = [];
  let j = 0;
  for (let i = 0; i < value.length; ) {
    if (j >= raw.length) return null;
    const want = value[i];
    const reference = raw[j] === '&' ? CHARACTER_REFERENCE.exec(raw.slice(j, j + 40))?.[0] : undefined;
    if (reference && value.slice(i, i + reference.length) !== reference) {
      // A reference decodes to one character (two code units when astral).
      const units = (value.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
      for (let k = 0; k < units; k++) {
        starts.push(j);
        ends.push(j + reference.length);
      }
      i += units;
      j += reference.length;
    } else if (raw[j] === want) {
      starts.push(j);
      ends.push(j + 1);
      i++;
      j++;
    } else if (raw[j] === '\\' && raw[j + 1] === want) {
      starts.push(j);
      ends.push(j + 2);
      i++;
      j += 2;
    } else {
      // Source the value leaves out: a container's `> ` prefix, indentation, trailing spaces.
      j++;
    }
  }
  return { starts, ends };
}

function isAutolink(text: string, node: { url: string; children: Nodes[] }, range: [number, number]): boolean {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (!only || only.type !== 'text') return false;
  const raw = text.slice(range[0], range[1]);
  return raw.startsWith('<') || only.value === node.url || `mailto:${only.value}` === node.url || `http://${only.value}` === node.url;
}
