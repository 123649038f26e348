// The CLI over each real ADR collection in ../shared/corpus, as a user would run it. Each folder's
// report is pinned finding by finding: every line below was read against the files and is a true
// finding (see the comments), so a new report in these folders is a false alarm until shown otherwise.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { adrlint, fixture, PACKAGE_ROOT, parseJson, removeFixtures, STACK_TRACE, type JsonResult } from './helpers/cli.ts';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

afterAll(removeFixtures);

/** "file.md rule-id" for every message, in report order. */
function findings(results: readonly JsonResult[]): string[] {
  return results.flatMap((result) => result.messages.map((m) => `${result.filePath.split('/').pop()} ${m.ruleId}`));
}

describe.skipIf(!existsSync(CORPUS))('adrlint over each corpus folder', () => {
  it('madr: only the status "on hold", which MADR itself does not define', async () => {
    const run = await adrlint(CORPUS, ['madr', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const results = parseJson(run);
    expect(results.length).toBeGreaterThan(10);
    expect(findings(results)).toEqual(['0003-provide-own-madr-tools.md adr-status']);
    expect(results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([
      'Unknown status "on hold"; use one of proposed, accepted, rejected, deprecated, superseded',
    ]);
  });

  it('adr-tools: clean (Nygard numbering, "Superceded by" spelling and links all understood)', async () => {
    const run = await adrlint(CORPUS, ['adr-tools']);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('log4brains: three short records lack MADR sections, warnings only', async () => {
    const run = await adrlint(CORPUS, ['log4brains', '--format', 'json']);
    expect(run.code).toBe(0);
    const results = parseJson(run);
    // YYYYMMDD- names are dates, not numbers: no duplicate-number or filename report.
    expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath.split('/').pop()} ${m.severity} ${m.message}`))).toEqual([
      // headings: Decision, Links
      '20200927-avoid-default-exports.md 1 Missing the "Context and Problem Statement" section the madr template asks for',
      '20200927-avoid-default-exports.md 1 Missing the "Considered Options" section the madr template asks for',
      // headings: Context and Problem Statement, Decision, Links
      '20201016-use-the-adr-slug-as-its-unique-id.md 1 Missing the "Considered Options" section the madr template asks for',
      // headings: Context and Problem Statement, Decision Drivers, Decision Outcome, Links
      '20210113-distribute-log4brains-as-a-global-npm-package.md 1 Missing the "Considered Options" section the madr template asks for',
    ]);
  });

  it('konflux with its own statuses: the real supersede inconsistencies, one missing section, one sidecar', async () => {
    const config = join(fixture(), 'konflux.yml');
    writeFileSync(
      config,
      'statuses: [Proposed, In consideration, Implementable, Approved, Accepted, Implemented, Deprecated, Replaced, Superseded]\n' +
        // The copy holds the ADR folder only; its links into ../architecture are checked in the next test.
        'rules:\n  adr-link: off\n',
    );
    const run = await adrlint(CORPUS, ['konflux', '--config', config, '--format', 'json']);
    expect(run.code).toBe(1);
    expect(findings(parseJson(run))).toEqual([
      // says superseded_by 0032, while 0042 supersedes it
      '0008-environment-provisioning.md adr-supersede',
      // sections Status, Approvers, Reviewers, Context, Namespace labels/annotations, Consequences
      '0010-namespace-metadata.md adr-sections',
      // "Superseded by [..](0036-...html)": that number is 0037's
      '0015-integration-service-two-phase-architecture.md adr-supersede',
      '0016-integration-service-promotion-logic.md adr-supersede',
      // 0013 says superseded by 0030, which does not say it supersedes 0013
      '0030-tekton-results-naming-convention.md adr-supersede',
      // 0042 supersedes it; it names no successor
      '0032-decoupling-deployment.md adr-supersede',
      '0038-integration-service-composite-removal.md adr-supersede',
      // "Results from sidecar logs": Tekton's sidecar container
      '0046-common-task-runner-image.md pattern-undeclared',
      '0053-trusted-task-model.md adr-supersede',
    ]);
  });

  it('konflux: every broken link points out of the copied ADR folder (where the real repository has the files)', async () => {
    // Links into the folder that are broken (0015's "Superseded by" 0036) are adr-supersede's, reported once.
    const run = await adrlint(CORPUS, ['konflux', '--format', 'json', '--rule', 'adr-status:off']);
    const links = parseJson(run).flatMap((r) => r.messages.filter((m) => m.ruleId === 'adr-link'));
    expect(links.length).toBeGreaterThan(100);
    for (const link of links) expect(link.message).toMatch(/^Link target "\.\.\/[^"]+" does not exist$/);
  });

  it('stylish output of every folder: no stack trace, no fatal error', async () => {
    for (const folder of ['madr', 'adr-tools', 'log4brains', 'konflux']) {
      const run = await adrlint(CORPUS, [folder, '--no-color']);
      expect(run.code, `${folder}: ${run.stderr}`).toBeLessThanOrEqual(1);
      expect(run.stdout + run.stderr).not.toMatch(STACK_TRACE);
      expect(run.stdout).not.toMatch(/fatal|Parsing error/i);
    }
  });

  it('the README\'s konflux example is what adrlint prints today (config, report and dry-run diff)', async () => {
    const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### On a real ADR set'));
    const block = (fence: string) => {
      const match = section.match(new RegExp('```' + fence + '\\n([\\s\\S]*?)```'));
      if (!match) throw new Error(`no \`\`\`${fence} block in the README's konflux example`);
      return match[1]!;
    };
    const root = fixture({ '.adrlintrc.yml': block('yaml') });
    cpSync(join(CORPUS, 'konflux'), join(root, 'ADR'), { recursive: true });
    const run = await adrlint(root, ['ADR', '--no-color']);
    expect(run.stdout.trim()).toBe(block('text').trim());
    const diff = await adrlint(root, [
      'ADR/0030-tekton-results-naming-convention.md',
      'ADR/0015-integration-service-two-phase-architecture.md',
      '--fix-dry-run',
      '--no-color',
    ]);
    // The README leaves out the diff's ==== separators and the closing summary line.
    const shown = diff.stdout.split('\n').filter((line) => !/^={5,}$/.test(line) && !line.startsWith('✔'));
    expect(shown.join('\n').trim()).toBe(block('diff').trim());
  });
});
