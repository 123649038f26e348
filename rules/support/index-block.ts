// The index block of an ADR set: the lines between `<!-- adrlint-index -->` and
// `<!-- adrlint-index-end -->` in the set's README.md or index.md (or the config's `index:`),
// one entry per ADR in order: number, linked title, status (a superseded record names its
// successor). What the block should say (indexLines), where it is in a file (findIndexBlock), and
// how the written block differs from it (indexDifferences), for the rule adr-index and `adrlint index`.
// A successor is found as adr-supersede finds it (./relations.ts), links are written as the link
// fixes write them (./link-edits.ts), in the file's line ending (./yaml-edits.ts).
import { basename, dirname, join, resolve } from 'node:path';
import type { Root } from 'mdast';
import type { AdrRecord } from '../../src/model/types.ts';
import { fileNumberDigits } from '../../src/model/naming.ts';
import { statusMeaning, statusNamesSuccessor } from '../../src/model/status.ts';
import { INDEX_NAMES } from '../../src/io/index-file.ts';
import { decodeUrlPart, isExternalUrl, splitUrl } from '../../src/parse/link-targets.ts';
import { encodeDestination, relativeHref } from './link-edits.ts';
import { indexRecords, relationRecord, type RecordIndex } from './relations.ts';
export { lineEnding } from './yaml-edits.ts';

export const INDEX_START = '<!-- adrlint-index -->';
export const INDEX_END = '<!-- adrlint-index-end -->';
export { INDEX_NAMES };
export const DEFAULT_INDEX_TEMPLATE = 'table';

/** One line the block should have: a header line of the table, or an ADR's entry. */
export interface IndexLine {
  /** `header:N` for a header line, else the entry's link (what tells an entry in the written block). */
  key: string;
  text: string;
  /** For an entry: the ADR it lists. */
  entry?: { number: string; title: string; status: string; link: string; name: string };
}

