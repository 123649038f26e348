// Where an ADR set's index page is (adr-index, `adrlint index`): the config's `index`, else the
// folder's README.md or index.md, as the folder lists it (exact names, also on a file system that
// ignores case).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The names of a folder's index page, in the order they are looked for. */
export const INDEX_NAMES = ['README.md', 'readme.md', 'Readme.md', 'index.md'] as const;

/** The folder's index pages (regular files), in the order of INDEX_NAMES: a folder may have a README.md and an index.md. */
export function folderIndexFiles(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return INDEX_NAMES.filter((name) => names.includes(name) && isFile(join(folder, name))).map((name) => join(folder, name));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    // Listed but gone, or a link to nothing: not an index.
    return false;
  }
}
