// The library's public entry (`import { lintProject } from 'adrlint'`): what the CLI, the Action
// and the remark plugin are built on. It never touches `process` or GitHub.
export { lintFileInProject } from './run/file-in-project.ts';
export { lintProject, loadProject, type RunOptions, type RunOutcome, type RunStats } from './run/lint-project.ts';
import type { AdrRecord } from './model/types.ts';
import type { ResolvedConfig } from './model/config.ts';
import type { Catalogue } from './model/catalogue.ts';
export { lintText, checkAdr, type LintResult, type LintContext } from './engine/run-rules.ts';
export { fixText, type FixOptions, type FixOutcome } from './engine/fix-loop.ts';
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

/**
 * @deprecated Records are complete as a run returns them (one read from its file's head reads the
 * rest of the run's text of it when asked); kept for callers of earlier versions. Returns them as given.
 */
export function completeRecords(records: readonly AdrRecord[], _config?: ResolvedConfig, _catalogue?: Catalogue): AdrRecord[] {
  return [...records];
}
