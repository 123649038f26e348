// Where an ADR set's index page is (adr-index, `adrlint index`): the config's `index`, else the
// folder's README.md or index.md, as the folder lists it (exact names, also on a file system that
// ignores case).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The names of a folder's index page, in the order they are looked for. */
export const INDEX_NAMES = ['README.md', 'readme.md', 'Readme.md', 'index.md'] as const;

/** The folder's index page (a regular file), or null when it has none. */
export function folderIndexFile(folder: string): string | null {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return null;
  }
  for (const name of INDEX_NAMES) {
    if (!names.includes(name)) continue;
    try {
      if (statSync(join(folder, name)).isFile()) return join(folder, name);
    } catch {
      // Listed but gone, or a link to nothing: not an index.
    }
  }
  return null;
}
