// Where an mdast node is in the file, as record building reads it.

/** The [start, end) offsets of a node, or null for a node without a position. */
export function offsets(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): [number, number] | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : [start, end];
}

/** The source line that starts at `start`: [start, end of line). */
export function lineOf(text: string, start: number): [number, number] {
  let end = start;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return [start, end];
}
