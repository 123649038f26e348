// Bundle adrlint into dist/, one ESM file per entry point. Deterministic: CI rebuilds and compares
// the committed files.
//
// Committed (git), because GitHub runs the Action from the repository without installing it:
//   index.js          the Action (action.yml's `main`)
//   worker.js         the worker thread of a parallel run (src/run/worker-pool.ts)
//   parse-worker.js   the thread a long parse runs on, stopped when it takes too long (src/parse/bounded-parse.ts)
// Built, not committed (.gitignore), by `prepare` on `npm ci`/`npm install` and by `prepack` for
// the npm package:
//   cli.js            the `adrlint` command (bin/adrlint.js)
//   lib.js, remark.js the package's exports: the library and the remark-lint plugin
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

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
  legalComments: 'none',
  logLevel: 'warning',
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await build(bundleOptions);
}
