// `adrlint renumber` over copies of real ADR collections (../shared/corpus): renumbering the record
// the others link to most (else the first numbered one) leaves every link resolving: adr-link and
// adr-supersede report nothing new. The corpus is copied to a temp folder, never into the project.
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { adrlint, fixture, removeFixtures } from './helpers/cli.ts';
import { linkProblems } from './helpers/renumber-sets.ts';

const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));
const folders = existsSync(corpus) ? readdirSync(corpus, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name) : [];

afterAll(removeFixtures);

/** The numbered record other files of the folder link to most; the first numbered one when none is linked. */
function mostLinked(folder: string): string {
  const names = readdirSync(folder).filter((name) => /^(?:ADR-)?\d+[-_].*\.md$/i.test(name) && !/template/i.test(name)).sort();
  const counts = new Map(names.map((name) => [name, 0]));
  for (const name of readdirSync(folder).filter((entry) => entry.endsWith('.md'))) {
    const text = readFileSync(join(folder, name), 'utf8');
    for (const target of names) if (target !== name && text.includes(`${target.replace(/\.md$/, '')}`)) counts.set(target, counts.get(target)! + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
}

describe.skipIf(folders.length === 0)('adrlint renumber over the shared corpus', () => {
  it.each(folders)('%s: renumbering its most linked record leaves every link resolving', async (folder) => {
    const root = fixture();
    cpSync(join(corpus, folder), join(root, folder), { recursive: true });
    const record = mostLinked(join(root, folder));
    if (/^\d{8}-/.test(record)) {
      // A set named by date (log4brains) has no numbers to change: refused, nothing written.
      const run = await adrlint(root, ['renumber', join(folder, record)]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`adrlint: not renumbered: ${folder}/${record} is named by its date, not by a number\n`);
      expect(existsSync(join(root, folder, record))).toBe(true);
      return;
    }
    const before = await linkProblems(root, [folder]);
    const run = await adrlint(root, ['renumber', join(folder, record)]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const renamed = /→ (\S+?);/.exec(run.stdout)![1]!.split('/').pop()!;
    expect(existsSync(join(root, folder, record))).toBe(false);
    expect(existsSync(join(root, folder, renamed))).toBe(true);
    const stem = (name: string) => name.replace(/\.md$/, '');
    const after = await linkProblems(root, [folder]);
    // In file name order, which the rename changes.
    expect(after.sort()).toEqual(before.map((line) => line.replaceAll(stem(record), stem(renamed))).sort());
  });
});
