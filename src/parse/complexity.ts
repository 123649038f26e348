// How hard a markdown text is to parse, read in one pass before parsing it. micromark (under
// remark-parse) is superlinear on some shapes: `- ` × 8,000 then a word takes a minute, `>` × 40,000
// two, and its tree then overflows the stack of any recursive walk. Shapes no ADR has (containers
// nested past markdown-it's default limit, a run of a thousand emphasis markers, hundreds of
// brackets or emphasis openers open at once) are refused outright, saying what was found; for the
// rest, a generous estimate of the parse time tells src/parse/bounded-parse.ts whether to parse on a
// thread it can stop.
import type { Root } from 'mdast';

/** Containers (lists and block quotes) nested on one line: markdown-it's default `maxNesting`. */
export const MAX_NESTING = 100;
/** One run of `*` or `_`: real text has a few, a fill-in blank a few dozen. */
export const MAX_MARKER_RUN = 1000;
/** `[`, or emphasis markers that can only open, open at once in one paragraph (real text: a few). */
export const MAX_OPEN_AT_ONCE = 500;
/** Keys in a frontmatter: the yaml library checks each new key against every other one. */
export const MAX_FRONTMATTER_KEYS = 5000;
/** Depth of the parsed tree: every walk over it stays far from the stack's end. */
export const MAX_TREE_DEPTH = 500;

/** A text adrlint will not parse; the message is what follows the file's name. */
export class TooComplexError extends Error {
  override name = 'TooComplexError';
}

export function tooComplex(reason: string): TooComplexError {
  return new TooComplexError(`is too complex to parse: ${reason}`);
}

export interface MarkdownMeasure {
  /** Why the text is refused ("8,000 nested list levels on line 1 (adrlint stops at 100)"), or null. */
  problem: string | null;
  /** An upper estimate of the parse time, in milliseconds of a slow machine. */
  estimatedMs: number;
}

// Costs measured on micromark's worst shapes (a 2-core machine, busy), with a margin of about 1.5:
// plain text costs at most ~1.5 µs a character, a line at most ~90 µs more (a list item, a
// definition), a mark at most ~60 µs more (a one-letter emphasis); prose runs at 0.5 µs a character,
// so a 60 KB record is estimated at a few hundred ms and parsed where it is asked for. The superlinear shapes inside one block of text (lazy
// lines, emphasis and link resolution, raw HTML left open, nested images) at most ~70 ns per
// character of the block and mark that starts one in it (a line break, or one of MARKS): each may
// scan to the block's end. Containers cost at most ~800 ns per square level of each line.
const NS_PER_CHAR = 1_500;
const NS_PER_LINE = 90_000;
const NS_PER_MARK = 60_000;
const NS_PER_BLOCK_CHAR_MARK = 70;
const NS_PER_LINE_LEVEL_SQUARED = 800;

/** Emphasis, links and images, code, raw HTML, entities and escapes (`*_[]()!<>`, backtick, `&`, backslash), by char code. */
const MARKS = new Uint8Array(128);
for (const mark of '*_[]()!<>`&\\') MARKS[mark.charCodeAt(0)] = 1;

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

const FRONTMATTER_OPENING = /^---[ \t]*(?:\r\n|\r|\n)/;
const FRONTMATTER_CLOSING = /^---[ \t]*(?:\r\n|\r|\n|$)/m;

/** Where a YAML frontmatter block (`---` lines, as remark-frontmatter reads it) ends, or 0. */
function frontmatterEnd(text: string): number {
  const opening = FRONTMATTER_OPENING.exec(text);
  if (!opening) return 0;
  const closing = FRONTMATTER_CLOSING.exec(text.slice(opening[0].length));
  return closing ? opening[0].length + closing.index + closing[0].length : 0;
}

function lineCount(text: string, end: number): number {
  return text.slice(0, end).split(/\r\n|\r|\n/).length - 1;
}

/** The worst of each shape met so far, and its line. */
interface Worst {
  nesting: { depth: number; line: number; lists: boolean; quotes: boolean };
  run: { length: number; marker: string; line: number };
  brackets: { count: number; line: number };
  emphasis: { count: number; line: number };
}

/** What the paragraph so far left open. */
interface Open {
  brackets: number;
  emphasis: number;
}

