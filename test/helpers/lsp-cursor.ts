// For the language server's pure functions (completion, hover, definition): a text with a cursor
// marker `‸` turned into the text and its LSP position (0-based line, UTF-16 character), and the
// set view a lint of that text in a folder of ADRs on the disk (test/helpers/cli.ts `fixture`) gives,
// as the server's setView does.
import { join } from 'node:path';
import type { Position } from 'vscode-languageserver';
import { lintText } from '../../src/lsp/lint-document.ts';
import { fixture } from './cli.ts';
import type { LspSetView } from '../../src/lsp/set-view.ts';

export const CURSOR = '‸';

/** The text without its one cursor marker, and the marker's position. */
export function cursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf(CURSOR);
  if (at === -1 || marked.indexOf(CURSOR, at + 1) !== -1) throw new Error(`one ${CURSOR} expected in ${JSON.stringify(marked)}`);
  const before = marked.slice(0, at).split(/\r\n|\r|\n/);
  return { text: marked.slice(0, at) + marked.slice(at + 1), position: { line: before.length - 1, character: before[before.length - 1]!.length } };
}

export interface AtCursor {
  root: string;
  text: string;
  position: Position;
  /** The document's absolute path. */
  path: string;
  view: LspSetView;
}

/**
 * A folder of `files` with the marked text as the file `path` (relative), and the set view of that
 * text at its cursor: a lint of it, as the server runs one.
 */
export async function atCursor(files: Record<string, string>, path: string, marked: string): Promise<AtCursor> {
  const { text, position } = cursor(marked);
  const root = fixture({ ...files, [path]: text });
  const file = join(root, path);
  const { records, catalogue, config, conventions } = (await lintText(root, file, text)).outcome;
  return { root, text, position, path: file, view: { records, catalogue, config, conventions } };
}
