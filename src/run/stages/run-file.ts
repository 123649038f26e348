// One file of a lint run as it goes through the stages of src/run/lint-project.ts: read, its
// record (from the cache, its head or a parse), its file rules' problems, its set rules' problems.
// Each stage fills in what it learns; no stage looks a file up by position in another list.
import type { AdrRecord, Diagnostic, ParsedAdr, SetConventions } from '../../model/types.ts';
import type { SetResult } from '../../io/cache.ts';

export interface RunFile {
  path: string;
  /** Named by the run (linted), or another ADR of a linted file's folder (read for its record only). */
  linted: boolean;
  /** The text as read (BOM included); empty when `error` says it could not be read. */
  source: string;
  /** The content hash the cache is keyed on ('' without a cache). */
  hash: string;
  /** Why a linted file cannot be linted (unreadable, or refused by the parser): a fatal result. */
  error?: string;
  /** Where its record came from: the cache, its head, or a parse of this run (counted in the stats). */
  readBy?: 'cache' | 'head' | 'parse';
  record?: AdrRecord;
  /** A linted file's file-rule problems (from the cache or the parse). */
  fileMessages?: Diagnostic[];
  /** A linted file's set-rule problems kept by the cache, if its entry has them (still to be checked against this run). */
  cachedSet?: SetResult;
  /** The conventions of its folder (file rules read them; the cache keeps their fingerprint). */
  conventions?: SetConventions;
  /** The parse made in this thread for the file rules, handed on to the set rules and the fix. */
  adr?: ParsedAdr;
}

/** The records of a run, in the order of its files (linted files first, then the rest of their folders). */
export function recordsOf(files: readonly RunFile[]): AdrRecord[] {
  return files.flatMap((file) => (file.record ? [file.record] : []));
}
