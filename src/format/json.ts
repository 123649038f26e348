// ESLint's JSON result format, so tools that read ESLint output read ours.
import type { LintResult } from '../engine/run-rules.ts';

export function formatJson(results: readonly LintResult[]): string {
  return JSON.stringify(
    results.map((result) => ({
      filePath: result.filePath,
      messages: result.messages.map((m) => ({
        ruleId: m.ruleId,
        severity: m.severity === 'error' ? 2 : 1,
        message: m.message,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        ...(m.fatal ? { fatal: true } : {}),
        ...(m.url ? { url: m.url } : {}),
        ...(m.fix ? { fix: m.fix } : {}),
        ...(m.suggestions ? { suggestions: m.suggestions } : {}),
      })),
      errorCount: result.errorCount,
      fatalErrorCount: result.fatalErrorCount,
      warningCount: result.warningCount,
      fixableErrorCount: result.fixableErrorCount,
      fixableWarningCount: result.fixableWarningCount,
      // With fixing, a changed file carries the text as read and as fixed (both BOM included).
      ...(result.output !== undefined ? { source: result.source, output: result.output } : {}),
      usedDeprecatedRules: [],
    })),
  );
}
