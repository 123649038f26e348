// The record of an ADR that is in the set but not being linted, read from the file's head when
// that is exact: a fast path of the one record builder (src/parse/record.ts), given a parse of the
// head instead of the file; the builder reads the rest from a full parse if anything asks for it.
// Set rules read other records' name, numbers, title, date and relations only. A file that opens
// (after any frontmatter) with a plain `# N. Title` line, and whose body below it mentions no
// relation word, holds all of those in its head: a body date from the few lines below the title
// and before the first section, parsed on their own; without one, the frontmatter and the title line
// with no markdown parse. Anything else is parsed in full.
import type { Catalogue } from '../model/catalogue.ts';
import { parseAdr, parseHead } from './parse-adr.ts';
import { TooComplexError } from './complexity.ts';
import { buildRecord, resumedRecord, storedRecord } from './record.ts';
import { recordOfStored, type StoredEntry } from '../io/cache-entry.ts';
import { SUCCESSOR_WORD } from '../model/status.ts';
import type { AdrRecord, ParsedAdr } from '../model/types.ts';

// Every relation key and phrase src/parse/record-relations.ts reads contains one of these (supersedes,
// superseded_by, "Superceded by", amends, amended-by, extends, a status "Replaced by ...", ...).
const RELATION_WORD = new RegExp(`super[sc]ed|amend|extend|${SUCCESSOR_WORD.source}`, 'iu');
// A title whose text is its source: no escapes, entities, inline markup or closing hashes.
const PLAIN_TITLE = /^# +([^\\`*_[\]<>&!{}~|#\r\n]*[^\\`*_[\]<>&!{}~|#\s])[ \t]*$/;

// A record's date is a frontmatter `date` (read with the frontmatter, no markdown parse needed) or
// a `Date:` line between the title and the first section; where the word is nowhere there, the
// body gives none.
const DATE_WORD = /date/i;
// The first section heading (`##` or deeper): the record reads no date past it.
const SECTION_HEADING = /^ {0,3}#{2,6}(?:[ \t]|$)/m;
// What could run past a cut before that heading (a fence, an HTML block): then the cut is not exact.
const SPANNING = /```|~~~|</;

/** The record from the file's head (its other fields read from a full parse on first use), or null when only a full parse can tell. */
export function headRecord(path: string, source: string, catalogue: Catalogue): AdrRecord | null {
  const head = parsedHead(path, source, catalogue);
  return head && buildRecord(head, catalogue, () => parseAdr(path, source, catalogue));
}

/**
 * A record the cache kept: its head as stored, its other fields from the stored body on first use,
 * or, for a record kept as read from its head (or a body that is not a record's), from a parse.
 */
export function cachedRecord(stored: StoredEntry, source: string, catalogue: Catalogue): AdrRecord {
  const head = stored.record as AdrRecord;
  const full = () => parseAdr(head.path, source, catalogue);
  const body = stored.body;
  return body === undefined ? resumedRecord(head, catalogue, full) : storedRecord(head, catalogue, () => recordOfStored(stored.record, body), full);
}

/** A parse of the file's head that tells the head fields exactly, or null. */
function parsedHead(path: string, source: string, catalogue: Catalogue): ParsedAdr | null {
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bom ? source.slice(1) : source;
  if (text.includes('\r')) return null;
  let at = 0;
  let frontmatterEnd: number | null = null;
  if (text.startsWith('---\n')) {
    const close = text.indexOf('\n---\n', 3);
    if (close < 0) return null;
    frontmatterEnd = close + 4;
    at = close + 5;
  }
  while (text.charCodeAt(at) === 10) at++;
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(at, lineEnd < 0 ? text.length : lineEnd);
  const heading = PLAIN_TITLE.exec(line);
  if (!heading) return null;
  const bodyStart = lineEnd < 0 ? text.length : lineEnd + 1;
  if (RELATION_WORD.test(text.slice(bodyStart))) return null;
  const section = SECTION_HEADING.exec(text.slice(bodyStart));
  const headEnd = section ? bodyStart + section.index : text.length;
  if (DATE_WORD.test(text.slice(bodyStart, headEnd))) return parsedPrefix(path, source, bom, bodyStart, headEnd, catalogue);
  // No date in the body: the frontmatter and the title are all the head fields need (a prefix of the file, so
  // every range is the file's own), built without a markdown parse.
  const title = heading[1]!;
  return parseHead(path, source.slice(0, bom + bodyStart), frontmatterEnd, { lineStart: at, lineEnd: at + line.length, start: at + line.indexOf(title), text: title });
}

/** The part of the file before its first section, parsed on its own (a few lines), or null when only a full parse can tell. */
function parsedPrefix(path: string, source: string, bom: number, bodyStart: number, headEnd: number, catalogue: Catalogue): ParsedAdr | null {
  if (SPANNING.test(source.slice(bom + bodyStart, bom + headEnd))) return null;
  try {
    return parseAdr(path, source.slice(0, bom + headEnd), catalogue);
  } catch (error) {
    // Only a full parse can tell; it reports the file.
    if (error instanceof TooComplexError) return null;
    throw error;
  }
}
