// The house rules of docs/ARCHITECTURE.md, checked on every `npm test` (npm run structure):
// no import circle (type imports included: a type circle is still a knot for a reader), no lower
// folder importing a higher one, no function over 80 lines and no file over 400 (ESLint's
// max-lines-per-function and max-lines). Exit 1 with one line per breach.
//   tsx scripts/check-structure.ts [root]   (root defaults to the package; tests point it at fixtures)
// test/structure.test.ts calls structureBreaches() on small fixture trees.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { ESLint } from 'eslint';

const checkedFolders = ['src', 'rules'];

// Lower layers first. A file may import its own layer and any lower one; the shells at src/
// (cli, action, remark, lib, bin, workers' entries) may import everything.
export const layers = ['src/model', 'src/io', 'src/parse', 'rules', 'src/engine', 'src/run', 'src/format', 'src/github', 'src/lsp', 'src/commands'];

function sourceFiles(folder: string): string[] {
  let entries: string[];
  try { entries = readdirSync(folder); } catch { return []; }
  return entries.flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** The project files `file` imports (static, dynamic and type-only), as absolute paths. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name.replace(/\.js$/, '.ts')));
}

const shown = (root: string, file: string): string => relative(root, file).split(sep).join('/');

function layerOf(root: string, file: string): number | undefined {
  const path = shown(root, file);
  const index = layers.findIndex((layer) => path.startsWith(`${layer}/`));
  return index === -1 ? undefined : index;
}

/** Every circle of the import graph, each once, as a list of paths that leads back to its start. */
function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return found;
}

function importBreaches(root: string, files: string[]): string[] {
  const graph = new Map(files.map((file) => [file, importsOf(file)]));
  const show = (file: string): string => shown(root, file);
  const breaches = circles(graph).map((circle) => `import circle: ${circle.map(show).join(' → ')}`);
  for (const [file, imports] of graph) {
    const own = layerOf(root, file);
    if (own === undefined) continue;
    for (const imported of imports) {
      const theirs = layerOf(root, imported);
      if (theirs !== undefined && theirs > own) breaches.push(`${show(file)} imports ${show(imported)}: ${layers[own]} sits below ${layers[theirs]}`);
    }
  }
  return breaches;
}

async function sizeBreaches(root: string, files: string[]): Promise<string[]> {
  const eslint = new ESLint({ cwd: root, overrideConfigFile: join(import.meta.dirname, '..', 'eslint.config.js'), errorOnUnmatchedPattern: false });
  const results = await eslint.lintFiles(files);
  return results.flatMap((result) => result.messages.map((message) => `${shown(root, result.filePath)}:${message.line}: ${message.message}`));
}

/** Every breach of the house rules under root's src/ and rules/, one line each, and how many files were read. */
export async function structureBreaches(root: string): Promise<{ files: number; breaches: string[] }> {
  const files = checkedFolders.flatMap((folder) => sourceFiles(join(root, folder)));
  if (files.length === 0) return { files: 0, breaches: [`no .ts file under ${root}/src or ${root}/rules: is that the package root?`] };
  return { files: files.length, breaches: [...importBreaches(root, files), ...(await sizeBreaches(root, files))] };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { files, breaches } = await structureBreaches(resolve(process.argv[2] ?? join(import.meta.dirname, '..')));
  for (const breach of breaches) console.error(breach);
  if (breaches.length > 0) {
    console.error(`${breaches.length} breach${breaches.length === 1 ? '' : 'es'} of the house rules (docs/ARCHITECTURE.md).`);
    process.exitCode = 1;
  } else {
    console.log(`structure: ${files} files, no import circle, no layer breach, no function over 80 lines, no file over 400.`);
  }
}
