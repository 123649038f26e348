// The supersede and amend relations of an ADR, as the record reads them: frontmatter keys
// (`supersedes`, `superseded_by`, ...), the status value ("superseded by ADR-0012", "Replaced by
// [5](...)") and body lines that start with a relation word ("Amended by [9](0009-x.md)").
import type { List, Nodes, Parents, RootContent } from 'mdast';
import { isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { startsWithSuccessor } from '../model/status.ts';
import type { AdrRelation, Field, ParsedAdr, RelationKind } from '../model/types.ts';
import { frontmatterField, nodeRange } from './frontmatter.ts';
import { offsets } from './node-range.ts';

/** Relation keywords as written in prose (adr-tools spells "Superceded"). */
// "Partially supersedes" is not a supersede: the older record still stands, so it is not read.
const RELATION_WORDS: Array<[RegExp, RelationKind]> = [
  [/^(?:effectively\s+)?super[sc]eded\s+by\b/i, 'superseded-by'],
  [/^(?:effectively\s+)?super[sc]edes\b/i, 'supersedes'],
  [/^amended\s+by\b/i, 'amended-by'],
  [/^amends\b/i, 'amends'],
  // "Extends" / "Extended by": the older record stands and is added to, as with an amendment.
  [/^extended\s+by\b/i, 'amended-by'],
  [/^extends\b/i, 'amends'],
];

export const FRONTMATTER_RELATIONS: Array<[string, RelationKind]> = [
  ['supersedes', 'supersedes'],
  ['superseded-by', 'superseded-by'],
  ['superseded_by', 'superseded-by'],
  ['supersededBy', 'superseded-by'],
  ['amends', 'amends'],
  ['amended-by', 'amended-by'],
  ['amended_by', 'amended-by'],
];

// "ADR-0031", "ADR 31", "#31", "0031" in a relation line that has no link. A bare unpadded
// number ("in 2024") is not a reference.
const NUMBER_REFERENCE = /(?:\bADR[- ]?|#)(\d{1,6})\b|\b(0\d{2,5})\b/gi;
// "parts of [ADR 32]", "partially", "in part": the older record still stands.
const PARTIAL = /\b(?:partial(?:ly)?|parts?\s+of|in\s+part)\b/i;

// "0031-sprayproxy": a file name without its extension.
const FILE_NUMBER = /^(\d{1,6})-/;

/** A reference to another ADR as written: a link target or a number. */
function referenceTarget(raw: string): Pick<AdrRelation, 'target' | 'number'> {
  const text = raw.trim().replace(/^["']|["']$/g, '');
  if (/[/\\]|\.(md|markdown|html?)$/i.test(text)) return { target: text, number: null };
  const match = /^(?:ADR[- ]?|#)?0*(\d{1,6})$/i.exec(text);
  if (match) return { target: null, number: Number(match[1]) };
  // "0031-sprayproxy" without an extension: a file name.
  if (FILE_NUMBER.test(text)) return { target: `${text}.md`, number: null };
  return { target: text, number: null };
}

/** Every relation of the ADR, each once: from the frontmatter, the status value, then the body. */
export function relationsOf(adr: ParsedAdr, status: Field | null): AdrRelation[] {
  const relations: AdrRelation[] = [];
  frontmatterRelations(adr, relations);
  if (status) statusRelations(adr, status, relations);
  bodyRelations(adr, adr.tree.children, relations);
  return dedupeRelations(relations);
}

function frontmatterRelations(adr: ParsedAdr, into: AdrRelation[]): void {
  for (const [key, kind] of FRONTMATTER_RELATIONS) {
    const field = frontmatterField(adr.frontmatter, key);
    if (!field || !adr.frontmatter) continue;
    const node = field.node;
    const items: YamlNode[] = node && isSeq(node) ? (node.items as YamlNode[]) : node ? [node] : [];
    for (const item of items) {
      if (!isScalar(item) || item.value === null || item.value === '') continue;
      const raw = typeof item.value === 'string' ? item.value : String(item.source ?? item.value);
      into.push({ kind, ...referenceTarget(raw), raw, range: nodeRange(adr.frontmatter, item), inFrontmatter: true });
    }
  }
}

/**
 * Relations in the status value itself ("superseded by ADR-0012", "accepted; supersedes ADR-0045",
 * "superseded by [20201016-x](20201016-x.md)").
 */
function statusRelations(adr: ParsedAdr, status: Field, into: AdrRelation[]): void {
  let offset = 0;
  for (const part of status.value.split(';')) {
    // "Replaced by ADR-0012", "remplacé par [ADR 5](...)": a superseded synonym names the successor too.
    const kind = RELATION_WORDS.find(([pattern]) => pattern.test(part.replace(/[*_]/g, '').trim()))?.[1] ?? (startsWithSuccessor(part) ? 'superseded-by' : undefined);
    const start = status.range[0] + offset;
    const end = start + part.length;
    if (kind) {
      const links = adr.links.filter((link) => link.range[0] >= start && link.range[1] <= end);
      for (const link of links) into.push({ kind, ...referenceTarget(link.url), raw: link.url, range: link.range });
      if (links.length === 0) {
        for (const match of part.matchAll(NUMBER_REFERENCE)) {
          const at = start + match.index;
          into.push({ kind, target: null, number: Number(match[1] ?? match[2]), raw: match[0], range: [at, at + match[0].length] });
        }
      }
    }
    offset += part.length + 1;
  }
}

/** Relations written in body text: a line that starts with a keyword, its links or numbers. */
function bodyRelations(adr: ParsedAdr, nodes: readonly RootContent[], into: AdrRelation[]): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'list') {
      for (const item of node.children) bodyRelations(adr, item.children, into);
      continue;
    }
    if (node.type !== 'paragraph') continue;
    const range = offsets(node);
    if (!range) continue;
    // Each source line of the paragraph on its own: "Superseded by [x](y)" may follow "Accepted".
    const raw = adr.text.slice(range[0], range[1]);
    let lineStart = 0;
    for (const line of raw.split(/\r\n|\r|\n/)) {
      const start = range[0] + lineStart;
      lineStart += line.length + (raw.slice(lineStart + line.length).match(/^(?:\r\n|\r|\n)/)?.[0].length ?? 0);
      const trimmed = line.replace(/^[\s>*_-]*/, '').replace(/\*\*|__/g, '');
      const kind = RELATION_WORDS.find(([pattern]) => pattern.test(trimmed))?.[1];
      if (!kind) continue;
      const lineEnd = start + line.length;
      const links = linksWithin(node, start, lineEnd);
      if (links.length > 0) {
        for (const link of links) into.push({ kind, ...referenceTarget(link.url), raw: link.url, range: link.range });
      } else if (/:\s*$/.test(trimmed) && nodes[i + 1]?.type === 'list') {
        // "Supersedes:" followed by a list of links.
        for (const item of (nodes[i + 1] as List).children) {
          for (const link of linksWithin(item, 0, Number.MAX_SAFE_INTEGER)) {
            const itemStart = offsets(item)?.[0] ?? link.range[0];
            if (PARTIAL.test(adr.text.slice(itemStart, link.range[0]))) continue;
            into.push({ kind, ...referenceTarget(link.url), raw: link.url, range: link.range });
          }
        }
      } else {
        for (const match of line.matchAll(NUMBER_REFERENCE)) {
          const digits = match[1] ?? match[2] ?? '';
          into.push({ kind, target: null, number: Number(digits), raw: match[0], range: [start + match.index, start + match.index + match[0].length] });
        }
      }
    }
  }
}

function linksWithin(node: Nodes, start: number, end: number): Array<{ url: string; range: [number, number] }> {
  const found: Array<{ url: string; range: [number, number] }> = [];
  const visit = (child: Nodes) => {
    if (child.type === 'link') {
      const range = offsets(child);
      if (range && range[0] >= start && range[1] <= end) found.push({ url: child.url, range });
      return;
    }
    if ('children' in child) for (const grandchild of (child as Parents).children) visit(grandchild);
  };
  visit(node);
  return found;
}

function dedupeRelations(relations: AdrRelation[]): AdrRelation[] {
  const seen = new Set<string>();
  return relations.filter((relation) => {
    const key = `${relation.kind}:${relation.range[0]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
