// End to end: the committed Action bundle (node dist/index.js) run as the GitHub runner runs it,
// on fixture repositories. Asserts the exact workflow-command lines, the outputs file and the job
// summary. Pull-request features against a local API server are in action-pr.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, removeFixtures, STACK_TRACE, type FixtureFiles } from './helpers/cli.ts';
import { runAction, workflowCommands } from './helpers/action-runner.ts';

afterAll(removeFixtures);

const SECTIONS = '\n## Context\n\nThe order flow spans three teams.\n\n## Decision\n\nAs written above.\n\n## Consequences\n\nMore moving parts.\n';

/** A Nygard-bodied ADR with frontmatter; `front` is extra frontmatter lines. */
const adr = (number: number, title: string, front: string, body = 'Plain text.') =>
  `---\n${front}date: 2024-03-01\n---\n\n# ${number}. ${title}\n\n${body}\n${SECTIONS}`;

const CLEAN = adr(1, 'Use sagas', 'status: accepted\npatterns: [saga-pattern]\n', 'We coordinate with the [Saga Pattern](https://learn.microsoft.com/azure/architecture/patterns/saga).');
// adr-status at 2:9-2:13 (error); pattern-slug at 3:12 (error, fixable)
const ERRORS = adr(2, 'Broken references', 'status: done\npatterns: [sagapatern]\n');
// Two warnings on CQRS at 8:13-8:17, both fixable: pattern-link (link the first mention) and pattern-undeclared
const WARNINGS = adr(3, 'Warnings only', 'status: accepted\n', 'We also use CQRS.');

function repo(files: FixtureFiles): string {
  return fixture({ '.git/HEAD': 'ref: refs/heads/main\n', ...files });
}

