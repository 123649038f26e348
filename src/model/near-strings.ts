// Strings a few edits away from a query, without comparing the query with every string: an index
// of trigrams (each occurrence its own key, so shared keys count the multiset intersection) and
// of lengths. Edit distance (Levenshtein, on UTF-16 code units, as fastest-levenshtein counts
// it) has two cheap lower bounds: the difference in length, and the q-gram bound (Ukkonen: one
// edit destroys at most q of the q-grams, so two strings k edits apart share at least
// max(|s|,|t|) - q + 1 - k·q of them). A query counts the shared trigrams through the postings of
// its own trigrams (never a scan of the strings), and computes the distance only for the strings
// whose bound allows it, closest bound first. The answers are those of comparing with every string.
import { distance } from 'fastest-levenshtein';

const Q = 3;

export interface NearIndex {
  readonly strings: readonly string[];
  /** Trigram occurrence key → the ids of the strings holding it, ascending. */
  readonly postings: Map<string, number[]>;
  /** Length → the ids of the strings of that length, ascending. */
  readonly byLength: Map<number, number[]>;
  /** Scratch counts of shared keys, one per string (all zero between queries). */
  readonly counts: Uint32Array;
}

/** Each trigram of `text`, with the number of times it occurred before (`abc`, `abc` again → two keys). */
function gramKeys(text: string): string[] {
  const seen = new Map<string, number>();
  const keys: string[] = [];
  for (let at = 0; at + Q <= text.length; at++) {
    const gram = text.slice(at, at + Q);
    const occurrence = seen.get(gram) ?? 0;
    seen.set(gram, occurrence + 1);
    keys.push(occurrence === 0 ? gram : `${gram}\u0000${occurrence}`);
  }
  return keys;
}

/** The index of `strings` (ids are their positions); built once, queried many times. */
export function nearIndex(strings: readonly string[]): NearIndex {
  const postings = new Map<string, number[]>();
  const byLength = new Map<number, number[]>();
  strings.forEach((text, id) => {
    const sameLength = byLength.get(text.length);
    if (sameLength) sameLength.push(id);
    else byLength.set(text.length, [id]);
    for (const key of gramKeys(text)) {
      const list = postings.get(key);
      if (list) list.push(id);
      else postings.set(key, [id]);
    }
  });
  return { strings, postings, byLength, counts: new Uint32Array(strings.length) };
}

/**
 * The ids of the strings whose distance to `query` may be at most `limit`, grouped by a lower
 * bound of that distance (index = bound, 0..limit). Every string within `limit` is in a group.
 *
 * The shared trigrams are counted through the postings of the query's rarer keys only: up to
 * `skip` of its most common keys (one in every name of the folder, such as "-for-") are left out,
 * and a string is taken to share each of them (so its bound stays a lower bound). `skip` is small
 * enough that a string sharing none of the counted keys is out of reach.
 */
function candidatesByBound(index: NearIndex, query: string, limit: number): number[][] {
  const { postings, byLength, strings, counts } = index;
  const L = query.length;
  const keys = gramKeys(query).map((key) => postings.get(key) ?? []);
  keys.sort((a, b) => a.length - b.length);
  const skip = Math.max(0, Math.min(keys.length, L - Q - Q * limit));
  const touched: number[] = [];
  for (let k = 0; k < keys.length - skip; k++) {
    const list = keys[k]!;
    for (let i = 0; i < list.length; i++) {
      const id = list[i]!;
      if (counts[id]!++ === 0) touched.push(id);
    }
  }
  const groups: number[][] = Array.from({ length: limit + 1 }, () => []);
  const add = (id: number, counted: number) => {
    const M = strings[id]!.length;
    const bound = Math.max(Math.abs(M - L), Math.ceil((Math.max(L, M) - Q + 1 - counted - skip) / Q));
    if (bound <= limit) groups[bound]!.push(id);
  };
  // A string that shares no counted trigram with the query is still within reach when it is
  // short: the q-gram bound of the whole length bucket says so, and then the bucket is read whole.
  for (let M = Math.max(0, L - limit); M <= L + limit; M++) {
    if (Math.ceil((Math.max(L, M) - Q + 1 - skip) / Q) > limit) continue;
    for (const id of byLength.get(M) ?? []) if (counts[id] === 0) add(id, 0);
  }
  for (const id of touched) {
    add(id, counts[id]!);
    counts[id] = 0;
  }
  return groups;
}

/**
 * The strings at the smallest distance to `query` among those within `limit` edits that `accept`
 * takes (ids ascending), and that distance; none: `{ distance: null, ids: [] }`.
 */
export function closestStrings(index: NearIndex, query: string, limit: number, accept: (d: number, text: string) => boolean = () => true): { distance: number | null; ids: number[] } {
  // A near string is often a typo or two away: look within two edits first, where the rarest
  // trigrams alone find it, and widen only when nothing is that close. Each reach finds every
  // string within it, so the first that finds one has found the closest.
  for (const reach of new Set([Math.min(2, limit), limit])) {
    const found = closestWithin(index, query, reach, accept);
    if (found.ids.length > 0 || reach === limit) return found;
  }
  return { distance: null, ids: [] };
}

function closestWithin(index: NearIndex, query: string, limit: number, accept: (d: number, text: string) => boolean): { distance: number | null; ids: number[] } {
  let best = limit;
  let ids: number[] = [];
  const groups = candidatesByBound(index, query, limit);
  // Groups go by the bound, lowest first: past the best distance nothing can tie or beat it.
  for (let bound = 0; bound < groups.length && bound <= best; bound++) {
    for (const id of groups[bound]!) {
      const text = index.strings[id]!;
      const d = distance(query, text);
      if (d > best || !accept(d, text)) continue;
      if (d < best || ids.length === 0) [best, ids] = [d, [id]];
      else ids.push(id);
    }
  }
  return ids.length > 0 ? { distance: best, ids: ids.sort((a, b) => a - b) } : { distance: null, ids: [] };
}

/**
 * Did-you-mean for a short list (rule ids, flags, commands, catalogue slugs), compared with each:
 * the candidates within `threshold` edits of `word` (and, with `prefixes`, those that begin with
 * it, when it has 3 characters or more), closest first, ties in the candidates' order, at most `limit`.
 */
export function nearStrings(word: string, candidates: readonly string[], threshold: number, options: { limit?: number; prefixes?: boolean } = {}): string[] {
  const { limit = Infinity, prefixes = false } = options;
  const found: Array<{ candidate: string; d: number }> = [];
  for (const candidate of candidates) {
    const prefix = prefixes && word.length >= 3 && candidate.startsWith(word);
    // The distance is at least the difference in length: in a long list most need no comparing.
    if (!prefix && Math.abs(candidate.length - word.length) > threshold) continue;
    const d = distance(word, candidate);
    if (d <= threshold || prefix) found.push({ candidate, d });
  }
  return found
    .sort((a, b) => a.d - b.d)
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}
