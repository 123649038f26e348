// Parse once per pass: a run parses each file's text at most once (the file rules' parse goes on to
// the set rules and the fix), and the report and the Action's job summary read the run's records
// instead of parsing the files again from disk. Parses are counted by path and length of the text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../scripts/bench-corpus.ts';
import { formatJobSummary } from '../src/format/job-summary.ts';
import { buildSetReport, formatReportJson } from '../src/format/report.ts';
import { countParses, parseAdr } from '../src/parse/parse-adr.ts';
import { buildRecord } from '../src/parse/record.ts';
import { lintProject } from '../src/run/lint-project.ts';
import { fixture, removeFixtures } from './helpers/cli.ts';

afterAll(removeFixtures);

function generated(count: number): { root: string; files: string[] } {
  const root = fixture();
  generateCorpus({ count, seed: 7, root });
  const files = readdirSync(join(root, 'docs/adr')).filter((name) => name.endsWith('.md')).sort();
  return { root, files: files.map((name) => join(root, 'docs/adr', name)) };
}

/** How many times each file's whole text was parsed (a parse of a head is of a shorter text). */
function fullParses(log: ReadonlyArray<{ path: string; length: number }>, files: readonly string[]): Map<string, number> {
  const lengths = new Map(files.map((file) => [file, readFileSync(file, 'utf8').length]));
  const counts = new Map(files.map((file) => [file, 0]));
  for (const { path, length } of log) if (lengths.get(path) === length) counts.set(path, (counts.get(path) ?? 0) + 1);
  return counts;
}

describe('parse once per pass', () => {
  it('a run with set rules parses each file once, also the files whose set-rule problems carry a fix', async () => {
    const { root, files } = generated(100);
    const stop = countParses();
    const run = await lintProject({ cwd: root, paths: ['docs/adr'], concurrency: 'off' });
    const parses = fullParses(stop(), files);
    const setFixes = run.results.filter((r) => r.messages.some((m) => m.fix && ['adr-supersede', 'adr-link'].includes(m.ruleId ?? '')));
    // The generator plants set-rule problems with fixes: those files were parsed a second time for them.
    expect(setFixes.length).toBeGreaterThan(0);
    expect([...parses.values()].every((count) => count === 1), JSON.stringify([...parses])).toBe(true);
  });

  it('the report reads the run\'s records: each file parsed at most once over the run and the report, the same report as from full parses', async () => {
    const { root, files } = generated(30);
    const subset = files.slice(5, 8);
    const stop = countParses();
    const run = await lintProject({ cwd: root, paths: subset, concurrency: 'off' });
    expect(run.stats.indexed).toBeGreaterThan(20);
    const report = formatReportJson(buildSetReport(run.records, run.catalogue, { root, conventions: run.conventions }));
    formatReportJson(buildSetReport(run.records, run.catalogue, { root, conventions: run.conventions }));
    const parses = fullParses(stop(), files);
    expect([...parses.values()].every((count) => count <= 1), JSON.stringify([...parses])).toBe(true);
    const full = run.records.map((record) => buildRecord(parseAdr(record.path, readFileSync(record.path, 'utf8'), run.catalogue), run.catalogue));
    expect(report).toBe(formatReportJson(buildSetReport(full, run.catalogue, { root, conventions: run.conventions })));
  });

  it('the job summary reads the run\'s records: each file parsed at most once, also when the summary is written twice', async () => {
    const { root, files } = generated(30);
    const stop = countParses();
    const run = await lintProject({ cwd: root, paths: files.slice(0, 2), concurrency: 'off' });
    const summary = formatJobSummary({ results: run.results, records: run.records, catalogue: run.catalogue, root });
    formatJobSummary({ results: run.results, records: run.records, catalogue: run.catalogue, root, maxBytes: 4000 });
    const parses = fullParses(stop(), files);
    expect([...parses.values()].every((count) => count <= 1), JSON.stringify([...parses])).toBe(true);
    const full = run.records.map((record) => buildRecord(parseAdr(record.path, readFileSync(record.path, 'utf8'), run.catalogue), run.catalogue));
    expect(summary).toBe(formatJobSummary({ results: run.results, records: full, catalogue: run.catalogue, root }));
  });

  it('a warm run takes the other files\' records from the cache without parsing anything, and they are still complete', async () => {
    const { root, files } = generated(30);
    const cache = { location: join(root, 'cache.json') };
    const subset = files.slice(5, 8);
    await lintProject({ cwd: root, paths: subset, cache, concurrency: 'off' });
    const stop = countParses();
    const warm = await lintProject({ cwd: root, paths: subset, cache, concurrency: 'off' });
    expect(warm.stats).toMatchObject({ cacheHits: 30, cacheMisses: 0, linted: 0, indexed: 0 });
    expect(stop()).toEqual([]);
    const full = warm.records.map((record) => buildRecord(parseAdr(record.path, readFileSync(record.path, 'utf8'), warm.catalogue), warm.catalogue));
    expect(warm.records.map((record) => ({ ...record }))).toEqual(full.map((record) => ({ ...record })));
  });
});
