// How hard a markdown text is to parse, read in one pass before parsing it. micromark (under
// remark-parse) is superlinear on some shapes: `- ` × 8,000 then a word takes a minute, `>` × 40,000
// two, and its tree then overflows the stack of any recursive walk. Shapes no ADR has (containers
// nested past markdown-it's default limit, a run of a thousand emphasis markers, brackets nested a
// thousand deep) are refused outright, with what was found; for the rest, a generous estimate of
// the parse time tells src/bounded-parse.ts whether to parse on a thread it can stop.
import type { Root } from 'mdast';

/** Containers (lists and block quotes) nested on one line: markdown-it's default `maxNesting`. */
export const MAX_NESTING = 100;
/** One run of `*` or `_`: real text has a few, a fill-in blank a few dozen. */
export const MAX_MARKER_RUN = 1000;
/** `[` open at once in one paragraph. */
export const MAX_BRACKET_DEPTH = 1000;
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

// Costs measured on micromark's worst shapes (a 2-core machine, busy): any line costs at most
// ~20 µs a character (short list items); the superlinear shapes inside one block of text (lazy
// lines, emphasis and link resolution, raw HTML left open) at most ~10 ns per square character of
// the block; containers at most ~800 ns per square level of each line.
const NS_PER_CHAR = 20_000;
const NS_PER_BLOCK_CHAR_SQUARED = 10;
const NS_PER_LINE_LEVEL_SQUARED = 800;

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

function number(value: number): string {
  return value.toLocaleString('en-US');
}

interface Deepest {
  depth: number;
  line: number;
  lists: boolean;
  quotes: boolean;
}

/** Measure `text` (a BOM is one more character): linear in its length, no allocation per line. */
export function measureMarkdown(text: string): MarkdownMeasure {
  const deepest: Deepest = { depth: 0, line: 0, lists: false, quotes: false };
  let longestRun = { length: 0, marker: '', line: 0 };
  let deepestBrackets = { depth: 0, line: 0 };
  let fence: { marker: number; length: number } | null = null;
  let blockLength = 0;
  let brackets = 0;
  let blockCost = 0;
  let levelCost = 0;
  let line = 0;
  for (let start = 0; start <= text.length; ) {
    line++;
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== LF && text.charCodeAt(end) !== CR) end++;
    const next = end + (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);
    const prefix = containerPrefix(text, start, end);
    levelCost += prefix.depth * prefix.depth;
    if (prefix.contentStart === end) {
      // A blank line ends the block of text (and every paragraph in it).
      blockCost += blockLength * blockLength;
      blockLength = 0;
      brackets = 0;
    } else blockLength += next - start;
    const fenceLine = fenceOf(text, prefix.contentStart, end);
    if (fence) {
      if (fenceLine && fenceLine.marker === fence.marker && fenceLine.length >= fence.length && fenceLine.closing) fence = null;
    } else if (fenceLine) fence = fenceLine;
    else {
      if (prefix.depth > deepest.depth) Object.assign(deepest, { depth: prefix.depth, line, lists: prefix.lists, quotes: prefix.quotes });
      // A thematic break (`* * *`, `___`) is no emphasis and opens nothing.
      if (!prefix.thematicBreak) {
        const inline = scanInline(text, prefix.contentStart, end, brackets);
        brackets = inline.brackets;
        if (inline.longestRun > longestRun.length) longestRun = { length: inline.longestRun, marker: inline.runMarker, line };
        if (inline.deepestBrackets > deepestBrackets.depth) deepestBrackets = { depth: inline.deepestBrackets, line };
      }
    }
    start = next;
  }
  blockCost += blockLength * blockLength;
  const estimatedMs = (text.length * NS_PER_CHAR + blockCost * NS_PER_BLOCK_CHAR_SQUARED + levelCost * NS_PER_LINE_LEVEL_SQUARED) / 1e6;
  return { problem: problemOf(deepest, longestRun, deepestBrackets), estimatedMs };
}

function problemOf(deepest: Deepest, run: { length: number; marker: string; line: number }, brackets: { depth: number; line: number }): string | null {
  if (deepest.depth > MAX_NESTING) {
    const what = deepest.lists && deepest.quotes ? 'nested lists and block quotes' : deepest.lists ? 'nested list levels' : 'nested block quotes';
    return `${number(deepest.depth)} ${what} on line ${number(deepest.line)} (adrlint stops at ${MAX_NESTING})`;
  }
  if (run.length > MAX_MARKER_RUN) return `a run of ${number(run.length)} "${run.marker}" on line ${number(run.line)} (adrlint stops at ${number(MAX_MARKER_RUN)})`;
  if (brackets.depth > MAX_BRACKET_DEPTH)
    return `${number(brackets.depth)} "[" open at once on line ${number(brackets.line)} (adrlint stops at ${number(MAX_BRACKET_DEPTH)})`;
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

/** The container markers at the start of the line `[start, end)`. */
function containerPrefix(text: string, start: number, end: number): Prefix {
  const breakFrom = thematicBreakStart(text, start, end);
  const prefix: Prefix = { depth: 0, lists: false, quotes: false, contentStart: start, thematicBreak: false };
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
  return prefix;
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

/** Emphasis marker runs and `[` nesting in the content `[start, end)`, brackets carried over from the lines before. */
function scanInline(text: string, start: number, end: number, openBrackets: number): { longestRun: number; runMarker: string; brackets: number; deepestBrackets: number } {
  let longestRun = 0;
  let runMarker = '';
  let run = 0;
  let brackets = openBrackets;
  let deepestBrackets = openBrackets;
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at);
    if ((code === 0x2a || code === 0x5f) && run > 0 && text.charCodeAt(at - 1) === code) run++;
    else run = code === 0x2a || code === 0x5f ? 1 : 0;
    if (run > longestRun) {
      longestRun = run;
      runMarker = text[at]!;
    }
    if (code === 0x5c /* \ */) at++;
    else if (code === 0x5b /* [ */) deepestBrackets = Math.max(deepestBrackets, ++brackets);
    else if (code === 0x5d /* ] */ && brackets > 0) brackets--;
  }
  return { longestRun, runMarker, brackets, deepestBrackets };
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
  const stack: Array<{ node: { children?: unknown[] }; depth: number }> = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > deepest) deepest = depth;
    for (const child of node.children ?? []) stack.push({ node: child as { children?: unknown[] }, depth: depth + 1 });
  }
  return deepest > MAX_TREE_DEPTH ? `markup nested ${number(deepest)} levels deep (adrlint stops at ${MAX_TREE_DEPTH})` : null;
}
