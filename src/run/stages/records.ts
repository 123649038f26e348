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
import { cachedRecord, headRecord } from '../../parse/record-head.ts';
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
      file.record = hit.live ?? cachedRecord(hit, file.source, catalogue);
      if (file.linted) {
        file.fileMessages = hit.messages!;
        if (hit.set) file.cachedSet = hit.set;
      }
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
  // The parse of a linted file made in this thread goes on to its set rules and its fix. A tree
  // weighs tens of times its text and all are held until the set rules run, so only a run with
  // little text to parse keeps them (one small enough to run in one thread by default); in a
  // larger one, a file is parsed again only if a set rule's fix needs its tree.
  const keepParses = files.reduce((text, file) => text + (file.linted ? file.source.length : 0), 0) <= KEPT_PARSES_TEXT;
  const onOutcome = (index: number, outcome: FileOutcome) => {
    const file = files[index]!;
    keepOutcome(file, outcome, stage.cache);
    if (keepParses && file.linted && 'adr' in outcome) file.adr = outcome.adr;
  };
  await runFileWorks(works, stage.config, stage.catalogue, stage.concurrency, onOutcome, stage.onDone);
}

// The most text (UTF-16 code units) of linted files a run parses for which it keeps the parses.
const KEPT_PARSES_TEXT = 1_000_000;

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
