// The benchmark's generated corpus: the same seed gives the same bytes whatever the clock says,
// the records are ADR-sized, and adrlint reports exactly the defects planted in them, so the
// benchmark times a realistic run, not one that drowns in false reports.
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { corpusFiles, generateCorpus, generateScalingCorpus, REAL_SIZED, scalingCorpusFiles } from '../scripts/bench-corpus.ts';
import { findPeers, peerFolders, PEERS } from '../scripts/bench-peers.ts';
import { lintProject } from '../src/run/lint-project.ts';

const roots: string[] = [];
function newRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'adrlint-bench-corpus-'));
  roots.push(root);
  return root;
}
afterAll(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A hash of every file under the corpus root: relative path and bytes. */
function corpusHash(root: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of [...files, join(root, '.git', 'HEAD')]) hash.update(`${relative(root, file)}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

describe('generateCorpus', () => {
  it('writes the same bytes for the same seed, at any time, without Math.random', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('the corpus must not use Math.random');
    });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2001-02-03T04:05:06Z'));
    const firstRoot = newRoot();
    const first = generateCorpus({ count: 50, seed: 42, root: firstRoot });
    vi.setSystemTime(new Date('2039-11-12T13:14:15Z'));
    const secondRoot = newRoot();
    const second = generateCorpus({ count: 50, seed: 42, root: secondRoot });
    const otherRoot = newRoot();
    const other = generateCorpus({ count: 50, seed: 43, root: otherRoot });

    expect(first.files).toHaveLength(50);
    expect(first.files.map((file) => relative(firstRoot, file))).toEqual(second.files.map((file) => relative(secondRoot, file)));
    expect(corpusHash(firstRoot, first.files)).toBe(corpusHash(secondRoot, second.files));
    expect(corpusHash(otherRoot, other.files)).not.toBe(corpusHash(firstRoot, first.files));
  });

  it('names the records NNNN-kebab-title.md in docs/adr and marks the root as a repository', () => {
    const root = newRoot();
    const corpus = generateCorpus({ count: 120, seed: 7, root });
    expect(corpus.folder).toBe(join(root, 'docs', 'adr'));
    expect(corpus.files.map((file) => basename(file).slice(0, 5))).toEqual(Array.from({ length: 120 }, (_, index) => `${String(index + 1).padStart(4, '0')}-`));
    for (const file of corpus.files) expect(relative(root, file)).toMatch(/^docs\/adr\/\d{4}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/);
    expect(readFileSync(join(root, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
  });

  it('writes records of about 4 KB', () => {
    const root = newRoot();
    const sizes = generateCorpus({ count: 100, seed: 42, root }).files.map((file) => statSync(file).size);
    const mean = sizes.reduce((sum, size) => sum + size, 0) / sizes.length;
    expect(mean).toBeGreaterThanOrEqual(3.5 * 1024);
    expect(mean).toBeLessThanOrEqual(4.5 * 1024);
    expect(Math.min(...sizes)).toBeGreaterThan(2 * 1024);
    expect(Math.max(...sizes)).toBeLessThan(6 * 1024);
  });

  it('holds MADR records: frontmatter with 1 to 3 patterns, sections in order, a code block, a table, links', () => {
    const root = newRoot();
    const { files } = generateCorpus({ count: 30, seed: 42, root });
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const patterns = /^patterns:(?: \[(.*)\]|\n((?: {2}.*\n)+))/m.exec(text);
      expect(patterns, file).not.toBeNull();
      const count = patterns![1] !== undefined ? patterns![1].split(',').length : (patterns![2]!.match(/^ {2}- /gm) ?? []).length;
      expect(count).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThanOrEqual(3);
      const headings = [...text.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
      expect(headings.slice(0, 4)).toEqual(['Context and Problem Statement', 'Decision Drivers', 'Considered Options', 'Decision Outcome']);
      expect(text).toMatch(/^Chosen option: ".+", because /m);
      expect(text).toMatch(/^```(?:yaml|ts)\n/m);
      expect(text).toMatch(/^\|---\|---\|---\|---\|$/m);
      expect(text).toMatch(/^\* Good, because /m);
    }
    expect(files.slice(1).every((file) => /\[ADR \d+\]\(\d{4}-[a-z0-9-]+\.md(?:#[a-z-]+)?\)/.test(readFileSync(file, 'utf8')))).toBe(true);
  });

  it('supersedes about one record in twenty, both sides written except where planted', () => {
    const root = newRoot();
    const { files } = generateCorpus({ count: 400, seed: 42, root });
    const texts = files.map((file) => readFileSync(file, 'utf8'));
    const supersedes = texts.filter((text) => /^supersedes: /m.test(text)).length;
    const supersededBy = texts.filter((text) => /^superseded-by: /m.test(text)).length;
    expect(supersedes).toBeGreaterThanOrEqual(10);
    expect(supersedes).toBeLessThanOrEqual(40);
    // One planted one-sided supersede per hundred records.
    expect(supersededBy).toBe(supersedes - 4);
  });
});

