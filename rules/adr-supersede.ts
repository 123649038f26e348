// adr-supersede: every supersede/amend reference resolves to an ADR of the set, and both records of
// a pair say so. The fix that writes the missing side, in the file's own style, is
// rules/support/missing-relation-edits.ts; how a reference resolves is rules/support/relations.ts.
import { basename, dirname, join } from 'node:path';
import type { Node as YamlNode } from 'yaml';
import type { AdrRecord, AdrRelation, ProjectIndex, RelationKind, Rule, RuleContext } from '../src/model/types.ts';
import { ruleDocsUrl } from '../src/model/rule-docs-url.ts';
import { frontmatterField, nodeRange } from '../src/parse/frontmatter.ts';
import { existingTarget } from '../src/parse/link-targets.ts';
import { relativeHref, replaceLinkFileName } from './support/link-edits.ts';
import { renamedTargets, replacementName } from './support/renamed-targets.ts';
import { RELATION_LINK } from './support/topics.ts';
import { indexRecords, push, resolveRelation, type RecordIndex, type RelationTarget } from './support/relations.ts';
import { missingRelationEdits, RELATION_KEYS, RELATION_WORDS, type MissingRelation } from './support/missing-relation-edits.ts';

export const meta = {
  id: 'adr-supersede',
  description: 'Supersede and amend references resolve to ADRs, and both records of a pair say so',
  defaultSeverity: 'error',
  fixable: true,
  scope: 'set',
  // A broken relation link is this rule's to report (as a relation, with a rename fix); adr-link's
  // problem on it is dropped while this rule is on.
  owns: [RELATION_LINK],
  docs: {
    url: ruleDocsUrl('adr-supersede'),
    why: 'A reader who lands on an old decision must learn that a newer one replaced or amended it, and a reader of the new one must find what it replaced. When only one side of the pair says so, or a reference points at a number or file that is not there, the decision log lies about which decisions still stand. The fix adds the missing side in the file\'s own style: a frontmatter key or list item, a line in the Status section, or a bullet.',
    wrong: '# 1. Use PostgreSQL\n\n## Status\n\nAccepted\n\n## Decision\n\nWe use PostgreSQL.\n',
    right: '# 1. Use PostgreSQL\n\n## Status\n\nAccepted\n\nSuperseded by [2. Use MySQL](0002-use-mysql.md)\n\n## Decision\n\nWe use PostgreSQL.\n',
    wrongFilename: 'docs/adr/0001-use-postgresql.md',
    rightFilename: 'docs/adr/0001-use-postgresql.md',
    files: {
      'docs/adr/0002-use-mysql.md': '# 2. Use MySQL\n\n## Status\n\nAccepted\n\nSupersedes [1. Use PostgreSQL](0001-use-postgresql.md)\n\n## Decision\n\nWe use MySQL.\n',
    },
  },
} satisfies Rule['meta'];

const INVERSE: Record<RelationKind, RelationKind> = {
  supersedes: 'superseded-by',
  'superseded-by': 'supersedes',
  amends: 'amended-by',
  'amended-by': 'amends',
};

/** A relation this file lacks, with what the other file says. */
interface Missing extends MissingRelation {
  claimed: RelationKind;
  renamedFrom?: string;
}

// ---------------------------------------------------------------------------------------------
// Resolving references against the set

interface Claim {
  from: AdrRecord;
  kind: RelationKind;
  /** The reference names the record by an old file name (its only renamed candidate), as written. */
  renamedFrom?: string;
}

interface SetIndex extends RecordIndex {
  /** Path → what the other records of the set say about it (references that resolve to it alone). */
  claims: Map<string, Claim[]>;
}

const indexes = new WeakMap<readonly AdrRecord[], SetIndex>();

function indexOf(set: readonly AdrRecord[], root: string): SetIndex {
  const cached = indexes.get(set);
  if (cached && cached.root === root) return cached;
  const index: SetIndex = { ...indexRecords(set, root), claims: new Map() };
  const names = new Map<string, string[]>();
  for (const record of set) push(names, record.folder, record.name);
  for (const record of set) {
    for (const relation of record.relations) {
      const resolved = resolveRelation(relation, record, index);
      if (resolved.kind === 'no-file') {
        // A link to a renamed record will be renamed by its fix: it claims the record it will name.
        const renamed = renamedTargets(resolved.path, names.get(dirname(resolved.path)) ?? []);
        const target = renamed.length === 1 ? index.byPath.get(join(dirname(resolved.path), renamed[0]!)) : undefined;
        if (target && target.path !== record.path) push(index.claims, target.path, { from: record, kind: relation.kind, renamedFrom: relation.raw.trim() });
        continue;
      }
      // A number two files share (adr-number-duplicate's problem) claims nothing of either.
      if (resolved.kind !== 'found' || resolved.records.length !== 1) continue;
      const target = resolved.records[0]!;
      if (target.path !== record.path) push(index.claims, target.path, { from: record, kind: relation.kind });
    }
  }
  indexes.set(set, index);
  return index;
}

// ---------------------------------------------------------------------------------------------
// Reporting

const CLAIM: Record<RelationKind, (other: string) => string> = {
  supersedes: (other) => `${other} supersedes this ADR`,
  'superseded-by': (other) => `${other} says it is superseded by this ADR`,
  amends: (other) => `${other} amends this ADR`,
  'amended-by': (other) => `${other} says it is amended by this ADR`,
};

