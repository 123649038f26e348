// Views of an ADR set that set rules share, built once per set (not once per file: with 5,000
// ADRs in a folder, a per-file scan of the folder is 25 million steps).
import type { AdrRecord } from '../../src/model/types.ts';

const byFolder = new WeakMap<readonly AdrRecord[], Map<string, AdrRecord[]>>();
const byNumber = new WeakMap<readonly AdrRecord[], Map<string, AdrRecord[]>>();

/** The records of each folder, in set order. */
export function recordsByFolder(set: readonly AdrRecord[]): Map<string, AdrRecord[]> {
  let index = byFolder.get(set);
  if (!index) {
    index = new Map();
    for (const record of set) {
      const list = index.get(record.folder);
      if (list) list.push(record);
      else index.set(record.folder, [record]);
    }
    byFolder.set(set, index);
  }
  return index;
}

/** The records with a file-name number, by `folder \0 number`. */
export function recordsByFileNumber(set: readonly AdrRecord[]): Map<string, AdrRecord[]> {
  let index = byNumber.get(set);
  if (!index) {
    index = new Map();
    for (const record of set) {
      if (record.fileNumber === null) continue;
      const key = `${record.folder}\0${record.fileNumber}`;
      const list = index.get(key);
      if (list) list.push(record);
      else index.set(key, [record]);
    }
    byNumber.set(set, index);
  }
  return index;
}

/** A value computed once per array (a folder's records), e.g. the folder's naming convention. */
export function memoPerArray<T>(cache: WeakMap<readonly AdrRecord[], T>, records: readonly AdrRecord[], compute: () => T): T {
  if (!cache.has(records)) cache.set(records, compute());
  return cache.get(records) as T;
}
