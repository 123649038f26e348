// The set rules' problems of a linted file, kept in the cache with what they were found from, so
// that a warm run recomputes only what changed. A set rule reads three things beside its own file
// (whose content the cache entry is keyed on): the head fields of the set's records (the set rules
// read nothing else of the records they do not lint: test/set-cache.test.ts holds them to it), the
// files around (the ProjectIndex), and the run's day, root and folder conventions. The first and
// the last are one key (the run's fingerprint and the folder's conventions); the files around are
// recorded call by call as the rules ask (a dependency list), and checked again by asking the same
// questions.
import { createHash } from 'node:crypto';
import type { AdrRecord, ProjectIndex, SetConventions } from '../model/types.ts';
import { conventionsFingerprint } from '../parse/conventions.ts';
import type { SetDependency, SetResult } from '../io/cache.ts';
import { HEAD_FIELDS } from '../model/record-fields.ts';

const digest = (text: string) => createHash('sha1').update(text).digest('base64url');

/**
 * What every set rule of the run sees of the set: each record's head fields, in the set's order,
 * the day, the repository root. Two runs with the same fingerprint give the set rules the same records.
 */
export function setFingerprint(records: readonly AdrRecord[], today: string, root: string): string {
  const hash = createHash('sha1').update(`${today}\0${root}\0${records.length}\0`);
  for (const record of records) hash.update(JSON.stringify(HEAD_FIELDS.map((key) => record[key]))).update('\0');
  return hash.digest('base64url');
}

const conventionKeys = new WeakMap<SetConventions, string>();

/** The key of a file's set-rule problems: the run's fingerprint and its folder's conventions (which a set rule may read too). */
export function setKey(fingerprint: string, conventions: SetConventions | undefined): string {
  if (!conventions) return fingerprint;
  let key = conventionKeys.get(conventions);
  if (key === undefined) conventionKeys.set(conventions, (key = conventionsFingerprint(conventions)));
  return key ? `${fingerprint}.${key}` : fingerprint;
}

/** The run's view for checking recorded dependencies, and for recording them. */
export interface SetView {
  project: ProjectIndex;
  /** The content hash of each file of the set, by path. */
  hashes: ReadonlyMap<string, string>;
}

function listDigest(view: SetView, folder: string, memo: Map<string, string>): string {
  let known = memo.get(folder);
  if (known === undefined) memo.set(folder, (known = digest(view.project.list(folder).join('\0'))));
  return known;
}

const listDigests = new WeakMap<SetView, Map<string, string>>();

function listsOf(view: SetView): Map<string, string> {
  let memo = listDigests.get(view);
  if (!memo) listDigests.set(view, (memo = new Map()));
  return memo;
}

const anchorsDigest = (anchors: readonly string[] | null) => (anchors === null ? '-' : digest(anchors.join('\0')));

/** What the project answers now to the question a dependency asked. */
function answerNow(view: SetView, [kind, path]: SetDependency): string {
  switch (kind) {
    case 'exists':
      return view.project.exists(path) ? '1' : '0';
    case 'dir':
      return view.project.isDirectory(path) ? '1' : '0';
    case 'list':
      return listDigest(view, path, listsOf(view));
    case 'record':
      return view.hashes.get(path) ?? '';
    case 'anchors':
      return anchorsDigest(view.project.anchors(path));
  }
}

/** Whether every question the set rules asked of the files around still has the same answer. */
export function dependenciesHold(dependencies: readonly SetDependency[], view: SetView): boolean {
  return dependencies.every((dependency) => answerNow(view, dependency) === dependency[2]);
}

/**
 * The run's project, recording what the set rules ask of it. A file of the set needs no record of
 * whether it exists (the fingerprint holds the set's paths), and its anchors are its content's.
 */
export function recordingProject(view: SetView): { project: ProjectIndex; dependencies: () => SetDependency[] } {
  const { project, hashes } = view;
  const asked = new Map<string, SetDependency>();
  const note = (dependency: SetDependency) => {
    const key = `${dependency[0]}\0${dependency[1]}`;
    if (!asked.has(key)) asked.set(key, dependency);
  };
  const recorded: ProjectIndex = {
    root: project.root,
    complete: project.complete,
    exists: (path) => {
      const exists = project.exists(path);
      if (!hashes.has(path)) note(['exists', path, exists ? '1' : '0']);
      return exists;
    },
    isDirectory: (path) => {
      const directory = project.isDirectory(path);
      if (!hashes.has(path)) note(['dir', path, directory ? '1' : '0']);
      return directory;
    },
    anchors: (path) => {
      const anchors = project.anchors(path);
      const hash = hashes.get(path);
      note(hash !== undefined ? ['record', path, hash] : ['anchors', path, anchorsDigest(anchors)]);
      return anchors;
    },
    list: (folder) => {
      const names = project.list(folder);
      note(['list', folder, listDigest(view, folder, listsOf(view))]);
      return names;
    },
  };
  return { project: recorded, dependencies: () => [...asked.values()] };
}

/** A cached result of the set rules, if it was found from what this run would give them. */
export function heldSetResult(result: SetResult | undefined, fingerprint: string, view: SetView): SetResult | null {
  return result && result.key === fingerprint && dependenciesHold(result.dependencies, view) ? result : null;
}
