// Inline control of the rules: `<!-- adrlint-disable … -->` comments of every form, the
// `adrlint-disable` frontmatter key, unknown rule ids, unused directives (and their fix), fixing,
// cached runs and set rules. Most cases lint a text with only pattern-link on: each first mention
// of a pattern is one problem, on the line of the mention.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rulesById } from '../rules/index.ts';
import { catalogueWithUser } from '../src/io/catalogue-file.ts';
import { resolveConfig } from '../src/run/config.ts';
import { fixText, lintText } from '../src/lib.ts';
import { lazyParseCount } from '../src/parse/lazy-parsed-adr.ts';
import type { LintResult } from '../src/engine/run-rules.ts';
import { parseAdr } from '../src/parse/parse-adr.ts';
import { buildRecord } from '../src/parse/record.ts';
import { lintProject } from '../src/run/lint-project.ts';
import { adrlint, fixture, parseJson, removeFixtures } from './helpers/cli.ts';

afterAll(removeFixtures);

const catalogue = catalogueWithUser(null, null);
const PATH = '/repo/docs/adr/0001-orders.md';

function contextFor(on: readonly string[], reportUnusedDisable = false) {
  const rules = Object.fromEntries([...rulesById.keys()].map((id) => [id, on.includes(id) ? 'warn' : 'off']));
  return { catalogue, config: resolveConfig({ rules }, null, '/'), reportUnusedDisable };
}

function lint(code: string, on: readonly string[] = ['pattern-link'], reportUnused = false): LintResult {
  return lintText(PATH, code, contextFor(on, reportUnused));
}

/** [ruleId, line] of each problem. */
const rows = (result: LintResult) => result.messages.map((m) => [m.ruleId, m.line]);

describe('comment forms', () => {
  it('without a directive, every first mention is a problem', () => {
    expect(rows(lint('# Orders\n\nA saga.\n\nCQRS.\n\nEvent sourcing.\n'))).toEqual([
      ['pattern-link', 3],
      ['pattern-link', 5],
      ['pattern-link', 7],
    ]);
  });

  it('adrlint-disable-line: problems on the comment\'s own line only', () => {
    const code = '# Orders\n\nA saga. <!-- adrlint-disable-line pattern-link -->\n\nCQRS.\n';
    expect(rows(lint(code))).toEqual([['pattern-link', 5]]);
  });

  it('adrlint-disable-next-line: the line right after the comment, not the one after that', () => {
    const code = '# Orders\n\n<!-- adrlint-disable-next-line pattern-link -->\nA saga, and\nCQRS on the next line.\n';
    expect(rows(lint(code))).toEqual([['pattern-link', 5]]);
  });

  it('adrlint-disable-next-line before a blank line disables nothing on the line after the blank', () => {
    const code = '# Orders\n\n<!-- adrlint-disable-next-line pattern-link -->\n\nA saga.\n';
    expect(rows(lint(code))).toEqual([['pattern-link', 5]]);
  });

  it('adrlint-disable … adrlint-enable: a range across lines and paragraphs', () => {
    const code = '# Orders\n\nA saga.\n\n<!-- adrlint-disable pattern-link -->\n\nCQRS.\n\nEvent sourcing.\n\n<!-- adrlint-enable pattern-link -->\n\nA circuit breaker.\n';
    expect(rows(lint(code))).toEqual([
      ['pattern-link', 3],
      ['pattern-link', 13],
    ]);
  });

  it('adrlint-disable without ids: every rule, to the end of the file when nothing enables them', () => {
    const code = '# Orders\n\nA saga.\n\n<!-- adrlint-disable -->\n\nCQRS.\n\nEvent sourcing.\n';
    const result = lint(code, ['pattern-link', 'pattern-undeclared']);
    expect(rows(result)).toEqual([
      ['pattern-link', 3],
      ['pattern-undeclared', 3],
    ]);
    expect(result.warningCount).toBe(2);
  });

  it('adrlint-enable of one rule: that rule is back, the others stay off', () => {
    const code = '# Orders\n\n<!-- adrlint-disable -->\n\nA saga.\n\n<!-- adrlint-enable pattern-link -->\n\nCQRS.\n\n<!-- adrlint-enable -->\n\nSharding.\n';
    expect(rows(lint(code, ['pattern-link', 'pattern-undeclared']))).toEqual([
      ['pattern-link', 9],
      ['pattern-link', 13],
      ['pattern-undeclared', 13],
    ]);
  });

  it('a disable of one rule leaves the others on', () => {
    const code = '# Orders\n\n<!-- adrlint-disable pattern-undeclared -->\n\nA saga.\n';
    expect(rows(lint(code, ['pattern-link', 'pattern-undeclared']))).toEqual([['pattern-link', 5]]);
  });

  it('ids separated by commas or spaces, a comment over several lines, and a "-- reason"', () => {
    const code =
      '# Orders\n\n<!-- adrlint-disable-next-line pattern-link,pattern-undeclared -- the pages move -->\nA saga.\n\n<!--\n  adrlint-disable pattern-link\n  pattern-undeclared\n-->\nCQRS.\n';
    const result = lint(code, ['pattern-link', 'pattern-undeclared'], true);
    expect(result.messages).toEqual([]);
  });

  it('a problem before the disable comment on its own line is still reported', () => {
    const code = '# Orders\n\nA saga. <!-- adrlint-disable pattern-link --> CQRS.\n';
    expect(rows(lint(code))).toEqual([['pattern-link', 3]]);
    expect(lint(code).messages[0]?.message).toMatch(/Saga Pattern/);
  });

  it('comments in fenced code, indented code and inline code are not directives', () => {
    const code = [
      '# Orders',
      '',
      '```markdown',
      '<!-- adrlint-disable -->',
      '```',
      '',
      '    <!-- adrlint-disable -->',
      '',
      'Write `<!-- adrlint-disable-line pattern-link -->` to silence a saga.',
      '',
      'CQRS.',
      '',
    ].join('\n');
    expect(rows(lint(code))).toEqual([
      ['pattern-link', 9],
      ['pattern-link', 11],
    ]);
  });

  it('a word that only starts like a directive is not one', () => {
    const code = '# Orders\n\n<!-- adrlint-disabled pattern-link -->\n\nA saga.\n';
    expect(rows(lint(code))).toEqual([['pattern-link', 5]]);
  });
});

