// Offsets ↔ 1-based line/column, the one conversion every diagnostic goes through.
// Line endings are LF, CRLF and lone CR, as micromark counts them, so positions agree with mdast.
import type { LineIndex, Position } from './types.ts';

export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) starts.push(i + 1);
    else if (code === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return {
    position(offset: number): Position {
      let clamped = Math.max(0, Math.min(offset, text.length));
      // Between the CR and the LF of one line break is not a column: it is the next line's start.
      if (clamped > 0 && text.charCodeAt(clamped - 1) === 13 && text.charCodeAt(clamped) === 10) clamped++;
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if ((starts[mid] ?? 0) <= clamped) low = mid;
        else high = mid - 1;
      }
      return { line: low + 1, column: clamped - (starts[low] ?? 0) + 1 };
    },
    offset({ line, column }: Position): number {
      const start = starts[Math.max(0, Math.min(line - 1, starts.length - 1))] ?? 0;
      return Math.min(start + column - 1, text.length);
    },
  };
}
