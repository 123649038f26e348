// action.yml, the Action's shell and the README agree: every input is documented with its
// default, read by src/action.ts, and listed in the README's table; the bundle keeps Octokit lazy.
// dist/ commits the Action's bundle and what it loads at run time, and nothing else, with the
// licences of every package the bundles hold.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
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
    expect(Object.keys(action.outputs).sort()).toEqual(['errors', 'files', 'fixable', 'html-report', 'sarif-file', 'warnings']);
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

describe('dist/ layout', () => {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: PACKAGE_ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
  const sources = (folder: string): string[] =>
    readdirSync(join(PACKAGE_ROOT, folder), { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? sources(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
    );

  it('commits exactly the Action bundle and the bundles it starts at run time', () => {
    // What the code loads from dist/ at run time: packagePath('dist', '<file>') (the worker threads).
    const loaded = sources('src').flatMap((file) => [...read(file).matchAll(/packagePath\('dist', '([^']+)'\)/g)].map((m) => `dist/${m[1]}`));
    expect(loaded.length).toBeGreaterThan(0);
    const bundles = new Set([action.runs.main, ...loaded]);
    expect(new Set(git('ls-files', 'dist').filter((file) => file.endsWith('.js')))).toEqual(bundles);
  });

  it('ignores every other bundle the build writes', () => {
    const built = readdirSync(join(PACKAGE_ROOT, 'dist')).map((name) => `dist/${name}`).filter((file) => !git('ls-files', file).length);
    expect(built).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/lib.js', 'dist/remark.js']));
    const ignored = git('check-ignore', ...built).map((file) => relative('.', file));
    expect(ignored.sort()).toEqual(built.sort());
  });

  it('the npm package holds every bundle the command and the library run, built by `prepare` (npm ci, npm install, npm pack)', () => {
    type Exports = Record<string, { types: string; default: string }>;
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string>; bin: Record<string, string>; exports: Exports };
    expect(pkg.scripts.prepare).toBe('npm run -s build');
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PACKAGE_ROOT, encoding: 'utf8' })) as Array<{ files: Array<{ path: string }> }>;
    const files = new Set(packed[0]!.files.map((file) => file.path));
    const entries = Object.values(pkg.exports).flatMap((entry) => [entry.types, entry.default]).map((path) => path.replace(/^\.\//, ''));
    const wanted = ['bin/adrlint.js', 'dist/licenses.txt', 'dist/cli.js', 'dist/worker.js', 'dist/parse-worker.js', ...entries];
    for (const file of wanted) expect(files, file).toContain(file);
    // The Action's bundle runs from the repository (action.yml), never from the npm package.
    expect(files).not.toContain('dist/index.js');
    expect(read('bin/adrlint.js')).toContain("'../dist/cli.js'");
  });
});

describe('dist/licenses.txt', () => {
  it('names every package bundled into dist/, with its version, licence and licence text', async () => {
    const script = pathToFileURL(join(PACKAGE_ROOT, 'scripts', 'build.js')).href;
    const { bundleOptions } = (await import(script)) as { bundleOptions: BuildOptions };
    const { metafile } = await build({ ...bundleOptions, write: false, metafile: true });
    const folders = new Set(Object.keys(metafile.inputs).flatMap((input) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? []));
    expect(folders.size).toBeGreaterThan(50);
    const licences = read('dist/licenses.txt');
    const entries = new Map(licences.split(/^-{80}\n/m).slice(1).map((entry) => [entry.split('\n')[0]!, entry]));
    for (const folder of folders) {
      const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, folder, 'package.json'), 'utf8')) as { name: string; version: string };
      const entry = entries.get(`${manifest.name}@${manifest.version}`);
      expect(entry, folder).toBeDefined();
      expect(entry!.split('\n')[1], folder).toMatch(/^License: \S/);
      expect(entry!.split('\n').slice(2).join('\n').trim().length, folder).toBeGreaterThan(20);
    }
    for (const bundle of ['index', 'worker', 'parse-worker']) {
      const inputs = Object.keys(metafile.outputs[`dist/${bundle}.js`]!.inputs);
      expect(inputs.some((input) => input.includes('node_modules/')), bundle).toBe(true);
    }
  }, 60_000);
});
