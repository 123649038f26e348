// The "did you mean" search looks names up in an index (src/model/near-strings.ts) instead of
// comparing each broken link with every file of the folder. Its answers must be those of the
// comparison with every file: a seeded set of 1,000 broken links, each checked against a brute
// force written as the search was before the index (same thresholds, same tie-breaking).
import { basename, dirname, join } from 'node:path';
import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { check } from '../rules/adr-link.ts';
import { renamedTargets, replacementName } from '../rules/support/renamed-targets.ts';
import { catalogueWithUser } from '../src/io/catalogue-file.ts';
import { memoryProject } from '../src/io/project-index.ts';
import { closestStrings, nearIndex } from '../src/model/near-strings.ts';
import type { ProjectIndex, ReportDescriptor } from '../src/model/types.ts';
import { existingTarget, isMarkdownPath } from '../src/parse/link-targets.ts';
import { parseAdr } from '../src/parse/parse-adr.ts';
import { buildRecord, markdownAnchors } from '../src/parse/record.ts';
// The bench's seeded PRNG, so a failing case can be reproduced from its seed.
import { mulberry32 } from '../scripts/bench-corpus.ts';

const WORDS = ['use', 'kafka', 'for', 'orders', 'postgres', 'api', 'gateway', 'cache', 'redis', 'auth', 'saga', 'aaa', 'ab', 'x', 'log', 'logs', 'event', 'events'];
const EXTENSIONS = ['.md', '.md', '.md', '.markdown', '.png', '.svg', '.html', '.MD'];

/** A name of 1 to 5 words (short ones and repeated trigrams on purpose), numbered or not. */
function randomStem(random: () => number): string {
  const words = Array.from({ length: 1 + Math.floor(random() * 5) }, () => WORDS[Math.floor(random() * WORDS.length)]!);
  const stem = words.join('-');
  const numbered = random() < 0.6 ? `${String(Math.floor(random() * 60)).padStart(random() < 0.5 ? 4 : 2, '0')}-${stem}` : stem;
  return random() < 0.1 ? numbered.toUpperCase() : numbered;
}

/** A few edits of `text`: deletions, insertions, substitutions, swaps. */
function edited(text: string, edits: number, random: () => number): string {
  let out = text;
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (out.length + 1));
    const letter = 'abcdefgkorstu0123-'[Math.floor(random() * 18)]!;
    const kind = Math.floor(random() * 4);
    if (kind === 0 && out.length > 1) out = out.slice(0, at) + out.slice(at + 1);
    else if (kind === 1) out = out.slice(0, at) + letter + out.slice(at);
    else if (kind === 2 && at < out.length) out = out.slice(0, at) + letter + out.slice(at + 1);
    else if (at + 1 < out.length) out = out.slice(0, at) + out[at + 1] + out[at] + out.slice(at + 2);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The brute force: adr-link's guess as it was written before the index, name by name.

const stemOf = (file: string) => file.replace(/\.[^.]*$/, '').toLowerCase();
const extensionOf = (file: string) => /\.[^.]*$/.exec(file)?.[0]?.toLowerCase() ?? '';

function bruteGuess(missing: string, folder: string, project: ProjectIndex): Array<{ shown: string; path: boolean }> {
  const name = basename(missing);
  if (dirname(missing) !== folder && existingTarget(join(folder, name), project) !== null) return [{ shown: name, path: true }];
  const markdownLike = /\.(?:md|markdown|html?)$/i.test(name) || !name.includes('.');
  const extension = extensionOf(name);
  const wanted = stemOf(name);
  let best: string[] = [];
  let bestDistance = Math.max(2, Math.floor(wanted.length / 4));
  for (const candidate of project.list(dirname(missing))) {
    if (markdownLike ? !isMarkdownPath(candidate) : extensionOf(candidate) !== extension) continue;
    const stem = stemOf(candidate);
    const d = distance(wanted, stem);
    if (d * 2 >= Math.max(wanted.length, stem.length)) continue;
    if (d < bestDistance) [best, bestDistance] = [[candidate], d];
    else if (d === bestDistance) best.push(candidate);
  }
  return best.length === 1 ? [{ shown: replacementName(name, best[0]!), path: false }] : [];
}

