// The set rules' problems kept in the cache (src/run/set-cache.ts): a warm run reuses them only
// when what they read is unchanged, so a warm run is the cold run byte for byte, whatever changed
// between the two and wherever it changed. (Speed is `npm run bench`'s, never a test's.)
import { readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../scripts/bench-corpus.ts';
import { formatJson } from '../src/format/json.ts';
import { countParses } from '../src/parse/parse-adr.ts';
import { HEAD_FIELDS } from '../src/model/record-fields.ts';
import { checkAdr } from '../src/engine/run-rules.ts';
import { parseAdr } from '../src/parse/parse-adr.ts';
import { buildRecord } from '../src/parse/record.ts';
import { lintProject, type RunOptions } from '../src/run/lint-project.ts';
import { projectOf } from '../src/run/set-context.ts';
import { rules } from '../rules/index.ts';
import type { AdrRecord } from '../src/model/types.ts';
import { fixture, removeFixtures } from './helpers/cli.ts';

afterAll(removeFixtures);

const report = async (options: RunOptions) => formatJson((await lintProject(options)).results);

/** The run with the cache (as it was left by the runs before) and without: they must agree. */
async function agree(root: string, options: Partial<RunOptions> = {}): Promise<string> {
  const cold = await report({ cwd: root, paths: ['docs/adr'], concurrency: 'off', ...options });
  const warm = await report({ cwd: root, paths: ['docs/adr'], concurrency: 'off', cache: { location: join(root, 'cache.json') }, ...options });
  expect(warm).toBe(cold);
  return warm;
}

const ADR = (number: number, title: string, body = '') =>
  `# ${number}. ${title}\n\nDate: 2024-01-${String(number).padStart(2, '0')}\n\n## Status\n\nAccepted\n\n## Context\n\nc${body}\n\n## Decision\n\nd\n\n## Consequences\n\ne\n`;

describe('the set rules\' problems in the cache', () => {
  it('nothing changed: the warm run is the cold run, with and without workers, and parses nothing', async () => {
    const root = fixture();
    generateCorpus({ count: 60, seed: 3, root });
    const cache = { location: join(root, 'cache.json') };
    const cold = await report({ cwd: root, paths: ['docs/adr'], concurrency: 'off' });
    // The generator plants set-rule problems that carry fixes.
    expect(cold).toMatch(/"ruleId":"adr-(?:supersede|link)"[^}]*"fix"/);
    expect(await report({ cwd: root, paths: ['docs/adr'], concurrency: 2, cache })).toBe(cold);
    const stop = countParses();
    expect(await report({ cwd: root, paths: ['docs/adr'], concurrency: 'off', cache })).toBe(cold);
    expect(await report({ cwd: root, paths: ['docs/adr'], concurrency: 2, cache })).toBe(cold);
    expect(stop()).toEqual([]);
  });

  it('one file\'s new relation changes another file\'s problem, and taking it back changes it back', async () => {
    const root = fixture({ '.git/HEAD': 'ref: refs/heads/main\n', 'docs/adr/0001-old.md': ADR(1, 'Old'), 'docs/adr/0002-new.md': ADR(2, 'New'), 'docs/adr/0003-other.md': ADR(3, 'Other') });
    const clean = await agree(root);
    const path = join(root, 'docs/adr/0002-new.md');
    writeFileSync(path, ADR(2, 'New').replace('Accepted\n', 'Accepted\n\nSupersedes [1. Old](0001-old.md)\n'));
    expect(await agree(root)).toMatch(/0002-new.md supersedes this ADR/);
    writeFileSync(path, ADR(2, 'New'));
    expect(await agree(root)).toBe(clean);
  });

});

