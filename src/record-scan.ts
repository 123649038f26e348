// The record of an ADR that is in the set but not being linted, read without parsing the whole
// file when that is exact. Set rules read other records' name, numbers, title and relations only.
// A file that opens (after any frontmatter) with a plain `# N. Title` line, and whose body below
// it mentions no relation word, holds all of those in its head: with no relation word in the head
// either, no parse at all; else only the head (frontmatter and title) is parsed. Anything else is
// parsed in full.
import { basename, dirname } from 'node:path';
import type { Catalogue } from './catalogue.ts';
import { parseHead } from './parse.ts';
import { buildRecord, fileNumber, TITLE_NUMBER } from './record.ts';
import { SUCCESSOR_WORD } from './status.ts';
import type { AdrRecord } from './types.ts';

// Every relation key and phrase src/record.ts reads contains one of these (supersedes,
// superseded_by, "Superceded by", amends, amended-by, a status "Replaced by ...", ...).
const RELATION_WORD = new RegExp(`super[sc]ed|amend|${SUCCESSOR_WORD.source}`, 'iu');
// A title whose text is its source: no escapes, entities, inline markup or closing hashes.
const PLAIN_TITLE = /^# +([^\\`*_[\]<>&!{}~|#\r\n]*[^\\`*_[\]<>&!{}~|#\s])[ \t]*$/;

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
  if (RELATION_WORD.test(text.slice(0, bodyStart))) {
    // Relations in the frontmatter or the title: the same code reads them from the head alone
    // (a prefix of the file, so every range is the file's own), built without a markdown parse.
    const head = parseHead(path, source.slice(0, bom + bodyStart), frontmatterEnd, { lineStart: at, lineEnd: at + line.length, start: at + line.indexOf(heading[1]!), text: heading[1]! });
    return { ...buildRecord(head, catalogue), partial: true };
  }
  const title = heading[1]!;
  const titleStart = at + line.indexOf(title);
  const h1Range: [number, number] = [at, at + line.length];
  const numbered = TITLE_NUMBER.exec(title);
  const name = basename(path);
  return {
    path,
    folder: dirname(path),
    name,
    format: 'unknown',
    fileNumber: fileNumber(name),
    number: numbered ? { value: Number(numbered[1]), text: numbered[1]!, range: [titleStart + title.indexOf(numbered[1]!), titleStart + title.indexOf(numbered[1]!) + numbered[1]!.length] } : null,
    title: title.replace(TITLE_NUMBER, '').trim(),
    // Not read from the head: set rules never read these of another record.
    h1Count: 1,
    h1Range,
    frontmatterTitle: null,
    status: null,
    date: null,
    relations: [],
    sections: [],
    anchors: [],
    links: [],
    images: [],
    patterns: [],
    partial: true,
  };
}