/** The records an index lists, in order: by folder, then number (unnumbered records after, by name). */
export function indexedRecords(records: readonly AdrRecord[], indexPath: string): AdrRecord[] {
  return records
    .filter((record) => record.path !== indexPath)
    .sort((a, b) => (a.folder === b.folder ? 0 : a.folder < b.folder ? -1 : 1) || (a.fileNumber ?? Infinity) - (b.fileNumber ?? Infinity) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A path from the index file's folder, as a markdown link target. */
function linkFrom(indexPath: string, target: string): string {
  return encodeDestination(relativeHref(dirname(indexPath), target));
}

const numberOf = (record: AdrRecord): string => fileNumberDigits(record.name) ?? (record.number ? record.number.text : '');

/**
 * The record that supersedes `record`, when its relations or status name one of the set: as
 * adr-supersede reads them, or, for a link that misses (written from the repository root without
 * its "/", as ensembl's are), by the file name it names in the record's folder.
 */
function successorOf(record: AdrRecord, index: RecordIndex): AdrRecord | null {
  for (const relation of record.relations) {
    if (relation.kind !== 'superseded-by') continue;
    const found = relationRecord(relation, record, index) ?? byFileName(relation.target, record.folder, index);
    if (found) return found;
  }
  return null;
}

function byFileName(target: string | null, folder: string, index: RecordIndex): AdrRecord | null {
  if (target === null || isExternalUrl(target)) return null;
  const name = basename(decodeUrlPart(splitUrl(target).path));
  return name === '' ? null : (index.byPath.get(join(folder, name)) ?? index.byPath.get(join(folder, `${name}.md`)) ?? null);
}

/** The status an entry shows: the record's first line of status, or "Superseded by [N](link)". */
function statusText(record: AdrRecord, index: RecordIndex, indexPath: string): string {
  const written = (record.status?.value ?? '').split(/\r?\n/)[0]!.trim();
  const successor = successorOf(record, index);
  const superseded = statusMeaning(written) === 'superseded' || statusNamesSuccessor(written) || /^superseded\b/i.test(written);
  if (successor && (superseded || written === '')) return `Superseded by [${numberOf(successor) || escapeText(successor.title ?? successor.name)}](${linkFrom(indexPath, successor.path)})`;
  // Relative links of the status, written from the record's folder, from the index's.
  return written.replace(/\]\(([^)\s]+)\)/g, (link, target: string) => (/^(?:[a-z][a-z+.-]*:|\/|#)/i.test(target) ? link : `](${relinked(indexPath, record.folder, target)})`));
}

/** A relative link written in a record's folder, from the index's: its path re-encoded, its ?query and #fragment as written. */
function relinked(indexPath: string, folder: string, target: string): string {
  const { path } = splitUrl(target);
  return linkFrom(indexPath, resolve(folder, decodeUrlPart(path))) + target.slice(path.length);
}

const escapeText = (text: string) => text.replace(/([[\]\\])/g, '\\$1');
const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

/**
 * The lines the block should have for `records` (the set's ADRs), as `template` writes them:
 * `table` (a header row, then a row per ADR), `list`, or a line of the user's with `{number}`,
 * `{title}`, `{status}`, `{date}`, `{patterns}` and `{link}`. `root`, the repository's, resolves
 * links that start with "/".
 */
export function indexLines(records: readonly AdrRecord[], indexPath: string, template = DEFAULT_INDEX_TEMPLATE, root = dirname(indexPath)): IndexLine[] {
  const listed = indexedRecords(records, indexPath);
  const index = indexRecords(records, root);
  const lines: IndexLine[] = template === 'table' ? [{ key: 'header:0', text: '| Number | Title | Status |' }, { key: 'header:1', text: '| --- | --- | --- |' }] : [];
  for (const record of listed) {
    const entry = { number: numberOf(record), title: (record.title ?? record.name.replace(/\.(md|markdown)$/, '')).trim(), status: statusText(record, index, indexPath), link: linkFrom(indexPath, record.path), name: record.name };
    const linked = `[${escapeText(entry.title)}](${entry.link})`;
    const text =
      template === 'table'
        ? `| ${entry.number} | ${escapeCell(linked)} | ${escapeCell(entry.status)} |`.replace(/ {2,}\|/g, ' |')
        : template === 'list'
          ? `- ${entry.number ? `${entry.number} ` : ''}${linked}${entry.status ? ` (${entry.status})` : ''}`
          : fill(template, { ...entry, date: record.date?.value ?? '', patterns: record.patterns.join(', ') });
    lines.push({ key: entry.link, text, entry });
  }
  return lines;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(number|title|status|date|patterns|link)\}/g, (_, key: string) => values[key] ?? '');
}

/** The block's text between the markers, in the file's line ending: a blank line, the lines, a blank line. */
export function indexBlockText(lines: readonly IndexLine[], eol: string): string {
  return lines.length === 0 ? eol : `${eol}${eol}${lines.map((line) => line.text).join(eol)}${eol}${eol}`;
}

export type BlockLocation =
  | { kind: 'block'; start: [number, number]; end: [number, number]; content: [number, number] }
  | { kind: 'none' }
  | { kind: 'unclosed'; start: [number, number] }
  | { kind: 'unopened'; end: [number, number] };

/** Where the markers are, from the file's top-level HTML nodes (so markers shown in a code block are not taken). */
export function findIndexBlock(tree: Root): BlockLocation {
  let start: [number, number] | null = null;
  for (const node of tree.children) {
    if (node.type !== 'html' || node.position?.start.offset === undefined || node.position.end.offset === undefined) continue;
    const value = node.value.trim();
    const range: [number, number] = [node.position.start.offset, node.position.end.offset];
    if (value === INDEX_START && start === null) start = range;
    else if (value === INDEX_END) return start ? { kind: 'block', start, end: range, content: [start[1], range[0]] } : { kind: 'unopened', end: range };
  }
  return start ? { kind: 'unclosed', start } : { kind: 'none' };
}

/** One way the written block differs from what it should be, at a range of the file. */
export interface IndexDifference {
  range: [number, number];
  message: string;
}

interface WrittenLine {
  text: string;
  range: [number, number];
  key: string | null;
}

function writtenLines(text: string, content: [number, number], expected: readonly IndexLine[]): WrittenLine[] {
  const lines: WrittenLine[] = [];
  let offset = content[0];
  for (const raw of text.slice(content[0], content[1]).split('\n')) {
    const line = raw.replace(/\r$/, '');
    const range: [number, number] = [offset, offset + line.length];
    offset += raw.length + 1;
    if (line.trim() === '') continue;
    const match = expected.find((candidate) => (candidate.entry ? line.includes(`(${candidate.entry.link})`) || line.includes(`(./${candidate.entry.link})`) : line.trim() === candidate.text));
    lines.push({ text: line.trim(), range, key: match?.key ?? null });
  }
  return lines;
}

/** How the block written at `content` of `text` differs from `expected`; empty exactly when it is what `indexBlockText` writes. */
export function indexDifferences(text: string, location: Extract<BlockLocation, { kind: 'block' }>, expected: readonly IndexLine[], eol: string): IndexDifference[] {
  if (text.slice(...location.content) === indexBlockText(expected, eol)) return [];
  const written = writtenLines(text, location.content, expected);
  const entries = expected.filter((line) => line.entry).length;
  if (written.length === 0) return [{ range: location.start, message: `The index block is empty; it should list ${entries === 1 ? 'the 1 ADR' : `the ${entries} ADRs`} of the set` }];
  const byKey = new Map(written.filter((line) => line.key !== null).map((line) => [line.key!, line]));
  const differences: IndexDifference[] = [];
  expected.forEach((line, index) => {
    const found = byKey.get(line.key);
    if (!found) {
      const next = expected.slice(index + 1).map((later) => byKey.get(later.key)).find(Boolean);
      const at: [number, number] = next ? [next.range[0], next.range[0]] : location.end;
      differences.push({ range: at, message: line.entry ? `The index lacks ADR ${describe(line.entry)}` : `The index table lacks its header line "${line.text}"` });
    } else if (found.text !== line.text && line.entry) differences.push({ range: found.range, message: staleMessage(found.text, line.entry, line.text) });
  });
  for (const line of written) if (line.key === null) differences.push({ range: line.range, message: `The index lists "${clip(line.text)}", which is no ADR of the set` });
  const order = written.filter((line) => line.key !== null).map((line) => line.key);
  const wanted = expected.map((line) => line.key).filter((key) => byKey.has(key));
  const outOfOrder = order.findIndex((key, index) => key !== wanted[index]);
  if (differences.length === 0 && outOfOrder >= 0) differences.push({ range: byKey.get(order[outOfOrder]!)!.range, message: 'The index lists the ADRs out of order' });
  if (differences.length === 0) differences.push({ range: location.start, message: 'The index block is not laid out as adrlint writes it (blank lines or spacing)' });
  return differences.sort((a, b) => a.range[0] - b.range[0]);
}

function describe(entry: NonNullable<IndexLine['entry']>): string {
  return `${entry.number ? `${entry.number} ` : ''}"${entry.title}" (${entry.link})`;
}

function staleMessage(written: string, entry: NonNullable<IndexLine['entry']>, wanted: string): string {
  // The written title: the text of the link to the entry's ADR, when the line links its title.
  const linked = written.indexOf(`](${entry.link})`);
  const open = linked < 0 ? -1 : written.lastIndexOf('[', linked);
  const title = open < 0 ? null : written.slice(open + 1, linked).replace(/\\(.)/g, '$1');
  const rest = open < 0 ? written : written.slice(0, open) + written.slice(linked + entry.link.length + 3);
  if (!rest.includes(entry.status.replace(/\|/g, '\\|')) && !rest.includes(entry.status)) return `The index gives ADR ${describe(entry)} an old status; it is now "${entry.status}"`;
  if (title !== null ? title !== entry.title : !written.includes(entry.title)) return `The index gives ADR ${entry.number || entry.name} an old title; it is now "${entry.title}"`;
  return `The index entry of ADR ${describe(entry)} is not as adrlint writes it: "${clip(wanted)}"`;
}

const clip = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
