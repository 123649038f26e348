// Parse once: the mdast tree, the frontmatter YAML document with node ranges, the declared pattern
// references and the prose mentions. Rules read the result; they never parse again.
import type { Nodes, Parents, Root } from 'mdast';
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node as YamlNode, type Pair } from 'yaml';
import type { Catalogue } from '../model/catalogue.ts';
import { createLineIndex } from '../model/positions.ts';
import { parseBounded } from './bounded-parse.ts';
import { frontmatterKeysProblem } from './complexity.ts';
import { readDirectives } from './directives.ts';
import { toString } from 'mdast-util-to-string';
import { negatedInClause, rejectedOptionRanges } from './mention-use.ts';
import { overlapsAny } from '../model/mention-matcher.ts';
import type { BodyLink, CategoryRef, Frontmatter, LineIndex, ParsedAdr, PatternRef } from '../model/types.ts';

/**
 * The markdown parse adrlint builds on, bounded (src/parse/bounded-parse.ts): throws TooComplexError for
 * a text it will not parse or that took too long.
 */
export function parseMarkdown(text: string): Root {
  return parseBounded(text);
}

// Alias expansion is capped so that a "billion laughs" document is an error, not an outage.
const MAX_ALIAS_COUNT = 100;

const OPENING_FENCE = /^---[ \t]*(?:\r\n|\r|\n|$)/;
// What a YAML block opens with: a key ("status:", "'a b':"), a list item, a comment or a document marker.
const YAML_START = /^(?:[\p{L}\p{N}_"'$-][^:\r\n]*:(?:[ \t]|$)|- |#|\.\.\.|%)/u;

/**
 * A `---` first line that never closes is an unclosed frontmatter only when YAML follows it; a
 * blank line or a heading after it is a thematic break left from a template (remark reads it so).
 */
function opensFrontmatter(text: string): boolean {
  const fence = OPENING_FENCE.exec(text);
  if (!fence) return false;
  const next = /^[^\r\n]*/.exec(text.slice(fence[0].length))![0];
  return YAML_START.test(next) && !/^#{1,6}(?:[ \t]|$)/.test(next);
}

// Parse once: tests count the parses of a run (by path and length of the text parsed) to check it.
let parseLog: Array<{ path: string; length: number }> | null = null;

/** Count every parse from now on; the returned function stops counting and gives the parses made. */
export function countParses(): () => Array<{ path: string; length: number }> {
  const log: Array<{ path: string; length: number }> = [];
  parseLog = log;
  return () => {
    if (parseLog === log) parseLog = null;
    return log;
  };
}

export function parseAdr(path: string, source: string, catalogue: Catalogue): ParsedAdr {
  parseLog?.push({ path, length: source.length });
  const bom = source.charCodeAt(0) === 0xfeff;
  const text = bom ? source.slice(1) : source;
  const adr = adrFromTree(path, text, bom, parseMarkdown(text), createLineIndex(text));
  adr.directives = readDirectives(adr);
  if (adr.frontmatter?.data) readDeclarations(adr, adr.frontmatter);
  collectBody(adr, catalogue);
  return adr;
}

/** The ParsedAdr of a tree: its frontmatter read; declarations, mentions, links, images and directives still empty. */
function adrFromTree(path: string, text: string, bom: boolean, tree: Root, lines: LineIndex): ParsedAdr {
  let frontmatter: Frontmatter | null = null;
  let unterminatedFrontmatter: [number, number] | null = null;
  const first = tree.children[0];
  if (first?.type === 'yaml' && first.position?.start.offset === 0) {
    frontmatter = readFrontmatter(text, first.position.end.offset ?? 0, lines);
  } else if (opensFrontmatter(text)) {
    unterminatedFrontmatter = [0, 3];
  }
  return {
    path,
    text,
    bom,
    tree,
    frontmatter,
    unterminatedFrontmatter,
    patterns: [],
    categories: [],
    patternsNode: null,
    mentions: [],
    links: [],
    images: [],
    directives: [],
    lines,
  };
}

/**
 * The head of an ADR (a frontmatter block and a plain `# Title` line, nothing else) as a
 * ParsedAdr, without running micromark: src/parse/record-head.ts checks the shape first and only needs
 * the frontmatter and the title. `frontmatterEnd` is where the closing `---` ends (as remark's
 * yaml node does), or null without frontmatter.
 */
export function parseHead(path: string, head: string, frontmatterEnd: number | null, title: { lineStart: number; lineEnd: number; start: number; text: string }): ParsedAdr {
  const bom = head.charCodeAt(0) === 0xfeff;
  const text = bom ? head.slice(1) : head;
  const lines = createLineIndex(text);
  const point = (offset: number) => ({ ...lines.position(offset), offset });
  const children: Root['children'] = [];
  if (frontmatterEnd !== null) {
    children.push({ type: 'yaml', value: text.slice(4, Math.max(4, frontmatterEnd - 4)), position: { start: point(0), end: point(frontmatterEnd) } });
  }
  children.push({
    type: 'heading',
    depth: 1,
    children: [{ type: 'text', value: title.text, position: { start: point(title.start), end: point(title.start + title.text.length) } }],
    position: { start: point(title.lineStart), end: point(title.lineEnd) },
  });
  const tree: Root = { type: 'root', children, position: { start: point(0), end: point(text.length) } };
  return adrFromTree(path, text, bom, tree, lines);
}

function readFrontmatter(text: string, blockEnd: number, lines: ReturnType<typeof createLineIndex>): Frontmatter {
  const firstLineEnd = /\r\n|\r|\n/.exec(text);
  const yamlOffset = firstLineEnd ? firstLineEnd.index + firstLineEnd[0].length : text.length;
  const closingLine = lines.position(blockEnd).line;
  const yamlEnd = Math.max(yamlOffset, lines.offset({ line: closingLine, column: 1 }));
  const yamlText = text.slice(yamlOffset, yamlEnd);
  // The yaml library does not take a lone CR as a line break; micromark and YAML 1.2 do.
  // Same length, so every offset still maps onto the file.
  const tooManyKeys = frontmatterKeysProblem(yamlText);
  const document = parseDocument(tooManyKeys ? '' : yamlText.replace(/\r(?!\n)/g, '\n'), { prettyErrors: false, keepSourceTokens: false });
  const frontmatter: Frontmatter = { blockRange: [0, blockEnd], yamlOffset, yamlText, document, data: null };
  if (tooManyKeys) {
    frontmatter.error = { message: tooManyKeys, range: trimmedRange(frontmatter, 0, yamlText.length) };
    return frontmatter;
  }
  const yamlError = document.errors[0];
  if (yamlError) {
    frontmatter.error = {
      message: firstLine(yamlError.message),
      range: [yamlOffset + yamlError.pos[0], yamlOffset + Math.max(yamlError.pos[1], yamlError.pos[0] + 1)],
    };
    return frontmatter;
  }
  const unexpandable = unexpandableNode(document);
  if (unexpandable) {
    frontmatter.error = { message: unexpandable.message, range: nodeRange(frontmatter, unexpandable.node) };
    return frontmatter;
  }
  const contents = document.contents;
  if (contents !== null && !(isScalar(contents) && contents.value === null) && !isMap(contents)) {
    const kind = isSeq(contents) ? 'a list' : 'a single value';
    frontmatter.error = { message: `frontmatter must be a mapping of keys to values, not ${kind}`, range: nodeRange(frontmatter, contents, [yamlOffset, yamlEnd]) };
    return frontmatter;
  }
  try {
    const data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown> | null;
    frontmatter.data = data ?? {};
  } catch (error) {
    frontmatter.error = {
      message: `${(error as Error).message} (more than ${MAX_ALIAS_COUNT} alias expansions)`,
      range: trimmedRange(frontmatter, 0, yamlText.length),
    };
  }
  return frontmatter;
}

/**
 * The first node toJS cannot turn into data, or only in exponential time, and why: an alias whose
 * anchor is not defined before it (toJS would throw), an alias inside the value it names (a value
 * containing itself), a list or mapping used as a key (stringified, nested keys over and over).
 * One walk, keeping each anchor's latest node: what an alias resolves to.
 */
function unexpandableNode(document: Document.Parsed): { node: YamlNode; message: string } | null {
  const anchors = new Map<string, YamlNode>();
  let found: { node: YamlNode; message: string } | null = null;
  visit(document, {
    Pair(_, pair) {
      if (!isCollection(pair.key)) return undefined;
      found = { node: pair.key, message: 'a key must be a plain value, not a list or a mapping' };
      return visit.BREAK;
    },
    Node(_, node, path) {
      if (!isAlias(node)) {
        if (node.anchor) anchors.set(node.anchor, node);
        return undefined;
      }
      const target = anchors.get(node.source);
      if (!target) found = { node, message: `Unresolved alias "*${node.source}": no anchor "&${node.source}" comes before it` };
      else if (path.includes(target)) found = { node, message: `Alias "*${node.source}" is inside the value "&${node.source}" it names: a value cannot contain itself` };
      return found ? visit.BREAK : undefined;
    },
  });
  return found;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** The resolved node of a top-level frontmatter key, with the pair it belongs to. */
export function frontmatterField(frontmatter: Frontmatter | null, key: string): { pair: Pair; node: YamlNode | null } | null {
  if (!frontmatter?.data) return null;
  const root = frontmatter.document.contents;
  if (!isMap(root)) return null;
  for (const pair of root.items) {
    if (!isPair(pair)) continue;
    const keyNode = pair.key;
    const name = isScalar(keyNode) ? keyNode.value : keyNode;
    if (name === key) return { pair, node: resolveAlias(frontmatter.document, pair.value as YamlNode | null) };
  }
  return null;
}

function resolveAlias(document: Document, node: YamlNode | null): YamlNode | null {
  if (node && isAlias(node)) return (node.resolve(document) as YamlNode | undefined) ?? null;
  return node;
}

/** Absolute [start, end) of a YAML node (value end, without trailing comment or newline). */
export function nodeRange(frontmatter: Frontmatter, node: YamlNode | null | undefined, fallback?: [number, number]): [number, number] {
  if (!node?.range) return fallback ?? [frontmatter.yamlOffset, frontmatter.yamlOffset];
  return trimmedRange(frontmatter, node.range[0], node.range[1]);
}

/** A YAML range in file offsets, without the line break and indentation a block collection ends with. */
function trimmedRange(frontmatter: Frontmatter, start: number, end: number): [number, number] {
  let trimmed = end;
  while (trimmed > start && /\s/.test(frontmatter.yamlText.charAt(trimmed - 1))) trimmed--;
  return [frontmatter.yamlOffset + start, frontmatter.yamlOffset + trimmed];
}

/** The range of a key of a pair (where a diagnostic about a whole key points). */
export function keyRange(frontmatter: Frontmatter, pair: Pair): [number, number] {
  return nodeRange(frontmatter, pair.key as YamlNode);
}

/** A scalar's text as the user wrote it: strings as they are, numbers as in the source (`05`). */
function scalarText(node: YamlNode): string | null {
  if (!isScalar(node)) return null;
  if (typeof node.value === 'string') return node.value;
  if (typeof node.value === 'number' && typeof node.source === 'string') return node.source;
  if (typeof node.value === 'number') return String(node.value);
  return null;
}

function describeKind(node: YamlNode | null): string {
  if (!node) return 'empty';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return node.value === null ? 'empty' : `a ${typeof node.value}`;
  // An item of a `!!omap` or `!!pairs` list.
  if (isPair(node)) return 'a "key: value" pair';
  return 'a YAML value of another kind';
}

function readDeclarations(adr: ParsedAdr, frontmatter: Frontmatter): void {
  const { document } = frontmatter;
  const patterns = frontmatterField(frontmatter, 'patterns');
  if (patterns) {
    const value = patterns.node;
    const keyAt = keyRange(frontmatter, patterns.pair);
    adr.patternsNode = value;
    if (value === null || (isScalar(value) && value.value === null)) {
      // `patterns:` with nothing after it declares no pattern.
    } else if (isSeq(value)) {
      for (const item of value.items) {
        const node = resolveAlias(document, item as YamlNode | null);
        adr.patterns.push(readPatternItem(frontmatter, node, nodeRange(frontmatter, item as YamlNode, keyAt)));
      }
    } else if (isScalar(value) && scalarText(value) !== null) {
      adr.patterns.push(readPatternItem(frontmatter, value, nodeRange(frontmatter, value)));
    } else if (isMap(value)) {
      // A single object reference written without a list.
      adr.patterns.push(readPatternItem(frontmatter, value, nodeRange(frontmatter, value)));
    } else {
      adr.patternsShapeError = {
        message: `"patterns" must be a slug or a list of slugs, not ${describeKind(value)}`,
        range: nodeRange(frontmatter, value, keyAt),
      };
    }
  }

  const categories = frontmatterField(frontmatter, 'categories');
  if (categories) {
    const value = categories.node;
    const keyAt = keyRange(frontmatter, categories.pair);
    const readCategory = (node: YamlNode | null, fallback: [number, number]): CategoryRef => {
      const range = nodeRange(frontmatter, node, fallback);
      if (node && isScalar(node) && typeof node.value === 'string') return { value: node.value, range };
      return { value: null, range, shapeError: `a category must be a string, not ${describeKind(node)}` };
    };
    if (value === null || (isScalar(value) && value.value === null)) {
      // empty: no categories
    } else if (isSeq(value)) {
      for (const item of value.items) adr.categories.push(readCategory(resolveAlias(document, item as YamlNode | null), keyAt));
    } else if (isScalar(value) && typeof value.value === 'string') {
      adr.categories.push(readCategory(value, keyAt));
    } else {
      adr.categoriesShapeError = {
        message: `"categories" must be a category name or a list of them, not ${describeKind(value)}`,
        range: nodeRange(frontmatter, value, keyAt),
      };
    }
  }
}

const REFERENCE_KEYS = new Set(['slug', 'category']);

function readPatternItem(frontmatter: Frontmatter, node: YamlNode | null, itemRange: [number, number]): PatternRef {
  const range = nodeRange(frontmatter, node, itemRange);
  if (node && isScalar(node)) {
    const value = scalarText(node);
    if (value !== null && value.trim() !== '') return { value, range, itemRange };
    const message = `a pattern reference must be a slug, not ${value === '' ? 'an empty string' : describeKind(node)}`;
    return { value: null, range, itemRange, shapeError: { message, range } };
  }
  if (node && isMap(node)) {
    const ref: PatternRef = { value: null, range, itemRange };
    // The first shape problem of the object, at the node it is about; the slug keeps its own range.
    const problem = (message: string, at: [number, number]) => {
      ref.shapeError ??= { message, range: at };
    };
    let slugSeen = false;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : null;
      const keyAt = nodeRange(frontmatter, pair.key as YamlNode, range);
      const valueNode = resolveAlias(frontmatter.document, pair.value as YamlNode | null);
      const valueRange = nodeRange(frontmatter, valueNode, keyAt);
      if (key === 'slug') {
        slugSeen = true;
        const value = valueNode ? scalarText(valueNode) : null;
        if (value === null || value.trim() === '') problem(`"slug" must be a string, not ${describeKind(valueNode)}`, valueRange);
        else {
          ref.value = value;
          ref.range = valueRange;
        }
      } else if (key === 'category') {
        const value = valueNode && isScalar(valueNode) && typeof valueNode.value === 'string' ? valueNode.value : null;
        if (value === null) problem(`"category" must be a string, not ${describeKind(valueNode)}`, valueRange);
        ref.category = { value, range: valueRange };
      } else if (typeof key !== 'string' || !REFERENCE_KEYS.has(key)) {
        problem(`unknown key "${String(key)}" in a pattern reference (expected slug and optional category)`, keyAt);
      }
    }
    if (!slugSeen) problem('a pattern reference object needs a "slug"', range);
    return ref;
  }
  const message = `a pattern reference must be a slug or {slug, category}, not ${describeKind(node)}`;
  return { value: null, range, itemRange, shapeError: { message, range } };
}

// Node types whose text is not prose: code, markup and metadata.
const NOT_PROSE = new Set(['code', 'inlineCode', 'html', 'yaml', 'definition', 'image', 'imageReference', 'footnoteDefinition']);

function collectBody(adr: ParsedAdr, catalogue: Catalogue): void {
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
