// For a link target that is not there, the file it was most likely renamed to: the same name with
// another number, else another name with the same number (adr-link's and adr-supersede's fixes).
import { basename, extname } from 'node:path';
import { HTML, MARKDOWN } from '../../src/parse/link-targets.ts';
import { push } from './relations.ts';

/** The extension of a link's file name as adrlint compares it: `.md`, `.markdown`, `.html`, `.htm` or any other. */
function extensionOf(name: string): string {
  return MARKDOWN.exec(name)?.[0] ?? HTML.exec(name)?.[0] ?? extname(name);
}

const NUMBERED = /^(\d+)-(.+)$/;

interface NumberedName {
  name: string;
  number: number;
  rest: string;
}

/** A folder's numbered files, by their name less the number (lower case) and by their number, each list in name order. */
interface NumberedPool {
  byRest: Map<string, NumberedName[]>;
  byNumber: Map<number, NumberedName[]>;
}

// Per folder listing and kind of target (markdown, or one extension): built once, so that each of
// thousands of broken links is looked up, not compared with every file of the folder.
const numberedPools = new WeakMap<readonly string[], Map<string, NumberedPool>>();

function numberedPool(names: readonly string[], kind: string): NumberedPool {
  let pools = numberedPools.get(names);
  if (!pools) numberedPools.set(names, (pools = new Map()));
  const known = pools.get(kind);
  if (known) return known;
  const pool: NumberedPool = { byRest: new Map(), byNumber: new Map() };
  for (const candidate of [...names].sort()) {
    const candidateExtension = extensionOf(candidate);
    if (kind === 'markdown' ? !MARKDOWN.test(candidateExtension) : candidateExtension.toLowerCase() !== kind) continue;
    const parts = NUMBERED.exec(candidate.slice(0, candidate.length - candidateExtension.length));
    if (!parts) continue;
    const entry = { name: candidate, number: Number(parts[1]), rest: parts[2]! };
    push(pool.byRest, entry.rest.toLowerCase(), entry);
    push(pool.byNumber, entry.number, entry);
  }
  pools.set(kind, pool);
  return pool;
}

/**
 * Files of the folder a missing target was most likely renamed to: the same name with another
 * number (`0036-x.md` → `0037-x.md`), else another name with the same number prefix. Markdown
 * files stand for a markdown or `.html` target; any other target is matched on its extension.
 */
export function renamedTargets(missing: string, names: readonly string[]): string[] {
  const name = basename(missing);
  const extension = extensionOf(name);
  const match = NUMBERED.exec(name.slice(0, name.length - extension.length));
  if (!match) return [];
  const [, digits, rest] = match as unknown as [string, string, string];
  const number = Number(digits);
  const wantMarkdown = extension === '' || MARKDOWN.test(extension) || HTML.test(extension);
  const pool = numberedPool(names, wantMarkdown ? 'markdown' : extension.toLowerCase());
  const sameName = (pool.byRest.get(rest.toLowerCase()) ?? []).filter((entry) => entry.name !== name && entry.number !== number);
  if (sameName.length > 0) return sameName.map((entry) => entry.name);
  return (pool.byNumber.get(number) ?? []).filter((entry) => entry.name !== name && entry.rest !== rest).map((entry) => entry.name);
}

/**
 * The file name to write in place of a link's old one: the renamed file's, with the link's own
 * extension when it linked the published `.html` page (or no extension at all). adr-link's and
 * adr-supersede's fixes, and `adrlint renumber`'s links (src/engine/renumber-plan.ts).
 */
export function replacementName(missingName: string, found: string): string {
  const extension = extensionOf(missingName);
  const foundStem = found.slice(0, found.length - extensionOf(found).length);
  if (HTML.test(extension) || extension === '') return `${foundStem}${extension}`;
  // A markdown file linked without its extension, its name having a dot of its own ("0042-use-v1.2" for "0042-use-v1.2.md").
  if (MARKDOWN.test(extensionOf(found)) && !MARKDOWN.test(extension)) return foundStem;
  return found;
}