describe('the frontmatter key', () => {
  const withKey = (value: string) => `---\nstatus: accepted\nadrlint-disable: ${value}\n---\n\n# Orders\n\nA saga.\n`;

  it.each([['[pattern-link]'], ['pattern-link'], ['true'], ['all'], ['\n  - pattern-link']])('adrlint-disable: %s turns pattern-link off in the whole file', (value) => {
    expect(lint(withKey(value), ['pattern-link'], true).messages).toEqual([]);
  });

  it('lists only some rules: the others still report', () => {
    expect(rows(lint(withKey('[pattern-undeclared]'), ['pattern-link', 'pattern-undeclared']))).toEqual([['pattern-link', 8]]);
  });

  it('false or an empty list disables nothing', () => {
    expect(rows(lint(withKey('false')))).toEqual([['pattern-link', 8]]);
    expect(rows(lint(withKey('[]')))).toEqual([['pattern-link', 8]]);
  });

  it('a value that names no rules is an error at the key, and disables nothing', () => {
    const result = lint(withKey('3'));
    expect(result.messages.map((m) => [m.ruleId, m.directive, m.severity, m.line, m.message])).toEqual([
      [null, true, 'error', 3, '"adrlint-disable" must be true, "all" or a list of rule ids, not a number'],
      ['pattern-link', undefined, 'warn', 8, expect.stringMatching(/Saga Pattern/)],
    ]);
  });

  it('a broken frontmatter cannot disable frontmatter-syntax from inside', () => {
    const code = '---\nadrlint-disable: [frontmatter-syntax\n---\n\n# Orders\n';
    expect(rows(lint(code, ['frontmatter-syntax']))).toEqual([['frontmatter-syntax', 3]]);
  });
});

describe('unknown rule ids', () => {
  it('are errors at the comment (no rule), while the known ids of the comment still work', () => {
    const code = '# Orders\n\n<!-- adrlint-disable-next-line pattern-link, patern-link -->\nA saga.\n';
    const result = lint(code);
    expect(result.messages).toEqual([
      { ruleId: null, directive: true, severity: 'error', message: 'Unknown rule "patern-link" in adrlint-disable-next-line comment', line: 3, column: 1, endLine: 3, endColumn: 61 },
    ]);
    expect(result.errorCount).toBe(1);
  });

  it('in the frontmatter key, and in an enable comment', () => {
    const code = '---\nadrlint-disable: [nope]\n---\n\n# Orders\n\n<!-- adrlint-enable also-nope -->\n';
    expect(lint(code).messages.map((m) => [m.line, m.message])).toEqual([
      [2, 'Unknown rule "nope" in the adrlint-disable frontmatter key'],
      [7, 'Unknown rule "also-nope" in adrlint-enable comment'],
    ]);
  });

  it('a disable-all comment does not hide them (a problem of no rule is never disabled)', () => {
    const code = '# Orders\n\n<!-- adrlint-disable -->\n\n<!-- adrlint-disable-line nope -->\n';
    expect(lint(code).messages.map((m) => m.message)).toEqual(['Unknown rule "nope" in adrlint-disable-line comment']);
  });
});

