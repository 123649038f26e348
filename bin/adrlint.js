#!/usr/bin/env node
// The `adrlint` command runs the bundle dist/cli.js. The npm package ships it (npm builds it before
// packing); in a clone of the repository `npm ci` or `npm install` builds it (`prepare`). It is not
// committed: only the Action's bundles are (scripts/build.js).
import { existsSync } from 'node:fs';
import module from 'node:module';

// V8's compile cache (Node >= 22.1): the bundle's code is compiled once, not at every run. Node
// keeps it in its own default folder under the OS temp dir (or NODE_COMPILE_CACHE's), never in
// the user's repository, and skips it under NODE_DISABLE_COMPILE_CACHE; on an older Node there is
// no such function and nothing happens. A cache that cannot be used never stops the command.
try {
  module.enableCompileCache?.();
} catch {
  // Run uncached.
}

const cli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  process.stderr.write('adrlint: dist/cli.js is missing: run "npm run build" (npm ci and npm install run it for you)\n');
  process.exitCode = 2;
}
