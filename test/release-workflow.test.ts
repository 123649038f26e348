// .github/workflows/release.yml: on a tag vX.Y.Z it checks the tag against package.json, tests,
// publishes with provenance and moves the major tag, in that order; scripts/check-release-tag.mjs,
// the check, run as the workflow runs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from './helpers/cli.ts';

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number>;
  env?: Record<string, string>;
}

interface Workflow {
  on: { push: { tags: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }>;
}

const workflow = parse(readFileSync(join(PACKAGE_ROOT, '.github', 'workflows', 'release.yml'), 'utf8')) as Workflow;
const SCRIPT = join(PACKAGE_ROOT, 'scripts', 'check-release-tag.mjs');
const folders: string[] = [];

afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** The index of the one step that `matches`. */
function stepIndex(steps: Step[], what: string, matches: (step: Step) => boolean): number {
  const found = steps.flatMap((step, index) => (matches(step) ? [index] : []));
  expect(found, what).toHaveLength(1);
  return found[0]!;
}

describe('release.yml', () => {
  const jobs = Object.values(workflow.jobs);
  const steps = jobs[0]!.steps;

  it('runs on a pushed version tag, in one job allowed to push tags and to sign provenance', () => {
    expect(workflow.on).toEqual({ push: { tags: ['v*.*.*'] } });
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.permissions).toEqual({ contents: 'write', 'id-token': 'write' });
  });

  it('checks the tag, installs, tests, publishes with provenance, then moves the major tag, in that order', () => {
    const checkout = stepIndex(steps, 'checkout', (step) => /^actions\/checkout@/.test(step.uses ?? ''));
    const tag = stepIndex(steps, 'tag check', (step) => step.run === 'node scripts/check-release-tag.mjs "$GITHUB_REF_NAME"');
    const setupNode = stepIndex(steps, 'setup-node', (step) => /^actions\/setup-node@/.test(step.uses ?? ''));
    const ci = stepIndex(steps, 'npm ci', (step) => step.run === 'npm ci');
    const test = stepIndex(steps, 'npm test', (step) => step.run === 'npm test');
    const publish = stepIndex(steps, 'npm publish', (step) => step.run === 'npm publish --provenance --access public');
    const major = stepIndex(steps, 'major tag', (step) => /git push -f origin/.test(step.run ?? ''));
    expect([checkout, tag, setupNode, ci, test, publish, major]).toEqual([...[checkout, tag, setupNode, ci, test, publish, major]].sort((a, b) => a - b));
    expect(steps[tag]!.id).toBe('tag');
    expect(steps[major]!.run).toBe('git tag -f "$MAJOR" "$GITHUB_SHA"\ngit push -f origin "refs/tags/$MAJOR"\n');
    expect(steps[major]!.env).toEqual({ MAJOR: '${{ steps.tag.outputs.major }}' });
  });

  it('publishes with the NPM_TOKEN secret to the registry setup-node was given, on Node 20', () => {
    const setupNode = steps.find((step) => step.uses?.startsWith('actions/setup-node@'))!;
    expect(setupNode.with?.['node-version']).toBe(20);
    expect(String(setupNode.with?.['registry-url'])).toMatch(/^\$\{\{ steps\.\w+\.outputs\.url \}\}$/);
    const registry = steps.find((step) => step.id === /steps\.(\w+)\./.exec(String(setupNode.with?.['registry-url']))![1]);
    expect(registry?.run).toBe('echo "url=$(npm config get registry)" >> "$GITHUB_OUTPUT"');
    expect(steps.find((step) => step.run?.startsWith('npm publish'))!.env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
  });
});

describe('package.json', () => {
  it("names the repository the workflow runs in: npm checks a provenance statement against it", () => {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { repository: { type: string; url: string }; publishConfig?: unknown };
    expect(pkg.repository).toEqual({ type: 'git', url: 'git+https://github.com/adrlint/adrlint.git' });
    expect(readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8')).toContain('uses: adrlint/adrlint@');
  });
});

describe('CHANGELOG.md', () => {
  it("has an Unreleased section, then one for package.json's version, each with its link", () => {
    const changelog = readFileSync(join(PACKAGE_ROOT, 'CHANGELOG.md'), 'utf8');
    const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string };
    const headings = [...changelog.matchAll(/^## \[([^\]]+)\]/gm)].map((match) => match[1]);
    expect(headings.slice(0, 2)).toEqual(['Unreleased', version]);
    for (const heading of headings) expect(changelog, heading).toMatch(new RegExp(`^\\[${heading!.replace(/\./g, '\\.')}\\]: https://github\\.com/adrlint/adrlint/`, 'm'));
  });
});

describe('scripts/check-release-tag.mjs', () => {
  function check(version: string, tag: string) {
    const folder = mkdtempSync(join(tmpdir(), 'adrlint-release-'));
    folders.push(folder);
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'adrlint', version }));
    const output = join(folder, 'github-output');
    writeFileSync(output, '');
    const env = { ...process.env, GITHUB_OUTPUT: output, GITHUB_REF_NAME: 'v9.9.9' };
    const run = spawnSync(process.execPath, [SCRIPT, tag], { cwd: folder, env, encoding: 'utf8' });
    return { code: run.status, stdout: run.stdout, stderr: run.stderr, output: readFileSync(output, 'utf8') };
  }

  it('passes a tag that is the version, and gives the steps after it the major tag', () => {
    expect(check('1.2.3', 'v1.2.3')).toEqual({ code: 0, stdout: 'v1.2.3 releases adrlint 1.2.3; major tag v1\n', stderr: '', output: 'version=1.2.3\nmajor=v1\n' });
    expect(check('0.1.0', 'v0.1.0')).toMatchObject({ code: 0, output: 'version=0.1.0\nmajor=v0\n' });
  });

  it('fails a tag that is not the version, naming both, before anything is published', () => {
    expect(check('1.2.3', 'v1.2.4')).toEqual({
      code: 1,
      stdout: '',
      stderr: `check-release-tag: release tag v1.2.4 does not match package.json's version 1.2.3: set "version": "1.2.4" or tag v1.2.3\n`,
      output: '',
    });
  });

  it('fails a tag that is not vX.Y.Z', () => {
    for (const tag of ['1.2.3', 'v1.2', 'v1.2.3-rc.1', 'v01.2.3', 'v1']) {
      expect(check(tag.replace(/^v/, ''), tag), tag).toEqual({ code: 1, stdout: '', stderr: `check-release-tag: release tag "${tag}" is not vX.Y.Z (for example v1.2.3)\n`, output: '' });
    }
  });

  it("reads the tag from GITHUB_REF_NAME when it is not given, as in the workflow's environment", () => {
    const folder = mkdtempSync(join(tmpdir(), 'adrlint-release-'));
    folders.push(folder);
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ version: '2.0.0' }));
    const env: NodeJS.ProcessEnv = { ...process.env, GITHUB_REF_NAME: 'v2.0.0' };
    delete env.GITHUB_OUTPUT;
    const run = spawnSync(process.execPath, [SCRIPT], { cwd: folder, env, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('v2.0.0 releases adrlint 2.0.0; major tag v2\n');
  });
});
