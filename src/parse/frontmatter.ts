// The frontmatter of an ADR: its YAML document with node ranges in file offsets, or why it cannot
// be read as data (a YAML error, an alias that cannot be expanded, a list where a mapping belongs).
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node as YamlNode, type Pair } from 'yaml';
import type { createLineIndex } from '../model/positions.ts';
import { frontmatterKeysProblem } from './complexity.ts';
import type { Frontmatter } from '../model/types.ts';

// Alias expansion is capped so that a "billion laughs" document is an error, not an outage.
const MAX_ALIAS_COUNT = 100;

export function readFrontmatter(text: string, blockEnd: number, lines: ReturnType<typeof createLineIndex>): Frontmatter {
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

export function resolveAlias(document: Document, node: YamlNode | null): YamlNode | null {
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

