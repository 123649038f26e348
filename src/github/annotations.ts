// Which problems become GitHub annotations, in what order. GitHub shows at most 10 error and 10
// warning annotations per step (50 per job) and drops the rest silently, so the most useful ones
// go first and the rest are counted for a notice that says where to find them.
import { relative } from 'node:path';
import type { LintResult } from '../engine/run-rules.ts';
import { annotationOf, type Annotation } from '../format/github.ts';
import { toPosix } from '../model/paths.ts';

export interface AnnotationPlan {
  annotations: Annotation[];
  /** Problems left out because of GitHub's per-step limits. */
  omitted: { errors: number; warnings: number };
}

export const GITHUB_ANNOTATION_LIMITS = { errors: 10, warnings: 10 } as const;

export function repoRelative(root: string, path: string): string {
  const rel = relative(root, path);
  return toPosix(rel === '' ? path : rel);
}

/**
 * The annotations to emit: files changed in the pull request first, errors before warnings, then
 * by file and line; at most `limits` of each level.
 */
export function planAnnotations(
  results: readonly LintResult[],
  { root, changed = new Set<string>(), limits = GITHUB_ANNOTATION_LIMITS }: { root: string; changed?: ReadonlySet<string>; limits?: { errors: number; warnings: number } },
): AnnotationPlan {
  const all: Array<Annotation & { changed: boolean }> = [];
  for (const result of results) {
    for (const message of result.messages) {
      const annotation = annotationOf(root, result.filePath, message);
      all.push({ ...annotation, changed: changed.has(annotation.file) });
    }
  }
  all.sort(
    (a, b) =>
      Number(b.changed) - Number(a.changed) ||
      Number(b.level === 'error') - Number(a.level === 'error') ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.startLine - b.startLine ||
      (a.startColumn ?? 0) - (b.startColumn ?? 0),
  );
  const annotations: Annotation[] = [];
  const omitted = { errors: 0, warnings: 0 };
  let errors = 0;
  let warnings = 0;
  for (const { changed: _changed, ...annotation } of all) {
    if (annotation.level === 'error') {
      if (errors < limits.errors) {
        errors++;
        annotations.push(annotation);
      } else omitted.errors++;
    } else if (warnings < limits.warnings) {
      warnings++;
      annotations.push(annotation);
    } else omitted.warnings++;
  }
  return { annotations, omitted };
}
