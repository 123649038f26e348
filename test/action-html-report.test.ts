// The Action's `html-report` input, end to end through the committed bundle (node dist/index.js):
// the page is written inside the workspace, linked to the commit, named in the outputs for
// actions/upload-artifact; a path outside the workspace fails the step with one line.
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, removeFixtures, STACK_TRACE } from './helpers/cli.ts';
import { runAction, workflowCommands } from './helpers/action-runner.ts';
import { REPORT_SET } from './helpers/report-set.ts';

afterAll(removeFixtures);

describe('the Action with html-report', () => {
  it('writes the report, links the files to the commit, and names it in the outputs', async () => {
    const root = fixture(REPORT_SET);
    const run = await runAction(root, { inputs: { 'html-report': 'reports/adr-report.html', 'fail-on': 'never' }, repository: 'octo/adrs', sha: 'f00dfeed' });
    expect(run.code).toBe(0);
    expect(run.outputs['html-report']).toBe('reports/adr-report.html');
    const html = readFileSync(join(root, 'reports/adr-report.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<h1>ADR report: octo/adrs</h1>');
    expect(html.match(/<tr id="adr-/g)).toHaveLength(6);
    expect(html).toContain('<a href="https://github.com/octo/adrs/blob/f00dfeed/docs/adr/0001-use-postgresql.md" title="docs/adr/0001-use-postgresql.md">Use PostgreSQL</a>');
    expect(html).toContain('<li><b class="error">2</b> errors</li>');
    // The other outputs are as without it.
    expect(run.outputs).toMatchObject({ errors: '2', warnings: '11', files: '6', 'sarif-file': '' });
  });

  it('sets no html-report output when not asked', async () => {
    const run = await runAction(fixture(REPORT_SET), { inputs: { 'fail-on': 'never' } });
    expect(run.outputs).not.toHaveProperty('html-report');
  });

  it.each([
    ['../adr-report.html', 'a path above the workspace'],
    ['/tmp/adr-report.html', 'an absolute path elsewhere'],
    ['.', 'the workspace itself'],
  ])('refuses %s (%s): the step fails with one line and lints nothing', async (path) => {
    const root = fixture(REPORT_SET);
    const run = await runAction(root, { inputs: { 'html-report': path } });
    expect(run.code).toBe(1);
    expect(workflowCommands(run.lines)).toEqual([`::error::adrlint: input "html-report" must be a file inside the workspace (${root}); "${path}" is not`]);
    expect(run.outputs).toMatchObject({ errors: '0', files: '0' });
    expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
  });

  it('refuses a path through a linked folder that leads outside the workspace', async () => {
    const root = fixture(REPORT_SET);
    const elsewhere = fixture({});
    symlinkSync(elsewhere, join(root, 'out'));
    const run = await runAction(root, { inputs: { 'html-report': 'out/deeper/adr-report.html' } });
    expect(run.code).toBe(1);
    expect(workflowCommands(run.lines)).toEqual([
      `::error::adrlint: input "html-report" must be a file inside the workspace (${root}); "out/deeper/adr-report.html" is not: out/deeper leads outside it`,
    ]);
    expect(existsSync(join(elsewhere, 'deeper'))).toBe(false);
  });

  it('refuses a symbolic link at the path itself, wherever it points, and writes nothing through it', async () => {
    const root = fixture(REPORT_SET);
    const elsewhere = fixture({ 'outside.html': 'keep me\n' });
    symlinkSync(join(elsewhere, 'outside.html'), join(root, 'adr-report.html'));
    const run = await runAction(root, { inputs: { 'html-report': 'adr-report.html' } });
    expect(run.code).toBe(1);
    expect(workflowCommands(run.lines)).toEqual([
      `::error::adrlint: input "html-report" must be a file inside the workspace (${root}); "adr-report.html" is not: it is a symbolic link (remove it, or name another file)`,
    ]);
    expect(readFileSync(join(elsewhere, 'outside.html'), 'utf8')).toBe('keep me\n');
  });

  it('accepts a linked folder that stays inside the workspace', async () => {
    const root = fixture(REPORT_SET);
    mkdirSync(join(root, 'real'));
    symlinkSync(join(root, 'real'), join(root, 'link'));
    const run = await runAction(root, { inputs: { 'html-report': 'link/adr-report.html', 'fail-on': 'never' } });
    expect(run.code).toBe(0);
    expect(run.outputs['html-report']).toBe('link/adr-report.html');
    expect(readFileSync(join(root, 'real/adr-report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });
});
