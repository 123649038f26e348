// `--fix-dry-run`: what the fixes would change, as one unified diff per file (git's a/ b/ names).
import { relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { LintResult } from '../engine/run-rules.ts';
import { toPosix } from '../model/paths.ts';

export function formatFixDiff(results: readonly LintResult[], cwd: string): string {
  let out = '';
  for (const result of results) {
    if (result.output === undefined || result.source === undefined) continue;
    const name = toPosix(relative(cwd, result.filePath) || result.filePath);
    out += createTwoFilesPatch(`a/${name}`, `b/${name}`, result.source, result.output, undefined, undefined, { context: 3 });
  }
  return out;
}