describe('adrlint over a generated corpus', () => {
  it('reports exactly the planted defects of a 100-file corpus, nothing else', async () => {
    const root = newRoot();
    const corpus = generateCorpus({ count: 100, seed: 42, root });
    const { results } = await lintProject({ cwd: root, paths: ['docs/adr'] });
    expect(results).toHaveLength(100);
    const found = results.flatMap((result) => result.messages.map((m) => `${basename(result.filePath).slice(0, 4)} ${m.severity} ${m.ruleId}`)).sort();
    expect(found).toEqual([
      '0007 error pattern-slug', // a slug with one letter missing
      '0023 error adr-status', // status "acepted"
      '0029 error adr-supersede', // 0061 supersedes it; it does not say it is superseded
      '0047 error adr-link', // a link to another record's "#decision-outcomes"
      '0089 warn pattern-undeclared', // a linked pattern the frontmatter does not declare
    ]);
    expect(corpus.defects.map((defect) => `${basename(defect.file).slice(0, 4)} ${defect.severity} ${defect.ruleId}`).sort()).toEqual(found);
  });
});

/** `file ruleId` for every message of a run, sorted, and the same for a corpus's planted defects. */
function reported(results: Array<{ filePath: string; messages: Array<{ ruleId: string | null }> }>, root: string): string[] {
  return results.flatMap((result) => result.messages.map((m) => `${relative(root, result.filePath)} ${m.ruleId}`)).sort();
}
function planted(defects: Array<{ file: string; ruleId: string }>, root: string): string[] {
  return defects.map((defect) => `${relative(root, defect.file)} ${defect.ruleId}`).sort();
}

describe('the real-sized profile', () => {
  it('writes 110 records of 30 to 73 KB, 5.5 to 6 MB in all, the largest within a block of 73 KB', () => {
    const root = newRoot();
    const corpus = generateCorpus({ ...REAL_SIZED, seed: 42, root });
    const sizes = corpus.files.map((file) => statSync(file).size);
    expect(sizes).toHaveLength(110);
    const total = sizes.reduce((sum, size) => sum + size, 0);
    expect(total).toBeGreaterThan(5.5e6);
    expect(total).toBeLessThan(6e6);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(73 * 1024);
    expect(Math.max(...sizes)).toBeGreaterThan(72 * 1024);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(29 * 1024);
  });

  it('pads only "More Information": each record starts with the bytes of the same record unpadded', () => {
    const plain = corpusFiles(30, 42).files;
    const padded = corpusFiles(30, 42, { sizes: REAL_SIZED.sizes }).files;
    expect([...padded.keys()]).toEqual([...plain.keys()]);
    for (const [path, text] of plain) {
      const cut = text.indexOf('\n## More Information\n');
      expect(padded.get(path)!.slice(0, cut)).toBe(text.slice(0, cut));
    }
  });

  it('adrlint reports exactly its planted defects', async () => {
    const root = newRoot();
    const corpus = generateCorpus({ count: 40, seed: 3, root, sizes: { minBytes: 20_000, maxBytes: 40_000 } });
    const { results } = await lintProject({ cwd: root, paths: ['docs/adr'] });
    expect(reported(results, root)).toEqual(planted(corpus.defects, root));
  });
});

