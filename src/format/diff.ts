// `--fix-dry-run`: what the fixes would change, as one unified diff per file (git's a/ b/ names).
// A renumbering (`adrlint renumber --dry-run`, adr-number-duplicate under --fix-dry-run) is the
// same diff of the files it edits, after a line for the rename; the record's diff has its new name
// on the b side.
import { relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { LintResult } from '../engine/run-rules.ts';
import { toPosix } from '../model/paths.ts';
import type { RenumberOutcome } from '../run/renumber.ts';

const shown = (path: string, cwd: string): string => toPosix(relative(cwd, path) || path);

const patch = (before: string, after: string, name: string, newName = name): string =>
  createTwoFilesPatch(`a/${name}`, `b/${newName}`, before, after, undefined, undefined, { context: 3 });

/** The diff of the fixed results, or of a renumbering: the rename, then each file it edits. */
export function formatFixDiff(changed: readonly LintResult[] | RenumberOutcome, cwd: string): string {
  if (!Array.isArray(changed)) return renumberDiff(changed as RenumberOutcome, cwd);
  let out = '';
  for (const result of changed as readonly LintResult[]) {
    if (result.output === undefined || result.source === undefined) continue;
    out += patch(result.source, result.output, shown(result.filePath, cwd));
  }
  return out;
}

function renumberDiff(outcome: RenumberOutcome, cwd: string): string {
  const to = shown(outcome.plan.to, cwd);
  let out = `rename ${shown(outcome.plan.from, cwd)} → ${to}${outcome.git ? ' (git mv)' : ''} (dry run: nothing written)\n`;
  for (const change of outcome.changes) {
    const name = shown(change.path, cwd);
    out += patch(change.before, change.after, name, change.path === outcome.plan.from ? to : name);
  }
  return out;
}
