// Paths as adrlint shows and matches them: with `/` whatever the platform, and relative to a folder
// only when they are inside it.
import { isAbsolute, relative, sep } from 'node:path';

/** A path with `/` separators, whatever the platform. */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

/**
 * `path` relative to `folder` (in the platform's separators) when it is inside it, else null: the
 * folder itself, `..`, `../x` and another drive are not inside; a child named `..notes` is.
 */
export function insidePath(folder: string, path: string): string | null {
  const rel = relative(folder, path);
  return rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? null : rel;
}
