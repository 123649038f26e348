// Baselines, for adopting adrlint on an existing ADR set: record today's problems once, then report
// only new ones. A problem is known by its file (repository-relative) and its fingerprint
// (src/engine/fingerprint.ts: its rule, message and the text it flags, never its line), so an edit
// above it does not make it new again. Pure functions, and read/write helpers that take paths: the
// CLI decides which files.
import { relative } from 'node:path';
import { FileError } from '../model/errors.ts';
import { ioReason, NotRegularFileError, readRegularFile, writeFileSafely } from '../io/safe-write.ts';
import { summarise, type LintResult } from './run-rules.ts';
import { baselineFingerprint, placesIn } from './fingerprint.ts';
import { VERSION } from '../io/version.ts';
import { toPosix } from '../model/paths.ts';

export const BASELINE_VERSION = 1;
export const DEFAULT_BASELINE_FILE = '.adrlint-baseline.json';

export interface BaselineEntry {
  /** The file, relative to the repository root, with forward slashes. */
  file: string;
  rule: string | null;
  /** Hash of the rule, the message (digits aside) and the flagged text. */
  fingerprint: string;
  /** Among the file's problems with this fingerprint: 0 for the first, 1 for the second, … */
  occurrence: number;
  /** For the reader of the file; matching never reads it. */
  message: string;
}

export interface Baseline {
  version: number;
  /** The adrlint that wrote it. */
  adrlint: string;
  problems: BaselineEntry[];
}

/** A result with the baseline entry of each of its messages (same order), and its file as the baseline names it. */
export interface FingerprintedResult {
  result: LintResult;
  file: string;
  entries: BaselineEntry[];
}

/** A baseline file that cannot be used; the CLI reports it in one line, exit code 2. */
export class BaselineError extends FileError {}

/**
 * The baseline entries of every problem. `texts` (file path → text) stands in for the text a result
 * carries (`output` after fixing, else `source`), for results built without one.
 */
export function fingerprintProblems(results: readonly LintResult[], root: string, texts?: ReadonlyMap<string, string>): FingerprintedResult[] {
  return results.map((result) => {
    const file = toPosix(relative(root, result.filePath)) || result.filePath;
    const text = (texts?.get(result.filePath) ?? result.output ?? result.source ?? '').replace(/^\uFEFF/, '');
    const placeOf = placesIn(text);
    const occurrences = new Map<string, number>();
    const entries = result.messages.map((message): BaselineEntry => {
      const fingerprint = baselineFingerprint({ rule: message.ruleId, message: message.message, place: placeOf(message) });
      const occurrence = occurrences.get(fingerprint) ?? 0;
      occurrences.set(fingerprint, occurrence + 1);
      return { file, rule: message.ruleId, fingerprint, occurrence, message: message.message };
    });
    return { result, file, entries };
  });
}

/** A baseline of every problem of `results`. */
export function createBaseline(results: readonly FingerprintedResult[]): Baseline {
  return { version: BASELINE_VERSION, adrlint: VERSION, problems: results.flatMap((result) => result.entries) };
}

const keyOf = (entry: Pick<BaselineEntry, 'file' | 'fingerprint' | 'occurrence'>) => `${entry.file}\u0000${entry.fingerprint}\u0000${entry.occurrence}`;

export interface BaselineOutcome {
  /** The results without the problems the baseline holds, counts recomputed. */
  results: LintResult[];
  /** Problems of the baseline that no longer occur: in a file of this run, or in a file that is gone. */
  gone: BaselineEntry[];
}

/**
 * Drop the problems the baseline holds. Identical problems are counted: with three in the baseline
 * and four now, one is reported. A baseline problem of a file this run did not lint is gone only
 * when `exists` says the file is (a run over some files says nothing of the others).
 */
export function applyBaseline(results: readonly FingerprintedResult[], baseline: Baseline, exists?: (file: string) => boolean): BaselineOutcome {
  const known = new Set(baseline.problems.map(keyOf));
  const matched = new Set<string>();
  const linted = new Set(results.map((result) => result.file));
  const reported = results.map(({ result, entries }) => {
    const messages = result.messages.filter((_, i) => {
      const key = keyOf(entries[i]!);
      if (!known.has(key)) return true;
      matched.add(key);
      return false;
    });
    if (messages.length === result.messages.length) return result;
    // summarise() without a source leaves the result's own source, output and fixedCount as they are.
    return { ...result, ...summarise(result.filePath, messages) };
  });
  const gone = baseline.problems.filter((entry) => !matched.has(keyOf(entry)) && (linted.has(entry.file) || exists?.(entry.file) === false));
  return { results: reported, gone };
}

