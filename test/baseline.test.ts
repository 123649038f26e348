// Baselines: `--write-baseline` records today's problems, `--baseline` reports only new ones
// (matched by file and a fingerprint of the message and the flagged text, never by line, counting
// identical problems), says how many are fixed, and `--prune-baseline` drops those. End to end with
// the built CLI, and the pure functions of src/engine/baseline.ts on their own.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyBaseline,
  BASELINE_VERSION,
  createBaseline,
  fingerprintProblems,
  parseBaseline,
  pruneBaseline,
  serialiseBaseline,
  type Baseline,
} from '../src/engine/baseline.ts';
import { summarise, type LintResult } from '../src/engine/run-rules.ts';
import type { Diagnostic } from '../src/model/types.ts';
import { VERSION } from '../src/io/version.ts';
import { adrlint, fixture, parseJson, removeFixtures, resultFor } from './helpers/cli.ts';

afterAll(removeFixtures);

const SAGA_URL = 'https://learn.microsoft.com/azure/architecture/patterns/saga';
const ORDERS = '# 1. Orders\n\nWe use a saga here.\n\nWe use CQRS there.\n\nEvent sourcing too.\n';
const BILLING = '# 2. Billing\n\nNothing to see.\n';

/** A repository where pattern-link is the only rule, as an error: three problems in 0001. */
function repository(): string {
  return fixture({
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.adrlintrc.yml': 'rules:\n  pattern-link: error\n  pattern-undeclared: off\n  adr-sections: off\n  adr-status: off\n',
    'docs/adr/0001-orders.md': ORDERS,
    'docs/adr/0002-billing.md': BILLING,
  });
}