describe('what a warm run checks again', () => {
  it('a heading renamed in the body of the file a link points into: the link\'s file is checked again', async () => {
    const root = fixture({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'docs/adr/0001-a.md': ADR(1, 'A', '\n\nSee [the plan](0002-b.md#the-plan).'),
      'docs/adr/0002-b.md': ADR(2, 'B', '\n\n### The plan\n\np'),
    });
    expect(await agree(root)).not.toMatch(/#the-plan/);
    writeFileSync(join(root, 'docs/adr/0002-b.md'), ADR(2, 'B', '\n\n### The plans\n\np'));
    expect(await agree(root)).toMatch(/has no heading for \\"#the-plan\\"; did you mean \\"#the-plans\\"/);
    writeFileSync(join(root, 'docs/adr/0002-b.md'), ADR(2, 'B', '\n\n### The plan\n\np'));
    expect(await agree(root)).not.toMatch(/#the-plan/);
  });

  it('files around the set that appear, disappear or change: links to them are checked again', async () => {
    const root = fixture({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'docs/design.md': '# Design\n\n## Storage\n\ns\n',
      'docs/adr/0001-a.md': ADR(1, 'A', '\n\nSee [design](../design.md#storage), ![x](img.png) and [notes](notes.txt).'),
      'docs/adr/0002-b.md': ADR(2, 'B'),
    });
    const first = await agree(root);
    expect(first).toMatch(/Image \\"img.png\\" does not exist/);
    expect(first).toMatch(/Link target \\"notes.txt\\" does not exist"/);
    writeFileSync(join(root, 'docs/adr/img.png'), '');
    expect(await agree(root)).not.toMatch(/img.png/);
    // A name a typo away appears in the folder: the guess is offered.
    writeFileSync(join(root, 'docs/adr/note.txt'), 'n\n');
    expect(await agree(root)).toMatch(/Link target \\"notes.txt\\" does not exist; did you mean \\"note.txt\\"/);
    writeFileSync(join(root, 'docs/design.md'), '# Design\n\n## Storing\n\ns\n');
    expect(await agree(root)).toMatch(/has no heading for \\"#storage\\"/);
    unlinkSync(join(root, 'docs/design.md'));
    expect(await agree(root)).toMatch(/Link target \\"..\/design.md\\" does not exist/);
    rmSync(join(root, 'docs/adr/img.png'));
    expect(await agree(root)).toMatch(/img.png/);
  });

  it('a file added to the set, a title and a number changed: every file is checked again', async () => {
    const root = fixture({ '.git/HEAD': 'ref: refs/heads/main\n', 'docs/adr/0001-a.md': ADR(1, 'A'), 'docs/adr/0002-b.md': ADR(2, 'B') });
    await agree(root);
    writeFileSync(join(root, 'docs/adr/0003-c.md'), ADR(3, 'A'));
    expect(await agree(root)).toMatch(/adr-title-duplicate/);
    writeFileSync(join(root, 'docs/adr/0003-c.md'), ADR(2, 'C'));
    expect(await agree(root)).toMatch(/adr-number/);
    // A run of a subset reads the others for the set: it agrees too, before and after a change.
    const subset = { paths: ['docs/adr/0001-a.md'] };
    await agree(root, subset);
    writeFileSync(join(root, 'docs/adr/0001-d.md'), ADR(1, 'D'));
    expect(await agree(root, subset)).toMatch(/adr-number-duplicate/);
  });

  it('with --fix (dry run), the fixes of kept problems are the fixes of found ones', async () => {
    const root = fixture();
    generateCorpus({ count: 40, seed: 5, root });
    const fix = { write: false };
    const cold = formatJson((await lintProject({ cwd: root, paths: ['docs/adr'], concurrency: 'off', fix })).results);
    const cache = { location: join(root, 'cache.json') };
    await lintProject({ cwd: root, paths: ['docs/adr'], concurrency: 'off', cache });
    expect(formatJson((await lintProject({ cwd: root, paths: ['docs/adr'], concurrency: 'off', cache, fix })).results)).toBe(cold);
  });
});

// The set fingerprint holds only the head fields of the set's records: a set rule that read
// another field of a record it does not lint would be given a stale answer by the cache.
describe('the set rules read only the head fields of the records they do not lint', () => {
  it('on a generated set with every set rule\'s problems, no other field is read', async () => {
    const root = fixture();
    const generatedFiles = generateCorpus({ count: 80, seed: 9, root }).files;
    const dated = (number: number, title: string, date: string, extra = '') => `# ${number}. ${title}\n\nDate: ${date}\n\n## Status\n\nAccepted\n${extra}\n## Context\n\nc\n\n## Decision\n\nd\n`;
    const planted: Record<string, string> = {
      // A number two files share, a title two files share, a name out of the folder's habit, a date out of order.
      '0002-dup.md': dated(2, 'Dup', '2016-01-02'),
      '0090-same.md': dated(90, 'Same', '2030-01-01'),
      '0091-same-again.md': dated(91, 'Same', '2016-01-01'),
      'ADR 92 bad name.md': dated(92, 'Bad name', '2030-01-02'),
      // One side of a supersede pair; links to a renamed record, to a missing heading of another record.
      '0093-sup.md': dated(93, 'Sup', '2030-01-03', '\nSupersedes [90. Same](0090-same.md)\n'),
      '0094-links.md': dated(94, 'Links', '2030-01-04', '\nSee [a](0090-same.md#nope), [b](0095-old-name.md) and [c](0093-sup.md#context).\n'),
      '0095-new-name.md': dated(95, 'New name', '2030-01-05'),
    };
    for (const [name, text] of Object.entries(planted)) writeFileSync(join(root, 'docs/adr', name), text);
    const files = [...generatedFiles, ...Object.keys(planted).map((name) => join(root, 'docs/adr', name))];
    const run = await lintProject({ cwd: root, paths: ['docs/adr'], concurrency: 'off' });
    const catalogue = run.catalogue;
    const full = files.map((file) => buildRecord(parseAdr(file, readFileSync(file, 'utf8'), catalogue), catalogue));
    const project = projectOf(full, root);
    const read: string[] = [];
    const heads = new Set<string>(HEAD_FIELDS);
    const guarded = (record: AdrRecord) =>
      new Proxy(record, {
        get(target, key, receiver) {
          if (typeof key === 'string' && !heads.has(key)) read.push(`${record.name}.${key}`);
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
    let problems = 0;
    const rulesReporting = new Set<string>();
    for (const [index, file] of files.entries()) {
      const adr = parseAdr(file, readFileSync(file, 'utf8'), catalogue);
      const own = full[index]!;
      const set = full.map((record) => (record === own ? own : guarded(record)));
      const found = checkAdr(adr, set, { rules, catalogue, config: run.config, project, conventions: run.conventions }, own, 'set');
      problems += found.length;
      for (const problem of found) rulesReporting.add(problem.ruleId ?? '');
    }
    expect(problems).toBeGreaterThan(5);
    // adr-index is off by default and lints only an index page (src/run/stages/index-files.ts), never
    // an ADR; the page is checked afresh on every run, outside the set cache, so it may read any field.
    expect([...rulesReporting].sort()).toEqual(rules.filter((rule) => rule.meta.scope === 'set' && rule.meta.id !== 'adr-index').map((rule) => rule.meta.id).sort());
    expect([...new Set(read)]).toEqual([]);
  });
});