describe('the Action on a push', () => {
  it('annotates errors before warnings, sets the outputs, writes the summary and fails the step', async () => {
    const root = repo({ 'docs/adr/0001-use-sagas.md': CLEAN, 'docs/adr/0002-broken.md': ERRORS, 'docs/adr/0003-warnings.md': WARNINGS });
    const run = await runAction(root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(workflowCommands(run.lines)).toEqual([
      '::error title=adr-status,file=docs/adr/0002-broken.md,line=2,endLine=2,col=9,endColumn=13::Unknown status "done" (closest in meaning: "accepted"); use one of proposed, accepted, rejected, deprecated, superseded, or add it to "statuses" in the config (adrlint init writes them)',
      '::error title=pattern-slug,file=docs/adr/0002-broken.md,line=3,endLine=3,col=12,endColumn=22::Unknown pattern "sagapatern"; did you mean "saga-pattern"?',
      '::warning title=pattern-link,file=docs/adr/0003-warnings.md,line=8,endLine=8,col=13,endColumn=17::Link the first mention of CQRS Pattern: [CQRS](https://learn.microsoft.com/azure/architecture/patterns/cqrs)',
      '::warning title=pattern-undeclared,file=docs/adr/0003-warnings.md,line=8,endLine=8,col=13,endColumn=17::"CQRS" mentions the pattern "cqrs-pattern"; declare it under "patterns" in the frontmatter',
      '::error::adrlint found 2 errors and 2 warnings.',
    ]);
    expect(run.outputs).toEqual({ errors: '2', warnings: '2', files: '3', fixable: '3', 'sarif-file': '' });
    expect(run.summary.split('\n').slice(0, 3)).toEqual(['## adrlint', '', '**3 files** linted · **2 errors** · **2 warnings** · **3** fixable']);
    expect(run.summary).toContain('https://github.com/octo/adrs/blob/f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed/docs/adr/0002-broken.md#L2');
    // The human report is in the log, with workflow commands switched off around it.
    expect(run.stdout).toMatch(/^::stop-commands::[0-9a-f-]{36}\n[^]*docs\/adr\/0002-broken\.md\n[^]*::[0-9a-f-]{36}::\n/m);
  });

  it('a clean set: exit 0, zero outputs, no annotation', async () => {
    const root = repo({ 'docs/adr/0001-use-sagas.md': CLEAN });
    const run = await runAction(root);
    expect(run.code).toBe(0);
    expect(workflowCommands(run.lines)).toEqual([]);
    expect(run.outputs).toEqual({ errors: '0', warnings: '0', files: '1', fixable: '0', 'sarif-file': '' });
  });

  // WARNINGS beside CLEAN, which declares patterns: the set has adopted them, so its CQRS is two warnings.
  const warned = { 'docs/adr/0001-use-sagas.md': CLEAN, 'docs/adr/0003-warnings.md': WARNINGS };
  it.each([
    [{ 'fail-on': 'never' }, { 'docs/adr/0002-broken.md': ERRORS }, 0, null],
    [{ 'fail-on': 'warning' }, warned, 1, '::error::adrlint found 2 warnings (fail-on: warning).'],
    [{ 'fail-on': 'error' }, warned, 0, null],
    [{ 'max-warnings': '0' }, warned, 1, '::error::adrlint found too many warnings (2; maximum allowed is 0).'],
    [{ 'max-warnings': '2' }, warned, 0, null],
  ])('fail-on and max-warnings: %j', async (inputs, files, code, failure) => {
    const run = await runAction(repo(files), { inputs });
    expect(run.code).toBe(code);
    const last = workflowCommands(run.lines).at(-1) ?? null;
    if (failure) expect(last).toBe(failure);
    else expect(last ?? '').not.toMatch(/^::error::adrlint found/);
  });

  it('annotations and summary can be switched off', async () => {
    const run = await runAction(repo({ 'docs/adr/0002-broken.md': ERRORS }), { inputs: { annotations: 'false', summary: 'false' } });
    expect(workflowCommands(run.lines)).toEqual(['::error::adrlint found 2 errors.']);
    expect(run.summary).toBe('');
  });

  it('paths: globs one per line or separated by commas', async () => {
    const root = repo({ 'adrs/a/0001-a.md': ERRORS, 'adrs/b/0001-b.md': ERRORS, 'adrs/c/0001-c.md': ERRORS });
    const run = await runAction(root, { inputs: { paths: 'adrs/a/*.md,\nadrs/b\n' } });
    expect(run.outputs.files).toBe('2');
  });

  // 12 files with 2 errors each, 15 with 2 warnings each.
  const many: FixtureFiles = {};
  for (let i = 1; i <= 12; i++) many[`docs/adr/${String(i).padStart(4, '0')}-broken.md`] = adr(i, `Broken ${i}`, 'status: done\npatterns: [sagapatern]\n');
  for (let i = 13; i <= 27; i++) many[`docs/adr/${String(i).padStart(4, '0')}-warns.md`] = adr(i, `Warns ${i}`, 'status: accepted\n', 'We also use CQRS.');

  it('past GitHub\'s 10 errors and 10 warnings per step: the rest are counted in one notice', async () => {
    const run = await runAction(repo(many), { inputs: { 'sarif-file': 'out/adrlint.sarif', 'fail-on': 'never' } });
    const commands = workflowCommands(run.lines);
    expect(commands.filter((line) => line.startsWith('::error'))).toHaveLength(10);
    expect(commands.filter((line) => line.startsWith('::warning'))).toHaveLength(10);
    expect(commands).toContain(
      '::notice::34 more problems (14 errors, 20 warnings) not shown as annotations: GitHub shows at most 10 errors and 10 warnings per step. See the job summary and the SARIF file out/adrlint.sarif.',
    );
    // The first annotations are the first files' errors.
    expect(commands[0]).toMatch(/^::error title=adr-status,file=docs\/adr\/0001-broken\.md,/);
  });

  it('a failing step: 9 problem errors, as its failure line is the 10th error GitHub shows', async () => {
    const run = await runAction(repo(many));
    expect(run.code).toBe(1);
    const commands = workflowCommands(run.lines);
    expect(commands.filter((line) => line.startsWith('::error title='))).toHaveLength(9);
    expect(commands.filter((line) => line.startsWith('::error'))).toHaveLength(10);
    expect(commands.at(-1)).toBe('::error::adrlint found 24 errors and 30 warnings.');
    expect(commands).toContain(
      "::notice::35 more problems (15 errors, 20 warnings) not shown as annotations: GitHub shows at most 10 errors and 10 warnings per step (the step's failure among the errors). See the job summary.",
    );
  });

  it('sarif-file: writes SARIF 2.1.0 and names it in the outputs', async () => {
    const root = repo({ 'docs/adr/0002-broken.md': ERRORS });
    const run = await runAction(root, { inputs: { 'sarif-file': 'reports/adrlint.sarif' } });
    expect(run.outputs['sarif-file']).toBe('reports/adrlint.sarif');
    const sarif = JSON.parse(readFileSync(join(root, 'reports/adrlint.sarif'), 'utf8')) as {
      version: string;
      runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.artifactLocation.uri])).toEqual([
      ['adr-status', 'docs/adr/0002-broken.md'],
      ['pattern-slug', 'docs/adr/0002-broken.md'],
    ]);
  });
});

