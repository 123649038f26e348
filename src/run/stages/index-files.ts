// The index stage of a run (adr-index): each linted folder's index page (README.md or index.md,
// or the config's `index`) is linted with that rule alone when it is on for the page, fixed and
// written with --fix like an ADR. A page with nothing to say gives no result, so a clean run's
// file count stays the count of ADRs.
import { dirname, relative } from 'node:path';
import type { AdrRecord } from '../../model/types.ts';
import { configForFile } from '../../model/config.ts';
import { readAdrFile } from '../../io/files.ts';
import { folderIndexFiles } from '../../io/index-file.ts';
import { writeFixedFile } from '../../io/write-fixed-file.ts';
import { parseAdr } from '../../parse/parse-adr.ts';
import { checkAdr, fatalResult, fileProblem, summarise, withDirectives, type LintContext, type LintResult } from '../../engine/run-rules.ts';
import { fixText, hasWantedFixes, type FixOptions } from '../../engine/fix-loop.ts';
import { rulesById } from '../../../rules/index.ts';
import { lintFailure } from './check.ts';

export interface IndexStage {
  cwd: string;
  context: LintContext;
  records: readonly AdrRecord[];
  fix?: FixOptions & { write: boolean };
}

/** The index pages of the folders of `linted` (absolute paths), each once. */
export function indexFilesOf(linted: readonly string[], index: string | undefined): string[] {
  if (index !== undefined) return linted.length ? [index] : [];
  const pages = new Set<string>();
  for (const folder of new Set(linted.map((path) => dirname(path)))) {
    // Each page of the folder: the block is opt-in by its markers, so only the page that has them says anything.
    for (const page of folderIndexFiles(folder)) pages.add(page);
  }
  return [...pages];
}

/** The results of the index pages of the run's linted folders where adr-index is on. */
export function checkIndexFiles(linted: readonly string[], stage: IndexStage): LintResult[] {
  const rule = rulesById.get('adr-index');
  if (!rule) return [];
  const results: LintResult[] = [];
  for (const path of indexFilesOf(linted, stage.context.config.index)) {
    const config = configForFile(stage.context.config, path);
    if ((config.rules['adr-index']?.severity ?? 'off') === 'off' || linted.includes(path)) continue;
    const result = checkIndexFile(path, { ...stage, context: { ...stage.context, config, rules: [rule] } });
    if (result) results.push(result);
  }
  return results;
}

function checkIndexFile(path: string, stage: IndexStage): LintResult | null {
  const name = relative(stage.cwd, path) || path;
  const read = readAdrFile(path, stage.context.config.maxFileSize);
  // The config's `index` names a page that is not there yet: `adrlint index --write` makes it.
  if (!read.ok) return stage.context.config.index === path ? fatalResult(path, `${name} (the config's "index") ${read.reason}; \`adrlint index --write\` writes it`) : null;
  try {
    const adr = parseAdr(path, read.source, stage.context.catalogue);
    const messages = withDirectives(checkAdr(adr, stage.records, stage.context), adr.directives, stage.context);
    if (messages.length === 0) return null;
    if (!stage.fix || !hasWantedFixes(messages, stage.fix)) return summarise(path, messages, adr.text);
    const fixed = fixText(path, read.source, stage.context, { set: stage.records, options: stage.fix, linted: { adr, messages } });
    const result = fixed.result;
    if (fixed.output === read.source) return result;
    Object.assign(result, { source: read.source, output: fixed.output, fixedCount: fixed.fixedCount });
    if (!stage.fix.write) return result;
    const outcome = writeFixedFile(path, read.source, fixed.output);
    return outcome.ok ? result : summarise(path, [fileProblem(`${name} ${outcome.reason}`), ...messages], adr.text);
  } catch (error) {
    return fatalResult(path, lintFailure(error, name));
  }
}
