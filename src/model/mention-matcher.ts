// Prose mentions of catalogue terms. The text is read once as a run of tokens (words, separators,
// other characters) and each term is a path in a trie of normalised tokens, so the cost of a text
// grows with the text and the length of the longest term, never with the number of terms: a
// catalogue of 10,000 patterns matches as fast as one of 12 (one alternation regex over all
// terms grew with the catalogue and, past a few thousand patterns, did not compile at all).
//
// The rules, as the catalogue documents them: a name or alias matches in any case, as whole words,
// a run of spaces or hyphens standing for any other, the last word also in the plural (-s, -es);
// an acronym (all capitals) matches in its exact case only, never in the plural; an exclude is a
// longer phrase (any case, plurals too) whose words are no mention.

export interface MentionMatch {
  slug: string;
  index: number;
  text: string;
}

/** Acronyms are written in capitals; they match in their exact case only (SOA, not "soa"). */
export function isAcronym(term: string): boolean {
  return /^[A-Z0-9]{2,6}$/.test(term) && /[A-Z]/.test(term);
}

/** A term as mentions compare it: lower case, each run of spaces and hyphens one space. */
export function normaliseTerm(text: string): string {
  return text.trim().toLowerCase().split(/[\s-]+/).join(' ');
}

const WORD = 0;
const SEPARATOR = 1;
const OTHER = 2;
type Kind = typeof WORD | typeof SEPARATOR | typeof OTHER;

interface Token {
  kind: Kind;
  start: number;
  end: number;
  text: string;
  /** The token as the trie holds it (lower case; a separator run is SEPARATOR_KEY). */
  key: string;
}

// A word is a run of letters, digits and underscores (`saga_id` is one word, not "saga"); spaces and
// hyphens are separators; any other character (`/`, `.`, `’`, `+`) is a token of its own.
const TOKEN = /[\p{L}\p{N}_]+|[\s-]+|[^]/gu;
const WORD_START = /^[\p{L}\p{N}_]/u;
const SEPARATOR_START = /^[\s-]/u;
// The trie key of a separator run: no word or other token can be a space.
const SEPARATOR_KEY = ' ';

// The kind of a token by its first character, for ASCII (most of any text): the regular
// expressions above, without running them on each token.
const ASCII_KIND = new Uint8Array(128).fill(OTHER);
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  if (WORD_START.test(char)) ASCII_KIND[code] = WORD;
  else if (SEPARATOR_START.test(char)) ASCII_KIND[code] = SEPARATOR;
}

function kindOf(token: string): Kind {
  const code = token.charCodeAt(0);
  if (code < 128) return ASCII_KIND[code] as Kind;
  return WORD_START.test(token) ? WORD : SEPARATOR_START.test(token) ? SEPARATOR : OTHER;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    const kind = kindOf(token);
    const key = kind === SEPARATOR ? SEPARATOR_KEY : token.toLowerCase();
    tokens.push({ kind, start: match.index, end: match.index + token.length, text: token, key });
  }
  return tokens;
}

/**
 * Whole words: a match may not start right after a word character or a hyphen ("redux-saga"), nor
 * end before a word character or a hyphen that joins another word ("saga-based"); `-` then a space
 * or the end of the text is punctuation.
 */
function canStart(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at]!;
  const before = tokens[at - 1];
  if (token.kind === SEPARATOR) return false;
  return before === undefined || before.kind === OTHER || (before.kind === SEPARATOR && !before.text.endsWith('-'));
}

function canEnd(tokens: readonly Token[], at: number): boolean {
  const after = tokens[at + 1];
  if (after === undefined || after.kind === OTHER) return true;
  if (after.kind === WORD) return false;
  if (after.text !== '-') return true;
  const next = tokens[at + 2];
  return !(next?.kind === WORD && !next.text.startsWith('_'));
}

interface TrieNode {
  next: Map<string, TrieNode> | null;
  /** The value of a term that ends here. */
  exact: string | null;
  /** The value of a term that ends here and is also written in the plural (its word + s or es). */
  plural: string | null;
}

const newNode = (): TrieNode => ({ next: null, exact: null, plural: null });

/** Terms as paths of normalised tokens; the first term added for a path keeps it. */
class TermTrie {
  private readonly root = newNode();
  size = 0;

