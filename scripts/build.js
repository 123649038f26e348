// Bundle the CLI and the Action into dist/, one ESM file each. Deterministic: CI rebuilds and compares.
import { build } from 'esbuild';

// CommonJS dependencies (ajv, picomatch, ...) call require() for Node built-ins; give ESM one.
const banner = "import { createRequire as __adrlintCreateRequire } from 'node:module';\nconst require = __adrlintCreateRequire(import.meta.url);";

await build({
  // dist/index.js is the Action (action.yml's `main`); dist/cli.js is the `adrlint` command;
  // dist/worker.js is the worker thread both start for a parallel run; dist/parse-worker.js the
  // thread a long parse runs on, to be stopped when it takes too long (src/parse/bounded-parse.ts).
  entryPoints: { cli: 'src/bin.ts', index: 'src/action.ts', worker: 'src/run/worker.ts', 'parse-worker': 'src/parse/parse-worker.ts', lib: 'src/lib.ts', remark: 'src/remark.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: banner },
  legalComments: 'none',
  logLevel: 'warning',
});
