// `adrlint renumber`: the set around a record read from disk, the plan (src/engine/renumber-plan.ts)
// checked whole, then written: every edited file first, then the rename. Nothing is written when
// any step would fail.
import { realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { discoverFiles, folderEntries, UsageError } from '../io/files.ts';
import { findRepositoryRoot } from '../io/project-index.ts';
import { isTrackedByGit, renameFile, renameRefusal, writeRefusal } from '../io/rename-file.ts';
import { readRegularFile } from '../io/safe-write.ts';
import { writeFixedFile } from '../io/write-fixed-file.ts';
import type { Catalogue } from '../model/catalogue.ts';
import type { ResolvedConfig } from '../model/config.ts';
import { fileNumber, isDateName, isTemplateName, nextFreeNumber } from '../model/naming.ts';
import { parseAdr } from '../parse/parse-adr.ts';
import { buildRecord } from '../parse/record.ts';
import { editedText, planRenumber, renumberedName, type PlanFile, type RenumberPlan } from '../engine/renumber-plan.ts';

/** A renumbering refused, with its one-line reason. */
export class RenumberRefused extends Error {}

export interface RenumberChange {
  path: string;
  before: string;
  after: string;
}

export interface RenumberOutcome {
  plan: RenumberPlan;
  /** Each edited file's text before and after (the record under its old path). */
  changes: RenumberChange[];
  /** Whether the rename goes through git. */
  git: boolean;
  /** Another record keeps the old number: references by number alone were left as they are. */
  shared: boolean;
}

const MARKDOWN = /\.(?:md|markdown)$/i;

/** The numbers the folder's records use, by markdown file name (templates left out). */
function folderNumbers(folder: string): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const name of folderEntries(folder)) {
    if (!MARKDOWN.test(name) || isTemplateName(name)) continue;
    const number = fileNumber(name);
    if (number !== null) numbers.set(name, number);
  }
  return numbers;
}

/** The files whose references are rewritten: the record's folder (its README and index pages too) and the set a run lints. */
async function setFiles(target: string, cwd: string, config: ResolvedConfig): Promise<string[]> {
  const paths = new Set<string>();
  const folder = dirname(target);
  for (const name of folderEntries(folder)) if (MARKDOWN.test(name)) paths.add(join(folder, name));
  try {
    // Real paths, as the record's own: a file reached through a symbolic link is edited once.
    for (const path of (await discoverFiles([], cwd, config)).files) paths.add(realPath(path));
  } catch (error) {
    // No ADR folder configured or found around cwd: the record's own folder is the set.
    if (!(error instanceof UsageError)) throw error;
  }
  return [...paths].sort();
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function planFile(path: string, catalogue: Catalogue): PlanFile {
  const adr = parseAdr(path, readRegularFile(path), catalogue);
  return { path, adr, record: buildRecord(adr, catalogue) };
}

/** The plan for renumbering `file` to `to` (default: the folder's next free number), checked; throws RenumberRefused. */
export async function planRenumberOnDisk(file: string, to: number | null, cwd: string, config: ResolvedConfig, catalogue: Catalogue): Promise<RenumberOutcome> {
  let target: string;
  try {
    target = realpathSync(resolve(cwd, file));
  } catch {
    throw new RenumberRefused(`${file} does not exist`);
  }
  const name = basename(target);
  const current = fileNumber(name);
  if (isDateName(name)) throw new RenumberRefused(`${file} is named by its date, not by a number`);
  if (!MARKDOWN.test(name) || current === null) throw new RenumberRefused(`${file} has no number in its name`);
  const folder = dirname(target);
  const numbers = folderNumbers(folder);
  const number = to ?? nextFreeNumber(folderEntries(folder));
  if (number === current) throw new RenumberRefused(`${file} already has number ${number}`);
  const holder = [...numbers].find(([other, used]) => used === number && other !== name);
  if (holder) throw new RenumberRefused(`number ${number} is taken by ${holder[0]}`);
  const newName = renumberedName(name, number)!.name;
  const files = (await setFiles(target, cwd, config)).map((path) => planFile(path, catalogue));
  const shared = [...numbers].some(([other, used]) => used === current && other !== name);
  const plan = planRenumber(files.find((entry) => entry.path === target)!, number, files, findRepositoryRoot(folder), shared);
  const refusal = renameRefusal(target, join(folder, newName)) ?? [...plan.edits.keys()].map(writeRefusal).find((reason) => reason !== null) ?? null;
  if (refusal) throw new RenumberRefused(refusal);
  const changes = [...plan.edits].map(([path, edits]) => {
    const adr = files.find((entry) => entry.path === path)!.adr;
    return { path, before: (adr.bom ? '\uFEFF' : '') + adr.text, after: editedText(adr, edits) };
  });
  return { plan, changes, git: isTrackedByGit(target), shared };
}

/**
 * Write the plan: the edited files, then the rename. When a write or the rename fails, the files
 * already written get their text back, so that no half renumbering is left; throws RenumberRefused.
 */
export function writeRenumber(outcome: RenumberOutcome): void {
  const written: RenumberChange[] = [];
  try {
    for (const change of outcome.changes) {
      const result = writeFixedFile(change.path, change.before, change.after);
      if (!result.ok) throw new RenumberRefused(`${change.path} ${result.reason}`);
      written.push(change);
    }
    try {
      renameFile(outcome.plan.from, outcome.plan.to, outcome.git);
    } catch (error) {
      throw new RenumberRefused(`${outcome.plan.from} could not be renamed to ${basename(outcome.plan.to)} (${(error as Error).message.split('\n')[0]})`);
    }
  } catch (error) {
    for (const change of written.reverse()) writeFixedFile(change.path, change.after, change.before);
    throw error;
  }
}

/** A path as shown to the user: relative to cwd. */
export function shownPath(path: string, cwd: string): string {
  return relative(cwd, path) || path;
}
