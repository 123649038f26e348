// action.yml, the Action's shell and the README agree: every input is documented with its
// default, read by src/action.ts, and listed in the README's table; the bundle keeps Octokit lazy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { API_TIMEOUT_VARIABLES, DEFAULT_API_TIMEOUTS } from '../src/github/api-clock.ts';
import { PACKAGE_ROOT } from './helpers/cli.ts';

const read = (path: string) => readFileSync(join(PACKAGE_ROOT, path), 'utf8');

interface ActionYml {
  name: string;
  description: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
}

const action = parse(read('action.yml')) as ActionYml;

describe('action.yml', () => {
  it('runs the committed bundle on node24, with branding', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(action.branding.icon).toBeTruthy();
    expect(action.branding.color).toBeTruthy();
  });

  it('documents every input with its default, and src/action.ts reads exactly those', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toBeTruthy();
      expect(input, name).toHaveProperty('default');
    }
    const shell = read('src/action.ts');
    const read_ = new Set([...shell.matchAll(/(?:getInput|booleanInput)\('([a-z-]+)'/g)].map((m) => m[1]));
    expect(read_).toEqual(new Set(Object.keys(action.inputs)));
    expect(Object.keys(action.outputs).sort()).toEqual(['errors', 'files', 'fixable', 'sarif-file', 'warnings']);
    for (const name of Object.keys(action.outputs)) expect(shell).toContain(`setOutput('${name}'`);
  });

  it('the README lists every input with the same default', () => {
    const readme = read('README.md');
    const rows = new Map(
      [...readme.matchAll(/^\| `([a-z-]+)` \| ([^|]+) \|/gm)].filter(([, name]) => name! in action.inputs).map(([, name, value]) => [name!, value!.trim()]),
    );
    expect([...rows.keys()].sort()).toEqual(Object.keys(action.inputs).sort());
    for (const [name, input] of Object.entries(action.inputs)) {
      const shown = rows.get(name)!;
      if (input.default === '') expect(shown, name).toMatch(/^\(.+\)$/);
      else expect(shown, name).toBe(`\`${input.default}\``);
    }
  });

  it('action.yml and the README name the API time limits with their defaults', () => {
    const readme = read('README.md').replace(/\s+/g, ' ');
    for (const key of ['requestMs', 'budgetMs'] as const) {
      const name = API_TIMEOUT_VARIABLES[key];
      expect(readme).toContain(`\`${name}\` (${key === 'requestMs' ? 'per request' : 'all requests'}, default ${DEFAULT_API_TIMEOUTS[key] / 1000})`);
      expect(action.inputs['github-token']!.description).toContain(name);
    }
  });

  it('the README never advises pull_request_target', () => {
    const readme = read('README.md');
    expect(readme.match(/^on:.*pull_request_target/m)).toBeNull();
    expect(read('.github/workflows/adrlint.yml')).not.toContain('pull_request_target');
  });

  it('the project lints itself with the Action from this repository', () => {
    const workflow = parse(read('.github/workflows/adrlint.yml')) as { jobs: Record<string, { steps: Array<{ uses?: string }> }> };
    expect(Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => step.uses))).toContain('./');
  });
});

describe('dist/index.js', () => {
  it('evaluates @actions/github only through the dynamic import (the plain lint path never starts Octokit)', () => {
    const bundle = read('dist/index.js');
    const inits = bundle.split('\n').filter((line) => /\binit_github\(\)/.test(line) && !/^var init_github\b/.test(line));
    expect(inits).toEqual([expect.stringMatching(/await Promise\.resolve\(\)\.then\(\(\) => \(init_github\(\), github_exports\)\)/)]);
  });

  it('dist/cli.js: no Octokit, and every formatter but stylish evaluated only when its format is asked for', () => {
    const bundle = read('dist/cli.js');
    expect(bundle).not.toMatch(/octokit/i);
    for (const name of ['json', 'sarif', 'github', 'junit', 'diff']) {
      const calls = bundle.split('\n').filter((line) => line.includes(`init_${name}()`) && !line.startsWith(`var init_${name} `));
      expect(calls.length, name).toBeGreaterThan(0);
      for (const line of calls) expect(line, name).toContain(`Promise.resolve().then(() => (init_${name}(), ${name}_exports))`);
    }
  });

  it('is marked generated for GitHub', () => {
    expect(read('.gitattributes')).toMatch(/^dist\/\*\* linguist-generated=true$/m);
  });
});
