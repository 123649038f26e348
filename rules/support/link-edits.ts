// The edits that rewrite a link where it is written (`[text](url)`, `![alt](src)`, or the definition
// of a `[text][ref]`): its file name, its whole path or its #fragment, percent-encoded or between
// angle brackets as the link was. Only when the written text is the URL that was parsed.
import { basename, relative } from 'node:path';
import type { Nodes, Parents } from 'mdast';
import type { ParsedAdr, TextEdit } from '../../src/model/types.ts';
import { decodeUrlPart } from '../../src/parse/link-targets.ts';
import { toPosix } from '../../src/model/paths.ts';

/** A relative link from one folder to a file, with `/` separators. */
export function relativeHref(fromFolder: string, to: string): string {
  const path = toPosix(relative(fromFolder, to));
  return path === '' ? basename(to) : path;
}

/** A path as a markdown link destination: percent-encoded where markdown or URLs need it. */
export function encodeDestination(path: string): string {
  return path
    .split('/')
    .map((segment) => (/^[\w.~-]*$/.test(segment) ? segment : encodeURIComponent(segment).replace(/\(/g, '%28').replace(/\)/g, '%29')))
    .join('/');
}

function offsetsOf(node: Nodes): [number, number] | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : [start, end];
}

const LINK_TYPES = new Set(['link', 'linkReference', 'image', 'imageReference']);

/** A tree's link, image and reference nodes by their source range, and its definitions by identifier. */
interface TreeIndex {
  links: Map<string, Nodes>;
  definitions: Map<string, Nodes>;
}

// Built once per tree: a file with 60,000 broken links builds an edit for each, and walking the
// tree for each would take minutes.
const treeIndexes = new WeakMap<Nodes, TreeIndex>();

/** The tree's index; where two nodes share a range or an identifier, the first in document order. */
function indexOf(tree: Nodes): TreeIndex {
  const known = treeIndexes.get(tree);
  if (known) return known;
  const index: TreeIndex = { links: new Map(), definitions: new Map() };
  // Depth first, in document order, without recursion: a deeply nested file does not overflow the stack.
  const pending: Nodes[] = [tree];
  while (pending.length > 0) {
    const node = pending.pop()!;
    const at = offsetsOf(node);
    if (at && LINK_TYPES.has(node.type) && !index.links.has(`${at[0]}:${at[1]}`)) index.links.set(`${at[0]}:${at[1]}`, node);
    if (node.type === 'definition' && !index.definitions.has(node.identifier)) index.definitions.set(node.identifier, node);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) pending.push((node as Parents).children[i] as Nodes);
  }
  treeIndexes.set(tree, index);
  return index;
}

/** [start, end) of a link destination written from `at` (skipping blanks), without its angle brackets. */
function destinationFrom(text: string, at: number, limit: number): { range: [number, number]; angled: boolean } | null {
  let i = at;
  while (i < limit && /[ \t\r\n]/.test(text.charAt(i))) i++;
  if (text.charAt(i) === '<') {
    const close = text.indexOf('>', i);
    if (close < 0 || close > limit) return null;
    return { range: [i + 1, close], angled: true };
  }
  let depth = 0;
  let j = i;
  while (j < limit) {
    const char = text.charAt(j);
    if (char === '\\') {
      j += 2;
      continue;
    }
    if (/\s/.test(char)) break;
    if (char === '(') depth++;
    else if (char === ')') {
      if (depth === 0) break;
      depth--;
    }
    j++;
  }
  return j > i ? { range: [i, Math.min(j, limit)], angled: false } : null;
}

/** Where the `]` closing the bracket opened at `open` is, skipping escapes and nested brackets; -1 if not before `limit`. */
function closingBracket(text: string, open: number, limit: number): number {
  let depth = 0;
  for (let i = open; i < limit; i++) {
    const char = text.charAt(i);
    if (char === '\\') i++;
    else if (char === '[') depth++;
    else if (char === ']' && --depth === 0) return i;
  }
  return -1;
}

/**
 * Where the URL of the link or image at `range` is written: inside `[text](url "title")` or
 * `![alt](src)`, or in the definition of a `[text][ref]` reference. Null for an autolink or a
 * shape not recognised.
 */
