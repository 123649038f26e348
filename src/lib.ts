// The library's public entry (`import { lintProject } from 'adrlint'`): what the CLI, the Action
// and the remark plugin are built on. It never touches `process` or GitHub.
export { lintProject, lintFileInProject, loadProject, completeRecords, type RunOptions, type RunOutcome, type RunStats } from './run.ts';
export { lintText, checkAdr, type LintResult, type LintContext } from './lint.ts';
export { fixText, type FixOptions, type FixOutcome } from './fixer.ts';
export { parseAdr } from './parse.ts';
// What parseAdr throws for a text it will not parse (too deeply nested, or too slow): its message follows the file's name.
export { TooComplexError } from './complexity.ts';
export { buildRecord } from './record.ts';
export { loadCatalogue, catalogueWithUser, Catalogue } from './catalogue.ts';
export { loadConfig, resolveConfig, type ResolvedConfig } from './config.ts';
export { formatStylish } from './format/stylish.ts';
export { formatJson } from './format/json.ts';
export { formatSarif } from './format/sarif.ts';
export { formatGithub } from './format/github.ts';
export { buildSetReport, formatReportJson, formatReportMarkdown, formatReportMermaid } from './report.ts';
export { rules, rulesById } from '../rules/index.ts';
export type { AdrRecord, Diagnostic, ParsedAdr, Rule, RuleMeta, TextEdit } from './types.ts';
export { VERSION } from './version.ts';
