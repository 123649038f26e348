import { basename, dirname, join } from 'node:path';
import { distance } from 'fastest-levenshtein';
import type { AdrRecord, ParsedAdr, ProjectIndex, ReportDescriptor, Rule, Suggestion, TextEdit } from '../src/model/types.ts';
import { ruleDocsUrl } from '../src/model/rule-docs-url.ts';
import { RELATION_LINK } from './support/topics.ts';
import { decodeUrlPart, existingTarget, isExternalUrl, isMarkdownPath, resolveLinkPath, splitUrl } from '../src/parse/link-targets.ts';
import { relativeHref, replaceLinkFileName, replaceLinkFragment, replaceLinkPath } from './support/link-edits.ts';
import { renamedTargets, replacementName } from './support/renamed-targets.ts';
import { closestStrings, nearIndex, type NearIndex } from '../src/model/near-strings.ts';

export const meta = {
  id: 'adr-link',
  description: 'Relative links and images lead to files that exist, and #anchors to headings that exist',
  defaultSeverity: 'error',
  fixable: true,
  scope: 'set',
  docs: {
    url: ruleDocsUrl('adr-link'),
    why: 'Decision records point at each other, at the documents they rest on and at their diagrams. A renamed file or a reworded heading leaves a link that leads nowhere or an image that does not show, and the reader loses the one thread the author meant to give. External URLs are never fetched. `--fix` rewrites a link only when its target is certain: the one record with the number the link names, the same title under another number, or the one heading a typo away; a weaker guess is offered as a suggestion, never written. A broken "Superseded by" link is reported once, by adr-supersede, while that rule is on.',
    wrong: '# 1. Use PostgreSQL\n\n## Context\n\nSee [the hosting decision](0002-hosting-on-aws.md) and [the risks](#risk).\n\n![The schema](schema.png)\n\n## Risks\n\nNone known.\n',
    right: '# 1. Use PostgreSQL\n\n## Context\n\nSee [the hosting decision](0002-hosting.md#decision) and [the risks](#risks).\n\n![The schema](img/schema.png)\n\n## Risks\n\nNone known.\n',
    wrongFilename: 'docs/adr/0001-use-postgresql.md',
    rightFilename: 'docs/adr/0001-use-postgresql.md',
    files: { 'docs/adr/0002-hosting.md': '# 2. Hosting\n\n## Status\n\nAccepted\n\n## Decision\n\nWe host on AWS.\n', 'docs/adr/img/schema.png': '' },
  },
} satisfies Rule['meta'];

type Reference = AdrRecord['links'][number];

interface LinkCheck {
  adr: ParsedAdr;
  project: ProjectIndex;
  ownAnchors: readonly string[];
  report: (descriptor: ReportDescriptor) => void;
}

/** A #fragment as GitHub compares it: percent-decoded, without its `user-content-` prefix, any case. */
function normaliseFragment(fragment: string): string {
  return decodeUrlPart(fragment).replace(/^user-content-/i, '').toLowerCase();
}

/**
 * The headings a missing #fragment may have meant. `close`: a typo away (an edit distance that
 * grows with the word, and less than half of it), closest first; `wider`: headings that begin or
 * end with it as whole words, or that it begins with (a heading reworded longer or shorter).
 */
function anchorCandidates(fragment: string, anchors: readonly string[]): { close: string[]; wider: string[] } {
  const scored: Array<{ anchor: string; d: number }> = [];
  const wider: string[] = [];
  const threshold = Math.max(2, Math.floor(fragment.length / 4));
  for (const anchor of lowerAnchors(anchors)) {
    // The distance is at least the difference in length: most headings need no comparing.
    const d = Math.abs(anchor.length - fragment.length) > threshold ? Infinity : distance(fragment, anchor);
    if (d <= threshold && d * 2 < Math.max(fragment.length, anchor.length)) scored.push({ anchor, d });
    else if (anchor.startsWith(`${fragment}-`) || anchor.endsWith(`-${fragment}`) || fragment.startsWith(`${anchor}-`)) wider.push(anchor);
  }
  scored.sort((a, b) => a.d - b.d || a.anchor.localeCompare(b.anchor));
  return { close: scored.map((entry) => entry.anchor), wider: wider.sort() };
}

// A file's anchors in lower case, once per list (the record's and the project's are kept): each of
// thousands of links looks its #fragment up instead of comparing it with every heading.
const lowerAnchorSets = new WeakMap<readonly string[], Set<string>>();