  add(term: string, value: string, { plural }: { plural: boolean }): void {
    const tokens = tokenize(term.trim());
    if (!tokens.some((token) => token.kind !== SEPARATOR)) return;
    let node = this.root;
    for (const token of tokens) {
      node.next ??= new Map();
      const key = token.key;
      let child = node.next.get(key);
      if (!child) {
        child = newNode();
        node.next.set(key, child);
      }
      node = child;
    }
    const last = tokens[tokens.length - 1]!;
    node.exact ??= value;
    if (plural && last.kind === WORD && !/s$/i.test(last.text)) node.plural ??= value;
    this.size++;
  }

  /**
   * The matches in a text, left to right, none overlapping: at each place a match may start, the
   * longest term that matches there (a longer term wins over one it contains: "Microservices
   * Architecture" over "microservices").
   */
  scan(tokens: readonly Token[]): Array<{ from: number; to: number; value: string }> {
    const found: Array<{ from: number; to: number; value: string }> = [];
    if (this.size === 0) return found;
    for (let at = 0; at < tokens.length; at++) {
      if (!canStart(tokens, at)) continue;
      const match = this.longestAt(tokens, at);
      if (!match) continue;
      found.push({ from: at, to: match.to, value: match.value });
      at = match.to;
    }
    return found;
  }

  private longestAt(tokens: readonly Token[], from: number): { to: number; value: string } | null {
    let best: { to: number; value: string } | null = null;
    let node: TrieNode | undefined = this.root;
    for (let at = from; node?.next && at < tokens.length; at++) {
      const token = tokens[at]!;
      const key = token.key;
      const child: TrieNode | undefined = node.next.get(key);
      // Singular first, then the word less -es, then less -s ("boxes" is "box", "lanes" is "lane").
      const value = child?.exact ?? (token.kind === WORD ? pluralOf(node.next, key) : null);
      if (value != null && canEnd(tokens, at)) best = { to: at, value };
      node = child;
    }
    return best;
  }
}

function pluralOf(next: ReadonlyMap<string, TrieNode>, key: string): string | null {
  if (key.endsWith('es')) {
    const value = next.get(key.slice(0, -2))?.plural;
    if (value) return value;
  }
  return key.endsWith('s') ? (next.get(key.slice(0, -1))?.plural ?? null) : null;
}

export interface MatcherPattern {
  slug: string;
  name: string;
  aliases: readonly string[];
  excludes: readonly string[];
}

/** Whether [start, end) overlaps one of `ranges` (sorted, none overlapping). */
export function overlapsAny(ranges: ReadonlyArray<readonly [number, number]>, start: number, end: number): boolean {
  let low = 0;
  let high = ranges.length;
  // The first range that ends after `start`.
  while (low < high) {
    const mid = (low + high) >> 1;
    if (ranges[mid]![1] <= start) low = mid + 1;
    else high = mid;
  }
  const range = ranges[low];
  return range !== undefined && range[0] < end;
}

export class MentionMatcher {
  private readonly words = new TermTrie();
  private readonly excludes = new TermTrie();
  private readonly slugByAcronym = new Map<string, string>();

  constructor(patterns: readonly MatcherPattern[]) {
    for (const pattern of patterns) {
      for (const term of [pattern.name, ...pattern.aliases]) {
        if (isAcronym(term)) {
          if (!this.slugByAcronym.has(term)) this.slugByAcronym.set(term, pattern.slug);
        } else {
          this.words.add(term, pattern.slug, { plural: true });
        }
      }
      // An exclude matches in any case, an acronym among them too, without a plural.
      for (const term of pattern.excludes) this.excludes.add(term, pattern.slug, { plural: !isAcronym(term) });
    }
  }

  find(text: string): MentionMatch[] {
    const tokens = tokenize(text);
    const excluded = this.excludes.scan(tokens).map(({ from, to }): [number, number] => [tokens[from]!.start, tokens[to]!.end]);
    const found: MentionMatch[] = [];
    const add = (slug: string, start: number, end: number) => {
      if (!overlapsAny(excluded, start, end)) found.push({ slug, index: start, text: text.slice(start, end) });
    };
    for (const { from, to, value } of this.words.scan(tokens)) add(value, tokens[from]!.start, tokens[to]!.end);
    // Acronyms are read apart from the other terms: "CQRS" in "CQRS Pattern" is a mention of its own.
    if (this.slugByAcronym.size > 0) {
      tokens.forEach((token, at) => {
        const slug = token.kind === WORD ? this.slugByAcronym.get(token.text) : undefined;
        if (slug !== undefined && canStart(tokens, at) && canEnd(tokens, at)) add(slug, token.start, token.end);
      });
    }
    return found.sort((a, b) => a.index - b.index);
  }
}
