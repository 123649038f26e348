// Which open ADRs depend on one that changed, so that their diagnostics are refreshed. The set rules
// read only the head fields of the records they do not lint (src/model/record-fields.ts): a change
// of one of those (number, title, date, relations, name) may change any other problem of its set
// (its folder); a change of its headings' anchors only those of the ADRs that link to it.
import { dirname } from 'node:path';
import { isExternalUrl, resolveLinkPath, splitUrl } from '../parse/link-targets.ts';
import { HEAD_FIELDS } from '../model/record-fields.ts';
import type { AdrRecord } from '../model/types.ts';

/** What the other ADRs of a set may read of this record. */
export interface SeenBySet {
  head: string;
  anchors: string;
}

export function seenBySet(record: AdrRecord | null): SeenBySet {
  if (record === null) return { head: '', anchors: '' };
  return { head: JSON.stringify(HEAD_FIELDS.map((key) => record[key])), anchors: record.anchors.join('\0') };
}

export interface OpenAdr {
  uri: string;
  path: string;
  /** Its last linted record, if it is an ADR. */
  record: AdrRecord | null;
}

/** The open ADRs that depend on the one at `path`, given what the set saw of it before and sees now. */
export function dependentsOf(path: string, before: SeenBySet, now: SeenBySet, open: readonly OpenAdr[], root: string): OpenAdr[] {
  const others = open.filter((adr) => adr.path !== path);
  if (before.head !== now.head) return others.filter((adr) => dirname(adr.path) === dirname(path));
  if (before.anchors !== now.anchors) return others.filter((adr) => adr.record !== null && linksTo(adr.record, path, root));
  return [];
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
