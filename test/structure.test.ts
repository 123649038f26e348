// The house rules (scripts/check-structure.ts, `npm run structure`, run by `npm test`) on small
// fixture trees: each breach alone makes the check fail, a clean tree passes, and the script's exit
// code says so. And docs/ARCHITECTURE.md names every folder of src/ and the checker's layer order.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { layers, structureBreaches } from '../scripts/check-structure.ts';
import { PACKAGE_ROOT } from './helpers/cli.ts';

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A throw-away package root holding `files` (path → text) under its src/ and rules/. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'adrlint-structure-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** A function `lines` lines long, from its first line to its closing brace. */
const functionOf = (name: string, lines: number): string =>
  `export function ${name}(): number {\n  let total = 0;\n${'  total += 1;\n'.repeat(lines - 4)}  return total;\n}\n`;

/** A file of exactly `lines` lines. */
const fileOf = (lines: number): string => `${Array.from({ length: lines }, (_, index) => `export const value${index} = ${index};`).join('\n')}\n`;

// Each folder importing only its own layer and lower ones; the shell at src/ importing the top.
const CLEAN = {
  'src/model/types.ts': 'export interface Position { line: number }\n',
  'src/io/files.ts': "import type { Position } from '../model/types.ts';\nexport const start: Position = { line: 1 };\n",
  'src/parse/parse.ts': "import { start } from '../io/files.ts';\nexport const parsed = start;\n",
  'rules/support/words.ts': "import { parsed } from '../../src/parse/parse.ts';\nexport const word = parsed;\n",
  'rules/a-rule.ts': "import { word } from './support/words.ts';\nexport const rule = word;\n",
  'src/engine/run.ts': "import { rule } from '../../rules/a-rule.ts';\nexport const run = rule;\n",
  'src/commands/lint.ts': "import { run } from '../engine/run.ts';\nexport const lint = run;\n",
  'src/cli.ts': "import { lint } from './commands/lint.ts';\nexport const cli = lint;\n",
  // At the limits, not over them.
  'src/format/long.ts': functionOf('eighty', 80),
  'src/format/big.ts': fileOf(400),
};

describe('scripts/check-structure.ts', () => {
  it('passes a clean tree, functions of 80 lines and files of 400 included', async () => {
    expect(functionOf('eighty', 80).trimEnd().split('\n')).toHaveLength(80);
    expect(fileOf(400).trimEnd().split('\n')).toHaveLength(400);
    expect(await structureBreaches(tree(CLEAN))).toEqual({ files: Object.keys(CLEAN).length, breaches: [] });
  });

  it('fails on an import circle', async () => {
    const root = tree({ ...CLEAN, 'src/parse/a.ts': "import { b } from './b.ts';\nexport const a = b;\n", 'src/parse/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n" });
    expect((await structureBreaches(root)).breaches).toEqual(['import circle: src/parse/a.ts → src/parse/b.ts → src/parse/a.ts']);
  });

  it('fails on a circle of type-only imports', async () => {
    const root = tree({
      ...CLEAN,
      'src/model/catalogue.ts': "import type { Span } from './positions.ts';\nexport interface Catalogue { span: Span }\n",
      'src/model/positions.ts': "import type { Kinds } from './kinds.ts';\nexport interface Span { kind: Kinds }\n",
      'src/model/kinds.ts': "import type { Catalogue } from './catalogue.ts';\nexport type Kinds = keyof Catalogue;\n",
    });
    expect((await structureBreaches(root)).breaches).toEqual(['import circle: src/model/catalogue.ts → src/model/positions.ts → src/model/kinds.ts → src/model/catalogue.ts']);
  });

  it('fails on a lower folder importing a higher one', async () => {
    const root = tree({
      ...CLEAN,
      'src/io/cache.ts': "import { run } from '../engine/run.ts';\nexport const cache = run;\n",
      'rules/support/plural.ts': "import { value0 } from '../../src/format/big.ts';\nexport const plural = value0;\n",
    });
    expect((await structureBreaches(root)).breaches.sort()).toEqual([
      'rules/support/plural.ts imports src/format/big.ts: rules sits below src/format',
      'src/io/cache.ts imports src/engine/run.ts: src/io sits below src/engine',
    ]);
  });

  it('fails on a function over 80 lines', async () => {
    const root = tree({ ...CLEAN, 'rules/long-rule.ts': functionOf('eightyOne', 81) });
    expect((await structureBreaches(root)).breaches).toEqual(["rules/long-rule.ts:1: Function 'eightyOne' has too many lines (81). Maximum allowed is 80."]);
  });

  it('fails on a file over 400 lines', async () => {
    const root = tree({ ...CLEAN, 'src/format/big.ts': fileOf(401) });
    expect((await structureBreaches(root)).breaches).toEqual(['src/format/big.ts:401: File has too many lines (401). Maximum allowed is 400.']);
  });

  it('fails on a root without sources rather than passing nothing', async () => {
    expect((await structureBreaches(tree({ 'README.md': '# not a package\n' }))).breaches).toEqual([expect.stringContaining('no .ts file under')]);
  });

  it('as a command: exit 1 with one line per breach, exit 0 with a summary on a clean tree', async () => {
    const run = (root: string) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', join(PACKAGE_ROOT, 'scripts', 'check-structure.ts'), root], { cwd: PACKAGE_ROOT }).then(
        ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
      );
    const [clean, broken] = await Promise.all([run(tree(CLEAN)), run(tree({ ...CLEAN, 'src/format/long.ts': functionOf('eightyOne', 81) }))]);
    expect(clean).toMatchObject({ code: 0, stderr: '' });
    expect(clean.stdout).toMatch(/^structure: 10 files, no import circle/);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe("src/format/long.ts:1: Function 'eightyOne' has too many lines (81). Maximum allowed is 80.\n1 breach of the house rules (docs/ARCHITECTURE.md).\n");
  });
});

describe('docs/ARCHITECTURE.md', () => {
  const doc = readFileSync(join(PACKAGE_ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');
  const folders = (folder: string): string[] =>
    readdirSync(join(PACKAGE_ROOT, folder), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => [`${folder}/${entry.name}`, ...folders(`${folder}/${entry.name}`)]);

  it('names every folder under src/ and rules/, with its job', () => {
    const all = [...folders('src'), ...folders('rules')];
    expect(all.length).toBeGreaterThan(5);
    for (const folder of all) expect(doc, folder).toContain(`\`${folder}/\``);
  });

  it('gives the layer order scripts/check-structure.ts checks', () => {
    const present = layers.filter((layer) => existsSync(join(PACKAGE_ROOT, layer)));
    expect(doc.split('\n')).toContain(present.join(' < '));
  });

  it('names only paths that exist', () => {
    const paths = [...doc.matchAll(/`((?:src|rules|test|scripts|data|docs)\/[^`<*\s]*)`/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(10);
    for (const path of paths) expect(existsSync(join(PACKAGE_ROOT, path)), path).toBe(true);
  });

  it('is linked from the README', () => {
    expect(readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8')).toContain('](docs/ARCHITECTURE.md)');
  });
});
