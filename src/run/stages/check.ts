// The check stage of a run, one linted file at a time: the set rules over the records (the file
// rules' problems came with the record), the disable directives, then with --fix the fix loop and
// the write. The set rules' problems come from the cache when what they read is unchanged
// (src/run/set-cache.ts). The file is parsed here only when it was not parsed in this thread
// already and a fix needs its tree.
import { relative } from 'node:path';
import type { AdrRecord, Diagnostic, ParsedAdr } from '../../model/types.ts';
import { configForFile } from '../../model/config.ts';
import { writeFixedFile } from '../../io/write-fixed-file.ts';
import { lazyParsedAdr } from '../../parse/lazy-parsed-adr.ts';
import { TooComplexError } from '../../parse/complexity.ts';
import { fixText, hasWantedFixes, type FixOptions } from '../../engine/fix-loop.ts';
import { checkAdr, fatalResult, fileProblem, mergeMessages, summarise, withDirectives, type LintContext, type LintResult } from '../../engine/run-rules.ts';
import type { LintCache } from '../../io/cache.ts';
import { heldSetResult, recordingProject, setKey, type SetView } from '../set-cache.ts';
import type { FixedFiles } from './write.ts';
import type { RunFile } from './run-file.ts';

export interface CheckStage {
  cwd: string;
  context: LintContext;
  records: readonly AdrRecord[];
  fix?: FixOptions & { write: boolean };
  /** With `fix.write`: what this run has written, so that one file under two names is written once. */
  written: FixedFiles | null;
  /** With `--cache`: where the set rules' problems are kept, and the run's set fingerprint. */
  setCache?: { cache: LintCache; fingerprint: string; view: SetView };
}

/** The result of one linted file. */
export function checkFile(file: RunFile, runStage: CheckStage): LintResult {
  // The set rules, the directives and the fixes of a file run under the config in effect for it (its `overrides`).
  const stage = { ...runStage, context: contextForFile(runStage.context, file.path) };
  const name = relative(stage.cwd, file.path) || file.path;
  const record = file.record;
  if (file.error !== undefined || !record) return fatalResult(file.path, `${name} ${file.error}`);
  try {
    // Parsed only when a set rule runs and builds a fix, or a fix is to be made.
    let parsed = file.adr ?? null;
    const adr = () => (parsed ??= lazyParsedAdr(file.path, file.source, stage.context.catalogue).adr);
    const messages = withDirectives(mergeMessages(file.fileMessages ?? [], setMessages(file, record, adr, stage)), record.directives, stage.context);
    if (!stage.fix || !hasWantedFixes(messages, stage.fix)) return summarise(file.path, messages, textOf(file.source));
    return fixFile(file, adr(), messages, { ...stage, fix: stage.fix }, name);
  } catch (error) {
    return fatalResult(file.path, lintFailure(error, name));
  }
}

function contextForFile(context: LintContext, path: string): LintContext {
  const config = configForFile(context.config, path);
  return config === context.config ? context : { ...context, config };
}

/** The text as linted: without its BOM. */
const textOf = (source: string) => (source.charCodeAt(0) === 0xfeff ? source.slice(1) : source);

/** The set rules' problems of a linted file: kept from an earlier run when what they read is unchanged, else found (and kept). */
function setMessages(file: RunFile, record: AdrRecord, adr: () => ParsedAdr, stage: CheckStage): Diagnostic[] {
  const kept = stage.setCache;
  if (!kept) return checkAdr(adr(), stage.records, stage.context, record, 'set');
  const key = setKey(kept.fingerprint, file.conventions);
  const held = heldSetResult(file.cachedSet, key, kept.view);
  if (held) return held.messages;
  const recording = recordingProject(kept.view);
  const messages = checkAdr(adr(), stage.records, { ...stage.context, project: recording.project }, record, 'set');
  kept.cache.setSetResult(file.path, file.hash, { key, messages, dependencies: recording.dependencies() });
  return messages;
}

/**
 * A linted file's problems: its file rules' (maybe from the cache or a worker), the set rules' over
 * the records, then its disable directives applied. The directives come from the record (cached
 * with it): a cached file is not parsed for them.
 */
export function fileAndSetMessages(adr: ParsedAdr, record: AdrRecord, fileMessages: readonly Diagnostic[], records: readonly AdrRecord[], context: LintContext): Diagnostic[] {
  const merged = mergeMessages(fileMessages, checkAdr(adr, records, context, record, 'set'));
  return withDirectives(merged, record.directives, context);
}

/** Fix the file's text until it is stable, and write it (unless a dry run). */
function fixFile(file: RunFile, adr: ParsedAdr, messages: Diagnostic[], stage: CheckStage & { fix: FixOptions & { write: boolean } }, name: string): LintResult {
  const fixed = fixText(file.path, file.source, stage.context, { set: stage.records, options: stage.fix, linted: { adr, messages } });
  const result = fixed.result;
  if (fixed.output === file.source) return result;
  // As in ESLint: the file as read and as fixed, both as on disk (BOM included).
  result.source = file.source;
  result.output = fixed.output;
  result.fixedCount = fixed.fixedCount;
  if (!stage.fix.write || !stage.written?.shouldWrite(file.path, fixed.output)) return result;
  const outcome = writeFixedFile(file.path, file.source, fixed.output);
  if (outcome.ok) {
    stage.written.wrote(file.path, fixed.output);
    return result;
  }
  // Not written: nothing was fixed, so report the problems of the file as read (not of the fixed
  // text, which is nowhere on disk), after the reason.
  return summarise(file.path, [fileProblem(`${name} ${outcome.reason}`), ...messages], adr.text);
}

/**
 * Why a file's lint failed after its first parse: a later parse (for a fix) can still be refused,
 * when it took too long this time.
 */
export function lintFailure(error: unknown, name: string): string {
  if (error instanceof TooComplexError) return `${name} ${error.message}`;
  return `internal error while linting: ${(error as Error).message.split('\n')[0]}`;
}
