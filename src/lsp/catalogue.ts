// Completion and hover of the catalogue's pattern slugs in an ADR's frontmatter: under `patterns:`,
// in a flow list (`patterns: [saga-pattern, |]`) or a block list (`  - |`), the slugs with their
// name, category and description; hovering a slug there shows its catalogue entry.
import { CompletionItemKind, MarkupKind, type CompletionItem, type Hover, type Position } from 'vscode-languageserver';
import type { Catalogue, Pattern } from '../model/catalogue.ts';

const SLUG_CHAR = /[A-Za-z0-9_-]/;

/** The lines of the frontmatter (0-based, the opening `---` excluded), or null without one. */
function frontmatterLines(lines: readonly string[]): { first: number; last: number } | null {
  if (lines[0]?.replace(/^\uFEFF/, '').trimEnd() !== '---') return null;
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  return close === -1 ? null : { first: 1, last: close - 1 };
}

/** Whether `position` is in a slug place of `patterns:` (a flow list's item or a block list's item). */
function inPatternsList(lines: readonly string[], position: Position): boolean {
  const bounds = frontmatterLines(lines);
  if (bounds === null || position.line < bounds.first || position.line > bounds.last) return false;
  const before = (lines[position.line] ?? '').slice(0, position.character);
  const flow = /^patterns[ \t]*:[ \t]*\[([^\]]*)$/.exec(before);
  if (flow) return true;
  if (!/^[ \t]*-[ \t]+[A-Za-z0-9_-]*$/.test(before) && !/^[ \t]*-[ \t]*$/.test(before)) return false;
  // A block item: the key it belongs to is the nearest line above that is not an item.
  for (let line = position.line - 1; line >= bounds.first; line--) {
    const text = lines[line]!;
    if (/^[ \t]*-/.test(text) || text.trim() === '') continue;
    return /^patterns[ \t]*:[ \t]*(#.*)?$/.test(text);
  }
  return false;
}

/** The [start, end) characters of the slug-like word at `character` on `line`. */
function wordAt(line: string, character: number): [number, number] {
  let start = character;
  while (start > 0 && SLUG_CHAR.test(line[start - 1]!)) start--;
  let end = character;
  while (end < line.length && SLUG_CHAR.test(line[end]!)) end++;
  return [start, end];
}

const entry = (pattern: Pattern): string =>
  [`**${pattern.name}** (\`${pattern.slug}\`, ${pattern.category})`, pattern.description, ...(pattern.url ? [`[${pattern.url}](${pattern.url})`] : [])].join('\n\n');

/** The slugs to offer at `position`, each replacing the slug being written; empty outside `patterns:`. */
export function slugCompletions(text: string, position: Position, catalogue: Catalogue): CompletionItem[] {
  const lines = text.split(/\r?\n/);
  if (!inPatternsList(lines, position)) return [];
  const [start, end] = wordAt(lines[position.line]!, position.character);
  const range = { start: { line: position.line, character: start }, end: { line: position.line, character: end } };
  return catalogue.patterns.map((pattern) => ({
    label: pattern.slug,
    kind: CompletionItemKind.Value,
    detail: `${pattern.name} (${pattern.category})`,
    documentation: { kind: MarkupKind.Markdown, value: entry(pattern) },
    textEdit: { range, newText: pattern.slug },
  }));
}

/** The catalogue entry of the slug under `position` in `patterns:`; null elsewhere or for a slug the catalogue lacks. */
export function slugHover(text: string, position: Position, catalogue: Catalogue): Hover | null {
  const lines = text.split(/\r?\n/);
  const line = lines[position.line] ?? '';
  const [start, end] = wordAt(line, position.character);
  if (start === end || !inPatternsList(lines, { line: position.line, character: start })) return null;
  const pattern = catalogue.get(line.slice(start, end));
  if (!pattern) return null;
  return { contents: { kind: MarkupKind.Markdown, value: entry(pattern) }, range: { start: { line: position.line, character: start }, end: { line: position.line, character: end } } };
}
