// Where the files shipped with adrlint live. Sources (src/) and bundles (dist/) sit one folder
// below the package root, so the same relative URL finds data/ from both.
import { fileURLToPath } from 'node:url';

const packageRoot = new URL('../', import.meta.url);

export function dataPath(...segments: string[]): string {
  return fileURLToPath(new URL(['data', ...segments].join('/'), packageRoot));
}

export function packagePath(...segments: string[]): string {
  return fileURLToPath(new URL(segments.join('/'), packageRoot));
}
