// Real public ADR collections (../shared/corpus): adrlint must read all of them without a crash.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintProject } from '../src/run/lint-project.ts';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const folders = existsSync(CORPUS) ? readdirSync(CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];

describe.skipIf(folders.length === 0)('shared corpus smoke test', () => {
  it.each(folders)('lints %s without a crash or a fatal error', async (folder) => {
    const outcome = await lintProject({ cwd: CORPUS, paths: [folder] });
    const markdown = readdirSync(`${CORPUS}/${folder}`).filter((name) => name.endsWith('.md') && !/^readme|template/i.test(name));
    expect(outcome.results.length).toBeGreaterThan(0);
    expect(outcome.results.length).toBeLessThanOrEqual(markdown.length);
    for (const result of outcome.results) {
      expect(result.fatalErrorCount, `${result.filePath}: ${result.messages[0]?.message}`).toBe(0);
      for (const message of result.messages) {
        expect(message.ruleId).toBeTruthy();
        expect(message.line).toBeGreaterThanOrEqual(1);
      }
    }
    expect(outcome.records).toHaveLength(outcome.results.length);
  });
});
