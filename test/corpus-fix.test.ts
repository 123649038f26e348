// `adrlint --fix` over copies of real ADR collections (../shared/corpus): files with nothing to fix
// stay byte-identical, every file still parses, and the changed ones keep their line endings, BOM
// and every line no fix touched. The corpus is copied to a temp folder at run time, never into
// the repository, and nothing of it is read while the tests are being collected.
import { cpSync, existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adrlint, fixture, parseJson, removeFixtures, type CliRun, type JsonResult } from './helpers/cli.ts';

const corpus = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

interface FolderRun {
  folder: string;
  /** Every file of the copy (relative to the work folder) and its bytes before fixing. */
  before: Map<string, Buffer>;
  lintBefore: JsonResult[];
  fix: CliRun;
  /** Bytes after the first --fix. */
  after: Map<string, Buffer>;
  lintAfter: JsonResult[];
  secondFix: CliRun;
  afterSecond: Map<string, Buffer>;
}

function filesUnder(root: string, folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .map((path) => join(folder, path))
    .filter((path) => lstatSync(join(root, path)).isFile())
    .sort();
}

function bytesOf(root: string, folder: string): Map<string, Buffer> {
  return new Map(filesUnder(root, folder).map((path) => [path, readFileSync(join(root, path))]));
}

/** Which line endings a text uses. */
function lineEndings(text: string): { crlf: number; lf: number; cr: number } {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
  const cr = (text.match(/\r/g)?.length ?? 0) - crlf;
  return { crlf, lf, cr };
}
const endingKinds = (text: string) =>
  Object.entries(lineEndings(text))
    .filter(([, count]) => count > 0)
    .map(([kind]) => kind);

/** Lines with their line endings, and where each starts. */
function linesOf(text: string): Array<{ text: string; start: number; end: number }> {
  const lines: Array<{ text: string; start: number; end: number }> = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) && match[0] !== '') {
    lines.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return lines;
}

/** `needles` occur in `haystack` in order (not necessarily next to each other). */
function isSubsequence(needles: readonly string[], haystack: readonly string[]): { ok: true } | { ok: false; missing: string } {
  let at = 0;
  for (const needle of needles) {
    while (at < haystack.length && haystack[at] !== needle) at++;
    if (at === haystack.length) return { ok: false, missing: needle };
    at++;
  }
  return { ok: true };
}

const hasBom = (bytes: Buffer) => bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

