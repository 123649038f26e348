// The ADRs of a document's set as completion, hover and definition show them and find them: a
// record's one-line summary (title, status, date), the record a link or a supersede reference
// names (resolved as adr-supersede resolves it: rules/support/relations.ts), and the current
// document's own parse and record, from its text as it is in the editor.
import { dirname } from 'node:path';
import { MarkupKind, type MarkupContent } from 'vscode-languageserver';
import type { AdrRecord, AdrRelation, ParsedAdr } from '../model/types.ts';
import { parseAdr } from '../parse/parse-adr.ts';
import { buildRecord } from '../parse/record.ts';
import { indexRecords, relationRecord } from '../../rules/support/relations.ts';
import type { LspSetView } from './set-view.ts';

/** The document's text parsed, and its record: as the set rules would see it now. */
export function documentRecord(text: string, path: string, view: LspSetView): { adr: ParsedAdr; record: AdrRecord } {
  const adr = parseAdr(path, text, view.catalogue);
  return { adr, record: buildRecord(adr, view.catalogue) };
}

/** Where a record's offsets fall in the editor's text: after a byte order mark, which the parse leaves out. */
export const bomShift = (text: string): number => (text.charCodeAt(0) === 0xfeff ? 1 : 0);

/** "12. Use Kafka", or the file name when the record has no title. */
export function recordTitle(record: AdrRecord): string {
  const title = record.title ?? record.name;
  return record.number ? `${record.number.text}. ${title}` : title;
}

/** "accepted · 2024-03-01": the status (its links' text only: "Superseded by 0021-x") and the date the record gives. */
export function recordFacts(record: AdrRecord): string {
  const status = record.status?.value.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') ?? 'no status';
  return [status, ...(record.date ? [record.date.value] : [])].join(' · ');
}

/** A record's hover: its title, its file, its status and date. */
export function recordSummary(record: AdrRecord): MarkupContent {
  const facts = [`Status: ${record.status?.value ?? '(none)'}`, ...(record.date ? [`Date: ${record.date.value}`] : [])].join(' · ');
  return { kind: MarkupKind.Markdown, value: `**${recordTitle(record)}** (\`${record.name}\`)\n\n${facts}` };
}

/** The other ADRs of the document's folder, in file-name order. */
export function folderRecords(view: LspSetView, path: string): AdrRecord[] {
  const folder = dirname(path);
  return view.records.filter((record) => record.folder === folder && record.path !== path).sort((a, b) => a.name.localeCompare(b.name));
}

/** The set's ADRs but the document, by path. */
export function otherRecords(view: LspSetView, path: string): AdrRecord[] {
  return view.records.filter((record) => record.path !== path).sort((a, b) => a.path.localeCompare(b.path));
}

/** The one ADR of the set a reference (a relation, or a link's URL) written in the document `path` names; null for none. */
export function referencedRecord(view: LspSetView, path: string, reference: Pick<AdrRelation, 'target' | 'number'>): AdrRecord | null {
  const index = indexRecords(view.records, view.config.baseDir);
  return relationRecord({ kind: 'supersedes', raw: '', range: [0, 0], ...reference }, { folder: dirname(path) }, index);
}
