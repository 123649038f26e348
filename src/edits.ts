// Minimal text edits on YAML source, shared by the rules that fix frontmatter.
import type { TextEdit } from './types.ts';

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
