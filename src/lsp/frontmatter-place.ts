// Which frontmatter key (and list item) a cursor is in, read from the lines as they are being typed:
// `status: acc|`, `patterns: [saga-pattern, cq|]`, a block list's `  - sa|`, a key of a list item of
// mappings (`patterns:\n  - slug: saga-pattern\n    category: Tra|`). Read line by line rather than
// from the YAML parse, since a completion is asked for in the middle of writing: a half-written
// item (`[saga-pattern, |`, `  - |`, an open quote) has no node of its own to be found in.
import type { Position, Range } from 'vscode-languageserver';

export interface FrontmatterPlace {
  /** The key whose value holds the cursor: `patterns`, `status`, `category`, `supersedes`... */
  key: string;
  /** For a key of a list item's mapping (`  - slug: x` / `    category: y`), the list's key (`patterns`); else null. */
  parent: string | null;
  /** The cursor is in an item of a list (flow `[a, b]` or block `- a`), not in a single value. */
  item: boolean;
  /** The value (or item) written there, without its quotes: what a completion replaces. */
  range: Range;
  text: string;
  /** The quote the value is written in (`"`, `'`), or '' when it is not quoted. */
  quote: string;
}

/** The lines of a text as LSP counts them (LF, CRLF and a lone CR end a line). */
export const linesOf = (text: string): string[] => text.split(/\r\n|\r|\n/);

/** The lines of the frontmatter (0-based, the fences excluded), or null without one. */
export function frontmatterLines(lines: readonly string[]): { first: number; last: number } | null {
  if (lines[0]?.replace(/^\uFEFF/, '').trimEnd() !== '---') return null;
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  return close === -1 ? null : { first: 1, last: close - 1 };
}

// `key: value` at any indent, or as the first key of a list item (`- slug: x`).
const KEY_LINE = /^([ \t]*)(-[ \t]+)?([A-Za-z_][\w.-]*)[ \t]*:(?=[ \t]|$)/;
const ITEM_LINE = /^([ \t]*)-(?=[ \t]|$)[ \t]*/;

const indentOf = (line: string): number => /^[ \t]*/.exec(line)![0].length;
const blank = (line: string): boolean => line.trim() === '' || /^[ \t]*#/.test(line);

/** Where in the frontmatter `position` is, or null outside it or outside any value. */
export function frontmatterPlace(lines: readonly string[], position: Position): FrontmatterPlace | null {
  const bounds = frontmatterLines(lines);
  if (bounds === null || position.line < bounds.first || position.line > bounds.last) return null;
  const line = lines[position.line] ?? '';
  const key = KEY_LINE.exec(line);
  if (key && position.character >= key[0].length) {
    const name = key[3]!;
    const rest = key[0].length;
    const indent = key[1]!.length;
    const parent = key[2] !== undefined ? itemListKey(lines, bounds.first, position.line, indent) : indent > 0 ? mappingParent(lines, bounds.first, position.line, indent) : null;
    const flow = /^[ \t]*\[/.exec(line.slice(rest));
    if (flow) {
      const span = flowItem(line, rest + flow[0].length, position.character);
      return span && { key: name, parent, item: true, ...valueAt(line, position.line, span) };
    }
    return { key: name, parent, item: false, ...valueAt(line, position.line, [rest, scalarEnd(line, rest)]) };
  }
  const item = ITEM_LINE.exec(line);
  if (!item || key || position.character < item[0].length) return null;
  const list = itemListKey(lines, bounds.first, position.line, item[1]!.length);
  if (list === null) return null;
  return { key: list, parent: null, item: true, ...valueAt(line, position.line, [item[0].length, scalarEnd(line, item[0].length)]) };
}

/**
 * The key of the list whose item (its dash at `indent`) is the line `at`: the nearest line above
 * that is less indented, or as indented for a list not indented under its key (`patterns:\n- a`),
 * and is a `key:` with nothing after it on its line. Null for an item of no key.
 */
function itemListKey(lines: readonly string[], first: number, at: number, indent: number): string | null {
  for (let i = at - 1; i >= first; i--) {
    const text = lines[i]!;
    if (blank(text)) continue;
    const own = indentOf(text);
    if (own > indent || (own === indent && ITEM_LINE.test(text))) continue;
    const key = KEY_LINE.exec(text);
    return key && key[2] === undefined && valueless(text, key) ? key[3]! : null;
  }
  return null;
}

/**
 * The key that holds an indented key (at `indent`) of the line `at`: for a key of a list item's
 * mapping (`  - slug: x` then `    category: y`), the list's key; for a key of a nested mapping, its key.
 */
function mappingParent(lines: readonly string[], first: number, at: number, indent: number): string | null {
  for (let i = at - 1; i >= first; i--) {
    const text = lines[i]!;
    const own = indentOf(text);
    if (blank(text) || own >= indent) continue;
    if (ITEM_LINE.test(text)) return itemListKey(lines, first, i, own);
    const key = KEY_LINE.exec(text);
    return key && key[2] === undefined && valueless(text, key) ? key[3]! : null;
  }
  return null;
}

/** Whether a key line has no value on it (a comment aside): its value is the lines below. */
const valueless = (text: string, key: RegExpExecArray): boolean => /^[ \t]*(#.*)?$/.test(text.slice(key[0].length));

/** The [start, end) of the flow list item that holds `character` (the items start at `open`), or null past its `]`. */
function flowItem(line: string, open: number, character: number): [number, number] | null {
  let start = open;
  for (let i = open; i < line.length; i++) {
    const char = line[i]!;
    if (char === '"' || char === "'") {
      const close = line.indexOf(char, i + 1);
      i = close === -1 ? line.length : close;
      continue;
    }
    if (char !== ',' && char !== ']') continue;
    if (character <= i) return [start, i];
    if (char === ']') return null;
    start = i + 1;
  }
  return character >= start ? [start, line.length] : null;
}

/** Where a plain or quoted value that starts at `start` ends: before a ` # comment`, or the line's end. */
function scalarEnd(line: string, start: number): number {
  const comment = /[ \t]#/.exec(line.slice(start));
  return comment && !/^[ \t]*["']/.test(line.slice(start)) ? start + comment.index : line.length;
}

/** The value in [start, end) of the line: its spaces and quotes left out. */
function valueAt(line: string, lineNumber: number, [start, end]: [number, number]): Pick<FrontmatterPlace, 'range' | 'text' | 'quote'> {
  while (start < end && /[ \t]/.test(line[start]!)) start++;
  while (end > start && /[ \t]/.test(line[end - 1]!)) end--;
  let quote = '';
  if (line[start] === '"' || line[start] === "'") {
    quote = line[start]!;
    start++;
    const close = line.indexOf(quote, start);
    if (close !== -1 && close < end) end = close;
  }
  const range = { start: { line: lineNumber, character: start }, end: { line: lineNumber, character: end } };
  return { range, text: line.slice(start, end), quote };
}

/** Whether `position` falls within `range` (its ends included). */
export function within(range: Range, position: Position): boolean {
  const { start, end } = range;
  if (position.line < start.line || position.line > end.line) return false;
  if (position.line === start.line && position.character < start.character) return false;
  return !(position.line === end.line && position.character > end.character);
}
