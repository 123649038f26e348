// The fix that adds the missing side of a supersede/amend pair, in the file's own style: a
// frontmatter key or list item (quoted, numbered or linked as the file's other items are, the key
// spelled as its other keys are), a line in the Status section, a bullet beside a "- Status:" item,
// or a line after a "Status: ..." line. Text edits on the original source, never a re-serialised tree.
import { basename } from 'node:path';
import type { ListItem, Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { AdrRecord, ParsedAdr, RelationKind, TextEdit } from '../../src/model/types.ts';
import { frontmatterField, nodeRange } from '../../src/parse/frontmatter.ts';
import { FRONTMATTER_RELATIONS } from '../../src/parse/record-relations.ts';
import { encodeDestination, relativeHref } from './link-edits.ts';
import { appendFrontmatterItems, insertFrontmatterPair, lineEnding } from './yaml-edits.ts';

/** The frontmatter keys each relation is read from, in src/parse/record.ts's order (the first is the one written). */
export const RELATION_KEYS: Record<RelationKind, readonly string[]> = {
  supersedes: keysOf('supersedes'),
  'superseded-by': keysOf('superseded-by'),
  amends: keysOf('amends'),
  'amended-by': keysOf('amended-by'),
};

function keysOf(kind: RelationKind): string[] {
  return FRONTMATTER_RELATIONS.filter(([, of]) => of === kind).map(([key]) => key);
}

/** The order relations are written in (konflux: supersedes, then superseded_by). */
const ORDER: readonly RelationKind[] = ['supersedes', 'superseded-by', 'amends', 'amended-by'];

/** A relation as a body line begins it ("Superseded by [..](..)"), and as messages name it. */
export const RELATION_WORDS: Record<RelationKind, string> = {
  supersedes: 'Supersedes',
  'superseded-by': 'Superseded by',
  amends: 'Amends',
  'amended-by': 'Amended by',
};

/** A relation this file lacks: its kind, and the record it names. */
export interface MissingRelation {
  kind: RelationKind;
  other: AdrRecord;
}

export interface ItemStyle {
  quote: '"' | "'" | '';
  /** Numbers as written (`"0031"`, `ADR-31`), with their prefix and zero-padded width (null: as in the file name). */
  number: { prefix: string; width: number | null } | null;
  /** Paths as written: `./x.md`, `x.html`. */
  path: { dot: boolean; html: boolean };
}

export const DEFAULT_STYLE: ItemStyle = { quote: '"', number: { prefix: '', width: null }, path: { dot: false, html: false } };

/** How the file writes the items of its relation keys (the first item of the first of `keys` present). */
export function itemStyle(adr: ParsedAdr, keys: readonly string[]): ItemStyle | null {
  const frontmatter = adr.frontmatter;
  if (!frontmatter) return null;
  for (const key of keys) {
    const node = frontmatterField(frontmatter, key)?.node;
    const items: YamlNode[] = node && isSeq(node) ? (node.items as YamlNode[]) : node ? [node] : [];
    for (const item of items) {
      if (!isScalar(item) || item.value === null || item.value === '') continue;
      const raw = adr.text.slice(...nodeRange(frontmatter, item));
      return valueStyle(typeof item.value === 'string' ? item.value : raw, raw.startsWith('"') ? '"' : raw.startsWith("'") ? "'" : '');
    }
  }
  return null;
}

/** The style of one reference's value (`0031`, `ADR-31`, `./0031-x.md`), written in `quote`. */
export function valueStyle(value: string, quote: ItemStyle['quote']): ItemStyle {
  const number = /^(ADR[- ]?|#)?(\d+)$/i.exec(value.trim());
  return {
    quote,
    number: number ? { prefix: number[1] ?? '', width: number[2]!.length } : null,
    path: { dot: value.startsWith('./'), html: /\.html?$/i.test(value) },
  };
}

/** The reference to `other` from the folder `from`, unquoted, as `style` writes it: its number, else its relative path. */
export function referenceValue(style: ItemStyle, from: string, other: AdrRecord): string {
  const number = other.fileNumber ?? other.number?.value ?? null;
  if (style.number && number !== null) {
    const digits = style.number.width !== null ? String(number).padStart(style.number.width, '0') : (/^(\d+)-/.exec(other.name)?.[1] ?? String(number));
    return `${style.number.prefix}${digits}`;
  }
  let value = relativeHref(from, other.path);
  if (style.path.html) value = value.replace(/\.(?:md|markdown)$/i, '.html');
  if (style.path.dot && !value.startsWith('.')) value = `./${value}`;
  return value;
}

/** A reference's value as a YAML scalar in the style's quotes (plain only where YAML reads it back as the same string). */
export function quotedValue(style: ItemStyle, value: string): string {
  if (style.quote === "'") return `'${value.replace(/'/g, "''")}'`;
  if (style.quote === '' && /^[\w./-]+$/.test(value)) return value;
  return JSON.stringify(value);
}

function yamlItem(style: ItemStyle, self: AdrRecord, other: AdrRecord): string {
  return quotedValue(style, referenceValue(style, self.folder, other));
}

/** The key spelling for a relation the file does not write yet: as its other keys are spelled. */
function keySpelling(adr: ParsedAdr, kind: RelationKind): string {
  const [kebab] = RELATION_KEYS[kind];
  if (kind === 'supersedes' || kind === 'amends') return kebab!;
  const root = adr.frontmatter?.document.contents;
  const keys: string[] = [];
  if (root && 'items' in root)
    for (const pair of (root as { items: Array<{ key: unknown }> }).items) {
      const key = pair.key;
      if (isScalar(key) && typeof key.value === 'string') keys.push(key.value);
    }
  const related = keys.find((key) => ORDER.some((k) => RELATION_KEYS[k].includes(key) && /[-_A-Z]/.test(key)));
  const snake = related ? related.includes('_') : keys.some((key) => key.includes('_'));
  const camel = related ? /[A-Z]/.test(related) : !snake && keys.some((key) => /[a-z][A-Z]/.test(key));
  if (snake) return kebab!.replace('-', '_');
  if (camel && kind === 'superseded-by') return 'supersededBy';
  return kebab!;
}

function frontmatterEdit(adr: ParsedAdr, self: AdrRecord, kind: RelationKind, others: readonly AdrRecord[]): TextEdit | null {
  const frontmatter = adr.frontmatter!;
  const key = RELATION_KEYS[kind].find((name) => frontmatterField(frontmatter, name));
  const allKeys = ORDER.flatMap((k) => RELATION_KEYS[k]);
  const style = itemStyle(adr, key ? [key, ...allKeys] : allKeys) ?? DEFAULT_STYLE;
  const items = others.map((other) => yamlItem(style, self, other));
  if (key) return appendFrontmatterItems(adr, key, items);
  const position = ORDER.indexOf(kind);
  const earlier = ORDER.slice(0, position).reverse().flatMap((k) => RELATION_KEYS[k].map((name) => ({ after: name })));
  const later = ORDER.slice(position + 1).flatMap((k) => RELATION_KEYS[k].map((name) => ({ before: name })));
  const fallback = ['status', 'date', 'title'].map((name) => ({ after: name }));
  return insertFrontmatterPair(adr, `${keySpelling(adr, kind)}: [${items.join(', ')}]`, [...earlier, ...later, ...fallback]);
}

function offsets(node: Nodes): [number, number] | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : [start, end];
}

const RELATION_LINE = /^[\s>*_+-]*(?:\*\*|__)?(?:effectively\s+)?(?:super[sc]ede[sd]|amend(?:s|ed\s+by))\b/i;

const startsWithRelation = (adr: ParsedAdr, node: Nodes): boolean => {
  const at = offsets(node);
  return at !== null && RELATION_LINE.test(adr.text.slice(at[0], at[1]));
};

/** Where body relation lines go, and in which form. */
type BodyPlace = { form: 'section' | 'line'; at: number } | { form: 'bullet'; at: number; prefix: string };

function bodyPlace(adr: ParsedAdr, self: AdrRecord): BodyPlace | null {
  const children = adr.tree.children;
  const statusHeading = children.findIndex((node) => node.type === 'heading' && node.depth >= 2 && /^status$/i.test(toString(node).trim()));
  if (statusHeading >= 0) {
    // After the status paragraph and the relation lines that follow it ("Supersedes:" with its list).
    let last: RootContent = children[statusHeading]!;
    for (let i = statusHeading + 1; i < children.length; i++) {
      const node = children[i]!;
      if (node.type === 'heading') break;
      if (i > statusHeading + 1 && !(node.type === 'paragraph' && startsWithRelation(adr, node))) break;
      last = node;
      const at = offsets(node);
      if (node.type === 'paragraph' && at && /:\s*$/.test(adr.text.slice(at[0], at[1])) && children[i + 1]?.type === 'list') last = children[++i]!;
    }
    const at = offsets(last);
    return at ? { form: 'section', at: at[1] } : null;
  }
  const status = self.status;
  if (!status || status.range[0] < (adr.frontmatter?.blockRange[1] ?? 0)) return null;
  for (const node of children) {
    if (node.type === 'heading' && node.depth >= 2) break;
    if (node.type !== 'list') continue;
    const items = node.children;
    const index = items.findIndex((item) => {
      const at = offsets(item);
      return at !== null && at[0] <= status.range[0] && status.range[1] <= at[1];
    });
    if (index < 0) continue;
    const itemStart = offsets(items[index]!)![0];
    const marker = adr.text.charAt(itemStart);
    let lineStart = itemStart;
    while (lineStart > 0 && !/[\r\n]/.test(adr.text.charAt(lineStart - 1))) lineStart--;
    const indent = adr.text.slice(lineStart, itemStart);
    if (!'-*+'.includes(marker) || !/^[ \t]*$/.test(indent)) return null;
    let last: ListItem = items[index]!;
    for (const item of items.slice(index + 1)) {
      if (!startsWithRelation(adr, item)) break;
      last = item;
    }
    return { form: 'bullet', at: offsets(last)![1], prefix: `${indent}${marker} ` };
  }
  // A "Status: ..." line of its own: the relation goes on the next line.
  let at = status.range[1];
  while (at < adr.text.length && !/[\r\n]/.test(adr.text.charAt(at))) at++;
  return { form: 'line', at };
}

function bodyLine(adr: ParsedAdr, self: AdrRecord, place: BodyPlace, kind: RelationKind, other: AdrRecord): string {
  // adr-tools writes "Superceded by"; a file that does keeps its spelling.
  const spelling = /^[\s>*_+-]*(?:\*\*|__)?(?:effectively\s+)?superced/im.test(adr.text);
  const word = spelling ? RELATION_WORDS[kind].replace(/Supersed/, 'Superced') : RELATION_WORDS[kind];
  const stem = basename(other.name).replace(/\.(?:md|markdown)$/i, '');
  const title = other.title ?? stem;
  const number = other.number?.value ?? other.fileNumber;
  const text = place.form !== 'bullet' && number !== null && other.title ? `${number}. ${other.title}` : title;
  const href = encodeDestination(relativeHref(self.folder, other.path));
  return `${word} [${text.replace(/([[\]\\])/g, '\\$1')}](${href})`;
}

/** One edit per missing relation kind (kinds that insert at one place share one edit). */
export function missingRelationEdits(adr: ParsedAdr, self: AdrRecord, missing: readonly MissingRelation[]): Map<RelationKind, TextEdit> {
  const edits = new Map<RelationKind, TextEdit>();
  if (adr.unterminatedFrontmatter || (adr.frontmatter && !adr.frontmatter.data)) return edits;
  const byKind = new Map<RelationKind, AdrRecord[]>();
  for (const kind of ORDER) {
    const others = missing.filter((entry) => entry.kind === kind).map((entry) => entry.other);
    if (others.length > 0) byKind.set(kind, others);
  }
  const frontmatter = adr.frontmatter;
  const place = bodyPlace(adr, self);
  const frontmatterStyle =
    frontmatter !== null &&
    (place === null || frontmatterField(frontmatter, 'status') !== null || ORDER.some((kind) => RELATION_KEYS[kind].some((key) => frontmatterField(frontmatter, key))));
  if (frontmatterStyle) {
    const perKind: Array<[RelationKind, TextEdit]> = [];
    for (const [kind, others] of byKind) {
      const edit = frontmatterEdit(adr, self, kind, others);
      if (edit) perKind.push([kind, edit]);
    }
    // New keys inserted at one place become one edit, so one pass writes them all.
    for (const [kind, edit] of perKind) {
      const atPoint = (other: TextEdit) => other.range[0] === other.range[1] && other.range[0] === edit.range[0];
      const same = atPoint(edit) ? perKind.filter(([, other]) => atPoint(other)) : [];
      edits.set(kind, same.length > 1 ? { range: edit.range, text: same.map(([, other]) => other.text).join('') } : edit);
    }
    return edits;
  }
  if (!place) return edits;
  const eol = lineEnding(adr.text);
  const lines = [...byKind].flatMap(([kind, others]) => others.map((other) => bodyLine(adr, self, place, kind, other)));
  const separator = place.form === 'section' ? `${eol}${eol}` : eol;
  const prefix = place.form === 'bullet' ? place.prefix : '';
  const edit: TextEdit = { range: [place.at, place.at], text: lines.map((line) => `${separator}${prefix}${line}`).join('') };
  for (const kind of byKind.keys()) edits.set(kind, edit);
  return edits;
}