/** The message adr-link gives for a missing link target, by the brute force. */
function bruteMessage(path: string, absolute: string, folder: string, project: ProjectIndex): string {
  const renamed = renamedTargets(absolute, project.list(dirname(absolute))).map((name) => replacementName(basename(absolute), name));
  const shown = renamed.length ? renamed : bruteGuess(absolute, folder, project).map((guess) => guess.shown);
  return `Link target "${path}" does not exist${shown.length ? `; did you mean ${shown.map((name) => `"${name}"`).join(' or ')}?` : ''}`;
}

// ---------------------------------------------------------------------------------------------

describe('the near-string index', () => {
  it('finds the closest strings the brute force finds, ties and limits included', () => {
    const random = mulberry32(7);
    const strings = Array.from({ length: 800 }, () => randomStem(random).toLowerCase());
    // Long names too, where most of the query's trigrams are left uncounted (the rarest decide).
    for (let i = 0; i < 400; i++) strings.push(`${randomStem(random)}-${randomStem(random)}-${randomStem(random)}`.toLowerCase());
    strings.push('', 'a', 'ab', 'aaa', 'aaaaaa', 'é-ü-ß', 'x'.repeat(70));
    const index = nearIndex(strings);
    for (let q = 0; q < 1000; q++) {
      const query = random() < 0.7 ? edited(strings[Math.floor(random() * strings.length)]!, Math.floor(random() * 9), random) : randomStem(random).toLowerCase();
      const limit = Math.floor(random() * 12);
      const accept = (d: number, text: string) => d * 2 < Math.max(query.length, text.length);
      let best: number | null = null;
      let ids: number[] = [];
      strings.forEach((text, id) => {
        const d = distance(query, text);
        if (d > limit || !accept(d, text)) return;
        if (best === null || d < best) [best, ids] = [d, [id]];
        else if (d === best) ids.push(id);
      });
      expect(closestStrings(index, query, limit, accept), JSON.stringify({ query, limit })).toEqual({ distance: best, ids });
    }
  });
});

describe('adr-link did-you-mean on 1,000 broken links', () => {
  it('gives the brute force answer for every link (renamed files, guesses, ties, kinds)', () => {
    const random = mulberry32(14);
    const folder = '/repo/docs/adr';
    const names = new Set<string>();
    while (names.size < 1500) names.add(randomStem(random) + EXTENSIONS[Math.floor(random() * EXTENSIONS.length)]!);
    const listed = [...names];
    const files: Record<string, string> = {};
    for (const name of listed) files[join(folder, name)] = '# A record\n';
    const links: string[] = [];
    const targets = new Set<string>();
    while (links.length < 1000) {
      const base = listed[Math.floor(random() * listed.length)]!;
      const roll = random();
      const stem = roll < 0.75 ? edited(base.replace(/\.[^.]*$/, ''), 1 + Math.floor(random() * 4), random) : randomStem(random);
      const extension = ['.md', '.html', '', '.png', '.markdown', '.svg'][Math.floor(random() * 6)]!;
      const target = `${stem}${extension}`;
      if (!/^[\w.-]+$/.test(target) || targets.has(target) || names.has(target) || existingTarget(join(folder, target), { exists: (p: string) => p in files } as ProjectIndex)) continue;
      targets.add(target);
      links.push(target);
    }
    const path = join(folder, '9999-linking-record.md');
    const text = `# 9999. Linking record\n\n${links.map((target, i) => `- [link ${i}](${target})`).join('\n')}\n`;
    files[path] = text;
    const disk = memoryProject('/repo', files, markdownAnchors);
    // One listing per folder, as the run's disk index keeps it (memoryProject lists afresh each call).
    const listings = new Map<string, string[]>();
    const project: ProjectIndex = { ...disk, list: (dir) => listings.get(dir) ?? (listings.set(dir, disk.list(dir)), listings.get(dir)!) };
    const catalogue = catalogueWithUser(null, null);
    const adr = parseAdr(path, text, catalogue);
    const record = buildRecord(adr, catalogue);
    const reported: ReportDescriptor[] = [];
    check({ adr, record, set: [record], project, report: (descriptor: ReportDescriptor) => reported.push(descriptor) } as unknown as Parameters<typeof check>[0]);
    const expected = links.map((target) => bruteMessage(target, join(folder, target), folder, project));
    expect(reported.map((descriptor) => descriptor.message)).toEqual(expected);
    // The set exercises every outcome: one guess, a renamed file, and no answer (ties, nothing near).
    expect(expected.filter((message) => message.includes('did you mean')).length).toBeGreaterThan(200);
    expect(expected.filter((message) => !message.includes('did you mean')).length).toBeGreaterThan(100);
  });
});
