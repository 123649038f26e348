// The library's public entry (`import { lintProject } from 'adrlint'`): what the CLI, the Action
// and the remark plugin are built on. It never touches `process` or GitHub.
import { rules } from '../rules/index.ts';
import * as engine from './engine/run-rules.ts';
import * as fixLoop from './engine/fix-loop.ts';
import type { AdrRecord, ParsedAdr, Rule } from './model/types.ts';

export { lintFileInProject } from './run/file-in-project.ts';
export { lintProject, loadProject, type RunOptions, type RunOutcome, type RunStats } from './run/lint-project.ts';
export { type LintResult } from './engine/run-rules.ts';
export { type FixOptions, type FixOutcome } from './engine/fix-loop.ts';
export { parseAdr } from './parse/parse-adr.ts';
// What parseAdr throws for a text it will not parse (too deeply nested, or too slow): its message follows the file's name.
export { TooComplexError } from './parse/complexity.ts';
export { buildRecord } from './parse/record.ts';
export { Catalogue } from './model/catalogue.ts';
export { loadCatalogue, catalogueWithUser } from './io/catalogue-file.ts';
export { loadConfig, resolveConfig } from './run/config.ts';
export { type ResolvedConfig } from './model/config.ts';
export { formatStylish } from './format/stylish.ts';
export { formatJson } from './format/json.ts';
export { formatSarif } from './format/sarif.ts';
export { formatGithub } from './format/github.ts';
export { buildSetReport, formatReportJson, formatReportMarkdown, formatReportMermaid } from './format/report.ts';
export { rules, rulesById } from '../rules/index.ts';
export type { AdrRecord, Diagnostic, ParsedAdr, Rule, RuleMeta, TextEdit } from './model/types.ts';
export { VERSION } from './io/version.ts';

// The engine is given its rules (LintContext `rules`, src/engine/run-rules.ts); the library's entry
// points default them to every rule adrlint ships, so `lintText(path, text, { catalogue, config })`
// lints as the CLI does.

/** The engine's context, with `rules` optional: without them, every rule adrlint ships. */
export type LintContext = Omit<engine.LintContext, 'rules'> & { rules?: readonly Rule[] };

/** The parameters of `F` after its first three. */
type AfterThird<F> = F extends (a: never, b: never, c: never, ...rest: infer Rest) => unknown ? Rest : never;

const withRules = (context: LintContext): engine.LintContext => ({ ...context, rules: context.rules ?? rules });

/** Lint one text as if it were the file at `filePath` (editor integrations, tests, stdin). */
export function lintText(filePath: string, source: string, context: LintContext, set?: readonly AdrRecord[]): engine.LintResult {
  return engine.lintText(filePath, source, withRules(context), set);
}

/** Run every enabled rule over one parsed ADR (src/engine/run-rules.ts `checkAdr`). */
export function checkAdr(adr: ParsedAdr, set: readonly AdrRecord[], context: LintContext, ...rest: AfterThird<typeof engine.checkAdr>): engine.LintResult['messages'] {
  return engine.checkAdr(adr, set, withRules(context), ...rest);
}

/** Fix one file's text until it is stable (src/engine/fix-loop.ts `fixText`). */
export function fixText(filePath: string, source: string, context: LintContext, ...rest: AfterThird<typeof fixLoop.fixText>): fixLoop.FixOutcome {
  return fixLoop.fixText(filePath, source, withRules(context), ...rest);
}