export function linkDestination(adr: ParsedAdr, range: [number, number]): { range: [number, number]; angled: boolean } | null {
  const node = indexOf(adr.tree).links.get(`${range[0]}:${range[1]}`);
  if (!node) return null;
  const { text } = adr;
  if (node.type === 'link') {
    const children = node.children as Nodes[];
    const last = children[children.length - 1];
    const close = last ? offsetsOf(last)?.[1] : range[0] + 1;
    if (close === undefined || text.charAt(close) !== ']' || text.charAt(close + 1) !== '(') return null;
    return destinationFrom(text, close + 2, range[1]);
  }
  if (node.type === 'image') {
    const close = closingBracket(text, range[0] + 1, range[1]);
    if (close < 0 || text.charAt(close + 1) !== '(') return null;
    return destinationFrom(text, close + 2, range[1]);
  }
  if (node.type === 'linkReference' || node.type === 'imageReference') {
    const definition = indexOf(adr.tree).definitions.get(node.identifier);
    const at = definition ? offsetsOf(definition) : null;
    if (!at) return null;
    const label = /^\[(?:[^\\\]]|\\.)*\]:/.exec(text.slice(at[0], at[1]));
    if (!label) return null;
    return destinationFrom(text, at[0] + label[0].length, at[1]);
  }
  return null;
}

/** The destination of the link at `linkRange` as written, when it is the URL that was parsed. */
function writtenDestination(adr: ParsedAdr, linkRange: [number, number], url: string): { start: number; raw: string; rawPath: string; angled: boolean } | null {
  const destination = linkDestination(adr, linkRange);
  if (!destination) return null;
  const [start, end] = destination.range;
  const raw = adr.text.slice(start, end);
  const cut = raw.search(/[?#]/);
  const rawPath = cut >= 0 ? raw.slice(0, cut) : raw;
  // The destination as written must be the URL that was parsed (no entity or escape surprises).
  const unescaped = raw.replace(/\\([!-/:-@[-`{-~])/g, '$1');
  if (decodeUrlPart(unescaped) !== decodeUrlPart(url)) return null;
  return { start, raw, rawPath, angled: destination.angled };
}

/** `path` as written into a destination: percent-encoded, or as is between angle brackets. Null if it cannot be. */
function destinationText(path: string, angled: boolean): string | null {
  if (!angled) return encodeDestination(path);
  return /[<>\r\n]/.test(path) ? null : path;
}

/**
 * The edit that writes `newName` in place of the file name of a link's path, keeping the folder
 * part, the query and the #fragment as written. Null when the written text is not what was parsed.
 */
export function replaceLinkFileName(adr: ParsedAdr, linkRange: [number, number], url: string, newName: string): TextEdit | null {
  const written = writtenDestination(adr, linkRange, url);
  if (!written) return null;
  const text = destinationText(newName, written.angled);
  if (text === null) return null;
  const slash = written.rawPath.lastIndexOf('/');
  return { range: [written.start + slash + 1, written.start + written.rawPath.length], text };
}

/** The edit that writes `newPath` in place of a link's whole path, keeping its query and #fragment. */
export function replaceLinkPath(adr: ParsedAdr, linkRange: [number, number], url: string, newPath: string): TextEdit | null {
  const written = writtenDestination(adr, linkRange, url);
  if (!written) return null;
  const text = destinationText(newPath, written.angled);
  return text === null ? null : { range: [written.start, written.start + written.rawPath.length], text };
}

/** The edit that writes `anchor` in place of a link's #fragment. */
export function replaceLinkFragment(adr: ParsedAdr, linkRange: [number, number], url: string, anchor: string): TextEdit | null {
  const written = writtenDestination(adr, linkRange, url);
  if (!written) return null;
  const hash = written.raw.indexOf('#');
  if (hash < 0) return null;
  const text = /^[\p{L}\p{N}_-]*$/u.test(anchor) ? anchor : encodeURIComponent(anchor);
  return { range: [written.start + hash + 1, written.start + written.raw.length], text };
}
