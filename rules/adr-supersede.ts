import { basename, dirname, join } from 'node:path';
import type { ListItem, Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { AdrRecord, AdrRelation, ParsedAdr, ProjectIndex, RelationKind, Rule, TextEdit } from '../src/model/types.ts';
import { ruleDocsUrl } from '../src/model/rule-docs-url.ts';
import { frontmatterField, nodeRange } from '../src/parse/parse-adr.ts';
import { appendFrontmatterItems, insertFrontmatterPair, lineEnding } from './support/yaml-edits.ts';
import { encodeDestination, existingTarget, relativeHref, renamedTargets, replaceLinkFileName, replacementName } from '../src/parse/link-targets.ts';
import { RELATION_LINK } from './support/topics.ts';
import { indexRecords, resolveRelation, type RecordIndex, type RelationTarget } from './support/relations.ts';

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

/** The frontmatter keys each relation is read from (as src/parse/record.ts reads them). */
const KEYS: Record<RelationKind, readonly string[]> = {
  supersedes: ['supersedes'],
  'superseded-by': ['superseded-by', 'superseded_by', 'supersededBy'],
  amends: ['amends'],
  'amended-by': ['amended-by', 'amended_by'],
};

/** The order relations are written in (konflux: supersedes, then superseded_by). */
const ORDER: readonly RelationKind[] = ['supersedes', 'superseded-by', 'amends', 'amended-by'];

const WORDS: Record<RelationKind, string> = {
  supersedes: 'Supersedes',
  'superseded-by': 'Superseded by',
  amends: 'Amends',
  'amended-by': 'Amended by',
};

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

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

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
// Writing the missing side

interface Missing {
  other: AdrRecord;
  /** The relation this file lacks. */
  kind: RelationKind;
  /** What the other file says. */
  claimed: RelationKind;
  renamedFrom?: string;
}

interface ItemStyle {
  quote: '"' | "'" | '';
  /** Numbers as written (`"0031"`, `ADR-31`), with their prefix and zero-padded width (null: as in the file name). */
  number: { prefix: string; width: number | null } | null;
  /** Paths as written: `./x.md`, `x.html`. */
  path: { dot: boolean; html: boolean };
}

const DEFAULT_STYLE: ItemStyle = { quote: '"', number: { prefix: '', width: null }, path: { dot: false, html: false } };

/** How the file writes the items of its relation keys (the first item of the first of `keys` present). */
function itemStyle(adr: ParsedAdr, keys: readonly string[]): ItemStyle | null {
  const frontmatter = adr.frontmatter;
  if (!frontmatter) return null;
  for (const key of keys) {
    const node = frontmatterField(frontmatter, key)?.node;
    const items: YamlNode[] = node && isSeq(node) ? (node.items as YamlNode[]) : node ? [node] : [];
    for (const item of items) {
      if (!isScalar(item) || item.value === null || item.value === '') continue;
      const raw = adr.text.slice(...nodeRange(frontmatter, item));
      const quote = raw.startsWith('"') ? '"' : raw.startsWith("'") ? "'" : '';
      const value = typeof item.value === 'string' ? item.value : raw;
      const number = /^(ADR[- ]?|#)?(\d+)$/i.exec(value.trim());
      return {
        quote,
        number: number ? { prefix: number[1] ?? '', width: number[2]!.length } : null,
        path: { dot: value.startsWith('./'), html: /\.html?$/i.test(value) },
      };
    }
  }
  return null;
}

function yamlItem(style: ItemStyle, self: AdrRecord, other: AdrRecord): string {
  const number = other.fileNumber ?? other.number?.value ?? null;
  let value: string;
  if (style.number && number !== null) {
    const digits = style.number.width !== null ? String(number).padStart(style.number.width, '0') : (/^(\d+)-/.exec(other.name)?.[1] ?? String(number));
    value = `${style.number.prefix}${digits}`;
  } else {
    value = relativeHref(self.folder, other.path);
    if (style.path.html) value = value.replace(/\.(?:md|markdown)$/i, '.html');
    if (style.path.dot && !value.startsWith('.')) value = `./${value}`;
  }
  if (style.quote === "'") return `'${value.replace(/'/g, "''")}'`;
  if (style.quote === '' && /^[\w./-]+$/.test(value)) return value;
  return JSON.stringify(value);
}

/** The key spelling for a relation the file does not write yet: as its other keys are spelled. */
function keySpelling(adr: ParsedAdr, kind: RelationKind): string {
  const [kebab] = KEYS[kind];
  if (kind === 'supersedes' || kind === 'amends') return kebab!;
  const root = adr.frontmatter?.document.contents;
  const keys: string[] = [];
  if (root && 'items' in root)
    for (const pair of (root as { items: Array<{ key: unknown }> }).items) {
      const key = pair.key;
      if (isScalar(key) && typeof key.value === 'string') keys.push(key.value);
    }
  const related = keys.find((key) => ORDER.some((k) => KEYS[k].includes(key) && /[-_A-Z]/.test(key)));
  const snake = related ? related.includes('_') : keys.some((key) => key.includes('_'));
  const camel = related ? /[A-Z]/.test(related) : !snake && keys.some((key) => /[a-z][A-Z]/.test(key));
  if (snake) return kebab!.replace('-', '_');
  if (camel && kind === 'superseded-by') return 'supersededBy';
  return kebab!;
}

function frontmatterEdit(adr: ParsedAdr, self: AdrRecord, kind: RelationKind, others: readonly AdrRecord[]): TextEdit | null {
  const frontmatter = adr.frontmatter!;
  const key = KEYS[kind].find((name) => frontmatterField(frontmatter, name));
  const allKeys = ORDER.flatMap((k) => KEYS[k]);
  const style = itemStyle(adr, key ? [key, ...allKeys] : allKeys) ?? DEFAULT_STYLE;
  const items = others.map((other) => yamlItem(style, self, other));
  if (key) return appendFrontmatterItems(adr, key, items);
  const position = ORDER.indexOf(kind);
  const earlier = ORDER.slice(0, position).reverse().flatMap((k) => KEYS[k].map((name) => ({ after: name })));
  const later = ORDER.slice(position + 1).flatMap((k) => KEYS[k].map((name) => ({ before: name })));
  const fallback = ['status', 'date', 'title'].map((name) => ({ after: name }));
  return insertFrontmatterPair(adr, `${keySpelling(adr, kind)}: [${items.join(', ')}]`, [...earlier, ...later, ...fallback]);
}

function offsets(node: Nodes): [number, number] | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : [start, end];
}

const RELATION_LINE = /^[\s>*_+-]*(?:\*\*|__)?(?:effectively\s+)?(?:super[sc]ede[sd]|amend(?:s|ed\s+by))\b/i;

const startsWithRelation = (adr: ParsedAdr, node: Nodes): boolean => {
  const at = offsets(node);
  return at !== null && RELATION_LINE.test(adr.text.slice(at[0], at[1]));
};

/** Where body relation lines go, and in which form. */
type BodyPlace = { form: 'section' | 'line'; at: number } | { form: 'bullet'; at: number; prefix: string };

function bodyPlace(adr: ParsedAdr, self: AdrRecord): BodyPlace | null {
  const children = adr.tree.children;
  const statusHeading = children.findIndex((node) => node.type === 'heading' && node.depth >= 2 && /^status$/i.test(toString(node).trim()));
  if (statusHeading >= 0) {
    // After the status paragraph and the relation lines that follow it ("Supersedes:" with its list).
    let last: RootContent = children[statusHeading]!;
    for (let i = statusHeading + 1; i < children.length; i++) {
      const node = children[i]!;
      if (node.type === 'heading') break;
      if (i > statusHeading + 1 && !(node.type === 'paragraph' && startsWithRelation(adr, node))) break;
      last = node;
      const at = offsets(node);
      if (node.type === 'paragraph' && at && /:\s*$/.test(adr.text.slice(at[0], at[1])) && children[i + 1]?.type === 'list') last = children[++i]!;
    }
    const at = offsets(last);
    return at ? { form: 'section', at: at[1] } : null;
  }
  const status = self.status;
  if (!status || status.range[0] < (adr.frontmatter?.blockRange[1] ?? 0)) return null;
  for (const node of children) {
    if (node.type === 'heading' && node.depth >= 2) break;
    if (node.type !== 'list') continue;
    const items = node.children;
    const index = items.findIndex((item) => {
      const at = offsets(item);
      return at !== null && at[0] <= status.range[0] && status.range[1] <= at[1];
    });
    if (index < 0) continue;
    const itemStart = offsets(items[index]!)![0];
    const marker = adr.text.charAt(itemStart);
    let lineStart = itemStart;
    while (lineStart > 0 && !/[\r\n]/.test(adr.text.charAt(lineStart - 1))) lineStart--;
    const indent = adr.text.slice(lineStart, itemStart);
    if (!'-*+'.includes(marker) || !/^[ \t]*$/.test(indent)) return null;
    let last: ListItem = items[index]!;
    for (const item of items.slice(index + 1)) {
      if (!startsWithRelation(adr, item)) break;
      last = item;
    }
    return { form: 'bullet', at: offsets(last)![1], prefix: `${indent}${marker} ` };
  }
  // A "Status: ..." line of its own: the relation goes on the next line.
  let at = status.range[1];
  while (at < adr.text.length && !/[\r\n]/.test(adr.text.charAt(at))) at++;
  return { form: 'line', at };
}

function bodyLine(adr: ParsedAdr, self: AdrRecord, place: BodyPlace, kind: RelationKind, other: AdrRecord): string {
  // adr-tools writes "Superceded by"; a file that does keeps its spelling.
  const spelling = /^[\s>*_+-]*(?:\*\*|__)?(?:effectively\s+)?superced/im.test(adr.text);
  const word = spelling ? WORDS[kind].replace(/Supersed/, 'Superced') : WORDS[kind];
  const stem = basename(other.name).replace(/\.(?:md|markdown)$/i, '');
  const title = other.title ?? stem;
  const number = other.number?.value ?? other.fileNumber;
  const text = place.form !== 'bullet' && number !== null && other.title ? `${number}. ${other.title}` : title;
  const href = encodeDestination(relativeHref(self.folder, other.path));
  return `${word} [${text.replace(/([[\]\\])/g, '\\$1')}](${href})`;
}

/** One edit per missing relation kind (kinds that insert at one place share one edit). */
function missingEdits(adr: ParsedAdr, self: AdrRecord, missing: readonly Missing[]): Map<RelationKind, TextEdit> {
  const edits = new Map<RelationKind, TextEdit>();
  if (adr.unterminatedFrontmatter || (adr.frontmatter && !adr.frontmatter.data)) return edits;
  const byKind = new Map<RelationKind, AdrRecord[]>();
  for (const kind of ORDER) {
    const others = missing.filter((entry) => entry.kind === kind).map((entry) => entry.other);
    if (others.length > 0) byKind.set(kind, others);
  }
  const frontmatter = adr.frontmatter;
  const place = bodyPlace(adr, self);
  const frontmatterStyle =
    frontmatter !== null &&
    (place === null || frontmatterField(frontmatter, 'status') !== null || ORDER.some((kind) => KEYS[kind].some((key) => frontmatterField(frontmatter, key))));
  if (frontmatterStyle) {
    const perKind: Array<[RelationKind, TextEdit]> = [];
    for (const [kind, others] of byKind) {
      const edit = frontmatterEdit(adr, self, kind, others);
      if (edit) perKind.push([kind, edit]);
    }
    // New keys inserted at one place become one edit, so one pass writes them all.
    for (const [kind, edit] of perKind) {
      const atPoint = (other: TextEdit) => other.range[0] === other.range[1] && other.range[0] === edit.range[0];
      const same = atPoint(edit) ? perKind.filter(([, other]) => atPoint(other)) : [];
      edits.set(kind, same.length > 1 ? { range: edit.range, text: same.map(([, other]) => other.text).join('') } : edit);
    }
    return edits;
  }
  if (!place) return edits;
  const eol = lineEnding(adr.text);
  const lines = [...byKind].flatMap(([kind, others]) => others.map((other) => bodyLine(adr, self, place, kind, other)));
  const separator = place.form === 'section' ? `${eol}${eol}` : eol;
  const prefix = place.form === 'bullet' ? place.prefix : '';
  const edit: TextEdit = { range: [place.at, place.at], text: lines.map((line) => `${separator}${prefix}${line}`).join('') };
  for (const kind of byKind.keys()) edits.set(kind, edit);
  return edits;
}

// ---------------------------------------------------------------------------------------------

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
  const word = WORDS[relation.kind];
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

export const check: Rule['check'] = ({ adr, record, set, project, report }) => {
  // The record of the text being linted (checkAdr builds it afresh in a fix pass, where the set
  // still holds the file as read).
  const self = record;
  const index = indexOf(set, project.root);

  const own = self.relations.map((relation) => {
    const resolution = resolveRelation(relation, self, index);
    return { relation, resolution, problem: unresolved(relation, resolution, project, index) };
  });
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
  if (missing.length === 0) return;

  const edits = missingEdits(adr, self, missing);
  for (const entry of missing) {
    const name = relativeHref(self.folder, entry.other.path);
    const keyNode = adr.frontmatter?.data ? KEYS[entry.kind].map((key) => frontmatterField(adr.frontmatter, key)).find(Boolean) : undefined;
    const range: [number, number] = keyNode && adr.frontmatter ? nodeRange(adr.frontmatter, keyNode.pair.key as YamlNode) : (self.status?.range ?? self.h1Range ?? [0, 0]);
    const fix = edits.get(entry.kind);
    const as = entry.renamedFrom ? ` (linking it as "${entry.renamedFrom}")` : '';
    report({ range, message: `${CLAIM[entry.claimed](name)}${as}, but this ADR does not say ${STATES[entry.kind](name)}`, ...(fix ? { fix } : {}) });
  }
};
