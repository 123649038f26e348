// A ParsedAdr that parses only when something reads its tree. Set rules run on every run, also for
// files whose file-rule problems come from the cache or a worker; they read records, and the
// parsed ADR only to build a fix, so most files are never parsed again in the main thread.
import type { Catalogue } from '../model/catalogue.ts';
import { parseAdr } from './parse-adr.ts';
import { createLineIndex } from '../model/positions.ts';
import type { LineIndex, ParsedAdr } from '../model/types.ts';

let parses = 0;

/** How many lazy ADRs have been parsed in this process (tests check that the fast path holds). */
export function lazyParseCount(): number {
  return parses;
}

// Getters on a prototype: one object per file, 5,000 of them in a large run, must cost nothing.
class LazyParsedAdr implements ParsedAdr {
  readonly text: string;
  readonly bom: boolean;
  readonly lines: LineIndex;
  private full: ParsedAdr | null = null;

  constructor(
    readonly path: string,
    private readonly source: string,
    private readonly catalogue: Catalogue,
  ) {
    this.bom = source.charCodeAt(0) === 0xfeff;
    this.text = this.bom ? source.slice(1) : source;
    this.lines = createLineIndex(this.text);
  }

  get parsed(): boolean {
    return this.full !== null;
  }

  private parse(): ParsedAdr {
    if (this.full === null) {
      parses++;
      this.full = parseAdr(this.path, this.source, this.catalogue);
    }
    return this.full;
  }

  get tree() {
    return this.parse().tree;
  }
  get frontmatter() {
    return this.parse().frontmatter;
  }
  get unterminatedFrontmatter() {
    return this.parse().unterminatedFrontmatter;
  }
  get patterns() {
    return this.parse().patterns;
  }
  get patternsShapeError() {
    return this.parse().patternsShapeError;
  }
  get categories() {
    return this.parse().categories;
  }
  get categoriesShapeError() {
    return this.parse().categoriesShapeError;
  }
  get patternsNode() {
    return this.parse().patternsNode;
  }
  get mentions() {
    return this.parse().mentions;
  }
  get links() {
    return this.parse().links;
  }
  get images() {
    return this.parse().images;
  }
  get directives() {
    return this.parse().directives;
  }
}

export interface LazyAdr {
  adr: ParsedAdr;
  /** Whether anything read a parsed field (tests and the benchmark check the fast path holds). */
  parsed(): boolean;
}

export function lazyParsedAdr(path: string, source: string, catalogue: Catalogue): LazyAdr {
  const adr = new LazyParsedAdr(path, source, catalogue);
  return { adr, parsed: () => adr.parsed };
}
