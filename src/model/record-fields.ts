// Which fields of an AdrRecord a file's head tells exactly, and which need its body: the one list
// the head read (src/parse/record-body.ts), the set rules' cache key (src/run/set-cache.ts) and the
// cache file's two parts (src/io/cache-entry.ts) all go by.
import type { AdrRecord } from './types.ts';

/** What a head tells exactly: the set rules read nothing else of the records they do not lint. */
export const HEAD_FIELDS = ['path', 'folder', 'name', 'fileNumber', 'number', 'title', 'date', 'relations'] as const;
export const BODY_FIELDS = ['format', 'h1Count', 'h1Range', 'frontmatterTitle', 'status', 'sections', 'anchors', 'links', 'images', 'patterns', 'mentioned', 'directives'] as const;

export type HeadField = (typeof HEAD_FIELDS)[number];
export type BodyField = (typeof BODY_FIELDS)[number];

// Every field of a record is one or the other: a field added to AdrRecord and to neither list fails to compile here.
type Unlisted = Exclude<keyof AdrRecord, HeadField | BodyField>;
export const EVERY_FIELD_LISTED: Unlisted extends never ? true : Unlisted = true;
