// The record stage of a run: each file's record and, for a linted file, its file rules' problems,
// from the cache when its content (and its folder's conventions) are unchanged, else for a file of
// the set from its head when that is exact, else from a parse (on worker threads when there are
// enough files).
import { dirname } from 'node:path';
import type { Catalogue } from '../../model/catalogue.ts';
import type { ResolvedConfig } from '../../model/config.ts';
import type { SetConventions } from '../../model/types.ts';
import type { LintCache } from '../../io/cache.ts';
import { conventionsFingerprint } from '../../parse/conventions.ts';
import { headRecord } from '../../parse/record-head.ts';
import type { FileOutcome, FileWork } from '../file-work.ts';
import { runFileWorks, type Concurrency } from '../worker-pool.ts';
import type { RunFile } from './run-file.ts';

/**
 * Give each file its record from the cache or, for a file of the set, from its head. Returns the
 * files left to parse.
 */
export function recordsFromCacheOrHead(files: readonly RunFile[], cache: LintCache | null, conventions: ReadonlyMap<string, SetConventions>, catalogue: Catalogue): RunFile[] {
  const toParse: RunFile[] = [];
  for (const file of files) {
    if (file.error !== undefined) continue;
    if (file.linted) file.conventions = conventions.get(dirname(file.path));
    const hit = cache?.get(file.path, file.hash);
    if (hit && (file.linted ? hit.messages && (hit.conventions ?? '') === fingerprintOf(file) : true)) {
      file.readBy = 'cache';
      // A record the cache keeps as read from the head is read from it again: its other fields were never read.
      file.record = (hit.record.partial && headRecord(file.path, file.source, catalogue)) || hit.record;
      if (file.linted) file.fileMessages = hit.messages!;
    } else if (!file.linted && (file.record = headRecord(file.path, file.source, catalogue) ?? undefined)) {
      // Most files of the set give their record from their first lines; only the rest are parsed.
      file.readBy = 'head';
      cache?.set(file.path, { hash: file.hash, record: file.record, messages: null });
    } else {
      file.readBy = 'parse';
      toParse.push(file);
    }
  }
  return toParse;
}

export interface ParseStage {
  config: ResolvedConfig;
  catalogue: Catalogue;
  concurrency: Concurrency;
  cache: LintCache | null;
  /** Called with the number of files done so far (those with a record already count as done). */
  onDone?: (finished: number) => void;
}

/** Parse the files left (a linted file's file rules run with its parse), and keep what they gave. */
export async function parseFiles(files: readonly RunFile[], stage: ParseStage): Promise<void> {
  const works: FileWork[] = files.map((file) => ({
    path: file.path,
    source: file.source,
    mode: file.linted ? 'lint' : 'record',
    ...(file.linted && file.conventions ? { conventions: file.conventions } : {}),
  }));
  const outcomes = await runFileWorks(works, stage.config, stage.catalogue, stage.concurrency, stage.onDone);
  let keptText = 0;
  files.forEach((file, i) => {
    const outcome = outcomes[i]!;
    keepOutcome(file, outcome, stage.cache);
    // The parse of a linted file made in this thread goes on to its set rules and fix, up to a
    // bound: a tree weighs tens of times its text, and all are held until the set rules run. Past
    // it, a file is parsed again only if a set rule's fix needs its tree.
    if ('adr' in outcome && outcome.adr && file.linted && keptText + file.source.length <= KEPT_PARSES_TEXT) {
      file.adr = outcome.adr;
      keptText += file.source.length;
    }
  });
}

// The most text (UTF-16 units) whose parses a run keeps from its file rules for its set rules.
const KEPT_PARSES_TEXT = 4_000_000;

function keepOutcome(file: RunFile, outcome: FileOutcome, cache: LintCache | null): void {
  if ('error' in outcome) {
    // A file of the set that cannot be parsed is not in the set; a linted one is reported.
    if (file.linted) file.error = outcome.error;
    return;
  }
  file.record = outcome.record;
  if (!file.linted) {
    cache?.set(file.path, { hash: file.hash, record: outcome.record, messages: null });
    return;
  }
  file.fileMessages = outcome.messages ?? [];
  const fingerprint = fingerprintOf(file);
  cache?.set(file.path, { hash: file.hash, record: outcome.record, messages: outcome.messages, ...(fingerprint ? { conventions: fingerprint } : {}) });
}

function fingerprintOf(file: RunFile): string {
  return file.conventions ? conventionsFingerprint(file.conventions) : '';
}
