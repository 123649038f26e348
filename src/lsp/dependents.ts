// Which open ADRs depend on one that changed, so that their diagnostics are refreshed. The set rules
// read only the head fields of the records they do not lint (src/model/record-fields.ts): a change
// of one of those (number, title, date, relations, name) may change any other problem of its set
// (its folder); a change of its headings' anchors only those of the ADRs that link to it.
import { dirname } from 'node:path';
import { isExternalUrl, resolveLinkPath, splitUrl } from '../parse/link-targets.ts';
import { markdownAnchors } from '../parse/record.ts';
import { HEAD_FIELDS } from '../model/record-fields.ts';
import type { AdrRecord } from '../model/types.ts';

/** What the other ADRs of a set may read of this record. */
export interface SeenBySet {
  head: string;
  anchors: string;
}

export const NOTHING_SEEN: SeenBySet = { head: '', anchors: '' };

export function seenBySet(record: AdrRecord | null): SeenBySet {
  if (record === null) return NOTHING_SEEN;
  return { head: JSON.stringify(HEAD_FIELDS.map((key) => record[key])), anchors: record.anchors.join('\0') };
}

/** What an ADR may read of a markdown file that is not one of the set's (a guide it links to): its heading anchors. */
export function seenInText(path: string, text: string): SeenBySet {
  return { head: '', anchors: markdownAnchors(path, text).join('\0') };
}

export interface OpenAdr {
  uri: string;
  path: string;
  /** Its last linted record, if it is an ADR. */
  record: AdrRecord | null;
}

/** The open ADRs that depend on the one at `path`, given what the set saw of it before and sees now. */
export function dependentsOf(path: string, before: SeenBySet, now: SeenBySet, open: readonly OpenAdr[], root: string): OpenAdr[] {
  const headChanged = before.head !== now.head;
  const anchorsChanged = before.anchors !== now.anchors;
  // The links from other folders count whether or not the head changed too.
  return open.filter(
    (adr) => adr.path !== path && ((headChanged && dirname(adr.path) === dirname(path)) || (anchorsChanged && adr.record !== null && linksTo(adr.record, path, root))),
  );
}

/** Whether the record has a relative link to the file at `path` (a link from the repository root counts too when `root` is known). */
function linksTo(record: AdrRecord, path: string, root: string): boolean {
  const folder = dirname(record.path);
  return record.links.some(({ url }) => {
    if (isExternalUrl(url)) return false;
    const target = splitUrl(url).path;
    return target !== '' && resolveLinkPath(target, folder, root) === path;
  });
}
