#!/usr/bin/env node
// The release workflow's first check (.github/workflows/release.yml): the pushed tag must be
// `v` + package.json's version, X.Y.Z. On a match it prints the major tag the Action's users pin
// (`v1` for v1.2.3) and, under GitHub Actions, writes `version` and `major` to $GITHUB_OUTPUT for
// the steps after it; otherwise it says why on stderr and exits 1, before anything is built or published.
//
//   node scripts/check-release-tag.mjs v1.2.3       (package.json of the working folder)
//   node scripts/check-release-tag.mjs              (the tag from GITHUB_REF_NAME)
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RELEASE_TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/**
 * Check `tag` against `version`: `{ major, version }` when the tag releases that version, else
 * `{ error }`, one line that names both.
 */
export function checkReleaseTag(tag, version) {
  const match = RELEASE_TAG.exec(tag ?? '');
  if (!match) return { error: `release tag "${tag ?? ''}" is not vX.Y.Z (for example v1.2.3)` };
  if (tag !== `v${version}`) return { error: `release tag ${tag} does not match package.json's version ${version}: set "version": "${tag.slice(1)}" or tag v${version}` };
  return { version, major: `v${match[1]}` };
}

function main() {
  const tag = process.argv[2] ?? process.env.GITHUB_REF_NAME;
  let version;
  try {
    version = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')).version;
  } catch (error) {
    process.stderr.write(`check-release-tag: cannot read package.json: ${error.message}\n`);
    return 1;
  }
  const result = checkReleaseTag(tag, version);
  if (result.error) {
    process.stderr.write(`check-release-tag: ${result.error}\n`);
    return 1;
  }
  process.stdout.write(`${tag} releases adrlint ${result.version}; major tag ${result.major}\n`);
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `version=${result.version}\nmajor=${result.major}\n`);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = main();
