// Hostile and odd input files, through the built CLI: each is one clear line about that file (or
// lints normally, when it is not a problem at all), never a crash, and the other files of the run
// are still linted.
import { accessSync, chmodSync, constants, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adrlint, fixture, parseJson, positions, removeFixtures, resultFor, STACK_TRACE, type CliRun, type JsonResult } from './helpers/cli.ts';
import { adrlintBounded, closeSpecials, makeSpecial } from './helpers/special-files.ts';

// The Nygard sections a numbered ADR needs (adr-sections), after everything the tests point at.
const SECTIONS = '\n## Context\n\nThe order flow spans three teams.\n\n## Decision\n\nAs written above.\n\n## Consequences\n\nMore moving parts.\n';

const GOOD = `---
status: accepted
date: 2024-03-01
patterns: [saga-pattern]
---

# 1. Use sagas

We coordinate the steps with the [Saga Pattern](https://learn.microsoft.com/azure/architecture/patterns/saga).
${SECTIONS}`;

// One error at 2:9, to show a file next to the bad ones is linted in full.
const ONE_ERROR = `---
status: done
---

# 2. Another decision

Plain text.
${SECTIONS}`;

// Nine levels of nine aliases: 9^9 (387 million) "lol"s if expanded.
const ALIAS_BOMB = `---
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
status: accepted
---

# Laughs

We use a saga.
`;

const PROTO_KEYS = `---
__proto__:
  polluted: true
constructor:
  prototype: x
status: done
patterns: [saga-pattern]
---

# Prototype keys

We use the saga pattern.
`;

const PROTO_IN_REFERENCES = `---
status: accepted
patterns:
  - __proto__: saga-pattern
  - slug: cqrs-pattern
    constructor: x
---

# Prototype keys in references
`;

const SLUG_NUMBERS = `---
status: accepted
patterns:
  - 42
  - 3.5
  - slug: 7
---

# Numbers
`;

const SLUG_NULLS = `---
status: accepted
patterns:
  - null
  - ~
  -
  - ""
---

# Nulls
`;

const SLUG_MAPS = `---
status: accepted
patterns:
  - slug:
      nested: map
  - nested:
      deeper: [1, 2]
---

# Maps
`;

const SLUG_TOP_MAP = `---
status: accepted
patterns: {slug: {a: 1}}
---

# A map for the list
`;

const FRONTMATTER_ONLY = '---\nstatus: accepted\ndate: 2024-03-01\ntitle: Frontmatter only\n---\n';
const FRONTMATTER_ONLY_ERROR = '---\nstatus: done\ntitle: Frontmatter only\n---';

// Positions count lines and columns without the BOM; fix ranges are offsets into the text without it.
const BOM_TEXT = '---\nstatus: done\npatterns: [sagapatern]\n---\n\n# With a BOM\n\nWe use CQRS.\n';
const CRLF_TEXT = '---\r\nstatus: done\r\npatterns: [sagapatern]\r\n---\r\n\r\n# With CRLF\r\n\r\nWe use CQRS.\r\n';

// "abc " then two bytes that are never UTF-8, at offset 17.
const INVALID_UTF8 = Buffer.concat([Buffer.from('# Bad bytes\n\nabc '), Buffer.from([0xff, 0xfe]), Buffer.from(' def\n')]);
// A PNG signature and header: NUL bytes early on.
const BINARY = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]);
const TEN_MB = 10 * 1024 * 1024;
const HUGE = Buffer.alloc(TEN_MB, 'We split the orders table by customer.\n');

/** The single fatal message of a file that could not be linted. */
function expectFatal(result: JsonResult, message: RegExp): void {
  expect(result.messages, JSON.stringify(result.messages)).toHaveLength(1);
  const [only] = result.messages;
  expect(only).toMatchObject({ ruleId: null, severity: 2, fatal: true, line: 1, column: 1 });
  expect(only?.message).toMatch(message);
  expect(only?.message).not.toContain('\n');
  expect(result).toMatchObject({ errorCount: 1, fatalErrorCount: 1, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 });
}

function expectNoCrash(run: CliRun): void {
  expect(run.signal).toBeNull();
  expect(run.stdout).not.toMatch(STACK_TRACE);
  expect(run.stderr).not.toMatch(STACK_TRACE);
  expect(run.stderr).not.toMatch(/internal error/);
}

