// A renumbering as a dry run shows it: the rename, then a unified diff of every edited file (git's
// a/ b/ names; the record's diff under its new name on the b side).
import { relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { RenumberOutcome } from '../run/renumber.ts';
import { toPosix } from '../model/paths.ts';

const shown = (path: string, cwd: string): string => toPosix(relative(cwd, path) || path);

export function formatRenumberDiff(outcome: RenumberOutcome, cwd: string): string {
  const from = shown(outcome.plan.from, cwd);
  const to = shown(outcome.plan.to, cwd);
  let out = `rename ${from} → ${to}${outcome.git ? ' (git mv)' : ''} (dry run: nothing written)\n`;
  for (const change of outcome.changes) {
    const name = shown(change.path, cwd);
    out += createTwoFilesPatch(`a/${name}`, `b/${change.path === outcome.plan.from ? to : name}`, change.before, change.after, undefined, undefined, { context: 3 });
  }
  return out;
}
