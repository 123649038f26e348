// --fix-dry-run's diff and a renumbering's (src/format/diff.ts): one formatter, the rename its variant.
import { describe, expect, it } from 'vitest';
import { formatFixDiff } from '../src/format/diff.ts';
import type { LintResult } from '../src/engine/run-rules.ts';
import type { RenumberOutcome } from '../src/run/renumber.ts';

describe('formatFixDiff', () => {
  it('diffs each fixed file under its path from cwd, and leaves out files without a fix', () => {
    const results = [
      { filePath: '/repo/docs/adr/0001-a.md', source: '# A\n', output: '# 1. A\n', messages: [] },
      { filePath: '/repo/docs/adr/0002-b.md', source: '# B\n', messages: [] },
    ] as unknown as LintResult[];
    const out = formatFixDiff(results, '/repo');
    expect(out).toContain('--- a/docs/adr/0001-a.md\n+++ b/docs/adr/0001-a.md\n');
    expect(out).toContain('-# A\n+# 1. A\n');
    expect(out).not.toContain('0002-b.md');
  });

  it('shows a renumbering as its rename, then the record under its new name and each other file it edits', () => {
    const outcome = {
      plan: { from: '/repo/adr/0005-x.md', to: '/repo/adr/0009-x.md' },
      git: true,
      shared: false,
      changes: [
        { path: '/repo/adr/0005-x.md', before: '# 5. X\n', after: '# 9. X\n' },
        { path: '/repo/adr/0006-y.md', before: 'See [5](0005-x.md)\n', after: 'See [9](0009-x.md)\n' },
      ],
    } as unknown as RenumberOutcome;
    const out = formatFixDiff(outcome, '/repo');
    expect(out.split('\n')[0]).toBe('rename adr/0005-x.md → adr/0009-x.md (git mv) (dry run: nothing written)');
    expect(out).toContain('--- a/adr/0005-x.md\n+++ b/adr/0009-x.md\n');
    expect(out).toContain('--- a/adr/0006-y.md\n+++ b/adr/0006-y.md\n');
  });
});
