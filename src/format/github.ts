// GitHub Actions annotations: one `::error`/`::warning` workflow command per problem, which the
// runner shows on the run and, for files of the repository, on the pull request's diff. The CLI's
// `--format github` prints them; the Action hands the same annotations to @actions/core.
import { relative } from 'node:path';
import type { AnnotationProperties } from '@actions/core';
import type { LintResult } from '../engine/run-rules.ts';
import type { Diagnostic } from '../model/types.ts';
import { annotationCommand } from './workflow-commands.ts';
import { insidePath, toPosix } from '../model/paths.ts';

export interface GithubFormatOptions {
  /** The repository root: annotation paths are relative to it. */
  root: string;
}

/** A problem as an annotation: its level and message, and @actions/core's annotation properties. */
export interface Annotation extends AnnotationProperties {
  level: 'error' | 'warning';
  message: string;
  /** Repository-relative, forward slashes; absolute for a file outside the repository. */
  file: string;
  title: string;
  startLine: number;
  endLine: number;
  /** Only for a problem on one line: GitHub takes no columns on a multi-line annotation. */
  startColumn?: number;
  endColumn?: number;
}

/** The path GitHub matches against the repository's files; an absolute one for files outside it. */
function annotationPath(root: string, filePath: string): string {
  const path = insidePath(root, filePath);
  return path === null ? filePath : toPosix(path);
}

/** The annotation of one problem of a file; a problem of no rule is titled "adrlint". */
export function annotationOf(root: string, filePath: string, m: Diagnostic): Annotation {
  return {
    level: m.severity === 'error' ? 'error' : 'warning',
    message: m.message,
    file: annotationPath(root, filePath),
    title: m.ruleId ?? 'adrlint',
    startLine: m.line,
    endLine: m.endLine,
    ...(m.line === m.endLine ? { startColumn: m.column, endColumn: m.endColumn } : {}),
  };
}

export function formatGithub(results: readonly LintResult[], { root }: GithubFormatOptions): string {
  let out = '';
  for (const result of results) {
    for (const m of result.messages) {
      const { level, message, ...properties } = annotationOf(root, result.filePath, m);
      out += `${annotationCommand(level, message, properties)}\n`;
    }
  }
  return out;
}
