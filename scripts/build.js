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
import { writeFileSync } from 'node:fs';
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

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { metafile } = await build(bundleOptions);
  writeFileSync(join(root, 'dist', 'licenses.txt'), formatLicenses(bundledPackages(metafile, root)));
}
