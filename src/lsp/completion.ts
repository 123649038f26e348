// Completion in an ADR. In the frontmatter: the catalogue's slugs under `patterns:` (and `slug:`),
// its categories under `categories:` and in `category:`, the set's statuses under `status:`, and the
// other ADRs of the folder under a relation key (`supersedes:`, `superseded_by:`, ...) written as the
// set writes its references. In the body, in a link's destination: the set's ADRs as relative paths
// after `](`, and the heading anchors of the linked ADR (or of this one) after `#`.
import { dirname } from 'node:path';
import { CompletionItemKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { configForFile } from '../model/config.ts';
import { readStatus, statusVocabulary } from '../model/status.ts';
import { plural } from '../model/plural.ts';
import type { AdrRecord } from '../model/types.ts';
import { FRONTMATTER_RELATIONS } from '../parse/record-relations.ts';
import { isExternalUrl } from '../parse/link-targets.ts';
import { encodeDestination, relativeHref } from '../../rules/support/link-edits.ts';
import { DEFAULT_STYLE, itemStyle, quotedValue, referenceValue, valueStyle, type ItemStyle } from '../../rules/support/missing-relation-edits.ts';
import { categoryItems, isCategoryPlace, isSlugPlace, slugItems } from './catalogue.ts';
import { frontmatterPlace, linesOf, type FrontmatterPlace } from './frontmatter-place.ts';
import { documentRecord, folderRecords, otherRecords, recordFacts, recordSummary, recordTitle, referencedRecord } from './set-records.ts';
import type { LspSetView } from './set-view.ts';

/** The frontmatter keys a supersede or amend reference is written under. */
export const FRONTMATTER_RELATION_KEYS = new Set(FRONTMATTER_RELATIONS.map(([key]) => key));

/** The completions at `position` in the document `path` (its text as in the editor); empty where there are none. */
export function completions(text: string, position: Position, path: string, view: LspSetView): CompletionItem[] {
  const lines = linesOf(text);
  const place = frontmatterPlace(lines, position);
  if (place) return frontmatterCompletions(place, text, path, view);
  return linkCompletions(lines[position.line] ?? '', position, text, path, view);
}

/** Whether `position` is a place that may have completions at all (a frontmatter key's value, a link's destination): asked before the set is read. */
export function offersCompletion(text: string, position: Position): boolean {
  const lines = linesOf(text);
  return frontmatterPlace(lines, position) !== null || DESTINATION.test((lines[position.line] ?? '').slice(0, position.character));
}

function frontmatterCompletions(place: FrontmatterPlace, text: string, path: string, view: LspSetView): CompletionItem[] {
  if (isSlugPlace(place)) return slugItems(view.catalogue, place.range);
  if (isCategoryPlace(place)) return categoryItems(view.catalogue, place.range);
  if (place.key === 'status' && place.parent === null && !place.item) return statusItems(place.range, path, view);
  if (FRONTMATTER_RELATION_KEYS.has(place.key) && place.parent === null) return referenceItems(place, text, path, view);
  return [];
}

/**
 * The set's statuses: adr-status's vocabulary (the config's, else the folder template's, else the
 * defaults, capitalised where the folder writes its statuses so), then, beside the defaults, the
 * words the folder's ADRs write that adr-status takes as they are ("Implemented", "Replaced").
 */
function statusItems(range: Range, path: string, view: LspSetView): CompletionItem[] {
  const config = configForFile(view.config, path);
  const vocabulary = statusVocabulary(config, view.conventions.get(dirname(path))?.template ?? null);
  const from = vocabulary.source === 'config' ? 'the config' : vocabulary.source === 'template' ? `the template ${vocabulary.template}` : "adrlint's defaults";
  const written = folderRecords(view, path).flatMap((record) => (record.status ? [record.status.value.trim()] : []));
  const capital = vocabulary.source === 'default' && written.filter((status) => /^\p{Lu}/u.test(status)).length * 2 > written.length;
  const words = vocabulary.statuses.map((status) => ({ word: capital ? status.charAt(0).toUpperCase() + status.slice(1) : status, detail: `status, from ${from}` }));
  const exact = config.rules['adr-status']?.options?.exactVocabulary === true;
  const counts = new Map<string, number>();
  for (const status of written) if (/^[\p{L}][\p{L} -]*$/u.test(status) && readStatus(status, vocabulary, exact).kind === 'known') counts.set(status, (counts.get(status) ?? 0) + 1);
  for (const [word, count] of counts)
    if (!words.some((known) => known.word.toLowerCase() === word.toLowerCase())) words.push({ word, detail: `status, written by ${plural(count, 'ADR')} of this folder` });
  return words.map(({ word, detail }, index) => ({ label: word, kind: CompletionItemKind.EnumMember, detail, sortText: String(index).padStart(4, '0'), textEdit: { range, newText: word } }));
}

/** The other ADRs of the folder as supersede/amend references: numbered or linked as this file, or else the set, writes them. */
function referenceItems(place: FrontmatterPlace, text: string, path: string, view: LspSetView): CompletionItem[] {
  const others = folderRecords(view, path);
  const style = referenceStyle(place, text, path, view);
  return others.map((other) => {
    const value = referenceValue(style, dirname(path), other);
    // Within quotes the user opened, the value alone; else quoted as the set quotes them.
    const newText = place.quote ? value : quotedValue(style, value);
    return { label: value, kind: CompletionItemKind.File, detail: `${recordTitle(other)} — ${recordFacts(other)}`, documentation: recordSummary(other), filterText: `${newText} ${other.name}`, textEdit: { range: place.range, newText } };
  });
}

/**
 * How references are written: numbered or linked as the folder's other ADRs write them (else as this
 * file's other references are, else numbers as in the file names), quoted as this file quotes them
 * (else a number in double quotes). The reference being written is no example: it is left out.
 */
function referenceStyle(place: FrontmatterPlace, text: string, path: string, view: LspSetView): ItemStyle {
  const document = TextDocument.create('file:///style', 'markdown', 0, text);
  const others = document.getText({ start: { line: 0, character: 0 }, end: place.range.start }) + document.getText({ start: place.range.end, end: document.positionAt(text.length) });
  const own = itemStyle(documentRecord(others, path, view).adr, [...FRONTMATTER_RELATION_KEYS]);
  const written = folderRecords(view, path)
    .flatMap((record) => record.relations)
    .find((relation) => relation.inFrontmatter);
  // The records keep a reference's value, not its quotes: a number is quoted (YAML would read it as one), a path need not be.
  const style = written ? valueStyle(written.raw, /^\d+$/.test(written.raw) ? '"' : '') : (own ?? DEFAULT_STYLE);
  return { ...style, quote: own?.quote ?? style.quote };
}

// A link's destination being written: `](path` or `](path#anchor`, up to the cursor.
const DESTINATION = /\]\(<?([^()\s<>#]*)(#[^()\s<>]*)?$/;

function linkCompletions(line: string, position: Position, text: string, path: string, view: LspSetView): CompletionItem[] {
  const match = DESTINATION.exec(line.slice(0, position.character));
  if (!match) return [];
  const written = match[1]!;
  if (isExternalUrl(written)) return [];
  if (match[2] === undefined) {
    const start = position.character - written.length;
    const end = start + /^[^()\s<>#]*/.exec(line.slice(start))![0].length;
    return pathItems(lineRange(position.line, start, end), written, path, view);
  }
  const start = position.character - match[2].length + 1;
  const end = start + /^[^()\s<>]*/.exec(line.slice(start))![0].length;
  const target = written === '' ? documentRecord(text, path, view).record : referencedRecord(view, path, { target: written, number: null });
  return target ? anchorItems(lineRange(position.line, start, end), target) : [];
}

const lineRange = (line: number, start: number, end: number): Range => ({ start: { line, character: start }, end: { line, character: end } });

/** The set's ADRs as links from the document's folder (`./` when the link being written starts so). */
function pathItems(range: Range, written: string, path: string, view: LspSetView): CompletionItem[] {
  const from = dirname(path);
  return otherRecords(view, path).map((record: AdrRecord) => {
    let href = encodeDestination(relativeHref(from, record.path));
    if (written.startsWith('./') && !href.startsWith('.')) href = `./${href}`;
    return { label: href, kind: CompletionItemKind.File, detail: `${recordTitle(record)} — ${recordFacts(record)}`, documentation: recordSummary(record), textEdit: { range, newText: href } };
  });
}

/** The heading anchors of an ADR (GitHub's, as adr-link checks them). */
function anchorItems(range: Range, record: AdrRecord): CompletionItem[] {
  return [...new Set(record.anchors)].map((anchor, index) => ({
    label: anchor,
    kind: CompletionItemKind.Reference,
    detail: `heading anchor in ${record.name}`,
    sortText: String(index).padStart(4, '0'),
    textEdit: { range, newText: anchor },
  }));
}
