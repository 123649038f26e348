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

describe.skipIf(!existsSync(CORPUS))('adrlint over each corpus folder', () => {
  /** "file.md line:column rule-id" for every message, in report order. */
  const placed = (results: readonly JsonResult[]) => results.flatMap((r) => r.messages.map((m) => `${r.filePath.split('/').pop()} ${m.line}:${m.column} ${m.ruleId}`));

  it('madr: only the images the copy left out (its template lists open statuses, so "on hold" is its own word)', async () => {
    const run = await adrlint(CORPUS, ['madr', '--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const results = parseJson(run);
    expect(results.length).toBeGreaterThan(10);
    // The PNG files sit beside these records in adr/madr; the corpus copied markdown only (its README says so).
    expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath.split('/').pop()} ${m.ruleId} ${m.message}`))).toEqual([
      '0008-add-status-field.md adr-link Image "0008-example-badge.png" does not exist',
      '0008-add-status-field.md adr-link Image "0008-example-separate-heading.png" does not exist',
      '0008-add-status-field.md adr-link Image "0008-example-table.png" does not exist',
      '0013-use-yaml-front-matter-for-meta-data.md adr-link Image "0013-example.png" does not exist',
    ]);
  });

  it('adr-tools: clean (Nygard numbering, "Superceded by" spelling and links all understood)', async () => {
    const run = await adrlint(CORPUS, ['adr-tools']);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 0, stdout: '✔ 9 ADRs, no problems\n', stderr: '' });
  });

  it('ans: clean (its French template with three H1s, its "0001-" frontmatter titles and its statuses are its own)', async () => {
    const run = await adrlint(CORPUS, ['ans']);
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: 0, stdout: '✔ 2 ADRs, no problems\n', stderr: '' });
  });

  it('log4brains: three short records lack sections its template.md asks for, warnings only', async () => {
    const run = await adrlint(CORPUS, ['log4brains', '--format', 'json']);
    expect(run.code).toBe(0);
    const results = parseJson(run);
    // YYYYMMDD- names are dates, not numbers: no duplicate-number or filename report. The template
    // asks for Context and Problem Statement and Considered Options, and 6 of the 9 records write both.
    expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath.split('/').pop()} ${m.severity} ${m.message}`))).toEqual([
      // headings: Decision, Links
      '20200927-avoid-default-exports.md 1 Missing the "Context and Problem Statement" section the folder\'s template template.md asks for',
      '20200927-avoid-default-exports.md 1 Missing the "Considered Options" section the folder\'s template template.md asks for',
      // headings: Context and Problem Statement, Decision, Links
      '20201016-use-the-adr-slug-as-its-unique-id.md 1 Missing the "Considered Options" section the folder\'s template template.md asks for',
      // headings: Context and Problem Statement, Decision Drivers, Decision Outcome, Links
      '20210113-distribute-log4brains-as-a-global-npm-package.md 1 Missing the "Considered Options" section the folder\'s template template.md asks for',
    ]);
  });

  it('pass-emploi: a title left as the template placeholder and a status outside its template\'s words', async () => {
    const run = await adrlint(CORPUS, ['pass-emploi', '--format', 'json']);
    expect(run.code).toBe(0);
    // ADR-NNN- names are the set's convention; "mergé" is its own word beside the template's open
    // list (proposé | rejeté | accepté | déprécié | … | remplacé par); "Solutions Étudiées" is in the
    // template but in none of the 4 records, so the set has dropped it.
    expect(parseJson(run).flatMap((r) => r.messages.map((m) => `${r.filePath.split('/').pop()} ${m.line}:${m.column} ${m.message}`))).toEqual([
      // "# [titre du problème résolu et de sa solution]": the template's own H1, never replaced
      'ADR-002-keycloak-creation-jeune-milo.md 1:1 The title "[titre du problème résolu et de sa solution]" is still the template\'s placeholder; write the decision\'s own title',
      // "* Statut : brouillon": French for draft; the template's word for it is "proposé"
      'ADR-004-pipeline-analytics.md 3:12 Status "brouillon" means "proposé"; write "proposé", as adr-template.md does',
    ]);
  });

  it('ensembl: every "tag:x" frontmatter (no space after the colon, one string to YAML), and a few real slips', async () => {
    const run = await adrlint(CORPUS, ['ensembl', '--format', 'json']);
    expect(run.code).toBe(1);
    const found = placed(parseJson(run));
    // 27 of the 28 records open with "tag:Web Client" (or General, Genome Browser, Blast): a key
    // without its space, which YAML reads as one string, so no tool sees a tag. Fixable.
    expect(found.filter((entry) => entry.endsWith(' 2:1 frontmatter-syntax'))).toHaveLength(27);
    expect(found.filter((entry) => !entry.endsWith(' 2:1 frontmatter-syntax'))).toEqual([
      // "Date: 2023-02-16" on ADR 1, whose neighbours are from 2018: re-dated long after the decision
      '0001-record-architecture-decisions.md 7:7 adr-date',
      // "Superseded by [..](doc/adr/0021-react-testing-library.md)": a path from the repository root,
      // broken on GitHub, which resolves it from the file's folder; the second link (line 13) too
      '0005-unit-tests.md 11:15 adr-supersede',
      '0005-unit-tests.md 13:5 adr-link',
      // "Depreciated.": a misspelt Deprecated
      '0014-breakpoints.md 11:1 adr-status',
      // sections Status, Context, Proposal, Risks (and the four BLAST records below: Known issues,
      // Future developments): no Consequences, which 22 of the 28 records write
      '0016-component-development-environment.md 5:1 adr-sections',
      '0024-BLAST-database-files.md 5:1 adr-sections',
      '0025-BLAST-download-formats.md 5:1 adr-sections',
      '0026-BLAST-input-parameters.md 5:1 adr-sections',
      '0027-BLAST-sequence-formats.md 1:1 adr-sections',
      '0028-BLAST-species-sequence-interactions.md 5:1 adr-sections',
    ]);
  });

  it('konflux, its links into ../architecture aside: supersede chains that disagree, lost link definitions, dates, one missing section', async () => {
    const config = join(fixture(), 'konflux.yml');
    // The copy holds the ADR folder only; its links into ../architecture are checked in the next test.
    writeFileSync(config, 'rules:\n  adr-link: off\n');
    const run = await adrlint(CORPUS, ['konflux', '--config', config, '--format', 'json']);
    expect(run.code).toBe(1);
    // Its statuses (Implemented, Implementable, Approved, Replaced, In consideration) are synonyms of
    // the standard ones; it declares no patterns, so its one "sidecar" (Tekton's) is not reported.
    expect(placed(parseJson(run))).toEqual([
      // "Replaced", and nothing says by what (its prose says the new decision was never written down)
      '0002-feature-flags.md 3:9 adr-status',
      // "[release-service] features", "[Releases]", "[release service]": the file defines [hac] and
      // others, not these, so they show as bracketed text
      '0002-feature-flags.md 93:1 link-reference-defined',
      '0002-feature-flags.md 99:48 link-reference-defined',
      '0002-feature-flags.md 101:64 link-reference-defined',
      // says superseded_by 0032, while 0042 supersedes it
      '0008-environment-provisioning.md 4:1 adr-supersede',
      // [DTCLS] and [GitOpsDeploymentManagedEnvironment]: undefined, beside [DT] and [DTC] that are
      '0008-environment-provisioning.md 216:130 link-reference-defined',
      '0008-environment-provisioning.md 234:33 link-reference-defined',
      '0008-environment-provisioning.md 268:231 link-reference-defined',
      '0008-environment-provisioning.md 268:987 link-reference-defined',
      '0008-environment-provisioning.md 270:290 link-reference-defined',
      '0008-environment-provisioning.md 354:22 link-reference-defined',
      // sections Status, Approvers, Reviewers, Context, Namespace labels/annotations, Consequences
      '0010-namespace-metadata.md 12:1 adr-sections',
      // "Superseded by [..](0036-...html)": that number is 0037's (same title), fixed to it
      '0015-integration-service-two-phase-architecture.md 20:15 adr-supersede',
      '0016-integration-service-promotion-logic.md 21:15 adr-supersede',
      // "[Component]": the file defines [Components]
      '0017-use-our-pipelines.md 51:7 link-reference-defined',
      // 0013 says superseded by 0030, which does not say it supersedes 0013
      '0030-tekton-results-naming-convention.md 3:9 adr-supersede',
      // 0042 supersedes it; it names no successor
      '0032-decoupling-deployment.md 3:9 adr-supersede',
      // "[SEB]", "[SEBs]": undefined
      '0032-decoupling-deployment.md 206:42 link-reference-defined',
      '0032-decoupling-deployment.md 207:81 link-reference-defined',
      '0038-integration-service-composite-removal.md 3:9 adr-supersede',
      // dated 111 and 261 days before the records numbered just below them (margin 90 days): the
      // date is not when the decision was made, or the numbers are not the order of the decisions
      '0042-provisioning-ephemeral-openshift-clusters.md 15:7 adr-date',
      '0052-gitops-onboarding-redesign.md 15:7 adr-date',
      '0053-trusted-task-model.md 3:9 adr-supersede',
      // "Date: 2025-11019"
      '0060-component-groups.md 15:7 adr-date',
    ]);
  });

  it('konflux: every broken link points out of the copied ADR folder (where the real repository has the files)', async () => {
    // Links into the folder that are broken (0015's "Superseded by" 0036) are adr-supersede's, reported once.
    const run = await adrlint(CORPUS, ['konflux', '--format', 'json', '--rule', 'adr-status:off']);
    const links = parseJson(run).flatMap((r) => r.messages.filter((m) => m.ruleId === 'adr-link'));
    expect(links.length).toBeGreaterThan(100);
    // Images of ../diagrams and of assets/ (not copied) are left out of the copy like ../architecture.
    for (const link of links) expect(link.message).toMatch(/^(?:Link target|Image) "(?:\.\.\/|assets\/)[^"]+" does not exist$/);
  });

  it('stylish output of every folder: no stack trace, no fatal error', async () => {
    for (const folder of ['madr', 'adr-tools', 'log4brains', 'konflux', 'ensembl', 'ans', 'pass-emploi']) {
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
