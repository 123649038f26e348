// A record built from a parse of its file's head (src/parse/record-head.ts) is complete all the
// same: the fields a head tells exactly are kept as read, and the others are read from a full
// parse of the file the first time anything reads one of them (a report, a link into the file).
// Set rules read only the head fields of the records they do not lint, so most such files are
// never parsed in full; a reader need not know which kind of record it holds.
import type { AdrRecord } from '../model/types.ts';
import { BODY_FIELDS, HEAD_FIELDS, type HeadField } from '../model/record-fields.ts';

type HeadFields = Pick<AdrRecord, HeadField>;

// Records whose full parse failed (too complex to parse): their body fields are the unread ones.
const unreadable = new WeakSet<AdrRecord>();

/**
 * `head` with its body fields read from `readBody()` on first use, except those `known` gives.
 * Written to the cache (JSON) as it was read, with `partial: true`, unless the body has been read by then.
 */
export function withBodyOnDemand(head: AdrRecord, readBody: () => AdrRecord, known: Partial<Pick<AdrRecord, 'directives'>> = {}): AdrRecord {
  let body: AdrRecord | null = null;
  // Dropped once read: it holds the file's text.
  let read: (() => AdrRecord) | null = readBody;
  const record = {} as AdrRecord;
  const bodyOf = (): AdrRecord => {
    if (body !== null) return body;
    try {
      body = read!();
    } catch {
      // As the head alone tells it: a file adrlint will not parse in full is reported when it is linted.
      body = unreadBody(head);
      unreadable.add(record);
    }
    read = null;
    return body;
  };
  for (const key of HEAD_FIELDS) Object.assign(record, { [key]: head[key] });
  for (const key of BODY_FIELDS) {
    if (Object.hasOwn(known, key)) Object.defineProperty(record, key, { value: known[key as keyof typeof known], enumerable: true });
    else Object.defineProperty(record, key, { get: () => bodyOf()[key], enumerable: true });
  }
  Object.defineProperty(record, 'toJSON', { value: () => body ?? { ...unreadBody(head), partial: true } });
  return record;
}

/** Whether a record's body could not be read (its file is too complex to parse): its anchors are unknown, not none. */
export function bodyUnreadable(record: AdrRecord): boolean {
  return unreadable.has(record);
}

/** The head fields, and the body fields as "not read". */
function unreadBody(head: AdrRecord): AdrRecord {
  const fields: HeadFields = { path: head.path, folder: head.folder, name: head.name, fileNumber: head.fileNumber, number: head.number, title: head.title, date: head.date, relations: head.relations };
  return { ...fields, format: 'unknown', h1Count: 1, h1Range: head.h1Range, frontmatterTitle: null, status: null, sections: [], anchors: [], links: [], images: [], patterns: [] };
}
