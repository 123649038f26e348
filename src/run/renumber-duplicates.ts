// adr-number-duplicate's fix: of the records of a folder that share a number, the one that came
// first keeps it and the later ones are renumbered (src/run/renumber.ts), each to the next free
// number of its folder (src/model/naming.ts nextFreeNumber: of the records and of every numbered
// markdown file there, an ADR of the set or not, as `adrlint renumber` counts it). A rename is no text edit, so the problem carries no `fix`: a consumer of text fixes (the
// remark plugin, SARIF, --format json) gets no half fix; the write stage of `--fix` (and
// `--fix-dry-run`, and the Action's review comment) asks this module what to renumber.
import { addedAt } from '../io/git-history.ts';
import { folderEntries } from '../io/files.ts';
import { nextFreeNumber } from '../model/naming.ts';
import type { AdrRecord } from '../model/types.ts';

/** What tells two records of a collision apart, in the order asked. */
export type LaterBy = 'pull request' | 'git history' | 'date' | 'name';

export interface DuplicateRenumber {
  /** The record that keeps the number. */
  keeps: AdrRecord;
  /** The later record, renumbered. */
  record: AdrRecord;
  /** Its new number. */
  to: number;
  /** What made it the later one. */
  by: LaterBy;
}

/** What is known of where records came from: the files the pull request adds, and git's first-add time. */
export interface Origins {
  added?: ReadonlySet<string>;
  addedAt?: (path: string) => number | null;
  /** The names of a folder's files (default: read from disk); the numbers they carry are not given out. */
  list?: (folder: string) => readonly string[];
}

/** Which of two records came later, and by what; 0 when nothing tells them apart. */
function later(a: AdrRecord, b: AdrRecord, origins: Origins, times: Map<string, number | null>): { order: number; by: LaterBy } {
  const added = origins.added;
  if (added && added.has(a.path) !== added.has(b.path)) return { order: added.has(a.path) ? 1 : -1, by: 'pull request' };
  const time = (record: AdrRecord) => {
    if (!times.has(record.path)) times.set(record.path, (origins.addedAt ?? addedAt)(record.path));
    return times.get(record.path)!;
  };
  const [ta, tb] = [time(a), time(b)];
  // A file git does not know yet is newer than one it has recorded.
  if (ta !== tb && !(ta === null && tb === null)) return { order: ta === null ? 1 : tb === null ? -1 : Math.sign(ta - tb), by: 'git history' };
  const [da, db] = [a.date?.value ?? '', b.date?.value ?? ''];
  if (/^\d{4}-\d{2}-\d{2}/.test(da) && /^\d{4}-\d{2}-\d{2}/.test(db) && da.slice(0, 10) !== db.slice(0, 10)) return { order: da.slice(0, 10) < db.slice(0, 10) ? -1 : 1, by: 'date' };
  if (a.name !== b.name) return { order: a.name < b.name ? -1 : 1, by: 'name' };
  return { order: 0, by: 'name' };
}

/**
 * The renumbers that resolve the collisions among `records` (the whole set) that concern `paths`
 * (the files with an adr-number-duplicate problem): for each, every record but the first, the new
 * numbers after the folder's highest (its records' and its files'), in the order of the numbers and
 * then of the records.
 */
export function duplicateRenumbers(records: readonly AdrRecord[], paths: ReadonlySet<string>, origins: Origins = {}): DuplicateRenumber[] {
  const groups = new Map<string, AdrRecord[]>();
  const names = new Map<string, string[]>();
  for (const record of records) {
    names.set(record.folder, [...(names.get(record.folder) ?? []), record.name]);
    if (record.fileNumber === null) continue;
    const key = `${record.folder}\0${record.fileNumber}`;
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  const next = new Map<string, number>();
  const nextOf = (folder: string) => next.get(folder) ?? nextFreeNumber([...(names.get(folder) ?? []), ...(origins.list ?? folderEntries)(folder)]);
  const times = new Map<string, number | null>();
  const out: DuplicateRenumber[] = [];
  const colliding = [...groups.values()].filter((group) => group.length > 1 && group.some((record) => paths.has(record.path)));
  colliding.sort((a, b) => a[0]!.folder.localeCompare(b[0]!.folder) || a[0]!.fileNumber! - b[0]!.fileNumber!);
  for (const group of colliding) {
    const ordered = [...group].sort((a, b) => later(a, b, origins, times).order);
    const first = ordered[0]!;
    for (const record of ordered.slice(1)) {
      const { order, by } = later(first, record, origins, times);
      // Nothing tells them apart: the choice is a guess, left to the user.
      if (order === 0) continue;
      const to = nextOf(record.folder);
      next.set(record.folder, to + 1);
      out.push({ keeps: first, record, to, by });
    }
  }
  return out;
}