/** The baseline without `gone` (`--prune-baseline`). */
export function pruneBaseline(baseline: Baseline, gone: readonly BaselineEntry[]): Baseline {
  const drop = new Set(gone.map(keyOf));
  return { version: BASELINE_VERSION, adrlint: VERSION, problems: baseline.problems.filter((entry) => !drop.has(keyOf(entry))) };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return (
    compareText(a.file, b.file) ||
    compareText(a.rule ?? '', b.rule ?? '') ||
    compareText(a.message, b.message) ||
    compareText(a.fingerprint, b.fingerprint) ||
    a.occurrence - b.occurrence
  );
}

/**
 * The file's text: sorted, one problem a line, keys in a fixed order, so that the same problems
 * always give the same bytes and a change shows in git as the lines of the problems it adds or drops.
 */
export function serialiseBaseline(baseline: Baseline): string {
  const problems = [...baseline.problems]
    .sort(compareEntries)
    .map(({ file, rule, fingerprint, occurrence, message }) => `    ${JSON.stringify({ file, rule, fingerprint, occurrence, message })}`);
  const list = problems.length ? `[\n${problems.join(',\n')}\n  ]` : '[]';
  return `{\n  "version": ${JSON.stringify(baseline.version)},\n  "adrlint": ${JSON.stringify(baseline.adrlint)},\n  "problems": ${list}\n}\n`;
}

/** A baseline file's text, checked; `file` names it in errors. Throws BaselineError. */
export function parseBaseline(text: string, file: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BaselineError(file, 'not valid JSON; write it again with --write-baseline');
  }
  const object = data as Partial<Baseline> | null;
  if (typeof object !== 'object' || object === null || !Array.isArray(object.problems)) throw new BaselineError(file, 'not an adrlint baseline (no "problems" list)');
  if (object.version !== BASELINE_VERSION)
    throw new BaselineError(file, `baseline version ${JSON.stringify(object.version)} is not one this adrlint reads (${BASELINE_VERSION}); write it again with --write-baseline`);
  object.problems.forEach((entry, i) => {
    const problem = entryProblem(entry);
    if (problem) throw new BaselineError(file, `problem ${i + 1} ${problem}`);
  });
  return { version: object.version, adrlint: typeof object.adrlint === 'string' ? object.adrlint : 'unknown', problems: object.problems };
}

function entryProblem(entry: unknown): string | null {
  if (typeof entry !== 'object' || entry === null) return 'is not an object';
  const { file, rule, fingerprint, occurrence, message } = entry as Record<string, unknown>;
  if (typeof file !== 'string' || file === '') return 'has no "file"';
  if (rule !== null && typeof rule !== 'string') return 'has a "rule" that is neither a rule id nor null';
  if (typeof fingerprint !== 'string' || fingerprint === '') return 'has no "fingerprint"';
  if (typeof occurrence !== 'number' || !Number.isInteger(occurrence) || occurrence < 0) return 'has an "occurrence" that is not a whole number';
  if (typeof message !== 'string') return 'has no "message"';
  return null;
}

/** Read and check a baseline file. Throws BaselineError (missing, unreadable, not a baseline). */
export function readBaseline(path: string): Baseline {
  let text: string;
  try {
    text = readRegularFile(path);
  } catch (error) {
    if (error instanceof NotRegularFileError) throw new BaselineError(path, error.reason);
    const code = (error as NodeJS.ErrnoException).code;
    throw new BaselineError(path, code === 'ENOENT' ? 'no such baseline file; write one with --write-baseline' : ioReason(error));
  }
  return parseBaseline(text, path);
}

/** Write a baseline file (src/io/safe-write.ts: a reader never sees half of one). Throws WriteError. */
export function writeBaseline(path: string, baseline: Baseline): void {
  writeFileSafely(path, serialiseBaseline(baseline));
}