afterAll(() => removeFixtures());

describe('bad input files in one run', () => {
  let root = '';
  let readableDespiteChmod = false;
  let json: CliRun;
  let stylish: CliRun;
  let results: JsonResult[] = [];
  const result = (name: string) => resultFor(results, root, `docs/adr/${name}`);

  beforeAll(async () => {
    root = fixture({
      // The files are named for what they hold, not numbered, and several share a title:
      // adr-filename and adr-title-duplicate are not what is tested here.
      '.adrlintrc.yml': 'rules:\n  adr-filename: off\n  adr-title-duplicate: off\n',
      'docs/adr/0001-good.md': GOOD,
      'docs/adr/0002-one-error.md': ONE_ERROR,
      'docs/adr/alias-bomb.md': ALIAS_BOMB,
      'docs/adr/proto-keys.md': PROTO_KEYS,
      'docs/adr/proto-in-references.md': PROTO_IN_REFERENCES,
      'docs/adr/slug-numbers.md': SLUG_NUMBERS,
      'docs/adr/slug-nulls.md': SLUG_NULLS,
      'docs/adr/slug-maps.md': SLUG_MAPS,
      'docs/adr/slug-top-map.md': SLUG_TOP_MAP,
      'docs/adr/empty.md': '',
      'docs/adr/frontmatter-only.md': FRONTMATTER_ONLY,
      'docs/adr/frontmatter-only-error.md': FRONTMATTER_ONLY_ERROR,
      'docs/adr/bom.md': `\uFEFF${BOM_TEXT}`,
      'docs/adr/crlf.md': CRLF_TEXT,
      'docs/adr/invalid-utf8.md': INVALID_UTF8,
      'docs/adr/huge.md': HUGE,
      'docs/adr/binary.md': BINARY,
      'docs/adr/unreadable.md': ONE_ERROR,
    });
    const adr = join(root, 'docs/adr');
    mkdirSync(join(adr, 'x.md'));
    symlinkSync('self.md', join(adr, 'self.md'));
    symlinkSync('nowhere.md', join(adr, 'dangling.md'));
    symlinkSync('0002-one-error.md', join(adr, 'link-to-one-error.md'));
    chmodSync(join(adr, 'unreadable.md'), 0o000);
    // Root (and CAP_DAC_OVERRIDE) reads a mode-000 file anyway; then it must simply be linted.
    try {
      accessSync(join(adr, 'unreadable.md'), constants.R_OK);
      readFileSync(join(adr, 'unreadable.md'));
      readableDespiteChmod = true;
    } catch {
      readableDespiteChmod = false;
    }

    json = await adrlint(root, ['--format', 'json']);
    stylish = await adrlint(root);
    results = parseJson(json);
  });

  it('exits 1 without a crash, a stack trace or anything on stderr', () => {
    expect(json.code).toBe(1);
    expect(json.stderr).toBe('');
    expectNoCrash(json);
    expect(stylish.code).toBe(1);
    expect(stylish.stderr).toBe('');
    expectNoCrash(stylish);
  });

  it('reports every file, bad ones included, once each', () => {
    const names = results.map((r) => r.filePath.slice(join(root, 'docs/adr/').length));
    expect(names).toEqual([
      '0001-good.md',
      '0002-one-error.md',
      'alias-bomb.md',
      'binary.md',
      'bom.md',
      'crlf.md',
      'dangling.md',
      'empty.md',
      'frontmatter-only-error.md',
      'frontmatter-only.md',
      'huge.md',
      'invalid-utf8.md',
      'link-to-one-error.md',
      'proto-in-references.md',
      'proto-keys.md',
      'self.md',
      'slug-maps.md',
      'slug-nulls.md',
      'slug-numbers.md',
      'slug-top-map.md',
      'unreadable.md',
      'x.md',
    ]);
  });

  it('still lints the good files in full', () => {
    expect(result('0001-good.md').messages).toEqual([]);
    expect(positions(result('0002-one-error.md'))).toEqual([['adr-status', 2, 2, 9]]);
    // A link to a file is linted through it.
    expect(positions(result('link-to-one-error.md'))).toEqual([['adr-status', 2, 2, 9]]);
  });

  it('an alias bomb is one frontmatter-syntax error, not an outage; the body is still linted', () => {
    const bomb = result('alias-bomb.md');
    expect(positions(bomb)).toEqual([
      ['frontmatter-syntax', 2, 2, 1],
      // Undeclared-pattern checks are skipped when the frontmatter cannot be read; links are not.
      ['pattern-link', 1, 16, 10],
    ]);
    expect(bomb.messages[0]?.message).toMatch(/^Invalid frontmatter: .*alias/i);
    expect(bomb.messages[0]?.message).not.toContain('\n');
    expect(bomb.messages[0]?.fatal).toBeUndefined();
  });

  it('__proto__ and constructor keys in the frontmatter are just keys: the file lints normally', () => {
    const proto = result('proto-keys.md');
    // The status after them is read (2:9 would be wrong: it is on line 6), the declared pattern counts.
    expect(proto.messages).toMatchObject([
      { ruleId: 'adr-status', severity: 2, line: 6, column: 9, endLine: 6, endColumn: 13, message: expect.stringContaining('Unknown status "done"') },
      { ruleId: 'pattern-link', severity: 1, line: 12, column: 12, endLine: 12, endColumn: 24 },
    ]);
  });

  it('__proto__ and constructor keys in a pattern reference are unknown keys', () => {
    expect(result('proto-in-references.md').messages).toMatchObject([
      { ruleId: 'frontmatter-fields', line: 4, column: 5, message: 'Unknown key "__proto__" in a pattern reference (expected slug and optional category)' },
      { ruleId: 'frontmatter-fields', line: 6, column: 5, message: 'Unknown key "constructor" in a pattern reference (expected slug and optional category)' },
    ]);
  });

  it('number slugs are read as written and looked up', () => {
    expect(result('slug-numbers.md').messages).toMatchObject([
      { ruleId: 'pattern-slug', line: 4, column: 5, endColumn: 7, message: 'Unknown pattern "42"; run "adrlint catalogue" to list the slugs' },
      { ruleId: 'pattern-slug', line: 5, column: 5, endColumn: 8, message: 'Unknown pattern "3.5"; run "adrlint catalogue" to list the slugs' },
      { ruleId: 'pattern-slug', line: 6, column: 11, endColumn: 12, message: 'Unknown pattern "7"; run "adrlint catalogue" to list the slugs' },
    ]);
  });

  it('null and empty slugs are shape errors', () => {
    expect(result('slug-nulls.md').messages).toMatchObject([
      { ruleId: 'frontmatter-fields', severity: 2, line: 4, column: 5, message: 'A pattern reference must be a slug, not empty' },
      { ruleId: 'frontmatter-fields', severity: 2, line: 5, column: 5, message: 'A pattern reference must be a slug, not empty' },
      { ruleId: 'frontmatter-fields', severity: 2, line: 6, message: 'A pattern reference must be a slug, not empty' },
      { ruleId: 'frontmatter-fields', severity: 2, line: 7, column: 5, message: 'A pattern reference must be a slug, not an empty string' },
    ]);
  });

  it('nested maps as slugs are shape errors', () => {
    expect(result('slug-maps.md').messages).toMatchObject([
      { ruleId: 'frontmatter-fields', line: 5, column: 7, message: '"slug" must be a string, not a mapping' },
      { ruleId: 'frontmatter-fields', line: 6, column: 5, message: 'Unknown key "nested" in a pattern reference (expected slug and optional category)' },
    ]);
    expect(result('slug-top-map.md').messages).toMatchObject([
      { ruleId: 'frontmatter-fields', line: 3, column: 18, message: '"slug" must be a string, not a mapping' },
    ]);
  });

  it('an empty file is one fatal line', () => {
    expectFatal(result('empty.md'), /^docs\/adr\/empty\.md is empty$/);
  });

  it('a file of frontmatter only lints normally', () => {
    expect(result('frontmatter-only.md').messages).toEqual([]);
    expect(result('frontmatter-only-error.md').messages).toMatchObject([
      { ruleId: 'adr-status', line: 2, column: 9, endLine: 2, endColumn: 13 },
    ]);
  });

  it('a BOM is not a problem: positions and fix ranges leave it out', () => {
    const bom = result('bom.md');
    expect(positions(bom)).toEqual([
      ['adr-status', 2, 2, 9],
      ['pattern-slug', 2, 3, 12],
      ['pattern-link', 1, 8, 8],
      ['pattern-undeclared', 1, 8, 8],
    ]);
    const start = BOM_TEXT.indexOf('sagapatern');
    expect(bom.messages[1]?.fix).toEqual({ range: [start, start + 'sagapatern'.length], text: 'saga-pattern' });
  });

  it('CRLF line endings are not a problem: lines and columns are right, offsets count the CRs', () => {
    const crlf = result('crlf.md');
    expect(crlf.messages).toMatchObject([
      { ruleId: 'adr-status', line: 2, column: 9, endLine: 2, endColumn: 13 },
      { ruleId: 'pattern-slug', line: 3, column: 12, endLine: 3, endColumn: 22 },
      { ruleId: 'pattern-link', line: 8, column: 8, endLine: 8, endColumn: 12 },
      { ruleId: 'pattern-undeclared', line: 8, column: 8, endLine: 8, endColumn: 12 },
    ]);
    const start = CRLF_TEXT.indexOf('sagapatern');
    expect(crlf.messages[1]?.fix).toEqual({ range: [start, start + 'sagapatern'.length], text: 'saga-pattern' });
    const mention = CRLF_TEXT.indexOf('CQRS');
    expect(crlf.messages[2]?.fix?.range).toEqual([mention, mention + 4]);
  });

  it('invalid UTF-8 is one fatal line with the offset of the first bad byte', () => {
    expectFatal(result('invalid-utf8.md'), /^docs\/adr\/invalid-utf8\.md is not valid UTF-8 \(first bad byte at offset 17\)$/);
  });

  it('a 10 MB file is one fatal line, not parsed', () => {
    expectFatal(result('huge.md'), /^docs\/adr\/huge\.md is 10\.0 MB, over the 1\.0 MB limit \(set "maxFileSize" to lint it\)$/);
  });

  it('a binary file with a .md name is one fatal line', () => {
    expectFatal(result('binary.md'), /^docs\/adr\/binary\.md is a binary file, not markdown text$/);
  });

  it('a folder named x.md is one fatal line', () => {
    expectFatal(result('x.md'), /^docs\/adr\/x\.md is a folder, not a file$/);
  });

  it('an unreadable file is one fatal line (or, read anyway as root, lints normally)', () => {
    const unreadable = result('unreadable.md');
    if (readableDespiteChmod) {
      // chmod 000 does not stop this user (root): the file is read and linted like any other.
      expect(positions(unreadable)).toEqual([['adr-status', 2, 2, 9]]);
    } else {
      expectFatal(unreadable, /^docs\/adr\/unreadable\.md cannot be read: permission denied$/);
    }
  });

  it('a symbolic link that loops is one fatal line', () => {
    expectFatal(result('self.md'), /^docs\/adr\/self\.md cannot be read: a symbolic link that loops back on itself$/);
  });

  it('a symbolic link to nothing is one fatal line', () => {
    expectFatal(result('dangling.md'), /^docs\/adr\/dangling\.md is a symbolic link to "nowhere\.md", which does not exist$/);
  });

  it('stylish shows each fatal problem as one line without a rule id', () => {
    const lines = stylish.stdout.split('\n');
    for (const [file, reason] of [
      ['empty.md', 'is empty'],
      ['huge.md', 'is 10.0 MB, over the 1.0 MB limit (set "maxFileSize" to lint it)'],
      ['binary.md', 'is a binary file, not markdown text'],
      ['invalid-utf8.md', 'is not valid UTF-8 (first bad byte at offset 17)'],
      ['x.md', 'is a folder, not a file'],
      ['self.md', 'cannot be read: a symbolic link that loops back on itself'],
    ] as const) {
      const at = lines.indexOf(`docs/adr/${file}`);
      expect(at, file).toBeGreaterThan(0);
      expect(lines[at + 1]).toBe(`  1:1  error  docs/adr/${file} ${reason}`);
      expect(lines[at + 2]).toBe('');
    }
  });
});

