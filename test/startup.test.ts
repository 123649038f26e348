// Start-up of the `adrlint` command: what its bundle evaluates before the work, and V8's compile
// cache (Node >= 22.1), which must be harmless where Node has none and never write into the
// user's folder. (Its speed is measured by `npm run bench`, never here.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { adrlint, fixture, PACKAGE_ROOT, removeFixtures } from './helpers/cli.ts';

afterAll(removeFixtures);

const bundle = () => readFileSync(join(PACKAGE_ROOT, 'dist', 'cli.js'), 'utf8');
const version = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('dist/cli.js at start', () => {
  it('evaluates the command line (cli.ts, the commands, the library) only through a dynamic import, after --version is answered', () => {
    const lines = bundle().split('\n');
    const inits = lines.flatMap((line, i) => (/\binit_cli\(\)/.test(line) && !/^var init_cli\b/.test(line) ? [i] : []));
    expect(inits.map((i) => lines[i])).toEqual([expect.stringContaining('await Promise.resolve().then(() => (init_cli(), cli_exports))')]);
    const versionCheck = lines.findIndex((line) => line.includes('"--version"'));
    expect(versionCheck).toBeGreaterThan(-1);
    expect(versionCheck).toBeLessThan(inits[0]!);
  });

  it('evaluates the language server (src/lsp, vscode-languageserver) only when `adrlint lsp` imports it', () => {
    const lines = bundle().split('\n');
    const calls = lines.filter((line) => /\binit_server\(\)/.test(line) && !/^var init_server\b/.test(line));
    expect(calls).toEqual([expect.stringContaining('await Promise.resolve().then(() => (init_server(), server_exports))')]);
  });

  it('never holds Octokit, and the one-file lint path evaluates no formatter but stylish', () => {
    const text = bundle();
    expect(text).not.toMatch(/octokit/i);
    const lines = text.split('\n');
    for (const name of ['json', 'sarif', 'github', 'junit', 'diff', 'report']) {
      const calls = lines.filter((line) => line.includes(`init_${name}()`) && !line.startsWith(`var init_${name} `));
      for (const line of calls) expect(line, name).toContain(`Promise.resolve().then(() => (init_${name}(), ${name}_exports))`);
    }
  });
});

describe('adrlint --version and the compile cache', () => {
  it('--version and -v alone print the version; with other words they go through the command line', async () => {
    const root = fixture();
    for (const flag of ['--version', '-v']) expect(await adrlint(root, [flag])).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(await adrlint(root, ['--version', '--nope'])).toMatchObject({ code: 2, stdout: '' });
    expect((await adrlint(root, ['--help', '--version'])).stdout).toMatch(/^adrlint /);
  });

  it('a run writes nothing into the working folder for the compile cache, whatever the Node version', async () => {
    const root = fixture({ 'docs/adr/0001-use-adrs.md': '# 1. Use ADRs\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nc\n\n## Decision\n\nd\n\n## Consequences\n\ne\n' });
    const before = readdirSync(root, { recursive: true });
    const run = await adrlint(root, ['docs/adr/0001-use-adrs.md']);
    expect(run.stderr).toBe('');
    expect(readdirSync(root, { recursive: true })).toEqual(before);
  });
});
