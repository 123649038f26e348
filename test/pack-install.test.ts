// The npm package as a user gets it: `npm pack` on a copy of the repository's files (what a clean
// clone has, with this checkout's node_modules linked in: `prepare` builds dist/ there, not here),
// the tarball installed offline into an empty project, then the command, the library, the remark
// plugin and a TypeScript consumer run from that project. npm runs offline with a cache, a user
// config and a project of its own, so nothing here reaches a registry.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from './helpers/cli.ts';

const version = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const TSC = join(PACKAGE_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

const CLEAN = `---
status: accepted
date: 2024-03-02
---

# 1. Record architecture decisions

## Context

We need to record the architectural decisions made on this project.

## Decision

We will use Architecture Decision Records.

## Consequences

Decisions are written down.
`;

// Two errors: an unknown status (2:9) and an unknown pattern slug (4:12).
const BROKEN = `---
status: done
date: 2024-03-02
patterns: [sagapatern]
---

# 2. Broken references

## Context

The order flow spans three teams.

## Decision

As written above.

## Consequences

More moving parts.
`;

// The consumer's files.
const LIB_MJS = `import { lintProject, VERSION } from 'adrlint';
const outcome = await lintProject({ cwd: process.cwd(), paths: ['docs/adr'] });
console.log(JSON.stringify({ VERSION, results: outcome.results.map((result) => [result.filePath, result.messages.map((message) => message.ruleId)]) }));
`;

const CHECK_TS = `import { lintProject, lintText, loadProject, VERSION, type Diagnostic, type RunOutcome } from 'adrlint';
import remarkAdrlint, { MESSAGE_SOURCE, type RemarkAdrlintOptions } from 'adrlint/remark';

const outcome: RunOutcome = await lintProject({ cwd: '.', paths: ['docs/adr'] });
const first: Diagnostic | undefined = outcome.results[0]?.messages[0];
const where: string = \`\${first?.ruleId ?? ''} \${first?.line ?? 0}:\${first?.column ?? 0}\`;
const { config, catalogue } = loadProject({ cwd: '.' });
const count: number = lintText('docs/adr/0003-x.md', '# 3. X\\n', { config, catalogue }).messages.length;
const options: RemarkAdrlintOptions = { config: '.adrlintrc.yml', rules: { 'pattern-link': 'off' } };
const transformer: (tree: never, file: never) => Promise<void> = remarkAdrlint(options);
const source: 'adrlint' = MESSAGE_SOURCE;
const version: string = VERSION;
// @ts-expect-error: a run needs its working folder
await lintProject({ paths: ['docs/adr'] });
// @ts-expect-error: \`rules\` is an object of rule settings
remarkAdrlint({ rules: ['pattern-link'] });
export { where, count, transformer, source, version };
`;

const PLUGIN_MJS = `import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import adrlint from 'adrlint/remark';

const path = resolve('docs/adr/0002-broken-references.md');
const file = new VFile({ path, value: readFileSync(path, 'utf8'), cwd: process.cwd() });
const processor = unified().use(remarkParse).use(adrlint);
await processor.run(processor.parse(file), file);
console.log(JSON.stringify(file.messages.map((message) => [message.ruleId, message.source, message.fatal, message.line, message.column])));
`;

const CHECK_UNIFIED_TS = `import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import remarkAdrlint from 'adrlint/remark';

const processor = unified().use(remarkParse).use(remarkAdrlint).use(remarkAdrlint, { rules: { 'pattern-link': 'off' } });
const file = new VFile({ path: 'docs/adr/0003-x.md', value: '# 3. X\\n' });
await processor.run(processor.parse(file), file);
// @ts-expect-error: \`rules\` is an object of rule settings
unified().use(remarkParse).use(remarkAdrlint, { rules: ['pattern-link'] });
`;

let work = '';
let consumer = '';
let tarball = '';
let installLog = '';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment for a child: none of the npm_* variables of the `npm test` around us, npm offline with its own cache and user config. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key) && !['FORCE_COLOR', 'NO_COLOR', 'NODE_OPTIONS', 'NODE_PATH', 'CI'].includes(key)) env[key] = value;
  }
  return {
    ...env,
    npm_config_offline: 'true',
    npm_config_cache: join(work, 'npm-cache'),
    npm_config_userconfig: join(work, 'npmrc'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}

function run(command: string, args: readonly string[], cwd: string): Run {
  const result = spawnSync(command, [...args], { cwd, env: childEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function mustRun(command: string, args: readonly string[], cwd: string): Run {
  const result = run(command, args, cwd);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** The repository's files as a clean clone has them (tracked, and new files not ignored), with node_modules linked entry by entry. */
function cloneLike(target: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: PACKAGE_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    if (!existsSync(join(PACKAGE_ROOT, file))) continue; // deleted in this checkout, not yet committed
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(PACKAGE_ROOT, file), join(target, file));
  }
  // Each package linked, not the folder: the build's own scratch space (node_modules/.cache) stays the copy's.
  mkdirSync(join(target, 'node_modules'));
  for (const entry of readdirSync(join(PACKAGE_ROOT, 'node_modules'))) {
    if (entry !== '.cache') symlinkSync(join(PACKAGE_ROOT, 'node_modules', entry), join(target, 'node_modules', entry));
  }
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'adrlint-pack-'));
  writeFileSync(join(work, 'npmrc'), '');
  const source = join(work, 'source');
  cloneLike(source);
  expect(existsSync(join(source, 'dist', 'cli.js'))).toBe(false);
  // `npm pack` runs `prepare`, the build, in the copy.
  const packed = JSON.parse(mustRun('npm', ['pack', '--json', '--pack-destination', work], source).stdout) as Array<{ filename: string }>;
  tarball = join(work, packed[0]!.filename);

  consumer = join(work, 'consumer');
  mkdirSync(join(consumer, 'docs', 'adr'), { recursive: true });
  writeFileSync(join(consumer, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(join(consumer, 'docs', 'adr', '0001-record-architecture-decisions.md'), CLEAN);
  writeFileSync(join(consumer, 'docs', 'adr', '0002-broken-references.md'), BROKEN);
  const install = mustRun('npm', ['install', '--save-dev', '--offline', '--no-audit', '--no-fund', tarball], consumer);
  installLog = install.stdout + install.stderr;
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('is named for the version and installs offline as one package, with no engine warning', () => {
    expect(tarball.endsWith(`adrlint-${version}.tgz`)).toBe(true);
    expect(installLog).toMatch(/added 1 package\b/);
    expect(installLog).not.toMatch(/EBADENGINE|ERR!/);
    expect(readdirSync(join(consumer, 'node_modules')).filter((entry) => !entry.startsWith('.')).sort()).toEqual(['adrlint']);
    const installed = JSON.parse(readFileSync(join(consumer, 'node_modules', 'adrlint', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(installed.version).toBe(version);
    expect(installed.dependencies).toBeUndefined();
    expect(installed.engines).toEqual({ node: '>=20' });
  });

  it('ships types that import nothing, and no Action bundle', () => {
    const dist = readdirSync(join(consumer, 'node_modules', 'adrlint', 'dist')).sort();
    expect(dist).toEqual(['cli.js', 'lib.d.ts', 'lib.js', 'licenses.txt', 'parse-worker.js', 'remark.d.ts', 'remark.js', 'worker.js']);
    for (const types of ['lib.d.ts', 'remark.d.ts']) {
      const text = readFileSync(join(consumer, 'node_modules', 'adrlint', 'dist', types), 'utf8');
      expect(text, types).not.toMatch(/^\s*(import|export)\b[^;]*\bfrom\s*['"]|^\s*\/\/\/\s*<reference|\bimport\(\s*['"]/m);
    }
  });

  it("bundles import nothing but Node's built-ins, so the worker threads need no package either", async () => {
    const { bundleOptions } = (await import(pathToFileURL(join(PACKAGE_ROOT, 'scripts', 'build.js')).href)) as { bundleOptions: BuildOptions };
    const { metafile } = await build({ ...bundleOptions, write: false, metafile: true, logLevel: 'silent' });
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    for (const [bundle, output] of Object.entries(metafile.outputs)) {
      const external = output.imports.filter((imported) => imported.external).map((imported) => imported.path);
      expect(external.filter((path) => !builtins.has(path)), bundle).toEqual([]);
    }
    expect(Object.keys(metafile.outputs).sort()).toEqual(['dist/cli.js', 'dist/index.js', 'dist/lib.js', 'dist/parse-worker.js', 'dist/remark.js', 'dist/worker.js']);
  });

  it('runs `npx adrlint` on an ADR folder: the problems, exit 1', () => {
    const broken = run('npx', ['--offline', 'adrlint'], consumer);
    expect(broken.status, broken.stderr).toBe(1);
    expect(broken.stdout).toContain('docs/adr/0002-broken-references.md\n');
    expect(broken.stdout).toMatch(/^ {2}2:9 +error +Unknown status "done".* adr-status$/m);
    expect(broken.stdout).toMatch(/^ {2}4:12 +error +Unknown pattern "sagapatern"; did you mean "saga-pattern"\? +pattern-slug$/m);
    expect(broken.stdout).toContain('✖ 2 problems (2 errors, 0 warnings)');
    expect(broken.stdout).not.toContain('0001-record-architecture-decisions.md');
  });

  it('runs `npx adrlint` on a clean record: exit 0, nothing to report', () => {
    const clean = run('npx', ['--offline', 'adrlint', '--format', 'json', 'docs/adr/0001-record-architecture-decisions.md'], consumer);
    expect(clean.status, clean.stderr).toBe(0);
    const results = JSON.parse(clean.stdout) as Array<{ filePath: string; errorCount: number; warningCount: number }>;
    expect(results).toEqual([expect.objectContaining({ filePath: join(consumer, 'docs/adr/0001-record-architecture-decisions.md'), errorCount: 0, warningCount: 0 })]);
    expect(run('npx', ['--offline', 'adrlint', '--version'], consumer).stdout).toBe(`${version}\n`);
  });

  it("lints a folder through the library entry (import 'adrlint')", () => {
    writeFileSync(join(consumer, 'lib.mjs'), LIB_MJS);
    const lib = run(process.execPath, ['lib.mjs'], consumer);
    expect(lib.status, lib.stderr).toBe(0);
    expect(JSON.parse(lib.stdout)).toEqual({
      VERSION: version,
      results: [
        [join(consumer, 'docs/adr/0001-record-architecture-decisions.md'), []],
        [join(consumer, 'docs/adr/0002-broken-references.md'), ['adr-status', 'pattern-slug']],
      ],
    });
  });

  it('type-checks a TypeScript consumer against the shipped .d.ts, with no other package installed', () => {
    // No @types/node either (`types: []`, none installed): the declarations stand on their own.
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      `${JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, types: [] }, files: ['check.ts'] }, null, 2)}\n`,
    );
    writeFileSync(join(consumer, 'check.ts'), CHECK_TS);
    const tsc = run(process.execPath, [TSC, '-p', 'tsconfig.json'], consumer);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 180_000);
});

describe('the packed package with unified, remark-parse and vfile beside it (linked from this checkout)', () => {
  // Linked into the consumer's node_modules: ESM imports do not read NODE_PATH.
  beforeAll(() => {
    for (const name of ['unified', 'remark-parse', 'vfile']) symlinkSync(join(PACKAGE_ROOT, 'node_modules', name), join(consumer, 'node_modules', name));
  });

  it("reports through unified as a remark plugin (import 'adrlint/remark')", () => {
    writeFileSync(join(consumer, 'plugin.mjs'), PLUGIN_MJS);
    const plugin = run(process.execPath, ['plugin.mjs'], consumer);
    expect(plugin.status, plugin.stderr).toBe(0);
    expect(JSON.parse(plugin.stdout)).toEqual([
      ['adr-status', 'adrlint', true, 2, 9],
      ['pattern-slug', 'adrlint', true, 4, 12],
    ]);
  });

  it("type-checks unified().use(adrlint) against unified's own types", () => {
    writeFileSync(join(consumer, 'tsconfig.unified.json'), `${JSON.stringify({ extends: './tsconfig.json', files: ['check-unified.ts'] }, null, 2)}\n`);
    writeFileSync(join(consumer, 'check-unified.ts'), CHECK_UNIFIED_TS);
    const tsc = run(process.execPath, [TSC, '-p', 'tsconfig.unified.json'], consumer);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 180_000);
});
