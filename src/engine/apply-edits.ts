// Applying text edits to a source. Edits never overlap once applied: of two overlapping edits
// the earlier one wins and the other waits for the next pass (after a re-lint).
import type { TextEdit } from '../model/types.ts';

export interface AppliedEdits {
  text: string;
  applied: TextEdit[];
  skipped: TextEdit[];
}

export function applyEdits(text: string, edits: readonly TextEdit[]): AppliedEdits {
  const ordered = [...edits].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const applied: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  let out = '';
  let cursor = 0;
  for (const edit of ordered) {
    const [start, end] = edit.range;
    // Adjacent is fine; overlapping (or two insertions at one point) waits.
    const last = applied[applied.length - 1];
    // The same edit carried by several reports (one fix for many problems) applies once.
    if (last && last.range[0] === start && last.range[1] === end && last.text === edit.text) {
      applied.push(edit);
      continue;
    }
    const lastEnd = applied.length ? (applied[applied.length - 1]?.range[1] ?? 0) : -1;
    const lastStart = applied.length ? (applied[applied.length - 1]?.range[0] ?? 0) : -1;
    if (start < lastEnd || (start === lastStart && start === lastEnd && applied.length > 0) || start < 0 || end > text.length || end < start) {
      skipped.push(edit);
      continue;
    }
    out += text.slice(cursor, start) + edit.text;
    cursor = end;
    applied.push(edit);
  }
  out += text.slice(cursor);
  return { text: out, applied, skipped };
}
