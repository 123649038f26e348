// The write stage of adr-number-duplicate's fix under `--fix` and `--fix-dry-run`: the later record
// of each collision renumbered (src/run/renumber-duplicates.ts), the rename and its reference edits
// written (or, dry, shown as a rename and a diff).
import type { RunOutcome } from '../run/lint-project.ts';
import type { CliIo } from './command.ts';
import { renumberDiff, renumberSummary } from './renumber.ts';

const RULE = 'adr-number-duplicate';

/** Renumber what --fix resolves of the set's number collisions; returns the renames written (none on a dry run) and the dry run's text. */
export async function fixRenumbers(outcome: RunOutcome, options: { cwd: string; dryRun: boolean; fixRules: ReadonlySet<string>; changedFrom: string | undefined }, io: CliIo): Promise<{ renamed: Array<[string, string]>; text: string }> {
  const severity = outcome.config.rules[RULE]?.severity;
  if (severity === undefined || severity === 'off' || (options.fixRules.size > 0 && !options.fixRules.has(RULE))) return { renamed: [], text: '' };
  const paths = new Set(outcome.results.filter((result) => result.messages.some((message) => message.ruleId === RULE)).map((result) => result.filePath));
  if (paths.size === 0) return { renamed: [], text: '' };
  const { duplicateRenumbers } = await import('../run/renumber-duplicates.ts');
  const { planRenumberOnDisk, RenumberRefused, writeRenumber } = await import('../run/renumber.ts');
  const { filesAddedSince } = await import('../io/git-history.ts');
  const added = options.changedFrom === undefined ? undefined : filesAddedSince(options.changedFrom, options.cwd);
  const renamed: Array<[string, string]> = [];
  let text = '';
  for (const renumber of duplicateRenumbers(outcome.records, paths, added ? { added } : {})) {
    try {
      const plan = await planRenumberOnDisk(renumber.record.path, renumber.to, options.cwd, outcome.config, outcome.catalogue);
      if (options.dryRun) {
        text += await renumberDiff(plan, io.cwd);
        continue;
      }
      writeRenumber(plan);
      renamed.push([plan.plan.from, plan.plan.to]);
      io.stderr.write(`adrlint: ${RULE}: ${renumberSummary(plan, io.cwd)} (the later by ${renumber.by})\n`);
    } catch (error) {
      if (!(error instanceof RenumberRefused)) throw error;
      io.stderr.write(`adrlint: warning: ${RULE}: not renumbered: ${error.message}\n`);
    }
  }
  return { renamed, text };
}