/** Measure `text`, in one pass over its lines. */
export function measureMarkdown(text: string): MarkdownMeasure {
  const worst: Worst = { nesting: { depth: 0, line: 0, lists: false, quotes: false }, run: { length: 0, marker: '', line: 0 }, brackets: { count: 0, line: 0 }, emphasis: { count: 0, line: 0 } };
  const open: Open = { brackets: 0, emphasis: 0 };
  // One per text, filled for each line in turn.
  const prefix: Prefix = { depth: 0, lists: false, quotes: false, contentStart: 0, thematicBreak: false };
  let fence: { marker: number; length: number } | null = null;
  let blockLength = 0;
  let blockMarks = 0;
  let blockCost = 0;
  let levelCost = 0;
  let marks = 0;
  // The frontmatter is YAML, read by its own parser.
  let start = frontmatterEnd(text);
  let line = start === 0 ? 0 : lineCount(text, start);
  while (start <= text.length) {
    line++;
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
    const next = end + (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);
    containerPrefix(text, start, end, prefix);
    levelCost += prefix.depth * prefix.depth;
    if (prefix.contentStart === end) {
      // A blank line ends the block of text (and every paragraph in it).
      blockCost += blockLength * blockMarks;
      blockLength = 0;
      blockMarks = 0;
      open.brackets = 0;
      open.emphasis = 0;
    } else blockLength += next - start;
    const fenceLine = fenceOf(text, prefix.contentStart, end);
    if (fence) {
      if (fenceLine && fenceLine.marker === fence.marker && fenceLine.length >= fence.length && fenceLine.closing) fence = null;
    } else if (fenceLine) fence = fenceLine;
    else {
      if (prefix.depth > worst.nesting.depth) worst.nesting = { depth: prefix.depth, line, lists: prefix.lists, quotes: prefix.quotes };
      // A thematic break (`* * *`, `___`) is no emphasis and opens nothing.
      if (!prefix.thematicBreak) {
        const lineMarks = scanInline(text, prefix.contentStart, end, line, open, worst);
        marks += lineMarks;
        blockMarks += lineMarks + 1;
      }
    }
    start = next;
  }
  blockCost += blockLength * blockMarks;
  const linear = text.length * NS_PER_CHAR + line * NS_PER_LINE + marks * NS_PER_MARK;
  const estimatedMs = (linear + blockCost * NS_PER_BLOCK_CHAR_MARK + levelCost * NS_PER_LINE_LEVEL_SQUARED) / 1e6;
  return { problem: problemOf(worst), estimatedMs };
}

function problemOf({ nesting, run, brackets, emphasis }: Worst): string | null {
  if (nesting.depth > MAX_NESTING) {
    const what = nesting.lists && nesting.quotes ? 'nested lists and block quotes' : nesting.lists ? 'nested list levels' : 'nested block quotes';
    return `${formatCount(nesting.depth)} ${what} on line ${formatCount(nesting.line)} (adrlint stops at ${MAX_NESTING})`;
  }
  if (run.length > MAX_MARKER_RUN) return `a run of ${formatCount(run.length)} "${run.marker}" on line ${formatCount(run.line)} (adrlint stops at ${formatCount(MAX_MARKER_RUN)})`;
  if (brackets.count > MAX_OPEN_AT_ONCE) return `${formatCount(brackets.count)} "[" open at once on line ${formatCount(brackets.line)} (adrlint stops at ${MAX_OPEN_AT_ONCE})`;
  if (emphasis.count > MAX_OPEN_AT_ONCE)
    return `${formatCount(emphasis.count)} emphasis markers open at once on line ${formatCount(emphasis.line)} (adrlint stops at ${MAX_OPEN_AT_ONCE})`;
  return null;
}

interface Prefix {
  /** Containers the line opens or continues: `>` and list markers before its content. */
  depth: number;
  lists: boolean;
  quotes: boolean;
  contentStart: number;
  /** The content is a thematic break, which takes precedence over a list item. */
  thematicBreak: boolean;
}

/** The container markers at the start of the line `[start, end)`, into `prefix`. */
function containerPrefix(text: string, start: number, end: number, prefix: Prefix): void {
  const breakFrom = thematicBreakStart(text, start, end);
  prefix.depth = 0;
  prefix.lists = false;
  prefix.quotes = false;
  prefix.thematicBreak = false;
  let at = start;
  for (;;) {
    while (at < end && isSpace(text.charCodeAt(at))) at++;
    if (at >= breakFrom) {
      prefix.thematicBreak = true;
      break;
    }
    const code = text.charCodeAt(at);
    if (code === 0x3e /* > */) {
      prefix.depth++;
      prefix.quotes = true;
      at++;
      continue;
    }
    const markerEnd = listMarkerEnd(text, at, end);
    if (markerEnd === -1) break;
    prefix.depth++;
    prefix.lists = true;
    at = markerEnd;
  }
  prefix.contentStart = at;
}

/** Where the line's bullet or ordered marker at `at` ends (it needs a space or the line's end after it), or -1. */
function listMarkerEnd(text: string, at: number, end: number): number {
  const code = text.charCodeAt(at);
  let after = at + 1;
  if (code !== 0x2d /* - */ && code !== 0x2a /* * */ && code !== 0x2b /* + */) {
    // An ordered marker: one to nine digits, then `.` or `)`.
    let digits = at;
    while (digits < end && digits - at < 9 && isDigit(text.charCodeAt(digits))) digits++;
    const delimiter = text.charCodeAt(digits);
    if (digits === at || (delimiter !== 0x2e /* . */ && delimiter !== 0x29 /* ) */)) return -1;
    after = digits + 1;
  }
  return after >= end || isSpace(text.charCodeAt(after)) ? after : -1;
}

