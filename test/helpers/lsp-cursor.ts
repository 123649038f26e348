// For the language server's pure functions (completion, hover, definition): a text with a cursor
// marker `‸` turned into the text and its LSP position (0-based line, UTF-16 character), and the
// set view a lint of that text in a folder of ADRs on the disk gives (as the server's setView does).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Position } from 'vscode-languageserver';
import { lintText } from '../../src/lsp/lint-document.ts';
import type { LspSetView } from '../../src/lsp/set-view.ts';

export const CURSOR = '‸';

/** The text without its one cursor marker, and the marker's position. */
export function cursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf(CURSOR);
  if (at === -1 || marked.indexOf(CURSOR, at + 1) !== -1) throw new Error(`one ${CURSOR} expected in ${JSON.stringify(marked)}`);
  const before = marked.slice(0, at).split(/\r\n|\r|\n/);
  return { text: marked.slice(0, at) + marked.slice(at + 1), position: { line: before.length - 1, character: before[before.length - 1]!.length } };
}

const roots: string[] = [];

/** A folder holding `files` (paths relative to it). */
export function adrFolder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'adrlint-lsp-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

export function removeAdrFolders(): void {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** The set view of `text` as the file `path` (relative to `root`): a lint of it, as the server runs one. */
export async function setViewOf(root: string, path: string, text: string): Promise<{ path: string; view: LspSetView }> {
  const file = join(root, path);
  const { records, catalogue, config, conventions } = (await lintText(root, file, text)).outcome;
  return { path: file, view: { records, catalogue, config, conventions } };
}
