// Minimal text edits on YAML source, shared by the rules that fix frontmatter.
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { frontmatterField, nodeRange } from '../../src/parse/frontmatter.ts';
import type { ParsedAdr, TextEdit } from '../../src/model/types.ts';

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** Offset just past the line ending of the line holding `offset` (or the end of the text). */
function nextLineStart(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return i < text.length ? i + 1 : i;
}

/**
 * Remove one item of a YAML sequence, leaving the rest as written.
 * Block items (`- x`) go with their whole line(s); flow items (`[a, x]`) with the comma before them,
 * or with their own line when they have one (a trailing comma is valid YAML, and a comment after
 * the previous item stays).
 */
export function removeSequenceItem(text: string, itemRange: [number, number]): TextEdit | null {
  const [start, end] = itemRange;
  const start0 = lineStart(text, start);
  const before = text.slice(start0, start);
  if (/^\s*-\s+$/.test(before) || /^\s*-$/.test(before)) {
    return { range: [start0, nextLineStart(text, Math.max(start, end - 1))], text: '' };
  }
  // Flow sequence. Past the item: its comma, if it has one on this line.
  let after = end;
  while (after < text.length && /[ \t]/.test(text[after] ?? '')) after++;
  if (text[after] === ',') {
    after++;
    while (after < text.length && /[ \t]/.test(text[after] ?? '')) after++;
  }
  const ownLine = /^[ \t]*$/.test(before);
  if (ownLine && /^(?:#[^\r\n]*)?(?:\r\n|\r|\n|$)/.test(text.slice(after))) {
    return { range: [start0, nextLineStart(text, after)], text: '' };
  }
  // Take the separator before the item ("a, x" → "a"), or after it if first.
  let i = start - 1;
  while (i >= 0 && /[ \t\r\n]/.test(text[i] ?? '')) i--;
  if (text[i] === ',') return { range: [i, end], text: '' };
  if (text.slice(end, after).includes(',')) return { range: [start, after], text: '' };
  // Alone at the start of its line before the closing bracket: the item goes, a trailing comma stays.
  if (ownLine) return { range: [start, end], text: '' };
  return null;
}

/** The line ending a file uses (its first one), so inserted lines match their neighbours. */
export function lineEnding(text: string): string {
  const match = /\r\n|\r|\n/.exec(text);
  return match ? match[0] : '\n';
}

/**
 * Declare patterns in the frontmatter, in the list's own style: a new line in a block list with
 * the items' own indentation, `, slug` in a flow list, `patterns:` when the key is absent, and a
 * whole frontmatter block when the file has none. Null when the YAML's shape gives no safe place.
 */
export function declarePatterns(adr: ParsedAdr, slugs: readonly string[]): TextEdit | null {
  if (slugs.length === 0) return null;
  const { text } = adr;
  const frontmatter = adr.frontmatter;
  const eol = lineEnding(frontmatter ? frontmatter.yamlText || text : text);
  const blockList = (itemPrefix: string) => slugs.map((slug) => `${itemPrefix}${slug}${eol}`).join('');
  if (!frontmatter) {
    if (adr.unterminatedFrontmatter) return null;
    const separator = text === '' || /^(?:\r\n|\r|\n)/.test(text) ? '' : eol;
    return { range: [0, 0], text: `---${eol}patterns:${eol}${blockList('  - ')}---${eol}${separator}` };
  }
  if (!frontmatter.data) return null;
  const field = frontmatterField(frontmatter, 'patterns');
  if (!field) {
    const end = frontmatter.yamlOffset + frontmatter.yamlText.length;
    const before = frontmatter.yamlText === '' || /[\r\n]$/.test(frontmatter.yamlText) ? '' : eol;
    return { range: [end, end], text: `${before}patterns:${eol}${blockList('  - ')}` };
  }
  // An existing key: the same list-style rules as any other frontmatter list.
  return appendFrontmatterItems(adr, 'patterns', slugs);
}

/**
 * Append items (YAML text, quoted as the caller wants them) to the list under `key`, in the list's
 * own style: `, item` in a flow list, a new `- item` line with the items' indentation in a block
 * list, `[value, item]` for a single value, `[item]` for an empty key. Null when `key` is absent or
 * its value has no safe place for an item.
 */
export function appendFrontmatterItems(adr: ParsedAdr, key: string, items: readonly string[]): TextEdit | null {
  const frontmatter = adr.frontmatter;
  if (items.length === 0 || !frontmatter?.data) return null;
  const field = frontmatterField(frontmatter, key);
  if (!field) return null;
  const { text } = adr;
  const eol = lineEnding(frontmatter.yamlText || text);
  const node = field.pair.value as YamlNode | null;
  if (node && isSeq(node)) {
    const all = node.items as YamlNode[];
    const last = all[all.length - 1];
    if (node.flow) {
      const [start, end] = nodeRange(frontmatter, node);
      if (text.charAt(start) !== '[' || text.charAt(end - 1) !== ']') return null;
      if (!last) return { range: [start + 1, start + 1], text: items.join(', ') };
      const [, lastEnd] = nodeRange(frontmatter, last);
      return { range: [lastEnd, lastEnd], text: items.map((item) => `, ${item}`).join('') };
    }
    const first = all[0];
    if (!first || !last) return null;
    const [firstStart] = nodeRange(frontmatter, first);
    const prefix = text.slice(lineStart(text, firstStart), firstStart);
    if (!/^[ \t]*-[ \t]+$/.test(prefix)) return null;
    const [, lastEnd] = nodeRange(frontmatter, last);
    const at = nextLineStart(text, Math.max(lastEnd - 1, 0));
    const needsBreak = at === text.length || !/[\r\n]/.test(text.charAt(at - 1));
    return { range: [at, at], text: `${needsBreak ? eol : ''}${items.map((item) => `${prefix}${item}${eol}`).join('')}` };
  }
  if (node && isScalar(node) && node.value !== null && node.value !== '') {
    const [start, end] = nodeRange(frontmatter, node);
    if (/^[|>]/.test(text.charAt(start)) || /[\r\n]/.test(text.slice(start, end))) return null;
    return { range: [start, end], text: `[${text.slice(start, end)}, ${items.join(', ')}]` };
  }
  if (!node || (isScalar(node) && (node.value === null || node.value === ''))) {
    if (node?.range && node.range[1] > node.range[0]) {
      // `key: ~`, `key: null` or `key: ""`
      const [start, end] = nodeRange(frontmatter, node);
      return { range: [start, end], text: `[${items.join(', ')}]` };
    }
    const [, keyEnd] = nodeRange(frontmatter, field.pair.key as YamlNode);
    const colon = text.indexOf(':', keyEnd);
    if (colon < 0) return null;
    return { range: [colon + 1, colon + 1], text: ` [${items.join(', ')}]` };
  }
  return null;
}

/**
 * Insert a `key: value` line (without its line ending) into the frontmatter mapping, with the
 * indentation of its keys: after or before the first key of `placement` that is present, else at
 * the end of the mapping. Null without a readable block mapping.
 */
export function insertFrontmatterPair(adr: ParsedAdr, line: string, placement: ReadonlyArray<{ after: string } | { before: string }> = []): TextEdit | null {
  const frontmatter = adr.frontmatter;
  if (!frontmatter?.data) return null;
  const root = frontmatter.document.contents;
  const { text } = adr;
  const eol = lineEnding(frontmatter.yamlText || text);
  const end = frontmatter.yamlOffset + frontmatter.yamlText.length;
  if (root === null || (isScalar(root) && root.value === null)) {
    const before = frontmatter.yamlText === '' || /[\r\n]$/.test(frontmatter.yamlText) ? '' : eol;
    return { range: [end, end], text: `${before}${line}${eol}` };
  }
  if (!isMap(root) || root.flow) return null;
  const indentOf = (keyStart: number): string | null => {
    const indent = text.slice(lineStart(text, keyStart), keyStart);
    return /^[ \t]*$/.test(indent) ? indent : null;
  };
  for (const anchor of placement) {
    const key = 'after' in anchor ? anchor.after : anchor.before;
    const field = frontmatterField(frontmatter, key);
    if (!field) continue;
    const [keyStart, keyEnd] = nodeRange(frontmatter, field.pair.key as YamlNode);
    const indent = indentOf(keyStart);
    if (indent === null) return null;
    if ('before' in anchor) return { range: [keyStart - indent.length, keyStart - indent.length], text: `${indent}${line}${eol}` };
    const value = field.pair.value as YamlNode | null;
    const valueEnd = value?.range ? nodeRange(frontmatter, value)[1] : keyEnd;
    const at = nextLineStart(text, Math.max(valueEnd - 1, keyEnd));
    if (at > end) return null;
    const needsBreak = !/[\r\n]/.test(text.charAt(at - 1));
    return { range: [at, at], text: `${needsBreak ? eol : ''}${indent}${line}${eol}` };
  }
  const firstKey = root.items[0]?.key as YamlNode | undefined;
  const indent = firstKey ? indentOf(nodeRange(frontmatter, firstKey)[0]) : '';
  if (indent === null) return null;
  const before = frontmatter.yamlText === '' || /[\r\n]$/.test(frontmatter.yamlText) ? '' : eol;
  return { range: [end, end], text: `${before}${indent}${line}${eol}` };
}
