// The record of an ADR that is in the set but not being linted, read without parsing the whole
// file when that is exact. Set rules read other records' name, numbers, title, date and relations
// only (the date from the few lines before the first section, parsed on their own).
// A file that opens (after any frontmatter) with a plain `# N. Title` line, and whose body below
// it mentions no relation word, holds all of those in its head: with no relation word in the head
// either, no parse at all; else only the head (frontmatter and title) is parsed. Anything else is
// parsed in full.
import { basename, dirname } from 'node:path';
import type { Catalogue } from '../model/catalogue.ts';
import { parseAdr, parseHead } from './parse-adr.ts';
import { TooComplexError } from './complexity.ts';
import { buildRecord, fileNumber, titleNumber } from './record.ts';
import { SUCCESSOR_WORD } from '../model/status.ts';
import type { AdrRecord } from '../model/types.ts';

// Every relation key and phrase src/parse/record.ts reads contains one of these (supersedes,
// superseded_by, "Superceded by", amends, amended-by, extends, a status "Replaced by ...", ...).
const RELATION_WORD = new RegExp(`super[sc]ed|amend|extend|${SUCCESSOR_WORD.source}`, 'iu');
// A title whose text is its source: no escapes, entities, inline markup or closing hashes.
const PLAIN_TITLE = /^# +([^\\`*_[\]<>&!{}~|#\r\n]*[^\\`*_[\]<>&!{}~|#\s])[ \t]*$/;

// A record's date is a frontmatter `date` or a `Date:` line before the first section; where the
// word is nowhere before it, there is none.
const DATE_WORD = /date/i;
// The first section heading (`##` or deeper): the record reads no date past it.
const SECTION_HEADING = /^ {0,3}#{2,6}(?:[ \t]|$)/m;
// What could run past a cut before that heading (a fence, an HTML block): then the cut is not exact.
const SPANNING = /```|~~~|</;

/**
 * The record's date from the part of the file before its first section, parsed on its own (a few
 * lines): null when it has none, undefined when only a full parse can tell.
 */
function headDate(path: string, source: string, bom: number, bodyStart: number, catalogue: Catalogue): AdrRecord['date'] | undefined {
  const text = source.slice(bom);
  const section = SECTION_HEADING.exec(text.slice(bodyStart));
  const headEnd = section ? bodyStart + section.index : text.length;
  if (!DATE_WORD.test(text.slice(0, headEnd))) return null;
  if (SPANNING.test(text.slice(bodyStart, headEnd))) return undefined;
  try {
    return buildRecord(parseAdr(path, source.slice(0, bom + headEnd), catalogue), catalogue).date;
  } catch (error) {
    // Only a full parse can tell; it reports the file.
    if (error instanceof TooComplexError) return undefined;
    throw error;
  }
}

/** The record from the file's head, or null when only a full parse can tell. */
export function headRecord(path: string, source: string, catalogue: Catalogue): AdrRecord | null {
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
  const date = headDate(path, source, bom, bodyStart, catalogue);
  if (date === undefined) return null;
  if (RELATION_WORD.test(text.slice(0, bodyStart))) {
    // Relations in the frontmatter or the title: the same code reads them from the head alone
    // (a prefix of the file, so every range is the file's own), built without a markdown parse.
    const head = parseHead(path, source.slice(0, bom + bodyStart), frontmatterEnd, { lineStart: at, lineEnd: at + line.length, start: at + line.indexOf(heading[1]!), text: heading[1]! });
    return { ...buildRecord(head, catalogue), date, partial: true };
  }
  const title = heading[1]!;
  const titleStart = at + line.indexOf(title);
  const h1Range: [number, number] = [at, at + line.length];
  const numbered = titleNumber(title);
  const digitsAt = numbered && !numbered.placeholder ? titleStart + numbered.start : null;
  const name = basename(path);
  return {
    path,
    folder: dirname(path),
    name,
    format: 'unknown',
    fileNumber: fileNumber(name),
    number: numbered && digitsAt !== null ? { value: Number(numbered.text), text: numbered.text, range: [digitsAt, digitsAt + numbered.text.length] } : null,
    title: (numbered ? title.slice(numbered.titleStart) : title).trim(),
    // Not read from the head: set rules never read these of another record.
    h1Count: 1,
    h1Range,
    frontmatterTitle: null,
    status: null,
    date,
    relations: [],
    sections: [],
    anchors: [],
    links: [],
    images: [],
    patterns: [],
    partial: true,
  };
}
