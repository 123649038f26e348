// adr-number-duplicate in a pull request's review: a rename cannot be a ```suggestion, so the
// comment on the record the pull request adds explains the renumbering and gives the command.
import { resolve } from 'node:path';
import { repoRelative } from './annotations.ts';
import { escapeMarkdownText } from '../format/escape.ts';
import type { LintResult } from '../engine/run-rules.ts';
import { placesIn, reviewFingerprint } from '../engine/fingerprint.ts';
import type { AdrRecord } from '../model/types.ts';
import { renumberedName } from '../engine/renumber-plan.ts';
import { duplicateRenumbers } from '../run/renumber-duplicates.ts';
import { diffLines, type ChangedFile } from './changed-files.ts';
import type { ReviewProblem } from './review.ts';

const RULE = 'adr-number-duplicate';

/** A path as one shell word: as is when it is plain, else in single quotes. */
function shellWord(path: string): string {
  return /^[\w./@+-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}

/**
 * A review comment for each record of a collision that --fix would renumber, on its problem's line
 * when that line is in the pull request's diff: which record keeps the number, why this one is the
 * later, its new number, and the `adrlint renumber` command that does it.
 */
export function renumberReviewProblems(results: readonly LintResult[], records: readonly AdrRecord[], root: string, changed: readonly ChangedFile[]): ReviewProblem[] {
  const withProblem = new Map(results.filter((result) => result.messages.some((message) => message.ruleId === RULE)).map((result) => [result.filePath, result]));
  if (withProblem.size === 0) return [];
  const patches = new Map(changed.filter((file) => file.patch).map((file) => [file.path, diffLines(file.patch!)]));
  const added = new Set(changed.filter((file) => file.status === 'added').map((file) => resolve(root, file.path)));
  const problems: ReviewProblem[] = [];
  for (const renumber of duplicateRenumbers(records, new Set(withProblem.keys()), { added })) {
    const result = withProblem.get(renumber.record.path);
    const path = repoRelative(root, renumber.record.path);
    const diff = patches.get(path);
    const message = result?.messages.find((candidate) => candidate.ruleId === RULE);
    if (!result || !message || !diff || result.source === undefined) continue;
    if (!diff.hunks.some(([start, end]) => message.line >= start && message.line <= end)) continue;
    const digits = renumberedName(renumber.record.name, renumber.to)?.newDigits ?? String(renumber.to);
    const keeps = repoRelative(root, renumber.keeps.path);
    const why = renumber.by === 'pull request' ? 'this pull request adds it' : renumber.by === 'git history' ? 'git added it later' : renumber.by === 'date' ? 'its date is later' : 'its name sorts later';
    const command = `npx adrlint renumber ${shellWord(path)}`;
    const fence = '`'.repeat(Math.max(3, ...[...command.matchAll(/`+/g)].map((run) => run[0].length + 1)));
    problems.push({
      path,
      startLine: message.line,
      endLine: message.line,
      body:
        `**${RULE}** (${message.severity === 'error' ? 'error' : 'warning'}): ${escapeMarkdownText(message.message)}\n\n` +
        `${escapeMarkdownText(keeps)} keeps the number; this record is the later one (${why}), so it moves to the next free number (${digits} now). ` +
        `A rename cannot be a suggestion: this command renames the file, updates its title and rewrites every link and reference to it in the set:\n\n` +
        `${fence}sh\n${command}\n${fence}`,
      fingerprint: reviewFingerprint({ rule: RULE, message: message.message, place: placesIn(result.source)(message) }, path),
    });
  }
  return problems;
}