function lowerAnchors(anchors: readonly string[]): Set<string> {
  let lower = lowerAnchorSets.get(anchors);
  if (!lower) {
    lower = new Set(anchors.map((anchor) => anchor.toLowerCase()));
    lowerAnchorSets.set(anchors, lower);
  }
  return lower;
}

// A "did you mean" names at most this many places.
const MAX_CANDIDATES = 3;

const didYouMean = (shown: readonly string[]) => (shown.length ? `; did you mean ${shown.map((name) => `"${name}"`).join(' or ')}?` : '');

/** Suggestions from candidate edits, dropping those whose edit could not be built. */
function suggestionsOf(candidates: ReadonlyArray<{ desc: string; edit: TextEdit | null }>): Suggestion[] {
  return candidates.flatMap(({ desc, edit }) => (edit ? [{ desc, fix: edit }] : []));
}

// What each missing #fragment of a file's anchors may have meant, per anchor list (the project's
// are kept per file): found once for the set, however many records link that #fragment.
const anchorGuesses = new WeakMap<readonly string[], Map<string, { close: string[]; wider: string[] }>>();

/** A #fragment no heading of `anchors` has: the fix when one heading is surely meant, else suggestions. */
function reportAnchor(check: LinkCheck, link: Reference, fragment: string, anchors: readonly string[], where: string): void {
  const wanted = normaliseFragment(fragment);
  let guesses = anchorGuesses.get(anchors);
  if (!guesses) anchorGuesses.set(anchors, (guesses = new Map()));
  const { close, wider } = guesses.get(wanted) ?? anchorCandidates(wanted, anchors);
  guesses.set(wanted, { close, wider });
  const sure = close.length === 1 && wider.length === 0 ? close[0]! : null;
  const shown = [...close, ...wider].slice(0, MAX_CANDIDATES);
  const message = `${where} has no heading for "#${fragment}"${didYouMean(shown.map((anchor) => `#${anchor}`))}`;
  const fix = sure === null ? null : replaceLinkFragment(check.adr, link.range, link.url, sure);
  const suggestions = sure === null ? suggestionsOf(shown.map((anchor) => ({ desc: `Link to "#${anchor}"`, edit: replaceLinkFragment(check.adr, link.range, link.url, anchor) }))) : [];
  check.report({ range: link.range, message, ...(fix ? { fix } : {}), ...(suggestions.length ? { suggestions } : {}) });
}

/** A folder's files of one kind (markdown, or one extension), indexed by their name less extension (lower case). */
interface GuessPool {
  names: string[];
  index: NearIndex;
}

// Per folder listing (the project's are memoised) and kind: each broken link looks its near names
// up in the index instead of comparing itself with every file of the folder.
const guessPools = new WeakMap<readonly string[], Map<string, GuessPool>>();

const stemOf = (file: string) => file.replace(/\.[^.]*$/, '').toLowerCase();
const extensionOf = (file: string) => /\.[^.]*$/.exec(file)?.[0]?.toLowerCase() ?? '';

function guessPool(names: readonly string[], kind: string): GuessPool {
  let pools = guessPools.get(names);
  if (!pools) guessPools.set(names, (pools = new Map()));
  let pool = pools.get(kind);
  if (!pool) {
    const ofKind = names.filter((name) => (kind === 'markdown' ? isMarkdownPath(name) : extensionOf(name) === kind));
    pool = { names: ofKind, index: nearIndex(ofKind.map(stemOf)) };
    pools.set(kind, pool);
  }
  return pool;
}

/**
 * Files a missing target may have meant when no record was renamed to it: the same name in the
 * linking file's own folder (a path written from the repository root without its leading `/`),
 * else the one name of the target's folder a typo away (an edit distance that grows with the
 * name, and less than half of it: the closest such name when no other is as close). Guesses:
 * offered, never fixed.
 */
function guessedTargets(missing: string, folder: string, project: ProjectIndex): Array<{ shown: string; path: boolean }> {
  const name = basename(missing);
  if (dirname(missing) !== folder && existingTarget(join(folder, name), project) !== null) return [{ shown: name, path: true }];
  const markdownLike = /\.(?:md|markdown|html?)$/i.test(name) || !name.includes('.');
  const wanted = stemOf(name);
  const { names, index } = guessPool(project.list(dirname(missing)), markdownLike ? 'markdown' : extensionOf(name));
  const limit = Math.max(2, Math.floor(wanted.length / 4));
  const { ids } = closestStrings(index, wanted, limit, (d, stem) => d * 2 < Math.max(wanted.length, stem.length));
  return ids.length === 1 ? [{ shown: replacementName(name, names[ids[0]!]!), path: false }] : [];
}

