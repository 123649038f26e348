// A ParsedAdr that parses only when something reads its tree. Set rules run on every run, also for
// files whose file-rule problems come from the cache or a worker; they read records, and the
// parsed ADR only to build a fix, so most files are never parsed again in the main thread.
import type { Catalogue } from './catalogue.ts';
import { parseAdr } from './parse.ts';
import { createLineIndex } from './positions.ts';
import type { ParsedAdr } from './types.ts';

/** Reads of these need the parse; path, text, bom and lines do not. */
const PARSED_FIELDS = [
  'tree',
  'frontmatter',
  'unterminatedFrontmatter',
  'patterns',
  'patternsShapeError',
  'categories',
  'categoriesShapeError',
  'patternsNode',
  'mentions',
  'links',
  'directives',
] as const;

export interface LazyAdr {
  adr: ParsedAdr;
  /** Whether anything read a parsed field (tests and the benchmark check the fast path holds). */
  parsed(): boolean;
}

let parses = 0;

/** How many lazy ADRs have been parsed in this process (tests check that the fast path holds). */
export function lazyParseCount(): number {
  return parses;
}

export function lazyParsedAdr(path: string, source: string, catalogue: Catalogue): LazyAdr {
  const bom = source.charCodeAt(0) === 0xfeff;
  const text = bom ? source.slice(1) : source;
  let full: ParsedAdr | null = null;
  const parse = () => {
    if (full === null) {
      parses++;
      full = parseAdr(path, source, catalogue);
    }
    return full;
  };
  const adr = { path, text, bom, lines: createLineIndex(text) } as ParsedAdr;
  for (const field of PARSED_FIELDS) {
    Object.defineProperty(adr, field, { enumerable: true, configurable: true, get: () => parse()[field] });
  }
  return { adr, parsed: () => full !== null };
}