describe('unused directives (reportUnusedDisable)', () => {
  const code = '# Orders\n\nSome text.\n\n<!-- adrlint-disable-next-line pattern-link -->\nNo pattern here.\n\nA saga.\n';

  it('are not reported without the option', () => {
    expect(rows(lint(code))).toEqual([['pattern-link', 8]]);
  });

  it('are warnings of no rule, as ESLint words them, with a fix that removes the comment line', () => {
    const result = lint(code, ['pattern-link'], true);
    expect(result.messages[0]).toEqual({
      ruleId: null,
      directive: true,
      severity: 'warn',
      message: 'Unused adrlint-disable-next-line directive (no problems were reported from "pattern-link")',
      line: 5,
      column: 1,
      endLine: 5,
      endColumn: 48,
      fix: { range: [22, 70], text: '' },
    });
    expect(rows(result)).toEqual([
      [null, 5],
      ['pattern-link', 8],
    ]);
    expect(result.fixableWarningCount).toBe(2);
  });

  it('a directive of a rule that is off disabled nothing either', () => {
    const result = lint('# Orders\n\nA saga. <!-- adrlint-disable-line pattern-undeclared -->\n', ['pattern-link'], true);
    expect(result.messages.map((m) => m.message)).toEqual([expect.stringMatching(/^Link the first mention/), 'Unused adrlint-disable-line directive (no problems were reported from "pattern-undeclared")']);
  });

  it('fixing removes the unused comments (their line, and a blank line with it), and leaves the used ones', () => {
    const source = [
      '# Orders',
      '',
      '<!-- adrlint-disable -->',
      '',
      'Plain text. <!-- adrlint-disable-line pattern-link -->',
      '',
      '<!-- adrlint-enable -->',
      '',
      'A saga. <!-- adrlint-disable-line pattern-link, pattern-undeclared -->',
      '',
      '<!-- adrlint-disable-next-line pattern-link -->',
      'CQRS.',
      '',
    ].join('\n');
    const context = contextFor(['pattern-link'], true);
    expect(lint(source, ['pattern-link'], true).messages.map((m) => [m.line, m.message])).toEqual([
      [3, 'Unused adrlint-disable directive (no problems were reported)'],
      [5, 'Unused adrlint-disable-line directive (no problems were reported from "pattern-link")'],
      [9, 'Unused adrlint-disable-line directive (no problems were reported from "pattern-undeclared")'],
    ]);
    const fixed = fixText(PATH, source, context, { set: [buildRecord(parseAdr(PATH, source, catalogue), catalogue)] });
    expect(fixed.output).toBe(
      ['# Orders', '', 'Plain text.', '', '<!-- adrlint-enable -->', '', 'A saga. <!-- adrlint-disable-line pattern-link -->', '', '<!-- adrlint-disable-next-line pattern-link -->', 'CQRS.', ''].join('\n'),
    );
    expect(fixed.result.messages).toEqual([]);
  });

  it.each([
    ['the last line', '# Orders\n\nText.\n\n<!-- adrlint-disable -->\n', '# Orders\n\nText.\n'],
    ['the last line, CRLF', '# Orders\r\n\r\nText.\r\n\r\n<!-- adrlint-disable -->\r\n', '# Orders\r\n\r\nText.\r\n'],
    ['the start of a line', 'Text.\n<!-- adrlint-disable -->  More text.\n', 'Text.\nMore text.\n'],
    ['between words', 'Some <!-- adrlint-disable --> text.\n', 'Some text.\n'],
  ])('an unused comment at %s goes without leaving blanks behind', (_where, source, output) => {
    const fixed = fixText(PATH, source, contextFor(['pattern-link'], true));
    expect(fixed.output).toBe(output);
  });

  it('a frontmatter key that disabled nothing: its lines go', () => {
    const source = '---\nstatus: accepted\nadrlint-disable: [pattern-link] # legacy\n---\n\n# Orders\n';
    const result = lint(source, ['pattern-link'], true);
    expect(result.messages.map((m) => [m.line, m.message])).toEqual([[3, 'Unused adrlint-disable directive (no problems were reported from "pattern-link")']]);
    const fixed = fixText(PATH, source, contextFor(['pattern-link'], true), { set: [buildRecord(parseAdr(PATH, source, catalogue), catalogue)] });
    expect(fixed.output).toBe('---\nstatus: accepted\n---\n\n# Orders\n');
  });
});

