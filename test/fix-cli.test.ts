// End-to-end tests of fixing with the built `adrlint` command: --fix (converging in one run,
// atomic writes that keep the mode, the bytes outside the edits and symbolic links),
// --fix-dry-run (a unified diff, nothing written), --fix-rule, the summary, JSON output, exit
// codes, `adrlint link`, and files that cannot be read.
import { rules } from '../rules/index.ts';
import { chmodSync, lstatSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyPatch, parsePatch } from 'diff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findConfigFile } from '../src/io/config-file.ts';
import { adrlint, fixture, parseJson, removeFixtures, resultFor, STACK_TRACE, writeFiles, type CliRun, type FixtureFiles, type JsonResult } from './helpers/cli.ts';

const SAGA_URL = 'https://learn.microsoft.com/azure/architecture/patterns/saga';
const CQRS_URL = 'https://learn.microsoft.com/azure/architecture/patterns/cqrs';
const OUTBOX_URL = 'https://microservices.io/patterns/data/transactional-outbox.html';
// The pages linkTemplate "../patterns/{slug}.md" names, beside docs/adr.
const PATTERN_PAGES = { 'docs/patterns/saga-pattern.md': '# Saga Pattern\n', 'docs/patterns/cqrs-pattern.md': '# CQRS Pattern\n' };

// A typo in the slug (error), two unlinked mentions and two undeclared patterns (warnings).
const TYPO = `---
status: accepted
patterns: [sagapatern]
---

# Orders

We use the saga pattern and also CQRS.
`;
// The typo fixed, the missing slugs declared (the typo's fix and the declaration made a duplicate,
// removed in the second pass), both mentions linked.
const TYPO_FIXED = `---
status: accepted
patterns: [saga-pattern, cqrs-pattern]
---

# Orders

We use the [saga pattern](${SAGA_URL}) and also [CQRS](${CQRS_URL}).
`;

// Every fixable rule at once: pattern-slug (a name, an alias), pattern-category (a wrong one, a
// wrong case, a typo), pattern-duplicate, pattern-undeclared and pattern-link.
const ALL_RULES = `---
status: accepted # kept
patterns:
  - slug: Saga Pattern
    category: data pattern
  - CQRS
  - cqrs-pattern
categories: [transaction pattern, Data Patern]
---

# Order steps

We coordinate the steps with a saga, keep reads apart with CQRS
and publish through the outbox pattern. The saga again.
`;
const ALL_RULES_FIXED = `---
status: accepted # kept
patterns:
  - slug: saga-pattern
    category: Transaction Pattern
  - cqrs-pattern
  - outbox-pattern
categories: [Transaction Pattern, Data Pattern]
---

# Order steps

We coordinate the steps with a [saga](${SAGA_URL}), keep reads apart with [CQRS](${CQRS_URL})
and publish through the [outbox pattern](${OUTBOX_URL}). The saga again.
`;

// An unknown status (an error no rule fixes) and a fixable slug typo.
const UNFIXABLE = `---
status: done
patterns: [sagapatern]
---

# Broken status

Nothing else here.
`;

// Clean: nothing to report, nothing to fix.
const CLEAN = `---
status: accepted
patterns: [saga-pattern]
---

# Clean

We use the [Saga Pattern](${SAGA_URL}).
`;

const read = (root: string, path: string) => readFileSync(join(root, path));
const readText = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

/** Every file under `root`, as paths relative to it (symbolic links included, not followed). */
function listFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => !lstatSync(join(root, path)).isDirectory())
    .sort();
}

/** Every file's bytes under `root`, keyed by relative path (links read through). */
function snapshot(root: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const path of listFiles(root)) {
    try {
      files.set(path, read(root, path));
    } catch {
      // A dangling link or an unreadable file: nothing to compare.
    }
  }
  return files;
}

function expectUnchanged(root: string, before: Map<string, Buffer>): void {
  expect(listFiles(root)).toEqual([...before.keys()].sort());
  for (const [path, bytes] of before) expect(read(root, path).equals(bytes), `${path} changed`).toBe(true);
}

/** No temp file of an atomic write is left anywhere under `root`. */
function expectNoTempFiles(root: string): void {
  expect(listFiles(root).filter((path) => /adrlint-[0-9a-f]+\.tmp$|\.tmp$/.test(path))).toEqual([]);
}

/** The original with each [before, after] replaced once, in order: every other byte is kept. */
function edited(original: string, replacements: ReadonlyArray<readonly [string, string]>): string {
  let text = original;
  for (const [from, to] of replacements) {
    expect(text.includes(from), `the fixture holds ${JSON.stringify(from)}`).toBe(true);
    text = text.replace(from, () => to);
  }
  return text;
}

/** The stdout of --fix-dry-run up to the summary: the unified diff. */
function diffPart(stdout: string): string {
  const summary = stdout.search(/^(?:✔|✖|⚠|\n[^\n]*\n {2}\d+:\d+ )/m);
  return summary < 0 ? stdout : stdout.slice(0, summary);
}

/** Apply the printed diff of each file to the file as it is, as `patch` would. */
function applyPrintedDiff(root: string, stdout: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const patch of parsePatch(diffPart(stdout))) {
    expect(patch.oldFileName?.startsWith('a/'), patch.oldFileName).toBe(true);
    expect(patch.newFileName).toBe(`b/${patch.oldFileName?.slice(2)}`);
    const path = patch.oldFileName!.slice(2);
    const patched = applyPatch(readText(root, path), patch);
    expect(patched, `the diff of ${path} applies`).not.toBe(false);
    out.set(path, patched as string);
  }
  return out;
}

