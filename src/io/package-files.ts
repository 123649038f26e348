// Where the files shipped with adrlint live. The sources sit in src/<stage>/ and the bundles in
// dist/, at different depths below the package root, so the root is the nearest folder up from
// this module that holds adrlint's package.json.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

function findPackageRoot(): URL {
  for (let folder = new URL('./', import.meta.url); ; folder = new URL('../', folder)) {
    if (existsSync(fileURLToPath(new URL('package.json', folder))) && existsSync(fileURLToPath(new URL('data/', folder)))) return folder;
    if (fileURLToPath(folder) === fileURLToPath(new URL('../', folder))) return new URL('../', import.meta.url);
  }
}

const packageRoot = findPackageRoot();

export function dataPath(...segments: string[]): string {
  return fileURLToPath(new URL(['data', ...segments].join('/'), packageRoot));
}

export function packagePath(...segments: string[]): string {
  return fileURLToPath(new URL(segments.join('/'), packageRoot));
}