const edit = (root: string, file: string, change: (text: string) => string) => {
  const path = join(root, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
};

const problemsOf = (root: string, stdout: { stdout: string; code: number | null; signal: NodeJS.Signals | null; stderr: string }, file: string) =>
  resultFor(parseJson(stdout), root, file).messages.map((m) => [m.line, m.message.replace(/:.*/, '')]);

describe('the CLI', () => {
  it('--write-baseline records every problem and exits 0; --baseline then reports none', async () => {
    const root = repository();
    const before = await adrlint(root, ['--format', 'json']);
    expect(before.code).toBe(1);
    const write = await adrlint(root, ['--write-baseline']);
    expect(write).toMatchObject({ code: 0, stdout: '', stderr: 'adrlint: wrote 3 problems to .adrlint-baseline.json\n' });
    const file = readFileSync(join(root, '.adrlint-baseline.json'), 'utf8');
    const baseline = JSON.parse(file) as Baseline;
    expect(baseline).toMatchObject({ version: BASELINE_VERSION, adrlint: VERSION });
    expect(baseline.problems.map((p) => [p.file, p.rule, p.occurrence])).toEqual([
      ['docs/adr/0001-orders.md', 'pattern-link', 0],
      ['docs/adr/0001-orders.md', 'pattern-link', 0],
      ['docs/adr/0001-orders.md', 'pattern-link', 0],
    ]);
    // One problem a line, sorted by message: the file diffs well.
    expect(file.split('\n').filter((line) => line.startsWith('    {')).map((line) => (JSON.parse(line.replace(/,$/, '')) as { message: string }).message.replace(/:.*/, ''))).toEqual([
      'Link the first mention of CQRS Pattern',
      'Link the first mention of Event Sourcing Pattern',
      'Link the first mention of Saga Pattern',
    ]);

    const after = await adrlint(root, ['--baseline', '--format', 'json']);
    expect(after.code).toBe(0);
    expect(after.stderr).toBe('');
    expect(parseJson(after).map((r) => [r.messages.length, r.errorCount, r.fixableErrorCount])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('writing the same problems again gives the same bytes', async () => {
    const root = repository();
    await adrlint(root, ['--write-baseline']);
    const first = readFileSync(join(root, '.adrlint-baseline.json'), 'utf8');
    await adrlint(root, ['--write-baseline']);
    expect(readFileSync(join(root, '.adrlint-baseline.json'), 'utf8')).toBe(first);
  });

  it('the baseline still matches after lines are inserted above the problems', async () => {
    const root = repository();
    await adrlint(root, ['--write-baseline']);
    edit(root, 'docs/adr/0001-orders.md', (text) => text.replace('# 1. Orders\n', '# 1. Orders\n\nOne.\nTwo.\nThree.\nFour.\n'));
    const run = await adrlint(root, ['--baseline', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(problemsOf(root, run, 'docs/adr/0001-orders.md')).toEqual([]);
    // Without the baseline, the same problems are all there, five lines further down.
    expect(problemsOf(root, await adrlint(root, ['--format', 'json']), 'docs/adr/0001-orders.md').map(([line]) => line)).toEqual([8, 10, 12]);
  });

  it('a new problem is reported, with the exit code and counts of the new problems only', async () => {
    const root = repository();
    await adrlint(root, ['--write-baseline']);
    edit(root, 'docs/adr/0001-orders.md', (text) => `${text}\nA circuit breaker.\n`);
    const run = await adrlint(root, ['--baseline', '--format', 'json']);
    expect(run.code).toBe(1);
    const result = resultFor(parseJson(run), root, 'docs/adr/0001-orders.md');
    expect(result.messages.map((m) => [m.line, m.message.replace(/:.*/, '')])).toEqual([[9, 'Link the first mention of Circuit Breaker Pattern']]);
    expect(result).toMatchObject({ errorCount: 1, fixableErrorCount: 1, warningCount: 0 });
  });

  it('a fixed problem is counted as gone, and --prune-baseline drops it from the file', async () => {
    const root = repository();
    await adrlint(root, ['--write-baseline']);
    edit(root, 'docs/adr/0001-orders.md', (text) => text.replace('a saga', `a [saga](${SAGA_URL})`));
    const run = await adrlint(root, ['--baseline']);
    expect(run).toMatchObject({ code: 0, stdout: '✔ 2 ADRs, no problems\n', stderr: 'adrlint: 1 problem in the baseline is fixed; run with --prune-baseline to drop it\n' });
    expect((JSON.parse(readFileSync(join(root, '.adrlint-baseline.json'), 'utf8')) as Baseline).problems).toHaveLength(3);

    const prune = await adrlint(root, ['--baseline', '--prune-baseline']);
    expect(prune).toMatchObject({ code: 0, stderr: 'adrlint: removed 1 problem that is fixed from .adrlint-baseline.json\n' });
    const pruned = JSON.parse(readFileSync(join(root, '.adrlint-baseline.json'), 'utf8')) as Baseline;
    expect(pruned.problems.map((p) => p.message.replace(/:.*/, ''))).toEqual(['Link the first mention of CQRS Pattern', 'Link the first mention of Event Sourcing Pattern']);
    expect(await adrlint(root, ['--baseline'])).toMatchObject({ code: 0, stderr: '' });
    // The saga problem is back: it is new again.
    edit(root, 'docs/adr/0001-orders.md', () => ORDERS);
    expect((await adrlint(root, ['--baseline'])).code).toBe(1);
  });

  it('a problem moved to another file is new there (and gone from the first)', async () => {
    const root = repository();
    await adrlint(root, ['--write-baseline']);
    edit(root, 'docs/adr/0001-orders.md', (text) => text.replace('We use CQRS there.\n\n', ''));
    edit(root, 'docs/adr/0002-billing.md', (text) => `${text}\nWe use CQRS there.\n`);
    const run = await adrlint(root, ['--baseline', '--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('adrlint: 1 problem in the baseline is fixed; run with --prune-baseline to drop it\n');
    expect(problemsOf(root, run, 'docs/adr/0001-orders.md')).toEqual([]);
    expect(problemsOf(root, run, 'docs/adr/0002-billing.md')).toEqual([[5, 'Link the first mention of CQRS Pattern']]);
  });

  it('a run over some files does not count the problems of the others as fixed', async () => {
    const root = repository();
    await adrlint(root, ['--write-baseline']);
    const run = await adrlint(root, ['docs/adr/0002-billing.md', '--baseline']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
  });

  it('a file of its own: --write-baseline <file>.json, --baseline=<file>', async () => {
    const root = repository();
    expect((await adrlint(root, ['--write-baseline', 'ci/adr-baseline.json', 'docs/adr'])).stderr).toBe('adrlint: wrote 3 problems to ci/adr-baseline.json\n');
    expect(await adrlint(root, ['docs/adr', '--baseline=ci/adr-baseline.json'])).toMatchObject({ code: 0, stdout: '✔ 2 ADRs, no problems\n' });
    expect(await adrlint(root, ['--baseline', 'ci/adr-baseline.json', 'docs/adr'])).toMatchObject({ code: 0, stdout: '✔ 2 ADRs, no problems\n' });
  });

  it.each([
    ['corrupt', '{"version": 1, "probl', 'not valid JSON; write it again with --write-baseline'],
    ['not a baseline', '{"files": {}}', 'not an adrlint baseline (no "problems" list)'],
    ['of another version', '{"version": 9, "problems": []}', 'baseline version 9 is not one this adrlint reads (1); write it again with --write-baseline'],
    ['with a bad entry', '{"version": 1, "problems": [{"file": "a.md", "rule": 3}]}', 'problem 1 has a "rule" that is neither a rule id nor null'],
  ])('a %s baseline file is a one-line error, exit 2, naming the file', async (_kind, text, reason) => {
    const root = repository();
    writeFileSync(join(root, '.adrlint-baseline.json'), text);
    const run = await adrlint(root, ['--baseline']);
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: `adrlint: configuration error: ${join(root, '.adrlint-baseline.json')}: ${reason}\n` });
  });

  it('a missing baseline file is a one-line error, exit 2', async () => {
    const root = repository();
    const run = await adrlint(root, ['--baseline=nowhere.json']);
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: `adrlint: configuration error: ${join(root, 'nowhere.json')}: no such baseline file; write one with --write-baseline\n` });
  });

  it('--write-baseline does not go with --baseline', async () => {
    const root = repository();
    const run = await adrlint(root, ['--write-baseline', '--baseline']);
    expect(run).toMatchObject({ code: 2, stderr: 'adrlint: --write-baseline records every problem; it does not go with --baseline or --prune-baseline\n' });
  });
});

// Unit tests over hand-made results.
const ROOT = '/repo';
const TEXT = '# Orders\n\nSee [x](0009-gone.md) and [x](0009-gone.md).\nSee [x](0009-gone.md) and [x](0009-gone.md).\n';

function problem(line: number, column: number, endColumn: number, message = 'Link target 0009-gone.md does not exist'): Diagnostic {
  return { ruleId: 'adr-link', severity: 'error', message, line, column, endLine: line, endColumn };
}

function result(messages: Diagnostic[], text = TEXT, path = `${ROOT}/docs/adr/0001-orders.md`): LintResult {
  return summarise(path, messages, text);
}

const FOUR = [problem(3, 5, 22), problem(3, 27, 44), problem(4, 5, 22), problem(4, 27, 44)];

describe('fingerprints', () => {
  it('identical problems share a fingerprint and are told apart by their occurrence', () => {
    const [entries] = fingerprintProblems([result(FOUR)], ROOT).map((r) => r.entries);
    expect(new Set(entries!.map((e) => e.fingerprint)).size).toBe(1);
    expect(entries!.map((e) => [e.file, e.occurrence])).toEqual([
      ['docs/adr/0001-orders.md', 0],
      ['docs/adr/0001-orders.md', 1],
      ['docs/adr/0001-orders.md', 2],
      ['docs/adr/0001-orders.md', 3],
    ]);
  });

  it('depend on the rule, the message (digits aside) and the flagged text, not on the position', () => {
    const moved = `\n\n\n${TEXT}`;
    const fingerprint = (message: Diagnostic, text = TEXT) => fingerprintProblems([result([message], text)], ROOT)[0]!.entries[0]!.fingerprint;
    const base = fingerprint(problem(3, 5, 22));
    expect(fingerprint(problem(6, 5, 22), moved)).toBe(base);
    expect(fingerprint(problem(3, 5, 22, 'Link target 0010-gone.md does not exist'))).toBe(base);
    expect(fingerprint(problem(3, 5, 22, 'Link target is not there'))).not.toBe(base);
    expect(fingerprint({ ...problem(3, 5, 22), ruleId: 'adr-supersede' })).not.toBe(base);
    expect(fingerprint(problem(1, 1, 9))).not.toBe(base);
  });

  it('a point problem (an empty range) is known by its whole line', () => {
    const fingerprint = (message: Diagnostic, text: string) => fingerprintProblems([result([message], text)], ROOT)[0]!.entries[0]!.fingerprint;
    expect(fingerprint(problem(1, 1, 1, 'x'), '# A\n')).toBe(fingerprint(problem(2, 1, 1, 'x'), '\n  # A\n'));
    expect(fingerprint(problem(1, 1, 1, 'x'), '# A\n')).not.toBe(fingerprint(problem(1, 1, 1, 'x'), '# B\n'));
  });
});

describe('applyBaseline', () => {
  const baselineOf = (results: LintResult[]) => createBaseline(fingerprintProblems(results, ROOT));

  it('counts identical problems: three in the baseline and four now leave one', () => {
    const baseline = baselineOf([result(FOUR.slice(0, 3))]);
    const applied = applyBaseline(fingerprintProblems([result(FOUR)], ROOT), baseline);
    expect(applied.results[0]!.messages).toEqual([FOUR[3]]);
    expect(applied.results[0]).toMatchObject({ errorCount: 1, warningCount: 0 });
    expect(applied.gone).toEqual([]);
  });

  it('four in the baseline and two now: two are gone, and pruning drops them', () => {
    const baseline = baselineOf([result(FOUR)]);
    const applied = applyBaseline(fingerprintProblems([result(FOUR.slice(0, 2))], ROOT), baseline);
    expect(applied.results[0]!.messages).toEqual([]);
    expect(applied.results[0]!.errorCount).toBe(0);
    expect(applied.gone.map((e) => e.occurrence)).toEqual([2, 3]);
    expect(pruneBaseline(baseline, applied.gone).problems.map((e) => e.occurrence)).toEqual([0, 1]);
  });

  it('a problem of a file the run did not see is gone only when the file is', () => {
    const baseline = baselineOf([result(FOUR.slice(0, 1), TEXT, `${ROOT}/docs/adr/0007-other.md`)]);
    const now = fingerprintProblems([result([])], ROOT);
    expect(applyBaseline(now, baseline).gone).toEqual([]);
    expect(applyBaseline(now, baseline, () => true).gone).toEqual([]);
    expect(applyBaseline(now, baseline, (file) => file !== 'docs/adr/0007-other.md').gone).toHaveLength(1);
  });

  it('keeps a result that loses nothing as it is, and the source and output of one that does', () => {
    const plain = result([problem(1, 1, 9, 'new')]);
    expect(applyBaseline(fingerprintProblems([plain], ROOT), baselineOf([])).results[0]).toBe(plain);
    const fixed = { ...result(FOUR), output: TEXT, fixedCount: 2 };
    const after = applyBaseline(fingerprintProblems([fixed], ROOT), baselineOf([fixed])).results[0]!;
    expect(after).toMatchObject({ messages: [], errorCount: 0, fixableErrorCount: 0, source: TEXT, output: TEXT, fixedCount: 2 });
  });
});

describe('the file', () => {
  it('is sorted and stable whatever the order of the problems, and reads back', () => {
    const a = createBaseline(fingerprintProblems([result(FOUR), result([problem(1, 1, 9, 'Heading')], TEXT, `${ROOT}/docs/adr/0000-a.md`)], ROOT));
    const b: Baseline = { ...a, problems: [...a.problems].reverse() };
    expect(serialiseBaseline(b)).toBe(serialiseBaseline(a));
    expect(parseBaseline(serialiseBaseline(a), 'x.json').problems.map((p) => p.file)).toEqual([
      'docs/adr/0000-a.md',
      'docs/adr/0001-orders.md',
      'docs/adr/0001-orders.md',
      'docs/adr/0001-orders.md',
      'docs/adr/0001-orders.md',
    ]);
    expect(serialiseBaseline({ version: 1, adrlint: '1.0.0', problems: [] })).toBe('{\n  "version": 1,\n  "adrlint": "1.0.0",\n  "problems": []\n}\n');
  });
});