describe('paths given on the command line', () => {
  let root = '';

  beforeAll(() => {
    root = fixture({ 'docs/adr/0001-good.md': GOOD, 'docs/adr/0002-one-error.md': ONE_ERROR, 'docs/adr/x.md/0002-inside.md': ONE_ERROR });
    symlinkSync('self.md', join(root, 'docs/adr/self.md'));
    symlinkSync('nowhere.md', join(root, 'docs/adr/dangling.md'));
  });

  it('a path that does not exist, next to a good one, is one fatal line naming it (exit 1)', async () => {
    const run = await adrlint(root, ['--format', 'json', 'docs/adr/0001-good.md', 'docs/adr/0099-missing.md']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expectNoCrash(run);
    const results = parseJson(run);
    expect(results.map((r) => r.filePath)).toEqual([join(root, 'docs/adr/0099-missing.md'), join(root, 'docs/adr/0001-good.md')]);
    expectFatal(resultFor(results, root, 'docs/adr/0099-missing.md'), /^docs\/adr\/0099-missing\.md does not exist \(no such file or folder\)$/);
    expect(resultFor(results, root, 'docs/adr/0001-good.md').messages).toEqual([]);

    const stylish = await adrlint(root, ['docs/adr/0001-good.md', 'docs/adr/0099-missing.md']);
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain('\ndocs/adr/0099-missing.md\n  1:1  error  docs/adr/0099-missing.md does not exist (no such file or folder)\n');
  });

  it('a path that does not exist, alone, is a usage error (exit 2) naming it', async () => {
    for (const format of ['stylish', 'json']) {
      const run = await adrlint(root, ['--format', format, 'docs/adr/0099-missing.md']);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe('adrlint: no such file or folder: docs/adr/0099-missing.md\n');
    }
    const two = await adrlint(root, ['missing-a.md', 'missing/b.md']);
    expect(two.code).toBe(2);
    expect(two.stderr).toBe('adrlint: no such file or folder: missing-a.md, missing/b.md\n');
  });

  it('a glob that matches nothing, next to a good path, is one fatal line naming it', async () => {
    const run = await adrlint(root, ['-f', 'json', 'docs/adr/0001-good.md', 'docs/zz/*.md']);
    expect(run.code).toBe(1);
    const [unmatched] = parseJson(run);
    expect(unmatched?.messages[0]).toMatchObject({ ruleId: null, fatal: true, message: 'no files match "docs/zz/*.md"' });
  });

  it('a link loop and a folder named x.md, named on the command line, are fatal lines; the folder is searched too', async () => {
    const run = await adrlint(root, ['-f', 'json', 'docs/adr/self.md', 'docs/adr/x.md', 'docs/adr/0001-good.md']);
    expect(run.code).toBe(1);
    expectNoCrash(run);
    const results = parseJson(run);
    expect(results.map((r) => r.filePath.slice(root.length + 1))).toEqual([
      'docs/adr/0001-good.md',
      'docs/adr/self.md',
      'docs/adr/x.md',
      'docs/adr/x.md/0002-inside.md',
    ]);
    expectFatal(resultFor(results, root, 'docs/adr/self.md'), /^docs\/adr\/self\.md cannot be read: a symbolic link that loops back on itself$/);
    expectFatal(resultFor(results, root, 'docs/adr/x.md'), /^docs\/adr\/x\.md is a folder, not a file$/);
    expect(positions(resultFor(results, root, 'docs/adr/x.md/0002-inside.md'))).toEqual([['adr-status', 2, 2, 9]]);
  });

  it('a link that loops or dangles, alone, is a fatal line about the link, not "no such file"', async () => {
    const loop = await adrlint(root, ['docs/adr/self.md']);
    expect(loop.code).toBe(1);
    expect(loop.stdout).toContain('\n  1:1  error  docs/adr/self.md cannot be read: a symbolic link that loops back on itself\n');
    const dangling = await adrlint(root, ['docs/adr/dangling.md']);
    expect(dangling.code).toBe(1);
    expect(dangling.stdout).toContain('\n  1:1  error  docs/adr/dangling.md is a symbolic link to "nowhere.md", which does not exist\n');
  });
});

describe('files around the run (issue #12)', () => {
  it('a package.json beside the run that is not JSON is a config error naming it (exit 2), not a run under the defaults', async () => {
    const root = fixture({ 'package.json': '{"name": "x",\n', 'docs/adr/0001-good.md': GOOD });
    const run = await adrlint(root, []);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    // V8's words for the JSON mistake vary with the Node version.
    const [line, ...more] = run.stderr.split('\n');
    expect(more).toEqual(['']);
    expect(line!.startsWith(`adrlint: configuration error: ${join(root, 'package.json')}: invalid JSON: `)).toBe(true);
    expect(line!.endsWith(`; adrlint looks for its configuration in this file's "adrlint" key`)).toBe(true);
  });

  it('a broken package.json where adrlint does not look is none of its business', async () => {
    // A config file comes first in its folder; --config names the config outright.
    const beside = fixture({ 'package.json': '{', '.adrlintrc.yml': 'statuses: [accepted]\n', 'docs/adr/0001-good.md': GOOD });
    expect((await adrlint(beside, [])).code).toBe(0);
    const named = fixture({ 'package.json': '{', 'adrlint.yml': 'statuses: [accepted]\n', 'docs/adr/0001-good.md': GOOD });
    expect((await adrlint(named, ['--config', 'adrlint.yml'])).code).toBe(0);
  });

  it('patterns: !!omap [...] says what the item is', async () => {
    const root = fixture({ 'docs/adr/0001-good.md': GOOD.replace('patterns: [saga-pattern]', 'patterns: !!omap [saga-pattern: 1]') });
    const run = await adrlint(root, ['--format', 'json']);
    expect(run.code).toBe(1);
    expectNoCrash(run);
    const messages = resultFor(parseJson(run), root, 'docs/adr/0001-good.md').messages.filter((m) => m.ruleId === 'frontmatter-fields');
    expect(messages.map((m) => m.message)).toEqual(['A pattern reference must be a slug or {slug, category}, not a "key: value" pair']);
  });
});

describe('a FIFO where adrlint reads is never opened (issue #12)', () => {
  afterAll(closeSpecials);

  it.each([
    // null: a lint run (the link to docs/patterns.md is broken when it is not there: exit 1).
    ['.gitignore', [] as string[], null, ''],
    ['docs/patterns.md (a page an ADR links to)', [], null, ''],
    ['package.json', [], null, ''],
    ['catalogue.yml (the config\'s catalogue)', ['--config', 'catalogue.adrlintrc.yml'], 2, 'adrlint: configuration error: {root}/catalogue.yml: cannot read the catalogue: it is a FIFO (named pipe), not a regular file\n'],
    ['.adrlintrc.yml', [], 2, 'adrlint: configuration error: {root}/.adrlintrc.yml: is a FIFO (named pipe), not a regular file\n'],
    ['baseline.json (--baseline)', ['--baseline=baseline.json'], 2, 'adrlint: configuration error: {root}/baseline.json: is a FIFO (named pipe), not a regular file\n'],
  ] as const)('%s: the run ends, with the expected exit code and message', async (what, args, code, stderr) => {
    const name = what.split(' ')[0]!;
    const root = fixture({ 'docs/adr/0001-good.md': GOOD.replace('We coordinate', 'See [the patterns](../patterns.md#saga). We coordinate'), 'catalogue.adrlintrc.yml': 'catalogue: catalogue.yml\n' });
    await makeSpecial('fifo', join(root, name));
    const run = await adrlintBounded(root, [...args]);
    expect(run.signal, 'the run must not wait on the FIFO').toBeNull();
    if (code === null) expect(run.code).toBeLessThan(2);
    else expect(run.code).toBe(code);
    expect(run.stderr).toBe(stderr.replace('{root}', root));
  });

  it('a template named with --template', async () => {
    const root = fixture({ 'docs/adr/0001-good.md': GOOD });
    await makeSpecial('fifo', join(root, 'template.md'));
    const run = await adrlintBounded(root, ['new', 'Use queues', '--template', 'template.md']);
    expect(run.signal).toBeNull();
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`adrlint: cannot read the template ${join(root, 'template.md')}: it is a FIFO (named pipe), not a regular file\n`);
  });
});
