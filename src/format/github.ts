// GitHub Actions annotations: one `::error`/`::warning` workflow command per problem, which the
// runner shows on the run and, for files of the repository, on the pull request's diff.
import { isAbsolute, relative, sep } from 'node:path';
import type { LintResult } from '../engine/run-rules.ts';
import { workflowCommand } from './workflow-commands.ts';

export interface GithubFormatOptions {
  /** The repository root: annotation paths are relative to it. */
  root: string;
}

/** The path GitHub matches against the repository's files; an absolute one for files outside it. */
function annotationPath(root: string, filePath: string): string {
  const path = relative(root, filePath);
  if (path === '' || path.startsWith(`..${sep}`) || path === '..' || isAbsolute(path)) return filePath;
  return path.split(sep).join('/');
}

export function formatGithub(results: readonly LintResult[], { root }: GithubFormatOptions): string {
  let out = '';
  for (const result of results) {
    const file = annotationPath(root, result.filePath);
    for (const m of result.messages) {
      const properties = { file, line: m.line, endLine: m.endLine, col: m.column, endColumn: m.endColumn, title: m.ruleId ?? 'adrlint' };
      out += `${workflowCommand(m.severity === 'error' ? 'error' : 'warning', properties, m.message)}\n`;
    }
  }
  return out;
}
