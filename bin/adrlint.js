#!/usr/bin/env node
// The `adrlint` command runs the bundle dist/cli.js. The npm package ships it (npm builds it before
// packing); in a clone of the repository `npm ci` or `npm install` builds it (`prepare`). It is not
// committed: only the Action's bundles are (scripts/build.js).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (existsSync(cli)) {
  await import(cli.href);
} else {
  process.stderr.write('adrlint: dist/cli.js is missing: run "npm run build" (npm ci and npm install run it for you)\n');
  process.exitCode = 2;
}
