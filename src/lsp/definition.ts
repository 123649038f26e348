// Go to definition in an ADR: on a link to another ADR of the set (or to a heading of one, with its
// #anchor), or on a supersede/amend reference (`supersedes: ["0009"]`, "Superseded by ADR-0012"),
// the location of that ADR: its file, at the heading the anchor names when there is one.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type Location, type Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AdrRecord } from '../model/types.ts';
import { decodeUrlPart, splitUrl } from '../parse/link-targets.ts';
import { parseMarkdown } from '../parse/parse-adr.ts';
import { anchorPlaces } from '../parse/record.ts';
import { bomShift, documentRecord, referencedRecord } from './set-records.ts';
import type { LspSetView } from './set-view.ts';

/** The text of a file (an open document's, else the disk's), or null when it cannot be read. */
export type ReadText = (path: string) => string | null;

/** Where the ADR that the reference at `position` of the document `path` names is; null on no such reference. */
export function definition(text: string, position: Position, path: string, view: LspSetView, read: ReadText): Location | null {
  const offset = TextDocument.create('file:///definition', 'markdown', 0, text).offsetAt(position) - bomShift(text);
  const { record } = documentRecord(text, path, view);
  const covers = ([start, end]: [number, number]): boolean => start <= offset && offset <= end;
  const references = [...record.relations, ...record.links.map((link) => ({ target: link.url, number: null, range: link.range }))];
  for (const reference of references) {
    if (!covers(reference.range)) continue;
    const target = referencedRecord(view, path, reference);
    if (target) return locationOf(target, reference.target === null ? null : splitUrl(reference.target).fragment, read);
  }
  return null;
}

/** The ADR's file, at the heading (or HTML anchor) `fragment` names when its text has it, else at its top. */
function locationOf(record: AdrRecord, fragment: string | null, read: ReadText): Location {
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const uri = pathToFileURL(record.path).href;
  const text = fragment ? read(record.path) : null;
  if (!fragment || text === null) return { uri, range: top };
  const shift = bomShift(text);
  const body = text.slice(shift);
  const anchor = decodeUrlPart(fragment);
  const place = anchorPlaces({ tree: parseMarkdown(body), text: body }).find((found) => found.anchor === anchor);
  if (!place) return { uri, range: top };
  const start = TextDocument.create(uri, 'markdown', 0, text).positionAt(place.offset + shift);
  return { uri, range: { start, end: start } };
}

/** A file's text as the editor has it: its open document's, else the disk's (null when unreadable). */
export function readOpenOrDisk(documents: { all(): Array<{ uri: string; getText(): string }> }): ReadText {
  return (path) => {
    const uri = pathToFileURL(path).href;
    const open = documents.all().find((document) => document.uri === uri);
    if (open) return open.getText();
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return null;
    }
  };
}
