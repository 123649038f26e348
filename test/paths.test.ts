// One `toPosix` and one "is this path inside that folder" (src/model/paths.ts), for every caller.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { insidePath, toPosix } from '../src/model/paths.ts';
import { overrideMatches } from '../src/model/config.ts';
import { nameCheck } from '../src/io/files.ts';
import { resolveConfig } from '../src/run/config.ts';
import { formatJunit } from '../src/format/junit.ts';

const root = mkdtempSync(join(tmpdir(), 'adrlint-paths-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('insidePath', () => {
  it('gives the path from the folder for a file inside it', () => {
    expect(insidePath('/repo', '/repo/docs/adr/0001-a.md')).toBe(join('docs', 'adr', '0001-a.md'));
    expect(toPosix(insidePath('/repo', '/repo/docs/adr/0001-a.md')!)).toBe('docs/adr/0001-a.md');
  });

  it('takes a child whose name starts with two dots for one inside', () => {
    expect(insidePath('/repo', '/repo/..notes/0001-a.md')).toBe(join('..notes', '0001-a.md'));
    expect(insidePath('/repo', '/repo/..0001-a.md')).toBe('..0001-a.md');
  });

  it('leaves out the folder itself, its parent and what is beside it', () => {
    expect(insidePath('/repo', '/repo')).toBeNull();
    expect(insidePath('/repo', '/')).toBeNull();
    expect(insidePath('/repo', '/other/0001-a.md')).toBeNull();
    expect(insidePath('/repo/docs', '/repo/docs-old/0001-a.md')).toBeNull();
  });
});

describe('callers of the inside test', () => {
  it('an override applies to a file under a folder named "..notes"', () => {
    const override = { files: ['**/*.md'], excludedFiles: [] };
    expect(overrideMatches(override, '/repo', '/repo/..notes/0001-a.md')).toBe(true);
    expect(overrideMatches(override, '/repo', '/elsewhere/0001-a.md')).toBe(false);
  });

  it('the config\'s ignore patterns and --ignore-pattern apply under a folder named "..notes"', () => {
    const config = resolveConfig({ ignore: ['..notes/'] }, join(root, '.adrlintrc.yml'), root);
    expect(nameCheck(root, config)(join(root, '..notes', '0001-a.md'), false)).toBe('ignored by .gitignore or the config\'s "ignore"');
    const plain = resolveConfig({}, join(root, '.adrlintrc.yml'), root);
    expect(nameCheck(root, plain, { ignorePatterns: ['..drafts/'] })(join(root, '..drafts', '0001-a.md'), false)).toBe('ignored by --ignore-pattern');
  });

  it('a report names a file under "..notes" from the repository root', () => {
    const xml = formatJunit([{ filePath: '/repo/..notes/0001-a.md', messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 }] as never, { root: '/repo' } as never);
    expect(xml).toContain('..notes/0001-a.md');
    expect(xml).not.toContain('/repo/..notes');
  });
});
