// Parse once: the mdast tree, the frontmatter YAML document with node ranges
// (src/parse/frontmatter.ts), the declared pattern references (declarations.ts) and the body's
// links, images and prose mentions (body.ts). Rules read the result; they never parse again.
import type { Root } from 'mdast';
import type { Catalogue } from '../model/catalogue.ts';
import { createLineIndex } from '../model/positions.ts';
import type { Frontmatter, LineIndex, ParsedAdr } from '../model/types.ts';
import { parseBounded } from './bounded-parse.ts';
import { readDirectives } from './directives.ts';
import { readFrontmatter } from './frontmatter.ts';
import { readDeclarations } from './declarations.ts';
import { collectBody } from './body.ts';

/**
 * The markdown parse adrlint builds on, bounded (src/parse/bounded-parse.ts): throws TooComplexError for
 * a text it will not parse or that took too long.
 */
export function parseMarkdown(text: string): Root {
  return parseBounded(text);
}


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
