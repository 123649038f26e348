// Bundle the CLI (and, later, the Action) into dist/. Deterministic: CI rebuilds and compares.
import { build } from 'esbuild';

// CommonJS dependencies (ajv, picomatch, ...) call require() for Node built-ins; give ESM one.
const banner = "import { createRequire as __adrlintCreateRequire } from 'node:module';\nconst require = __adrlintCreateRequire(import.meta.url);";

await build({
  entryPoints: { cli: 'src/bin.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: banner },
  legalComments: 'none',
  logLevel: 'warning',
});