function expectUsageError(run: CliRun, message: RegExp): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(STACK_TRACE);
}

function project(files: FixtureFiles): string {
  return fixture(files);
}

beforeAll(() => {
  // Config discovery searches upward: a stray config above the temp folder would change every run.
  expect(findConfigFile(tmpdir()), 'a config file above the temp folder would leak into these tests').toBeNull();
});

/** Permissions this file took away, given back before the fixtures are removed. */
const restore: Array<() => void> = [];

afterAll(() => {
  for (const undo of restore.splice(0)) undo();
  removeFixtures();
});

describe('--fix', () => {
  it('fixes every fixable problem and converges in one run: a second --fix changes nothing', async () => {
    const root = project({ 'docs/adr/0001-typo.md': TYPO, 'docs/adr/0002-all.md': ALL_RULES });
    const run = await adrlint(root, ['--fix']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readText(root, 'docs/adr/0001-typo.md')).toBe(TYPO_FIXED);
    expect(readText(root, 'docs/adr/0002-all.md')).toBe(ALL_RULES_FIXED);

    const after = snapshot(root);
    const again = await adrlint(root, ['--fix']);
    expect(again).toMatchObject({ code: 0, stdout: '✔ 2 ADRs, no problems\n', stderr: '' });
    expectUnchanged(root, after);
    // Nothing fixable is left either.
    const lint = parseJson(await adrlint(root, ['-f', 'json']));
    expect(lint.flatMap((r) => r.messages)).toEqual([]);
    expectNoTempFiles(root);
  });

  it('keeps each file mode (0640, 0755, 0600)', async () => {
    const root = project({ 'docs/adr/0001-a.md': TYPO, 'docs/adr/0002-b.md': TYPO, 'docs/adr/0003-c.md': ALL_RULES });
    const modes: Record<string, number> = { 'docs/adr/0001-a.md': 0o640, 'docs/adr/0002-b.md': 0o755, 'docs/adr/0003-c.md': 0o600 };
    for (const [path, mode] of Object.entries(modes)) chmodSync(join(root, path), mode);
    const run = await adrlint(root, ['--fix']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    for (const [path, mode] of Object.entries(modes)) {
      expect(readText(root, path)).not.toBe(path.endsWith('c.md') ? ALL_RULES : TYPO);
      expect((statSync(join(root, path)).mode & 0o7777).toString(8), path).toBe(mode.toString(8));
    }
  });

  it('leaves no temp files in the folder, and touches no other file', async () => {
    const root = project({
      'docs/adr/0001-typo.md': TYPO,
      'docs/adr/0002-clean.md': CLEAN,
      'docs/adr/notes.txt': 'sagapatern\n',
      'docs/adr/README.md': TYPO,
      'docs/adr/sub/0003-all.md': ALL_RULES,
    });
    const before = snapshot(root);
    const run = await adrlint(root, ['--fix']);
    expect(run.code).toBe(0);
    expect(listFiles(root)).toEqual([...before.keys()].sort());
    expectNoTempFiles(root);
    for (const path of ['docs/adr/0002-clean.md', 'docs/adr/notes.txt', 'docs/adr/README.md']) expect(read(root, path).equals(before.get(path)!), path).toBe(true);
    expect(readText(root, 'docs/adr/sub/0003-all.md')).toBe(ALL_RULES_FIXED);
  });

  it('keeps CRLF line endings, trailing whitespace and a missing final newline', async () => {
    const original = '---\r\nstatus: accepted\r\npatterns:\r\n  - saga-pattern\r\n---\r\n\r\n# T  \r\n\r\nWe use the saga pattern and CQRS. \t\r\n\r\nLast line without a newline  ';
    const root = project({ 'docs/adr/0001-crlf.md': original });
    expect((await adrlint(root, ['--fix'])).code).toBe(0);
    expect(readText(root, 'docs/adr/0001-crlf.md')).toBe(
      edited(original, [
        ['  - saga-pattern\r\n', '  - saga-pattern\r\n  - cqrs-pattern\r\n'],
        ['the saga pattern and CQRS.', `the [saga pattern](${SAGA_URL}) and [CQRS](${CQRS_URL}).`],
      ]),
    );
  });

  it('keeps mixed line endings: every line outside the edits ends as it did', async () => {
    const original = '---\nstatus: accepted\r\npatterns:\n  - saga-pattern\r\n---\n\n# T\r\n\nWe use the saga pattern and also CQRS. \t\r\nMore text  \n\rOld Mac line\rend\n';
    const root = project({ 'docs/adr/0001-mixed.md': original });
    expect((await adrlint(root, ['--fix'])).code).toBe(0);
    const fixed = readText(root, 'docs/adr/0001-mixed.md');
    expect(fixed).toBe(
      edited(original, [
        // A new line ends as the YAML's first line does (CRLF), whatever its neighbours use.
        ['  - saga-pattern\r\n', '  - saga-pattern\r\n  - cqrs-pattern\r\n'],
        ['the saga pattern and also CQRS.', `the [saga pattern](${SAGA_URL}) and also [CQRS](${CQRS_URL}).`],
      ]),
    );
  });

  it('keeps a BOM (with LF and no final newline) and adds a frontmatter block after it', async () => {
    const withFrontmatter = '\uFEFF---\nstatus: accepted\npatterns: []\n---\n\n# T\n\nWe use CQRS.';
    const without = '\uFEFF# U\r\n\r\nWe use the saga pattern.\r\n';
    const root = project({ 'docs/adr/0001-bom.md': withFrontmatter, 'docs/adr/0002-bare.md': without });
    expect((await adrlint(root, ['--fix'])).code).toBe(0);
    const first = read(root, 'docs/adr/0001-bom.md');
    expect([...first.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(first.toString('utf8')).toBe(
      edited(withFrontmatter, [
        ['patterns: []', 'patterns: [cqrs-pattern]'],
        ['We use CQRS.', `We use [CQRS](${CQRS_URL}).`],
      ]),
    );
    const second = read(root, 'docs/adr/0002-bare.md');
    expect([...second.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(second.toString('utf8')).toBe(
      `\uFEFF---\r\npatterns:\r\n  - saga-pattern\r\n---\r\n\r\n# U\r\n\r\nWe use the [saga pattern](${SAGA_URL}).\r\n`,
    );
    // The BOM is not doubled by a second run.
    expect((await adrlint(root, ['--fix'])).stdout).toBe('✔ 2 ADRs, no problems\n');
    expect(read(root, 'docs/adr/0002-bare.md').equals(second)).toBe(true);
  });

  it('fixes a symlinked ADR through the link: the link stays a link', async () => {
    const root = project({ 'shared/0001-orders.md': TYPO, 'docs/adr/0002-clean.md': CLEAN });
    symlinkSync('../../shared/0001-orders.md', join(root, 'docs/adr/0001-orders.md'));
    chmodSync(join(root, 'shared/0001-orders.md'), 0o640);
    const run = await adrlint(root, ['--fix']);
    expect(run.code, run.stdout).toBe(0);
    const link = join(root, 'docs/adr/0001-orders.md');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('../../shared/0001-orders.md');
    expect(readText(root, 'shared/0001-orders.md')).toBe(TYPO_FIXED);
    expect((statSync(join(root, 'shared/0001-orders.md')).mode & 0o777).toString(8)).toBe('640');
    expectNoTempFiles(root);
  });

  it('a link and its target both in the ADR folder are one file: written once, no "changed on disk"', async () => {
    const root = project({ 'docs/adr/0002-real.md': TYPO });
    symlinkSync('0002-real.md', join(root, 'docs/adr/0001-link.md'));
    const run = await adrlint(root, ['--fix']);
    expect(run.stdout).not.toMatch(/changed on disk/);
    expect(run.code, run.stdout).toBe(0);
    expect(lstatSync(join(root, 'docs/adr/0001-link.md')).isSymbolicLink()).toBe(true);
    expect(readText(root, 'docs/adr/0002-real.md')).toBe(TYPO_FIXED);
  });

  it('prints the summary: problems fixed, in how many files, and how many remain', async () => {
    // Fixes that take one pass each, so "fixed" is plainly the problems the lint reported.
    const links = TYPO.replace('[sagapatern]', '[saga-pattern, cqrs-pattern]');
    const root = project({ 'docs/adr/0001-links.md': links, 'docs/adr/0002-broken.md': UNFIXABLE, 'docs/adr/0003-clean.md': CLEAN });
    const lint = await adrlint(root);
    expect(lint.stdout).toContain('✖ 4 problems (2 errors, 2 warnings)\n  1 error and 2 warnings potentially fixable with the `--fix` option.\n');
    const run = await adrlint(root, ['--fix']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    // links: two mentions linked; broken: the slug typo fixed, its status stays.
    expect(run.stdout).toBe(
      [
        '',
        'docs/adr/0002-broken.md',
        '  2:9  error  Unknown status "done" (closest in meaning: "accepted"); use one of proposed, accepted, rejected, deprecated, superseded, or add it to "statuses" in the config (adrlint init writes them)  adr-status',
        '',
        '✖ 1 problem (1 error, 0 warnings)',
        '✔ 3 problems fixed in 2 files, 1 remaining.',
        '',
      ].join('\n'),
    );
    expect(readText(root, 'docs/adr/0001-links.md')).toBe(TYPO_FIXED);
    expect(readText(root, 'docs/adr/0002-broken.md')).toBe(UNFIXABLE.replace('sagapatern', 'saga-pattern'));

    // All fixed: the summary alone, in the singular where it is one.
    const one = project({ 'docs/adr/0001-orders.md': TYPO.replace('[sagapatern]', '[saga-pattern, cqrs-pattern]').replace(' and also CQRS', '') });
    expect(await adrlint(one, ['--fix'])).toMatchObject({ code: 0, stdout: '✔ 1 problem fixed in 1 file, 0 remaining.\n', stderr: '' });
    // Nothing to fix: no summary line at all.
    expect(await adrlint(one, ['--fix'])).toMatchObject({ code: 0, stdout: '✔ 1 ADR, no problems\n', stderr: '' });
    // --fix-dry-run says "would be".
    const dry = project({ 'docs/adr/0001-orders.md': ALL_RULES });
    expect((await adrlint(dry, ['--fix-dry-run'])).stdout).toMatch(/\n✔ 10 problems would be fixed in 1 file, 0 remaining\.\n$/);
  });

  it('exit code reflects what remains: 0 when every error was fixed, 1 when errors remain', async () => {
    const fixable = project({ 'docs/adr/0001-typo.md': UNFIXABLE.replace('status: done', 'status: accepted') });
    expect((await adrlint(fixable)).code).toBe(1);
    expect((await adrlint(fixable, ['--fix-dry-run'])).code).toBe(0);
    expect((await adrlint(fixable, ['--fix'])).code).toBe(0);
    expect((await adrlint(fixable)).code).toBe(0);

    const broken = project({ 'docs/adr/0001-broken.md': UNFIXABLE });
    expect((await adrlint(broken, ['--fix'])).code).toBe(1);
    expect((await adrlint(broken, ['--fix'])).code).toBe(1);

    // Warnings that remain count against --max-warnings as usual.
    const warnings = project({ 'docs/adr/0001-orders.md': TYPO });
    const limited = await adrlint(warnings, ['--fix', '--fix-rule', 'pattern-slug', '--max-warnings', '0']);
    expect(limited.code).toBe(1);
    expect(limited.stderr).toMatch(/too many warnings/);
  });

  it('reports a file that cannot be read and still fixes the others', async () => {
    // The locked file is TYPO under a title of its own (two records with one title are a finding).
    const lockedTypo = TYPO.replace('# Orders', '# Locked orders');
    const root = project({ 'docs/adr/0001-typo.md': TYPO, 'docs/adr/0003-latin1.md': Buffer.from('# Caf\xe9 saga pattern\n', 'latin1'), 'docs/adr/0004-locked.md': lockedTypo });
    symlinkSync('nowhere.md', join(root, 'docs/adr/0002-dangling.md'));
    const locked = join(root, 'docs/adr/0004-locked.md');
    chmodSync(locked, 0o000);
    restore.push(() => chmodSync(locked, 0o644));
    // Root reads a 0000 file anyway; then it is fixed like any other.
    let lockedReadable = true;
    try {
      readFileSync(locked);
    } catch {
      lockedReadable = false;
    }

    const run = await adrlint(root, ['--fix', '-f', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const results = parseJson(run);
    expect(resultFor(results, root, 'docs/adr/0002-dangling.md').messages).toMatchObject([
      { ruleId: null, fatal: true, severity: 2, message: 'docs/adr/0002-dangling.md is a symbolic link to "nowhere.md", which does not exist' },
    ]);
    expect(resultFor(results, root, 'docs/adr/0003-latin1.md').messages).toMatchObject([{ ruleId: null, fatal: true, message: expect.stringMatching(/is not valid UTF-8/) }]);
    expect(readText(root, 'docs/adr/0001-typo.md')).toBe(TYPO_FIXED);
    expect(read(root, 'docs/adr/0003-latin1.md').toString('latin1')).toBe('# Caf\xe9 saga pattern\n');
    if (lockedReadable) {
      expect(resultFor(results, root, 'docs/adr/0004-locked.md').messages).toEqual([]);
      expect(readText(root, 'docs/adr/0004-locked.md')).toBe(TYPO_FIXED.replace('# Orders', '# Locked orders'));
    } else {
      expect(resultFor(results, root, 'docs/adr/0004-locked.md').messages).toMatchObject([{ ruleId: null, fatal: true, message: expect.stringMatching(/cannot be read/) }]);
      chmodSync(locked, 0o644);
      expect(readText(root, 'docs/adr/0004-locked.md')).toBe(lockedTypo);
    }
    expectNoTempFiles(root);
  });
});

describe('--fix when a file cannot be written', () => {
  it('in a read-only folder: reports it with the problems of the file as it is (exit 1), and fixes the others; root writes it', async () => {
    const root = project({ 'docs/adr/locked/0001-orders.md': TYPO, 'docs/adr/0002-orders.md': TYPO });
    const locked = join(root, 'docs/adr/locked');
    chmodSync(locked, 0o555);
    restore.push(() => chmodSync(locked, 0o755));
    let canWrite: boolean;
    try {
      writeFileSync(join(locked, '.probe'), '');
      rmSync(join(locked, '.probe'));
      canWrite = true;
    } catch {
      canWrite = false;
    }

    const run = await adrlint(root, ['--fix', '-f', 'json']);
    expect(run.stderr).toBe('');
    const results = parseJson(run) as Array<JsonResult & { output?: string }>;
    expect(readText(root, 'docs/adr/0002-orders.md')).toBe(TYPO_FIXED);
    expect(resultFor(results, root, 'docs/adr/0002-orders.md').messages).toEqual([]);
    const lockedResult = resultFor(results, root, 'docs/adr/locked/0001-orders.md') as JsonResult & { output?: string };
    if (canWrite) {
      expect(run.code).toBe(0);
      expect(readText(root, 'docs/adr/locked/0001-orders.md')).toBe(TYPO_FIXED);
      expect(lockedResult.messages).toEqual([]);
    } else {
      expect(run.code).toBe(1);
      expect(readText(root, 'docs/adr/locked/0001-orders.md')).toBe(TYPO);
      // The reason first, then what is still wrong in the file (nothing of it was fixed).
      expect(lockedResult.messages.map((m) => m.ruleId)).toEqual([null, 'pattern-slug', 'pattern-link', 'pattern-undeclared', 'pattern-link', 'pattern-undeclared']);
      expect(lockedResult.messages[0]?.message).toMatch(/^docs\/adr\/locked\/0001\.md could not be written \((EACCES|EPERM)\)$/);
      expect(lockedResult).not.toHaveProperty('output');

      const stylish = await adrlint(root, ['--fix']);
      expect(stylish.code).toBe(1);
      expect(stylish.stdout).toMatch(/\n✖ 6 problems \(2 errors, 4 warnings\)\n/);
      expect(stylish.stdout).not.toMatch(/fixed in/);
    }
    expectNoTempFiles(root);
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff per file and leaves every file byte-identical', async () => {
    const root = project({ 'docs/adr/0001-typo.md': TYPO, 'docs/adr/0002-all.md': ALL_RULES, 'docs/adr/0003-clean.md': CLEAN });
    chmodSync(join(root, 'docs/adr/0001-typo.md'), 0o640);
    const before = snapshot(root);
    const run = await adrlint(root, ['--fix-dry-run']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expectUnchanged(root, before);
    expect((statSync(join(root, 'docs/adr/0001-typo.md')).mode & 0o777).toString(8)).toBe('640');
    expectNoTempFiles(root);

    expect(run.stdout).toContain(
      [
        '--- a/docs/adr/0001-typo.md',
        '+++ b/docs/adr/0001-typo.md',
        '@@ -1,8 +1,8 @@',
        ' ---',
        ' status: accepted',
        '-patterns: [sagapatern]',
        '+patterns: [saga-pattern, cqrs-pattern]',
        ' ---',
        ' ',
        ' # Orders',
        ' ',
        '-We use the saga pattern and also CQRS.',
        `+We use the [saga pattern](${SAGA_URL}) and also [CQRS](${CQRS_URL}).`,
        '',
      ].join('\n'),
    );
    expect(run.stdout).toContain('--- a/docs/adr/0002-all.md\n+++ b/docs/adr/0002-all.md\n@@ ');
    expect(run.stdout).not.toContain('0003-clean.md');
    expect(run.stdout).toMatch(/\n✔ \d+ problems would be fixed in 2 files, 0 remaining\.\n$/);

    // The diff is what --fix then writes.
    const patched = applyPrintedDiff(root, run.stdout);
    expect([...patched.keys()]).toEqual(['docs/adr/0001-typo.md', 'docs/adr/0002-all.md']);
    expect(patched.get('docs/adr/0001-typo.md')).toBe(TYPO_FIXED);
    expect(patched.get('docs/adr/0002-all.md')).toBe(ALL_RULES_FIXED);
    expect((await adrlint(root, ['--fix'])).code).toBe(0);
    for (const [path, text] of patched) expect(readText(root, path)).toBe(text);
  });

  it('shows CRLF, BOM and a missing final newline in the diff as they are, and still writes nothing', async () => {
    const original = '\uFEFF---\r\nstatus: accepted\r\npatterns: [sagapatern]\r\n---\r\n\r\n# T\r\n\r\nPlain text.';
    const root = project({ 'docs/adr/0001-orders.md': original });
    const before = snapshot(root);
    const run = await adrlint(root, ['--fix-dry-run']);
    expect(run.code).toBe(0);
    expectUnchanged(root, before);
    expect(run.stdout).toContain('-patterns: [sagapatern]\r\n+patterns: [saga-pattern]\r\n');
    expect(applyPrintedDiff(root, run.stdout).get('docs/adr/0001-orders.md')).toBe(original.replace('sagapatern', 'saga-pattern'));
  });

  it('reports what would remain, and prints no diff when nothing is fixable', async () => {
    const root = project({ 'docs/adr/0001-broken.md': UNFIXABLE.replace('sagapatern', 'saga-pattern') });
    const run = await adrlint(root, ['--fix-dry-run']);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/^(---|\+\+\+|@@) /m);
    expect(run.stdout).not.toContain('would be fixed');
    expect(run.stdout).toContain('✖ 1 problem (1 error, 0 warnings)');
  });

  it('with --fix, --fix-dry-run wins: nothing is written', async () => {
    const root = project({ 'docs/adr/0001-orders.md': TYPO });
    const before = snapshot(root);
    const run = await adrlint(root, ['--fix', '--fix-dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('+++ b/docs/adr/0001-orders.md');
    expectUnchanged(root, before);
  });
});

describe('--fix-rule', () => {
  it('limits the fixes to that rule: only its changes appear', async () => {
    const root = project({ 'docs/adr/0001-orders.md': TYPO, 'docs/adr/0002-orders.md': ALL_RULES });
    const run = await adrlint(root, ['--fix', '--fix-rule', 'pattern-slug']);
    // The other rules' errors remain.
    expect(run.code, run.stdout).toBe(1);
    expect(readText(root, 'docs/adr/0001-orders.md')).toBe(TYPO.replace('[sagapatern]', '[saga-pattern]'));
    expect(readText(root, 'docs/adr/0002-orders.md')).toBe(edited(ALL_RULES, [['slug: Saga Pattern', 'slug: saga-pattern'], ['  - CQRS\n', '  - cqrs-pattern\n']]));
    // What remains is what the other rules report on the fixed text.
    expect(run.stdout).toMatch(/✔ 3 problems fixed in 2 files, \d+ remaining\.\n$/);
    expect(run.stdout).not.toMatch(/pattern-slug\n/);
  });

  it('is repeatable', async () => {
    const root = project({ 'docs/adr/0001-orders.md': ALL_RULES });
    const dry = await adrlint(root, ['--fix-dry-run', '--fix-rule', 'pattern-link', '--fix-rule', 'pattern-category']);
    const patched = applyPrintedDiff(root, dry.stdout).get('docs/adr/0001-orders.md');
    expect(patched).toBe(
      edited(ALL_RULES, [
        ['category: data pattern', 'category: Transaction Pattern'],
        ['[transaction pattern, Data Patern]', '[Transaction Pattern, Data Pattern]'],
        ['with a saga,', `with a [saga](${SAGA_URL}),`],
        ['with CQRS\n', `with [CQRS](${CQRS_URL})\n`],
        ['the outbox pattern.', `the [outbox pattern](${OUTBOX_URL}).`],
      ]),
    );
    await adrlint(root, ['--fix', '--fix-rule=pattern-link', '--fix-rule=pattern-category']);
    expect(readText(root, 'docs/adr/0001-orders.md')).toBe(patched);
  });

  it.each([
    [['--fix', '--fix-rule', 'no-such-rule'], /^adrlint: --fix-rule: unknown rule "no-such-rule"$/m],
    [['--fix-dry-run', '--fix-rule', 'pattern-slg'], /^adrlint: --fix-rule: unknown rule "pattern-slg"/m],
    [['--fix', '--fix-rule', 'frontmatter-fields'], new RegExp(`^adrlint: --fix-rule: frontmatter-fields has no fixes \\(fixable rules: ${rules.filter((rule) => rule.meta.fixable).map((rule) => rule.meta.id).join(', ')}\\)$`, 'm')],
    [['--fix', '--fix-rule', 'pattern-unmentioned'], /^adrlint: --fix-rule: pattern-unmentioned has no fixes/m],
    [['--fix-rule', 'pattern-slug'], /^adrlint: --fix-rule limits --fix or --fix-dry-run; add one of them$/m],
    [['--fix-rule', 'pattern-slug', '--fix-rule', 'pattern-link'], /^adrlint: --fix-rule limits --fix or --fix-dry-run/m],
    [['--fix-rule'], /^adrlint: --fix-rule needs a value: --fix-rule <id>$/m],
    [['--fix', '--dry-run'], /^adrlint: --dry-run is an option of "adrlint link" and "adrlint new"; use --fix-dry-run/m],
  ])('is a usage error (exit 2, nothing written): %j', async (args, message) => {
    const root = project({ 'docs/adr/0001-orders.md': TYPO });
    const before = snapshot(root);
    expectUsageError(await adrlint(root, args), message);
    expectUnchanged(root, before);
  });
});

describe('JSON output with fixing', () => {
  it('--fix-dry-run: each changed file has its output (and source); unchanged files have none', async () => {
    const root = project({ 'docs/adr/0001-typo.md': TYPO, 'docs/adr/0002-clean.md': CLEAN, 'docs/adr/0003-broken.md': UNFIXABLE });
    const before = snapshot(root);
    const run = await adrlint(root, ['--fix-dry-run', '--format', 'json']);
    expect(run.code).toBe(1);
    expectUnchanged(root, before);
    const results = parseJson(run) as Array<JsonResult & { output?: string; source?: string }>;
    const typo = resultFor(results, root, 'docs/adr/0001-typo.md') as JsonResult & { output?: string; source?: string };
    expect(typo).toMatchObject({ output: TYPO_FIXED, source: TYPO, messages: [], errorCount: 0, warningCount: 0 });
    const clean = resultFor(results, root, 'docs/adr/0002-clean.md') as JsonResult & { output?: string };
    expect(clean.messages).toEqual([]);
    expect(clean).not.toHaveProperty('output');
    const broken = resultFor(results, root, 'docs/adr/0003-broken.md') as JsonResult & { output?: string };
    expect(broken.output).toBe(UNFIXABLE.replace('sagapatern', 'saga-pattern'));
    // The messages are what remains after fixing.
    expect(broken.messages).toMatchObject([{ ruleId: 'adr-status', line: 2, column: 9 }]);
    expect(broken).toMatchObject({ errorCount: 1, fixableErrorCount: 0 });
  });

  it('the output keeps a BOM; without fixing there is no output, and messages carry their fix', async () => {
    const original = `\uFEFF${TYPO}`;
    const root = project({ 'docs/adr/0001-orders.md': original });
    const dry = resultFor(parseJson(await adrlint(root, ['--fix-dry-run', '-f', 'json'])), root, 'docs/adr/0001-orders.md') as JsonResult & { output?: string; source?: string };
    expect(dry.output).toBe(`\uFEFF${TYPO_FIXED}`);
    expect(dry.source).toBe(original);

    const lint = resultFor(parseJson(await adrlint(root, ['-f', 'json'])), root, 'docs/adr/0001-orders.md') as JsonResult & { output?: string };
    expect(lint).not.toHaveProperty('output');
    const slug = lint.messages.find((m) => m.ruleId === 'pattern-slug');
    // Ranges are offsets into the text without the BOM.
    expect(slug?.fix).toEqual({ range: [TYPO.indexOf('sagapatern'), TYPO.indexOf('sagapatern') + 10], text: 'saga-pattern' });
    expect(lint.messages.filter((m) => m.fix).map((m) => m.ruleId)).toEqual(['pattern-slug', 'pattern-link', 'pattern-link', 'pattern-undeclared']);
  });

  it('--fix: the written files have their output too', async () => {
    const root = project({ 'docs/adr/0001-typo.md': TYPO });
    const run = await adrlint(root, ['--fix', '-f', 'json']);
    expect(run.code).toBe(0);
    const result = resultFor(parseJson(run), root, 'docs/adr/0001-typo.md') as JsonResult & { output?: string };
    expect(result.output).toBe(TYPO_FIXED);
    expect(readText(root, 'docs/adr/0001-typo.md')).toBe(TYPO_FIXED);
  });
});

describe('adrlint link', () => {
  // Unlinked mentions among other problems (a bad status, a slug typo, undeclared patterns).
  const MIXED = `---
status: done
patterns: [sagapatern]
---

# Orders and the saga pattern

We use the saga pattern and CQRS. The saga pattern again.
`;

  it('links the first mention of each pattern and changes nothing else', async () => {
    const root = project({ 'docs/adr/0001-orders.md': MIXED, 'docs/adr/0002-clean.md': CLEAN });
    const before = snapshot(root);
    const run = await adrlint(root, ['link']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('docs/adr/0001-orders.md: linked 2 pattern mentions\n2 pattern mentions linked in 1 file.\n');
    expect(readText(root, 'docs/adr/0001-orders.md')).toBe(
      edited(MIXED, [['We use the saga pattern and CQRS.', `We use the [saga pattern](${SAGA_URL}) and [CQRS](${CQRS_URL}).`]]),
    );
    expect(read(root, 'docs/adr/0002-clean.md').equals(before.get('docs/adr/0002-clean.md')!)).toBe(true);
    expectNoTempFiles(root);
    // Converged: nothing more to link.
    const again = await adrlint(root, ['link']);
    expect(again).toMatchObject({ code: 0, stdout: '0 pattern mentions linked in 0 files.\n' });
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const root = project({ 'docs/adr/0001-orders.md': MIXED });
    const before = snapshot(root);
    const run = await adrlint(root, ['link', '--dry-run']);
    expect(run.code).toBe(0);
    expectUnchanged(root, before);
    expect(run.stdout).toContain('--- a/docs/adr/0001-orders.md\n+++ b/docs/adr/0001-orders.md\n@@ -5,4 +5,4 @@\n');
    expect(run.stdout).toContain('-We use the saga pattern and CQRS. The saga pattern again.\n');
    expect(run.stdout.endsWith('2 pattern mentions would be linked in 1 file.\n')).toBe(true);
    const patch = run.stdout.slice(0, run.stdout.lastIndexOf('2 pattern mentions'));
    expect(applyPatch(MIXED, patch)).toBe(edited(MIXED, [['the saga pattern and CQRS', `the [saga pattern](${SAGA_URL}) and [CQRS](${CQRS_URL})`]]));
  });

  it('takes paths', async () => {
    const root = project({ 'docs/adr/0001-orders.md': MIXED, 'docs/adr/0002-orders.md': MIXED, 'other/0003-orders.md': MIXED });
    const run = await adrlint(root, ['link', 'docs/adr/0002-orders.md', 'other']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('docs/adr/0002-orders.md: linked 2 pattern mentions\nother/0003-orders.md: linked 2 pattern mentions\n4 pattern mentions linked in 2 files.\n');
    expect(readText(root, 'docs/adr/0001-orders.md')).toBe(MIXED);
    expect(readText(root, 'other/0003-orders.md')).not.toBe(MIXED);
  });

  it('uses linkTemplate from .adrlintrc.yml', async () => {
    const root = project({ '.adrlintrc.yml': "linkTemplate: '../patterns/{slug}.md'\n", 'docs/adr/0001-orders.md': MIXED, ...PATTERN_PAGES });
    expect((await adrlint(root, ['link'])).code).toBe(0);
    expect(readText(root, 'docs/adr/0001-orders.md')).toBe(
      edited(MIXED, [['the saga pattern and CQRS', 'the [saga pattern](../patterns/saga-pattern.md) and [CQRS](../patterns/cqrs-pattern.md)']]),
    );
  });

  it('fills {code} and {category} (slugified) in linkTemplate', async () => {
    const root = project({ '.adrlintrc.yml': 'linkTemplate: "https://wiki.example/{category}/{code}-{slug}"\n', 'docs/adr/0001-orders.md': MIXED });
    const run = await adrlint(root, ['link', '--dry-run']);
    expect(run.stdout).toContain(
      '+We use the [saga pattern](https://wiki.example/transaction-pattern/06-saga-pattern) and [CQRS](https://wiki.example/data-pattern/05-cqrs-pattern). The saga pattern again.\n',
    );
    expect(readText(root, 'docs/adr/0001-orders.md')).toBe(MIXED);
  });

  it('links even when the config turns pattern-link off (and --fix then does not)', async () => {
    const root = project({ '.adrlintrc.yml': "linkTemplate: '../patterns/{slug}.md'\nrules:\n  pattern-link: off\n", 'docs/adr/0001-orders.md': MIXED, 'docs/adr/0002-orders.md': MIXED, ...PATTERN_PAGES });
    const fix = await adrlint(root, ['--fix', 'docs/adr/0002-orders.md']);
    expect(fix.stdout).toMatch(/fixed in 1 file/);
    expect(readText(root, 'docs/adr/0002-orders.md')).not.toContain('](');

    const run = await adrlint(root, ['link', 'docs/adr/0001-orders.md']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('docs/adr/0001-orders.md: linked 2 pattern mentions\n2 pattern mentions linked in 1 file.\n');
    expect(readText(root, 'docs/adr/0001-orders.md')).toBe(
      edited(MIXED, [['the saga pattern and CQRS', 'the [saga pattern](../patterns/saga-pattern.md) and [CQRS](../patterns/cqrs-pattern.md)']]),
    );
    // Still off for linting.
    expect(parseJson(await adrlint(root, ['-f', 'json', 'docs/adr/0002-orders.md'])).flatMap((r) => r.messages.map((m) => m.ruleId))).not.toContain('pattern-link');
  });

  it('links on a set that has not adopted patterns: asking to link is asking for the rule', async () => {
    const plain = '# 1. Orders\n\nWe use a saga.\n';
    const root = project({ 'docs/adr/0001-orders.md': plain });
    // A plain run says nothing of the saga, and --fix adds no frontmatter.
    expect(parseJson(await adrlint(root, ['--fix', '-f', 'json'])).flatMap((r) => r.messages.map((m) => m.ruleId))).not.toContain('pattern-undeclared');
    expect(readText(root, 'docs/adr/0001-orders.md')).toBe(plain);
    const run = await adrlint(root, ['link']);
    expect(run).toMatchObject({ code: 0, stderr: '', stdout: 'docs/adr/0001-orders.md: linked 1 pattern mention\n1 pattern mention linked in 1 file.\n' });
    expect(readText(root, 'docs/adr/0001-orders.md')).toBe(`# 1. Orders\n\nWe use a [saga](${SAGA_URL}).\n`);
  });

  it('does not link to a template page that does not exist, and says once which pages are missing', async () => {
    const root = project({
      '.adrlintrc.yml': "linkTemplate: '../patterns/{category}/{slug}.md'\n",
      'docs/adr/0001-orders.md': MIXED,
      'docs/adr/0002-orders.md': MIXED,
      'docs/patterns/data-pattern/cqrs-pattern.md': '# CQRS Pattern\n',
    });
    const run = await adrlint(root, ['link']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("adrlint: warning: not linked: the linkTemplate's page is missing: docs/patterns/transaction-pattern/saga-pattern.md\n");
    expect(run.stdout).toBe('docs/adr/0001-orders.md: linked 1 pattern mention\ndocs/adr/0002-orders.md: linked 1 pattern mention\n2 pattern mentions linked in 2 files.\n');
    expect(readText(root, 'docs/adr/0001-orders.md')).toBe(edited(MIXED, [['and CQRS.', 'and [CQRS](../patterns/data-pattern/cqrs-pattern.md).']]));
    // What was written, adr-link finds nothing wrong with; the unlinked saga is still reported, without a fix.
    const lint = parseJson(await adrlint(root, ['-f', 'json', '--cache', '--cache-location', 'cache.json']));
    expect(lint.flatMap((r) => r.messages.map((m) => m.ruleId))).not.toContain('adr-link');
    expect(resultFor(lint, root, 'docs/adr/0001-orders.md').messages.filter((m) => m.ruleId === 'pattern-link')).toMatchObject([
      { line: 8, column: 12, message: 'Link the first mention of Saga Pattern once its page exists: [saga pattern](../patterns/transaction-pattern/saga-pattern.md) leads to no file (linkTemplate)' },
    ]);
    expect(resultFor(lint, root, 'docs/adr/0001-orders.md').messages.find((m) => m.ruleId === 'pattern-link')).not.toHaveProperty('fix');
    // Once the page exists (the cache knows the difference), it is linked.
    writeFiles(root, { 'docs/patterns/transaction-pattern/saga-pattern.md': '# Saga Pattern\n' });
    const cached = parseJson(await adrlint(root, ['-f', 'json', '--cache', '--cache-location', 'cache.json']));
    expect(resultFor(cached, root, 'docs/adr/0001-orders.md').messages.find((m) => m.ruleId === 'pattern-link')).toHaveProperty('fix');
    const again = await adrlint(root, ['link']);
    expect(again).toMatchObject({ code: 0, stderr: '', stdout: 'docs/adr/0001-orders.md: linked 1 pattern mention\ndocs/adr/0002-orders.md: linked 1 pattern mention\n2 pattern mentions linked in 2 files.\n' });
  });

  it("the README's linking example works as written, and adr-link finds nothing wrong with it", async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('### Linking pattern mentions'), readme.indexOf('## Configuration'));
    const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((match) => ({ lang: match[1], text: match[2]! }));
    const tree = blocks.find((block) => block.lang === 'text')!.text;
    const config = blocks.find((block) => block.lang === 'yaml')!.text;
    const [before, after] = blocks.filter((block) => block.lang === 'markdown').map((block) => block.text);
    const paths = tree.split('\n').slice(1).map((line) => line.trim()).filter(Boolean).map((path) => `docs/${path}`);
    const adr = paths.find((path) => path.startsWith('docs/adr/'))!;
    const files: FixtureFiles = { '.adrlintrc.yml': config, [adr]: `# 7. Order flow\n\n${before}` };
    for (const page of paths.filter((path) => path !== adr)) files[page] = '# A pattern\n';
    const root = project(files);
    expect(await adrlint(root, ['link'])).toMatchObject({ code: 0, stderr: '' });
    expect(readText(root, adr)).toBe(`# 7. Order flow\n\n${after}`);
    expect(parseJson(await adrlint(root, ['-f', 'json'])).flatMap((r) => r.messages.map((m) => m.ruleId))).not.toContain('adr-link');
  });

  it('keeps line endings, BOM and mode, and reports a file it cannot read (exit 1) while linking the others', async () => {
    const crlf = '\uFEFF# T\r\n\r\nWe use CQRS.  \r\nEnd';
    const root = project({ 'docs/adr/0001-orders.md': crlf });
    chmodSync(join(root, 'docs/adr/0001-orders.md'), 0o755);
    symlinkSync('gone.md', join(root, 'docs/adr/0002-dangling.md'));
    const run = await adrlint(root, ['link']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      'docs/adr/0001-orders.md: linked 1 pattern mention\n' +
        'docs/adr/0002-dangling.md: docs/adr/0002-dangling.md is a symbolic link to "gone.md", which does not exist\n' +
        '1 pattern mention linked in 1 file.\n',
    );
    expect(readText(root, 'docs/adr/0001-orders.md')).toBe(`\uFEFF# T\r\n\r\nWe use [CQRS](${CQRS_URL}).  \r\nEnd`);
    expect((statSync(join(root, 'docs/adr/0001-orders.md')).mode & 0o777).toString(8)).toBe('755');
    expectNoTempFiles(root);
  });
});

describe('fixing reads the file as it is now', () => {
  it('a file edited after a dry run is fixed from its new content', async () => {
    const root = project({ 'docs/adr/0001-orders.md': TYPO });
    const dry = await adrlint(root, ['--fix-dry-run']);
    expect(dry.stdout).toContain('+patterns: [saga-pattern, cqrs-pattern]');
    writeFileSync(join(root, 'docs/adr/0001-orders.md'), TYPO.replace('CQRS', 'sharding'));
    expect((await adrlint(root, ['--fix'])).code).toBe(0);
    expect(readText(root, 'docs/adr/0001-orders.md')).toContain('patterns: [saga-pattern, sharding-pattern]');
  });
});