const STATES: Record<RelationKind, (other: string) => string> = {
  supersedes: (other) => `it supersedes ${other}`,
  'superseded-by': (other) => `it is superseded by ${other}`,
  amends: (other) => `it amends ${other}`,
  'amended-by': (other) => `it is amended by ${other}`,
};

interface Unresolved {
  message: string;
  /** The one file the reference was most likely renamed to: the name to write, and its path. */
  rename: { name: string; path: string } | null;
}

function unresolved(relation: AdrRelation, resolution: RelationTarget, project: ProjectIndex, index: SetIndex): Unresolved | null {
  const word = RELATION_WORDS[relation.kind];
  if (resolution.kind === 'no-number') return { message: `${word} ADR ${resolution.number}, but no ADR of this folder has that number`, rename: null };
  if (resolution.kind !== 'no-file') return null;
  const written = relation.raw.trim();
  const existing = existingTarget(resolution.path, project);
  if (existing !== null) {
    if (project.isDirectory(existing)) return { message: `${word} "${written}", which is a folder, not an ADR`, rename: null };
    // A file outside the folders being linted may be an ADR of another log: it cannot be checked here.
    if (!index.folders.has(dirname(existing))) return null;
    return { message: `${word} "${written}", which is not an ADR`, rename: null };
  }
  const folder = dirname(resolution.path);
  const renamed = renamedTargets(resolution.path, project.list(folder));
  const names = renamed.map((name) => replacementName(basename(resolution.path), name));
  const hint = names.length ? `; did you mean ${names.map((name) => `"${name}"`).join(' or ')}?` : '';
  return {
    message: `${word} "${written}", which does not exist${hint}`,
    rename: renamed.length === 1 ? { name: names[0]!, path: join(folder, renamed[0]!) } : null,
  };
}

/** Each relation this file states, how it resolves, and what is wrong with it (null: nothing). */
interface OwnRelation {
  relation: AdrRelation;
  resolution: RelationTarget;
  problem: Unresolved | null;
}

/** References of this file that lead to no ADR: the one file it was renamed to is the fix. */
function reportUnresolved({ adr, project, report }: RuleContext, own: readonly OwnRelation[]): void {
  for (const { relation, problem } of own) {
    // Without the whole repository in view (a text linted on its own), "no such ADR" may be wrong.
    if (!problem || !project.complete) continue;
    // A bare number in a sentence ("superseded by ADR 2 in 2024") may be a year, not an ADR: only a
    // zero-padded one ("0031") or one written as "ADR-31" / "#31" is surely a reference.
    if (!relation.inFrontmatter && relation.number !== null && /^[1-9]\d*$/.test(relation.raw.trim())) continue;
    const link = relation.inFrontmatter ? undefined : adr.links.find((entry) => entry.range[0] === relation.range[0] && entry.range[1] === relation.range[1]);
    const fix = problem.rename && link ? replaceLinkFileName(adr, link.range, link.url, problem.rename.name) : null;
    report({ range: relation.range, message: problem.message, ...(fix ? { fix } : {}) });
  }
}

/** What other records say of this one that this one does not say back. */
function missingSides(record: AdrRecord, own: readonly OwnRelation[], index: SetIndex): Missing[] {
  const missing: Missing[] = [];
  const seen = new Set<string>();
  for (const claim of index.claims.get(record.path) ?? []) {
    const kind = INVERSE[claim.kind];
    const key = `${claim.from.path}\0${kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A reference to the other record's old name says it too: its report above renames it.
    const stated = own.some(
      ({ relation, resolution, problem }) =>
        relation.kind === kind &&
        ((resolution.kind === 'found' && resolution.records.some((other) => other.path === claim.from.path)) || problem?.rename?.path === claim.from.path),
    );
    if (!stated) missing.push({ other: claim.from, kind, claimed: claim.kind, ...(claim.renamedFrom ? { renamedFrom: claim.renamedFrom } : {}) });
  }
  return missing;
}

/** One problem per missing side, at its frontmatter key (else the status, else the title), with the edit that writes it. */
function reportMissing({ adr, record, report }: RuleContext, missing: readonly Missing[]): void {
  const edits = missingRelationEdits(adr, record, missing);
  for (const entry of missing) {
    const name = relativeHref(record.folder, entry.other.path);
    const keyNode = adr.frontmatter?.data ? RELATION_KEYS[entry.kind].map((key) => frontmatterField(adr.frontmatter, key)).find(Boolean) : undefined;
    const range: [number, number] = keyNode && adr.frontmatter ? nodeRange(adr.frontmatter, keyNode.pair.key as YamlNode) : (record.status?.range ?? record.h1Range ?? [0, 0]);
    const fix = edits.get(entry.kind);
    const as = entry.renamedFrom ? ` (linking it as "${entry.renamedFrom}")` : '';
    report({ range, message: `${CLAIM[entry.claimed](name)}${as}, but this ADR does not say ${STATES[entry.kind](name)}`, ...(fix ? { fix } : {}) });
  }
}

export const check: Rule['check'] = (context) => {
  // `record` is the record of the text being linted (checkAdr builds it afresh in a fix pass, where
  // the set still holds the file as read).
  const { record, set, project } = context;
  const index = indexOf(set, project.root);
  const own = record.relations.map((relation): OwnRelation => {
    const resolution = resolveRelation(relation, record, index);
    return { relation, resolution, problem: unresolved(relation, resolution, project, index) };
  });
  reportUnresolved(context, own);
  const missing = missingSides(record, own, index);
  if (missing.length > 0) reportMissing(context, missing);
};