describe('the Action and bad input', () => {
  it('a config error fails the step with one line naming the file, no stack trace', async () => {
    const run = await runAction(repo({ '.adrlintrc.yml': 'rules:\n  no-such-rule: error\n', 'docs/adr/0001-use-sagas.md': CLEAN }));
    expect(run.code).toBe(1);
    expect(workflowCommands(run.lines)).toEqual([expect.stringMatching(/^::error::adrlint: configuration error: .*\.adrlintrc\.yml: .*unknown rule "no-such-rule"/)]);
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  });

  it.each([
    [{ 'fail-on': 'sometimes' }, '::error::adrlint: input "fail-on" must be error, warning or never, not "sometimes"'],
    [{ 'max-warnings': 'many' }, '::error::adrlint: input "max-warnings" must be a whole number, not "many"'],
    [{ review: 'maybe' }, '::error::adrlint: input "review" must be true or false, not "maybe"'],
  ])('a bad input %j is one error line', async (inputs, line) => {
    const run = await runAction(repo({ 'docs/adr/0001-use-sagas.md': CLEAN }), { inputs });
    expect(run.code).toBe(1);
    expect(workflowCommands(run.lines)).toEqual([line]);
  });

  it('no ADR folder: the step fails saying so', async () => {
    const run = await runAction(repo({ 'README.md': '# x\n' }));
    expect(run.code).toBe(1);
    expect(workflowCommands(run.lines)).toEqual([expect.stringMatching(/^::error::adrlint: .*no ADR/i)]);
  });
});

describe('untrusted text never becomes a workflow command', () => {
  it('messages and file names with command syntax, %, CR/LF, commas and colons are escaped', async () => {
    const root = repo({
      // A status that quotes command syntax; the message repeats it.
      'docs/adr/0001-status.md': adr(1, 'Status', 'status: "::stop-commands::x %0A ::error::y"\n'),
      // A file name with a comma and a colon, and an unknown slug holding a percent sign.
      'docs/adr/0002-a,b:c.md': adr(2, 'Odd name', 'status: accepted\npatterns: ["100%-saga"]\n'),
      // A raw line break inside a YAML string: the message shows it escaped.
      'docs/adr/0003-newline.md': adr(3, 'Newline', 'status: "done\\n::error::injected"\n'),
      // HTML in a status: the summary's problem table must show it as text.
      'docs/adr/0004-html.md': adr(4, 'Html', 'status: "<script>alert(1)</script>"\n'),
    });
    const run = await runAction(root, { inputs: { 'fail-on': 'never' } });
    const commands = workflowCommands(run.lines);
    expect(commands).toEqual([
      '::error title=adr-status,file=docs/adr/0001-status.md,line=2,endLine=2,col=9,endColumn=44::Unknown status "::stop-commands::x %250A ::error::y"; use one of proposed, accepted, rejected, deprecated, superseded, or add it to "statuses" in the config (adrlint init writes them)',
      '::error title=pattern-slug,file=docs/adr/0002-a%2Cb%3Ac.md,line=3,endLine=3,col=12,endColumn=23::Unknown pattern "100%25-saga"; run "adrlint catalogue" to list the slugs',
      '::error title=adr-status,file=docs/adr/0003-newline.md,line=2,endLine=2,col=9,endColumn=34::Unknown status "done\\n::error::injected" (closest in meaning: "accepted"); use one of proposed, accepted, rejected, deprecated, superseded, or add it to "statuses" in the config (adrlint init writes them)',
      '::error title=adr-status,file=docs/adr/0004-html.md,line=2,endLine=2,col=9,endColumn=36::Unknown status "<script>alert(1)</script>"; use one of proposed, accepted, rejected, deprecated, superseded, or add it to "statuses" in the config (adrlint init writes them)',
      // In a property, the comma and the colon of the file name are escaped; in the message they are plain text.
      '::warning title=adr-filename,file=docs/adr/0002-a%2Cb%3Ac.md,line=1,endLine=1,col=1,endColumn=1::File name "0002-a,b:c.md" does not follow NNNN-kebab-title.md; rename it to "0002-a-b-c.md"',
    ]);
    // Nothing but our own commands starts a line outside the stop-commands block...
    for (const line of commands) expect(line).toMatch(/^::(error|warning|notice) title=[a-z-]+,file=docs\/adr\/[^:]+::|^::(notice|warning|error)::/);
    // ...and the block itself cannot be ended from inside: its token is random per run.
    const tokens = [...run.stdout.matchAll(/^::stop-commands::(.+)$/gm)].map((m) => m[1]);
    expect(tokens).toHaveLength(1);
    expect(run.stdout.split(`::${tokens[0]}::`)).toHaveLength(2);
    // The summary escapes HTML and markdown from the ADRs.
    expect(run.summary).toContain('Unknown status "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"');
    expect(run.summary).not.toContain('<script');
  });
});
