// `--baseline`, `--write-baseline` and `--prune-baseline` around a lint run: read the baseline before
// the run (a bad one fails fast), then write it, or leave out the problems it holds.
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { UsageError } from '../io/files.ts';
import { checkWritable } from '../io/safe-write.ts';
import { findRepositoryRoot } from '../io/project-index.ts';
import { plural } from '../model/plural.ts';
import { applyBaseline, createBaseline, DEFAULT_BASELINE_FILE, fingerprintProblems, pruneBaseline, readBaseline, writeBaseline, type Baseline } from '../engine/baseline.ts';
import type { LintResult } from '../engine/run-rules.ts';
import type { CliIo } from './command.ts';

export interface BaselinePlan {
  /** Absolute path of the baseline file. */
  path: string;
  /** `--write-baseline`: record the problems; else report those not in `baseline`. */
  write: boolean;
  baseline: Baseline | null;
  prune: boolean;
}

/** What the baseline options ask for; the baseline to compare against is read before the run, so a bad one fails fast. */
export function baselinePlan(values: { 'write-baseline'?: string; baseline?: string; 'prune-baseline'?: boolean }, cwd: string): BaselinePlan | null {
  const prune = Boolean(values['prune-baseline']);
  for (const flag of ['write-baseline', 'baseline'] as const) {
    if (values[flag] === '') throw new UsageError(`--${flag}= names no file; give --${flag} alone for ${DEFAULT_BASELINE_FILE}`);
  }
  if (values['write-baseline'] !== undefined) {
    if (values.baseline !== undefined || prune) throw new UsageError('--write-baseline records every problem; it does not go with --baseline or --prune-baseline');
    const path = resolve(cwd, values['write-baseline']);
    checkWritable(path);
    return { path, write: true, baseline: null, prune: false };
  }
  if (values.baseline === undefined && !prune) return null;
  const path = resolve(cwd, values.baseline ?? DEFAULT_BASELINE_FILE);
  return { path, write: false, baseline: readBaseline(path), prune };
}

export function writeBaselineFile(path: string, results: readonly LintResult[], io: CliIo): void {
  const baseline = createBaseline(fingerprintProblems(results, findRepositoryRoot(io.cwd)));
  writeBaseline(path, baseline);
  io.stderr.write(`adrlint: wrote ${plural(baseline.problems.length, 'problem')} to ${relative(io.cwd, path) || path}\n`);
}

/** The results without the baselined problems; says on stderr what of the baseline is fixed (and prunes it when asked). */
export function withoutBaselined(plan: BaselinePlan, results: LintResult[], io: CliIo): LintResult[] {
  const root = findRepositoryRoot(io.cwd);
  const { results: reported, gone } = applyBaseline(fingerprintProblems(results, root), plan.baseline!, (file) => existsSync(resolve(root, file)));
  const name = relative(io.cwd, plan.path) || plan.path;
  const count = plural(gone.length, 'problem');
  if (gone.length > 0 && plan.prune) {
    writeBaseline(plan.path, pruneBaseline(plan.baseline!, gone));
    io.stderr.write(`adrlint: removed ${count} that ${gone.length === 1 ? 'is' : 'are'} fixed from ${name}\n`);
  } else if (gone.length > 0) {
    io.stderr.write(`adrlint: ${count} in the baseline ${gone.length === 1 ? 'is' : 'are'} fixed; run with --prune-baseline to drop ${gone.length === 1 ? 'it' : 'them'}\n`);
  }
  return reported;
}