describe('fixing', () => {
  it('a disabled fixable problem is not fixed; the others are', () => {
    const source = '# Orders\n\nA saga. <!-- adrlint-disable-line pattern-link -->\n\nCQRS.\n';
    const context = contextFor(['pattern-link']);
    const fixed = fixText(PATH, source, context, { set: [buildRecord(parseAdr(PATH, source, catalogue), catalogue)] });
    expect(fixed.output).toBe('# Orders\n\nA saga. <!-- adrlint-disable-line pattern-link -->\n\n[CQRS](https://learn.microsoft.com/azure/architecture/patterns/cqrs).\n');
    expect(fixed.fixedCount).toBe(1);
    expect(fixed.result.messages).toEqual([]);
  });
});

// A repository on disk: a linted file with a disabled pattern-link problem and a disabled broken
// link (adr-link, a set rule), and an unused directive.
const ORDERS = [
  '# 1. Orders',
  '',
  'A saga. <!-- adrlint-disable-line pattern-link -->',
  '',
  '<!-- adrlint-disable-next-line adr-link -->',
  'See [the old plan](0009-missing.md).',
  '',
  'See [the other plan](0008-missing.md). <!-- adrlint-disable-line pattern-link -->',
  '',
].join('\n');

function repository(): string {
  return fixture({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.adrlintrc.yml': `rules:\n${[...rulesById.keys()].map((id) => `  ${id}: ${id === 'pattern-link' || id === 'adr-link' ? 'warn' : 'off'}`).join('\n')}\n`,
    'docs/adr/0001-orders.md': ORDERS,
  });
}

describe('runs over a project', () => {
  it('set rules (adr-link) are disabled by a comment too', async () => {
    const root = repository();
    const outcome = await lintProject({ cwd: root, concurrency: 'off' });
    expect(outcome.results.map(rows)).toEqual([[['adr-link', 8]]]);
  });

  it('a cached run gives the same report, and reads the directives from the cache without parsing', async () => {
    const root = repository();
    const cache = { location: join(root, 'cache.json') };
    const cold = await lintProject({ cwd: root, cache, concurrency: 'off', reportUnusedDisable: true });
    const before = lazyParseCount();
    const warm = await lintProject({ cwd: root, cache, concurrency: 'off', reportUnusedDisable: true });
    expect(warm.stats).toMatchObject({ cacheHits: 1, cacheMisses: 0 });
    expect(lazyParseCount() - before).toBe(0);
    expect(warm.results).toEqual(cold.results);
    expect(warm.results[0]?.messages.map((m) => [m.ruleId, m.line, m.message])).toEqual([
      ['adr-link', 8, expect.stringMatching(/0008-missing\.md/)],
      [null, 8, 'Unused adrlint-disable-line directive (no problems were reported from "pattern-link")'],
    ]);
  });

  it('--fix leaves a disabled problem alone, and with --report-unused-disable removes the unused comment', async () => {
    const root = repository();
    const path = join(root, 'docs/adr/0001-orders.md');
    writeFileSync(path, `${ORDERS}\nCQRS.\n`);
    const outcome = await lintProject({ cwd: root, fix: { write: true }, reportUnusedDisable: true, concurrency: 'off' });
    expect(readFileSync(path, 'utf8')).toBe(
      [
        '# 1. Orders',
        '',
        'A saga. <!-- adrlint-disable-line pattern-link -->',
        '',
        '<!-- adrlint-disable-next-line adr-link -->',
        'See [the old plan](0009-missing.md).',
        '',
        'See [the other plan](0008-missing.md).',
        '',
        '[CQRS](https://learn.microsoft.com/azure/architecture/patterns/cqrs).',
        '',
      ].join('\n'),
    );
    expect(outcome.results.map(rows)).toEqual([[['adr-link', 8]]]);
  });

  it('the CLI: --report-unused-disable', async () => {
    const root = repository();
    const plain = parseJson(await adrlint(root, ['--format', 'json']));
    expect(plain[0]?.messages.map((m) => m.ruleId)).toEqual(['adr-link']);
    const run = await adrlint(root, ['--format', 'json', '--report-unused-disable']);
    expect(run.code).toBe(0);
    expect(parseJson(run)[0]?.messages.map((m) => [m.ruleId, m.severity, m.line])).toEqual([
      ['adr-link', 1, 8],
      [null, 1, 8],
    ]);
  });
});
