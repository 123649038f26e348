// Parse once: the mdast tree, the frontmatter YAML document with node ranges, the declared pattern
// references and the prose mentions. Rules read the result; they never parse again.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Nodes, Parents, Root } from 'mdast';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode, type Pair } from 'yaml';
import type { Catalogue } from './catalogue.ts';
import { createLineIndex } from './positions.ts';
import type { BodyLink, CategoryRef, Frontmatter, Mention, ParsedAdr, PatternRef } from './types.ts';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/** The markdown parse adrlint builds on, also the reference the benchmark compares against. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

// Alias expansion is capped so that a "billion laughs" document is an error, not an outage.
const MAX_ALIAS_COUNT = 100;

const OPENING_FENCE = /^---[ \t]*(?:\r\n|\r|\n|$)/;

export function parseAdr(path: string, source: string, catalogue: Catalogue): ParsedAdr {
  const bom = source.charCodeAt(0) === 0xfeff;
  const text = bom ? source.slice(1) : source;
  const tree = parseMarkdown(text);
  const lines = createLineIndex(text);

  let frontmatter: Frontmatter | null = null;
  let unterminatedFrontmatter: [number, number] | null = null;
  const first = tree.children[0];
  if (first?.type === 'yaml' && first.position?.start.offset === 0) {
    frontmatter = readFrontmatter(text, first.position.end.offset ?? 0, lines);
  } else {
    const opening = OPENING_FENCE.exec(text);
    if (opening) unterminatedFrontmatter = [0, 3];
  }

  const adr: ParsedAdr = {
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
    lines,
  };
  if (frontmatter?.data) readDeclarations(adr, frontmatter);
  collectBody(adr, catalogue);
  return adr;
}

function readFrontmatter(text: string, blockEnd: number, lines: ReturnType<typeof createLineIndex>): Frontmatter {
  const firstLineEnd = /\r\n|\r|\n/.exec(text);
  const yamlOffset = firstLineEnd ? firstLineEnd.index + firstLineEnd[0].length : text.length;
  const closingLine = lines.position(blockEnd).line;
  const yamlEnd = Math.max(yamlOffset, lines.offset({ line: closingLine, column: 1 }));
  const yamlText = text.slice(yamlOffset, yamlEnd);
  const document = parseDocument(yamlText, { prettyErrors: false, keepSourceTokens: false });
  const frontmatter: Frontmatter = { blockRange: [0, blockEnd], yamlOffset, yamlText, document, data: null };
  const yamlError = document.errors[0];
  if (yamlError) {
    frontmatter.error = {
      message: firstLine(yamlError.message),
      range: [yamlOffset + yamlError.pos[0], yamlOffset + Math.max(yamlError.pos[1], yamlError.pos[0] + 1)],
    };
    return frontmatter;
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    frontmatter.error = {
      message: `${(error as Error).message} (more than ${MAX_ALIAS_COUNT} alias expansions)`,
      range: [yamlOffset, yamlEnd],
    };
    return frontmatter;
  }
  if (data === null || data === undefined) {
    frontmatter.data = {};
  } else if (typeof data === 'object' && !Array.isArray(data) && !(data instanceof Date)) {
    frontmatter.data = data as Record<string, unknown>;
  } else {
    const contents = document.contents;
    const range: [number, number] = contents?.range ? [yamlOffset + contents.range[0], yamlOffset + contents.range[1]] : [yamlOffset, yamlEnd];
    frontmatter.error = { message: `frontmatter must be a mapping of keys to values, not ${Array.isArray(data) ? 'a list' : 'a single value'}`, range };
  }
  return frontmatter;
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
  if (node?.range) return [frontmatter.yamlOffset + node.range[0], frontmatter.yamlOffset + node.range[1]];
  return fallback ?? [frontmatter.yamlOffset, frontmatter.yamlOffset];
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
  return 'not a value';
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
    return { value: null, range, itemRange, shapeError: `a pattern reference must be a slug, not ${value === '' ? 'an empty string' : describeKind(node)}` };
  }
  if (node && isMap(node)) {
    const ref: PatternRef = { value: null, range, itemRange };
    let slugSeen = false;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? pair.key.value : null;
      const valueNode = resolveAlias(frontmatter.document, pair.value as YamlNode | null);
      const valueRange = nodeRange(frontmatter, valueNode, nodeRange(frontmatter, pair.key as YamlNode));
      if (key === 'slug') {
        slugSeen = true;
        const value = valueNode ? scalarText(valueNode) : null;
        if (value === null || value.trim() === '') ref.shapeError ??= `"slug" must be a string, not ${describeKind(valueNode)}`;
        else {
          ref.value = value;
          ref.range = valueRange;
        }
      } else if (key === 'category') {
        const value = valueNode && isScalar(valueNode) && typeof valueNode.value === 'string' ? valueNode.value : null;
        if (value === null) ref.shapeError ??= `"category" must be a string, not ${describeKind(valueNode)}`;
        ref.category = { value, range: valueRange };
      } else if (typeof key !== 'string' || !REFERENCE_KEYS.has(key)) {
        ref.shapeError ??= `unknown key "${String(key)}" in a pattern reference (expected slug and optional category)`;
        ref.range = nodeRange(frontmatter, pair.key as YamlNode, range);
      }
    }
    if (!slugSeen) ref.shapeError ??= 'a pattern reference object needs a "slug"';
    return ref;
  }
  return { value: null, range, itemRange, shapeError: `a pattern reference must be a slug or {slug, category}, not ${describeKind(node)}` };
}

// Node types whose text is not prose: code, markup and metadata.
const NOT_PROSE = new Set(['code', 'inlineCode', 'html', 'yaml', 'definition', 'image', 'imageReference', 'footnoteDefinition']);

function collectBody(adr: ParsedAdr, catalogue: Catalogue): void {
  const definitions = new Map<string, string>();
  for (const node of adr.tree.children) if (node.type === 'definition') definitions.set(node.identifier, node.url);

  const visit = (node: Nodes, inHeading: boolean, inLink: boolean): void => {
    if (NOT_PROSE.has(node.type)) return;
    if (node.type === 'text') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      // Match the source, not the unescaped value, so ranges are exact.
      const raw = adr.text.slice(start, end);
      for (const match of catalogue.findMentions(raw)) {
        const mention: Mention = {
          slug: match.slug,
          text: match.text,
          range: [start + match.index, start + match.index + match.text.length],
          inHeading,
          inLink,
        };
        adr.mentions.push(mention);
      }
      return;
    }
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
    if ('children' in node) for (const child of (node as Parents).children) visit(child, childInHeading, childInLink);
  };
  for (const child of adr.tree.children) visit(child, false, false);
}

function isAutolink(text: string, node: { url: string; children: Nodes[] }, range: [number, number]): boolean {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  if (!only || only.type !== 'text') return false;
  const raw = text.slice(range[0], range[1]);
  return raw.startsWith('<') || only.value === node.url || `mailto:${only.value}` === node.url || `http://${only.value}` === node.url;
}
