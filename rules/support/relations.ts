// Which records of an ADR set a supersede/amend reference names: by number within the same
// folder, or by a link's path (relative, from the repository root, or the `.html` page of an
// `.md` record). Shared by the adr-supersede rule and the set report, so both read a relation
// the same way.
import { basename } from 'node:path';
import type { AdrRecord, AdrRelation } from '../../src/model/types.ts';
import { isExternalUrl, resolveLinkPath, splitUrl, targetCandidates } from '../../src/parse/link-targets.ts';

export interface RecordIndex {
  /** The repository root: link paths starting with "/" resolve from it. */
  root: string;
  byPath: Map<string, AdrRecord>;
  /** `folder \0 number` → records with that file-name number. */
  byFileNumber: Map<string, AdrRecord[]>;
  /** `folder \0 number` → records with that title number. */
  byTitleNumber: Map<string, AdrRecord[]>;
  folders: Set<string>;
}

export type RelationTarget =
  | { kind: 'found'; records: AdrRecord[] }
  /** An external URL, or a reference with no path: nothing to resolve. */
  | { kind: 'skip' }
  | { kind: 'no-number'; number: number }
  /** A path no record of the set has (absolute, as the link names it). */
  | { kind: 'no-file'; path: string };

/** Add `value` to the list `map` holds under `key`. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexRecords(set: readonly AdrRecord[], root: string): RecordIndex {
  const index: RecordIndex = { root, byPath: new Map(), byFileNumber: new Map(), byTitleNumber: new Map(), folders: new Set() };
  for (const record of set) {
    index.byPath.set(record.path, record);
    index.folders.add(record.folder);
    if (record.fileNumber !== null) push(index.byFileNumber, `${record.folder}\0${record.fileNumber}`, record);
    if (record.number) push(index.byTitleNumber, `${record.folder}\0${record.number.value}`, record);
  }
  return index;
}

/** The ADRs of the set a reference names: by number in the same folder (file name first), or by path. */
export function resolveRelation(relation: AdrRelation, from: Pick<AdrRecord, 'folder'>, index: RecordIndex): RelationTarget {
  if (relation.number !== null) {
    const key = `${from.folder}\0${relation.number}`;
    const records = index.byFileNumber.get(key) ?? index.byTitleNumber.get(key) ?? [];
    return records.length > 0 ? { kind: 'found', records } : { kind: 'no-number', number: relation.number };
  }
  const url = relation.target?.trim() ?? '';
  if (url === '' || isExternalUrl(url)) return { kind: 'skip' };
  const { path } = splitUrl(url);
  if (path === '') return { kind: 'skip' };
  const absolute = resolveLinkPath(path, from.folder, index.root);
  const candidates = targetCandidates(absolute);
  if (!/\.[A-Za-z0-9]+$/.test(basename(absolute))) candidates.push(`${absolute}.md`);
  for (const candidate of candidates) {
    const record = index.byPath.get(candidate);
    if (record) return { kind: 'found', records: [record] };
  }
  return { kind: 'no-file', path: absolute };
}

/** The one record a reference names, or null (unresolved, external, or a number two files share). */
export function relationRecord(relation: AdrRelation, from: Pick<AdrRecord, 'folder'>, index: RecordIndex): AdrRecord | null {
  const target = resolveRelation(relation, from, index);
  return target.kind === 'found' && target.records.length === 1 ? target.records[0]! : null;
}