describe.skipIf(!existsSync(corpus))('adrlint --fix over the shared corpus', () => {
  let work: string;
  const runs: FolderRun[] = [];

  beforeAll(async () => {
    work = fixture();
    const folders = readdirSync(corpus, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    for (const folder of folders) {
      cpSync(join(corpus, folder), join(work, folder), { recursive: true });
      const before = bytesOf(work, folder);
      const lintBefore = parseJson(await adrlint(work, ['--format', 'json', folder]));
      const fix = await adrlint(work, ['--fix', folder]);
      const after = bytesOf(work, folder);
      const lintAfter = parseJson(await adrlint(work, ['--format', 'json', folder]));
      const secondFix = await adrlint(work, ['--fix', folder]);
      runs.push({ folder, before, lintBefore, fix, after, lintAfter, secondFix, afterSecond: bytesOf(work, folder) });
    }
  }, 600_000);

  afterAll(() => removeFixtures());

  /** The copy's relative path of a result. */
  const pathOf = (result: JsonResult) => relative(work, result.filePath);

  it('has folders of ADRs to fix', () => {
    expect(runs.length).toBeGreaterThan(0);
    for (const run of runs) expect(run.lintBefore.length, run.folder).toBeGreaterThan(0);
  });

  it('runs --fix without a usage or internal error, and the same files are linted afterwards', () => {
    for (const run of runs) {
      expect(run.fix.stderr, run.folder).toBe('');
      expect([0, 1], `${run.folder}: exit ${run.fix.code}`).toContain(run.fix.code);
      expect(run.fix.stdout).not.toMatch(/internal error|changed on disk|could not be written/);
      expect(run.lintAfter.map(pathOf), run.folder).toEqual(run.lintBefore.map(pathOf));
      expect([...run.after.keys()], `${run.folder}: files were added or removed`).toEqual([...run.before.keys()]);
    }
  });

  it('leaves every file that had nothing fixable byte-identical', () => {
    for (const run of runs) {
      const fixable = new Set(run.lintBefore.filter((result) => result.messages.some((m) => m.fix)).map(pathOf));
      for (const [path, bytes] of run.before) {
        if (fixable.has(path)) continue;
        expect(run.after.get(path)?.equals(bytes), `${path} had nothing fixable but changed`).toBe(true);
      }
    }
  });

  it('leaves every file parsing: no new frontmatter-syntax problem, no fatal error', () => {
    for (const run of runs) {
      const before = new Map(run.lintBefore.map((result) => [pathOf(result), result]));
      for (const result of run.lintAfter) {
        const path = pathOf(result);
        expect(result.fatalErrorCount, `${path}: ${result.messages[0]?.message}`).toBe(0);
        expect(result.messages.filter((m) => m.fatal || m.ruleId === null), path).toEqual([]);
        const syntaxBefore = (before.get(path)?.messages ?? []).filter((m) => m.ruleId === 'frontmatter-syntax').map((m) => m.message);
        for (const message of result.messages.filter((m) => m.ruleId === 'frontmatter-syntax')) {
          expect(syntaxBefore, `${path}: a new frontmatter-syntax problem: ${message.message}`).toContain(message.message);
        }
      }
    }
  });

  it('leaves nothing fixable, and a second --fix changes nothing', () => {
    for (const run of runs) {
      for (const result of run.lintAfter) {
        expect(
          result.messages.filter((m) => m.fix).map((m) => `${m.line}:${m.column} ${m.ruleId}`),
          `${pathOf(result)} still has fixable problems`,
        ).toEqual([]);
      }
      expect(run.secondFix.stderr).toBe('');
      expect(run.secondFix.stdout, run.folder).not.toMatch(/fixed in/);
      for (const [path, bytes] of run.after) expect(run.afterSecond.get(path)?.equals(bytes), `${path} changed on the second --fix`).toBe(true);
    }
  });

  it('changes files only inside the edited ranges: BOM, line endings, final newline and untouched lines stay', () => {
    let changed = 0;
    for (const run of runs) {
      const fixes = new Map(run.lintBefore.map((result) => [pathOf(result), result.messages.flatMap((m) => (m.fix ? [m.fix] : []))]));
      for (const [path, bytes] of run.before) {
        const afterBytes = run.after.get(path);
        if (!afterBytes || afterBytes.equals(bytes)) continue;
        changed++;
        expect(hasBom(afterBytes), `${path}: BOM`).toBe(hasBom(bytes));
        const before = bytes.toString('utf8').replace(/^\uFEFF/, '');
        const after = afterBytes.toString('utf8').replace(/^\uFEFF/, '');
        expect(endingKinds(after), `${path}: line endings`).toEqual(endingKinds(before));
        expect(/[\r\n]$/.test(after), `${path}: final newline`).toBe(/[\r\n]$/.test(before));
        // Every line of the original that no fix (of the first pass) touches is still there, in
        // order, with its own line ending and trailing whitespace.
        const ranges = fixes.get(path) ?? [];
        expect(ranges.length, `${path} changed without a fixable problem`).toBeGreaterThan(0);
        const untouched = linesOf(before)
          .filter((line) => !ranges.some(({ range: [start, end] }) => start <= line.end && end >= line.start))
          .map((line) => line.text);
        const kept = isSubsequence(untouched, linesOf(after).map((line) => line.text));
        expect(kept, `${path}: a line outside the edits changed`).toEqual({ ok: true });
      }
    }
    // Make the test say so when the corpus gives nothing to fix (then the checks above ran on nothing).
    expect(changed, 'no corpus file was fixed').toBeGreaterThan(0);
  });
});