/**
 * Where the thematic break that ends the line starts (three or more of one of `-*_`, spaces
 * between), or past the line when it does not end in one. From any container marker on, the rest
 * of the line is that break.
 */
function thematicBreakStart(text: string, start: number, end: number): number {
  let marker = 0;
  let count = 0;
  let at = end;
  for (; at > start; at--) {
    const code = text.charCodeAt(at - 1);
    if (isSpace(code)) continue;
    if (marker === 0 && (code === 0x2d || code === 0x2a || code === 0x5f)) marker = code;
    if (code !== marker) break;
    count++;
  }
  return count >= 3 ? at : end + 1;
}

function fenceOf(text: string, at: number, end: number): { marker: number; length: number; closing: boolean } | null {
  const marker = text.charCodeAt(at);
  if (marker !== 0x60 /* ` */ && marker !== 0x7e /* ~ */) return null;
  let after = at;
  while (after < end && text.charCodeAt(after) === marker) after++;
  if (after - at < 3) return null;
  let rest = after;
  while (rest < end && isSpace(text.charCodeAt(rest))) rest++;
  return { marker, length: after - at, closing: rest === end };
}

/**
 * The emphasis marker runs and `[` of the content `[start, end)` of line `line`, and how many
 * MARKS it holds: what they leave open is carried to the paragraph's next line. A run that can
 * only open emphasis (CommonMark's left-flanking, not right-flanking) opens as many as its length;
 * one that can only close, closes.
 */
function scanInline(text: string, start: number, end: number, line: number, open: Open, worst: Worst): number {
  let marks = 0;
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code >= 128 || MARKS[code] === 0) continue;
    marks++;
    if (code === 0x2a /* * */ || code === 0x5f /* _ */) {
      let after = at;
      while (after < end && text.charCodeAt(after) === code) after++;
      const length = after - at;
      marks += length - 1;
      if (length > worst.run.length) worst.run = { length, marker: text[at]!, line };
      const before = at > start ? text.charCodeAt(at - 1) : SPACE;
      const next = after < end ? text.charCodeAt(after) : SPACE;
      const opens = !isSpace(next) && (!isPunctuation(next) || isSpace(before) || isPunctuation(before));
      const closes = !isSpace(before) && (!isPunctuation(before) || isSpace(next) || isPunctuation(next));
      if (opens && !closes) {
        open.emphasis += length;
        if (open.emphasis > worst.emphasis.count) worst.emphasis = { count: open.emphasis, line };
      } else if (closes && !opens) open.emphasis = Math.max(0, open.emphasis - length);
      at = after - 1;
    } else if (code === 0x5c /* \ */) {
      // What a backslash escapes is text.
      at++;
    } else if (code === 0x5b /* [ */) {
      open.brackets++;
      if (open.brackets > worst.brackets.count) worst.brackets = { count: open.brackets, line };
    } else if (code === 0x5d /* ] */ && open.brackets > 0) open.brackets--;
  }
  return marks;
}

/** ASCII punctuation, as CommonMark's flanking rules read it (other characters count as letters here). */
function isPunctuation(code: number): boolean {
  return (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
}

function isSpace(code: number): boolean {
  return code === SPACE || code === TAB;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** Why a parsed tree is too deep for adrlint's walks (emphasis inside emphasis, thousands deep), or null. */
export function treeDepthProblem(tree: Root): string | null {
  let deepest = 0;
  // Two stacks, not one of pairs: every node of every file passes here.
  const nodes: Array<{ children?: unknown[] }> = [tree];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > deepest) deepest = depth;
    if (!node.children) continue;
    for (const child of node.children) {
      nodes.push(child as { children?: unknown[] });
      depths.push(depth + 1);
    }
  }
  return deepest > MAX_TREE_DEPTH ? `markup nested ${formatCount(deepest)} levels deep (adrlint stops at ${MAX_TREE_DEPTH})` : null;
}

// A key's colon: followed by a space or a line's end (a URL's is not).
const KEY_COLON = /:(?=[ \t\r\n]|$)/gm;

/** Why a frontmatter's YAML has too many keys to read (20,000 keys take the yaml library 4 s), or null. */
export function frontmatterKeysProblem(yaml: string): string | null {
  let keys = 0;
  KEY_COLON.lastIndex = 0;
  while (KEY_COLON.exec(yaml) !== null) keys++;
  return keys > MAX_FRONTMATTER_KEYS ? `${formatCount(keys)} keys, too many to read (adrlint stops at ${formatCount(MAX_FRONTMATTER_KEYS)})` : null;
}