describe('every kind of defect', () => {
  it('adds a broken link to a near record name and two records sharing a number in every hundred, and adrlint reports exactly the planted ones', async () => {
    const root = newRoot();
    const corpus = generateCorpus({ count: 200, seed: 42, root, everyDefect: true });
    const { results } = await lintProject({ cwd: root, paths: ['docs/adr'] });
    const found = reported(results, root);
    expect(found).toEqual(planted(corpus.defects, root));
    const rules = found.map((line) => line.split(' ')[1]);
    expect(rules.filter((rule) => rule === 'adr-number-duplicate')).toHaveLength(4);
    expect(rules.filter((rule) => rule === 'adr-link')).toHaveLength(4);
    const broken = results.flatMap((result) => result.messages).filter((m) => m.ruleId === 'adr-link' && /does not exist/.test(m.message));
    expect(broken).toHaveLength(2);
    for (const message of broken) expect(message.message).toMatch(/did you mean/);
  });

  it('declares every pattern of the catalogue in a set of 200', () => {
    const { files } = corpusFiles(200, 42, { everyDefect: true });
    const declared = new Set([...files.values()].flatMap((text) => [...text.matchAll(/^ {2}- (?:slug: )?([a-z-]+)$/gm), ...text.matchAll(/^patterns: \[(.*)\]$/gm)].flatMap((match) => match[1]!.split(', '))));
    const catalogue = readFileSync(new URL('../data/catalogue.yaml', import.meta.url), 'utf8');
    const slugs = [...catalogue.matchAll(/^ {4}slug: ([a-z-]+)$/gm)].map((match) => match[1]!);
    expect(slugs.length).toBeGreaterThan(5);
    for (const slug of slugs) expect(declared, slug).toContain(slug);
  });
});

describe('the scaling set', () => {
  it('gives every record a broken link and a number it shares, and adrlint reports exactly those', async () => {
    const root = newRoot();
    const corpus = generateScalingCorpus({ count: 41, seed: 42, root });
    expect(corpus.files).toHaveLength(41);
    expect(corpus.defects).toHaveLength(82);
    const numbers = corpus.files.map((file) => basename(file).slice(0, 4));
    expect(new Set(numbers).size).toBe(20);
    const { results } = await lintProject({ cwd: root, paths: ['docs/adr'] });
    expect(reported(results, root)).toEqual(planted(corpus.defects, root));
  });

  it('is the same bytes for the same seed, short records, dates in the past, five-digit numbers past 19,998 records', () => {
    const first = scalingCorpusFiles(100, 9);
    expect([...scalingCorpusFiles(100, 9).files]).toEqual([...first.files]);
    for (const text of first.files.values()) expect(Buffer.byteLength(text)).toBeLessThan(1500);
    const large = scalingCorpusFiles(20_000, 9).files;
    expect([...large.keys()].at(-1)).toMatch(/^docs\/adr\/10000-/);
    // Never a date still to come (adr-date), however large the set.
    const dates = [...large.values()].map((text) => /^date: (\S+)$/m.exec(text)![1]!).sort();
    expect(dates.at(-1)! < '2021-01-01').toBe(true);
    expect(() => scalingCorpusFiles(1, 9)).toThrow(RangeError);
  });
});

describe('the peers', () => {
  it('are found in the --peers folder first, then node_modules/.bin and PATH, and reported missing otherwise', () => {
    const root = newRoot();
    const bin = join(root, 'peers', 'node_modules', '.bin');
    mkdirSync(bin, { recursive: true });
    const script = join(root, 'peers', 'node_modules', 'markdownlint-cli2', 'cli.mjs');
    mkdirSync(join(script, '..'), { recursive: true });
    writeFileSync(script, '#!/usr/bin/env node\n');
    symlinkSync(script, join(bin, 'markdownlint-cli2'));
    const elsewhere = join(root, 'path');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'madr-lint'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(elsewhere, 'madr-lint'), 0o755);
    const folders = peerFolders(join(root, 'package'), join(root, 'peers'), elsewhere);
    expect(folders).toEqual([bin, join(root, 'peers', 'bin'), join(root, 'peers'), join(root, 'package', 'node_modules', '.bin'), elsewhere]);
    const [madr, markdownlint] = findPeers(folders, PEERS);
    expect(madr).toMatchObject({ found: { name: 'madr-lint', path: join(elsewhere, 'madr-lint'), node: false } });
    expect(markdownlint).toMatchObject({ found: { name: 'markdownlint-cli2', path: script, node: true } });
    expect(findPeers([join(root, 'package')], PEERS).map((lookup) => 'missing' in lookup)).toEqual([true, true]);
  });
});
