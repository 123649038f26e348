// Bundle adrlint into dist/, one ESM file per entry point, and write dist/licenses.txt for the
// packages bundled into them. Deterministic: CI rebuilds and compares the committed files.
//
// Committed (git), because GitHub runs the Action from the repository without installing it:
//   index.js          the Action (action.yml's `main`)
//   worker.js         the worker thread of a parallel run (src/run/worker-pool.ts)
//   parse-worker.js   the thread a long parse runs on, stopped when it takes too long (src/parse/bounded-parse.ts)
//   licenses.txt      name, version, licence and licence text of every package the six bundles hold
// Built, not committed (.gitignore), by package.json's `prepare`, which npm runs on `npm ci` and
// `npm install` in a clone and before `npm pack` and `npm publish`, so the npm package holds them:
//   cli.js            the `adrlint` command (bin/adrlint.js)
//   lib.js, remark.js the package's exports: the library and the remark-lint plugin
//   lib.d.ts, remark.d.ts  their types (package.json `exports` `types`): tsc writes the declarations
//                     (tsconfig.types.json), rollup-plugin-dts bundles each entry's into one file
//                     with the types it uses from other packages (mdast, unist, yaml, vfile) inlined,
//                     since the package has no dependencies and a consumer may have none of those.
//                     `--no-types` skips them (a quicker rebuild of the bundles while working).
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundledPackages, formatLicenses } from './bundle-licenses.js';

const root = fileURLToPath(new URL('..', import.meta.url));

// CommonJS dependencies (ajv, picomatch, ...) call require() for Node built-ins; give ESM one.
const banner = "import { createRequire as __adrlintCreateRequire } from 'node:module';\nconst require = __adrlintCreateRequire(import.meta.url);";

export const bundleOptions = {
  absWorkingDir: root,
  entryPoints: { cli: 'src/bin.ts', index: 'src/action.ts', worker: 'src/run/worker.ts', 'parse-worker': 'src/parse/parse-worker.ts', lib: 'src/lib.ts', remark: 'src/remark.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: banner },
  // Licence notices found in the code (/*! ... */, @license) stay at the end of the bundle that
  // holds that code; every bundled package's licence text is in dist/licenses.txt.
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
};

// The package's typed entry points: dist/NAME.d.ts for src/NAME.ts.
export const typedEntries = ['lib', 'remark'];
const declarationsDir = join(root, 'node_modules', '.cache', 'adrlint-types');

/** A first comment naming the packages (name@version, licence) whose declarations a types bundle holds. */
function inlinedPackagesNotice(moduleIds) {
  const folders = new Set(moduleIds.flatMap((id) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(id.replaceAll('\\', '/'))?.[1] ?? []));
  const names = [...folders].map((folder) => {
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    return `${manifest.name}@${manifest.version} (${manifest.license})`;
  });
  return names.length === 0 ? '' : `// Holds type declarations of ${names.sort().join(', ')}.\n`;
}

/** Write dist/lib.d.ts and dist/remark.d.ts, each one file that imports nothing. */
export async function buildTypes() {
  const [{ rollup }, { dts }] = await Promise.all([import('rollup'), import('rollup-plugin-dts')]);
  rmSync(declarationsDir, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.types.json')], { cwd: root, stdio: 'inherit' });
  for (const name of typedEntries) {
    const bundle = await rollup({
      input: join(declarationsDir, 'src', `${name}.d.ts`),
      // respectExternal: inline the types of the packages the declarations import.
      plugins: [dts({ respectExternal: true })],
      onwarn(warning) {
        throw new Error(`bundling the types of src/${name}.ts: ${warning.message}`);
      },
    });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    writeFileSync(join(root, 'dist', `${name}.d.ts`), inlinedPackagesNotice(Object.keys(output[0].modules).filter((id) => !id.startsWith(declarationsDir))) + output[0].code);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { metafile } = await build(bundleOptions);
  writeFileSync(join(root, 'dist', 'licenses.txt'), formatLicenses(bundledPackages(metafile, root)));
  if (!process.argv.includes('--no-types')) await buildTypes();
}
