// Human output in ESLint's "stylish" layout: problems grouped by file, then a summary line.
import { relative } from 'node:path';
import { createColors } from 'picocolors';
import type { LintResult } from '../engine/run-rules.ts';
import { plural } from '../model/plural.ts';

export interface FormatOptions {
  cwd: string;
  color: boolean;
  /** Fixes were computed but not written (`--fix-dry-run`). */
  dryRun?: boolean;
  /** With no problems, end with "✔ N ADRs, no problems" (the CLI's report on the terminal), so that a first run shows that it worked. */
  summary?: boolean;
}


/** Control characters from ADR text would let a file rewrite the terminal; show them escaped. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u009b]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/\n/g, '\\n');
}

export function formatStylish(results: readonly LintResult[], { cwd, color, dryRun = false, summary = false }: FormatOptions): string {
  const c = createColors(color);
  let errors = 0;
  let warnings = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  let out = '';
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
    out += `\n${c.underline(printable(relative(cwd, result.filePath) || result.filePath))}\n`;
    const rows = result.messages.map((m) => ({
      position: `${m.line}:${m.column}`,
      severity: m.severity === 'error' ? 'error' : 'warning',
      message: printable(m.message),
      rule: m.ruleId ?? '',
    }));
    const positionWidth = Math.max(...rows.map((r) => r.position.length));
    const severityWidth = Math.max(...rows.map((r) => r.severity.length));
    const messageWidth = Math.max(...rows.map((r) => r.message.length));
    for (const row of rows) {
      const severity = row.severity.padEnd(severityWidth);
      out +=
        `  ${c.dim(row.position.padEnd(positionWidth))}  ${row.severity === 'error' ? c.red(severity) : c.yellow(severity)}  ` +
        `${row.rule ? row.message.padEnd(messageWidth) : row.message}  ${c.dim(row.rule)}`.trimEnd() +
        '\n';
    }
  }
  const total = errors + warnings;
  const fixedFiles = results.filter((result) => (result.fixedCount ?? 0) > 0);
  const fixed = fixedFiles.reduce((sum, result) => sum + (result.fixedCount ?? 0), 0);
  const fixLine =
    fixed > 0
      ? `${c.green('✔')} ${plural(fixed, 'problem')} ${dryRun ? 'would be fixed' : 'fixed'} in ${plural(fixedFiles.length, 'file')}, ${total} remaining.\n`
      : '';
  // The fix line says as much when fixes were made ("…, 0 remaining.").
  if (total === 0) return fixLine || (summary && results.length > 0 ? `${c.green('✔')} ${plural(results.length, 'ADR')}, no problems\n` : '');
  const mark = errors > 0 ? c.red('✖') : c.yellow('⚠');
  out += `\n${mark} ${c.bold(`${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`)}\n`;
  if (fixableErrors + fixableWarnings > 0) {
    out += `  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.\n`;
  }
  return out + fixLine;
}