/** What a missing target may have meant: the files it was renamed to, else guesses. */
interface MissingCandidates {
  renamed: string[];
  guessed: Array<{ shown: string; path: boolean }>;
}

// What each missing target may have meant, per project (a run's view of the disk) and linking
// folder: found once for the set, however many links of however many records name it.
const missingGuesses = new WeakMap<ProjectIndex, Map<string, MissingCandidates>>();

function missingCandidates(check: LinkCheck, absolute: string): MissingCandidates {
  const { adr, project } = check;
  let known = missingGuesses.get(project);
  if (!known) missingGuesses.set(project, (known = new Map()));
  const key = `${dirname(adr.path)}\0${absolute}`;
  const found = known.get(key);
  if (found) return found;
  const renamed = renamedTargets(absolute, project.list(dirname(absolute))).map((name) => replacementName(basename(absolute), name));
  const candidates = { renamed, guessed: renamed.length === 0 ? guessedTargets(absolute, dirname(adr.path), project) : [] };
  known.set(key, candidates);
  return candidates;
}

/** A link or image whose target does not exist: the fix when the file it meant is certain, else suggestions. */
function reportMissing(check: LinkCheck, link: Reference, path: string, absolute: string, what: string): void {
  const { adr } = check;
  const { renamed, guessed } = missingCandidates(check, absolute);
  const shown = renamed.length ? renamed : guessed.map((guess) => guess.shown);
  const fix = renamed.length === 1 ? replaceLinkFileName(adr, link.range, link.url, renamed[0]!) : null;
  const suggestions =
    renamed.length > 1
      ? suggestionsOf(renamed.map((name) => ({ desc: `Link to "${name}"`, edit: replaceLinkFileName(adr, link.range, link.url, name) })))
      : suggestionsOf(
          guessed.map((guess) => ({
            desc: `Link to "${guess.shown}"`,
            edit: guess.path ? replaceLinkPath(adr, link.range, link.url, guess.shown) : replaceLinkFileName(adr, link.range, link.url, guess.shown),
          })),
        );
  check.report({
    range: link.range,
    message: `${what} "${decodeUrlPart(path)}" does not exist${didYouMean(shown)}`,
    ...(fix ? { fix } : {}),
    ...(suggestions.length ? { suggestions } : {}),
  });
}

/** Check one link (or image) of the file: its target file, then its #fragment. */
function checkReference(check: LinkCheck, link: Reference, image: boolean): void {
  const { adr, project, ownAnchors } = check;
  const url = link.url.trim();
  if (url === '' || isExternalUrl(url)) return;
  const { path, query, fragment } = splitUrl(url);
  const wanted = fragment === null || fragment === '' ? null : normaliseFragment(fragment);
  if (path === '') {
    if (wanted !== null && !image && !lowerAnchors(ownAnchors).has(wanted)) reportAnchor(check, link, fragment!, ownAnchors, 'This file');
    return;
  }
  // Without a view of the whole repository, a missing target may just be unseen.
  if (!project.complete) return;
  const folder = dirname(adr.path);
  const absolute = resolveLinkPath(path, folder, project.root);
  const target = existingTarget(absolute, project);
  if (target === null) {
    reportMissing(check, link, path, absolute, image ? 'Image' : 'Link target');
    return;
  }
  // A query (`?plain=1`) shows the file's source, where #L10 is a line, not a heading.
  if (image || wanted === null || query !== null || !isMarkdownPath(target) || project.isDirectory(target)) return;
  const anchors = target === adr.path ? ownAnchors : project.anchors(target);
  if (anchors === null || lowerAnchors(anchors).has(wanted)) return;
  reportAnchor(check, link, fragment!, anchors, relativeHref(folder, target));
}

export const check: Rule['check'] = ({ adr, record, project, report }) => {
  // A set rule reads the record (links, images, anchors); the parsed ADR only to build a fix.
  const context: LinkCheck = { adr, project, ownAnchors: record.anchors, report };
  // The link of a relation line ("Superseded by [..](..)") is a RELATION_LINK: the rule that owns
  // that topic reports it in its own words, with its own fix, and the engine drops this rule's
  // problem there while that rule is on (src/engine/run-rules.ts topicOwners).
  const relationLinks = new Set(record.relations.filter((relation) => relation.target !== null).map((relation) => relation.range.join(':')));
  const relationContext: LinkCheck = { ...context, report: (descriptor) => report({ ...descriptor, topic: RELATION_LINK }) };
  for (const link of record.links) checkReference(relationLinks.has(link.range.join(':')) ? relationContext : context, link, false);
  for (const image of record.images) checkReference(context, image, true);
};
