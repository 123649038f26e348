// The normalised view of one ADR that set-wide rules and reports read: number, title, status,
// date, supersede/amend relations, links, sections, patterns and format, whatever style the file
// is written in (MADR 3/4 frontmatter, MADR 2 / log4brains bullets, Nygard / adr-tools).
import { basename, dirname } from 'node:path';
import type { Heading, List, Nodes, Paragraph, Parents, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isScalar, isSeq, type Node as YamlNode } from 'yaml';
import GithubSlugger from 'github-slugger';
import type { Catalogue, Pattern } from '../model/catalogue.ts';
import { frontmatterField, keyRange, nodeRange, parseMarkdown } from './parse-adr.ts';
import { startsWithSuccessor } from '../model/status.ts';
import { fileNumber } from '../model/naming.ts';
import type { AdrFormat, AdrRecord, AdrRelation, Field, LintSettings, ParsedAdr, RelationKind } from '../model/types.ts';

/** Slugs of the catalogue patterns the frontmatter declares, in any form, in order, once each. */
export function declaredSlugs(adr: ParsedAdr, catalogue: Catalogue): string[] {
  const slugs: string[] = [];
  for (const ref of adr.patterns) {
    const slug = ref.value === null ? undefined : catalogue.resolve(ref.value)?.pattern.slug;
    if (slug && !slugs.includes(slug)) slugs.push(slug);
  }
  return slugs;
}

function scalarField(adr: ParsedAdr, key: string): Field | null {
  const field = frontmatterField(adr.frontmatter, key);
  const node = field?.node;
  if (!field || !adr.frontmatter || !node || !isScalar(node) || node.value === null) return null;
  const value = typeof node.value === 'string' ? node.value : String(node.source ?? node.value);
  return { value, range: nodeRange(adr.frontmatter, node, keyRange(adr.frontmatter, field.pair)) };
}

// A leading ADR number in a title: "12. Title", "12: Title", "12 - Title", "ADR-0012: Title",
// "ADR-0006 Title" (after an ADR prefix no separator is needed), "0001-Title" (zero-padded, joined
// to the title). A plain number with no separator ("3 replicas for the API") is part of the title.
const TITLE_NUMBER = /^(?:ADR[-_ ]?#?(\d{1,6})(?:\s*[.:]|\s+[-–—])?\s+|(\d{1,6})(?:[.:]|\s+[-–—])\s+|(0\d{1,5})[-_](?=\p{L}))/diu;
// A number left as the template wrote it: "n. Title", "NNNN. Title", "XXXX - Title", "ADR-NNN Title",
// "{number}. Title". A lone n or x only before a dot ("X: the platform" is a title).
const PLACEHOLDER = String.raw`[nx]{2,}|\?+|\{[^}\d]*\}|<[^>\d]*>`;
const TITLE_PLACEHOLDER = new RegExp(String.raw`^(?:ADR[-_ ]?#?(${PLACEHOLDER}|[nx])(?:\s*[.:]|\s+[-–—])?\s+|(${PLACEHOLDER})(?:[.:]|\s+[-–—])\s+|([nx])\.\s+)`, 'diu');

/** The number or placeholder a title starts with: as written, where it is in the title, and where the title proper starts. */
export interface TitleNumber {
  text: string;
  start: number;
  /** Where the title after the number starts. */
  titleStart: number;
  /** A placeholder ("n", "NNNN") rather than digits. */
  placeholder: boolean;
}

export function titleNumber(title: string): TitleNumber | null {
  for (const [pattern, placeholder] of [
    [TITLE_NUMBER, false],
    [TITLE_PLACEHOLDER, true],
  ] as const) {
    const match = pattern.exec(title);
    if (!match) continue;
    const group = [1, 2, 3].find((index) => match[index] !== undefined)!;
    return { text: match[group]!, start: match.indices![group]![0], titleStart: match[0].length, placeholder };
  }
  return null;
}

/** A title without the number or placeholder it starts with. */
export function stripTitleNumber(title: string): string {
  const number = titleNumber(title);
  return number ? title.slice(number.titleStart) : title;
}

/** A title as compared: no surrounding quotes or number, no emphasis marks, one case, single spaces. */
export function comparableTitle(title: string): string {
  const unquoted = title.trim().replace(/^(["'])(.*)\1$/s, '$2').trim();
  return stripTitleNumber(unquoted)
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export { fileNumber } from '../model/naming.ts';

/** Relation keywords as written in prose (adr-tools spells "Superceded"). */
// "Partially supersedes" is not a supersede: the older record still stands, so it is not read.
const RELATION_WORDS: Array<[RegExp, RelationKind]> = [
  [/^(?:effectively\s+)?super[sc]eded\s+by\b/i, 'superseded-by'],
  [/^(?:effectively\s+)?super[sc]edes\b/i, 'supersedes'],
  [/^amended\s+by\b/i, 'amended-by'],
  [/^amends\b/i, 'amends'],
  // "Extends" / "Extended by": the older record stands and is added to, as with an amendment.
  [/^extended\s+by\b/i, 'amended-by'],
  [/^extends\b/i, 'amends'],
];

export const FRONTMATTER_RELATIONS: Array<[string, RelationKind]> = [
  ['supersedes', 'supersedes'],
  ['superseded-by', 'superseded-by'],
  ['superseded_by', 'superseded-by'],
  ['supersededBy', 'superseded-by'],
  ['amends', 'amends'],
  ['amended-by', 'amended-by'],
  ['amended_by', 'amended-by'],
];

// "ADR-0031", "ADR 31", "#31", "0031" in a relation line that has no link. A bare unpadded
// number ("in 2024") is not a reference.
const NUMBER_REFERENCE = /(?:\bADR[- ]?|#)(\d{1,6})\b|\b(0\d{2,5})\b/gi;
// "parts of [ADR 32]", "partially", "in part": the older record still stands.
const PARTIAL = /\b(?:partial(?:ly)?|parts?\s+of|in\s+part)\b/i;

function lineOf(text: string, start: number): [number, number] {
  let end = start;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return [start, end];
}

function offsets(node: { position?: { start: { offset?: number }; end: { offset?: number } } }): [number, number] | null {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? null : [start, end];
}

// "0031-sprayproxy": a file name without its extension.
const FILE_NUMBER = /^(\d{1,6})-/;

/** A reference to another ADR as written: a link target or a number. */
function referenceTarget(raw: string): Pick<AdrRelation, 'target' | 'number'> {
  const text = raw.trim().replace(/^["']|["']$/g, '');
  if (/[/\\]|\.(md|markdown|html?)$/i.test(text)) return { target: text, number: null };
  const match = /^(?:ADR[- ]?|#)?0*(\d{1,6})$/i.exec(text);
  if (match) return { target: null, number: Number(match[1]) };
  // "0031-sprayproxy" without an extension: a file name.
  if (FILE_NUMBER.test(text)) return { target: `${text}.md`, number: null };
  return { target: text, number: null };
}

interface Section {
  heading: Heading;
  title: string;
  range: [number, number];
  content: RootContent[];
}

/** The record's sections: its headings below the title, an H1 after the title among them ("# Context"). */
function sectionsOf(adr: ParsedAdr): Section[] {
  const sections: Section[] = [];
  let current: Section | null = null;
  let titleSeen = false;
  for (const node of adr.tree.children) {
    if (node.type === 'heading' && (node.depth >= 2 || titleSeen)) {
      current = { heading: node, title: toString(node, { includeHtml: false }).trim(), range: offsets(node) ?? [0, 0], content: [] };
      sections.push(current);
    } else if (node.type === 'heading') {
      titleSeen = true;
      current = null;
    } else if (current) {
      current.content.push(node);
    }
  }
  return sections;
}

/** Relations written in body text: a line that starts with a keyword, its links or numbers. */
function bodyRelations(adr: ParsedAdr, nodes: readonly RootContent[], into: AdrRelation[]): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'list') {
      for (const item of node.children) bodyRelations(adr, item.children, into);
      continue;
    }
    if (node.type !== 'paragraph') continue;
    const range = offsets(node);
    if (!range) continue;
    // Each source line of the paragraph on its own: "Superseded by [x](y)" may follow "Accepted".
    const raw = adr.text.slice(range[0], range[1]);
    let lineStart = 0;
    for (const line of raw.split(/\r\n|\r|\n/)) {
      const start = range[0] + lineStart;
      lineStart += line.length + (raw.slice(lineStart + line.length).match(/^(?:\r\n|\r|\n)/)?.[0].length ?? 0);
      const trimmed = line.replace(/^[\s>*_-]*/, '').replace(/\*\*|__/g, '');
      const kind = RELATION_WORDS.find(([pattern]) => pattern.test(trimmed))?.[1];
      if (!kind) continue;
      const lineEnd = start + line.length;
      const links = linksWithin(node, start, lineEnd);
      if (links.length > 0) {
        for (const link of links) into.push({ kind, ...referenceTarget(link.url), raw: link.url, range: link.range });
      } else if (/:\s*$/.test(trimmed) && nodes[i + 1]?.type === 'list') {
        // "Supersedes:" followed by a list of links.
        for (const item of (nodes[i + 1] as List).children) {
          for (const link of linksWithin(item, 0, Number.MAX_SAFE_INTEGER)) {
            const itemStart = offsets(item)?.[0] ?? link.range[0];
            if (PARTIAL.test(adr.text.slice(itemStart, link.range[0]))) continue;
            into.push({ kind, ...referenceTarget(link.url), raw: link.url, range: link.range });
          }
        }
      } else {
        for (const match of line.matchAll(NUMBER_REFERENCE)) {
          const digits = match[1] ?? match[2] ?? '';
          into.push({ kind, target: null, number: Number(digits), raw: match[0], range: [start + match.index, start + match.index + match[0].length] });
        }
      }
    }
  }
}

function linksWithin(node: Nodes, start: number, end: number): Array<{ url: string; range: [number, number] }> {
  const found: Array<{ url: string; range: [number, number] }> = [];
  const visit = (child: Nodes) => {
    if (child.type === 'link') {
      const range = offsets(child);
      if (range && range[0] >= start && range[1] <= end) found.push({ url: child.url, range });
      return;
    }
    if ('children' in child) for (const grandchild of (child as Parents).children) visit(grandchild);
  };
  visit(node);
  return found;
}

/** The value of a `Status:` / `Date:` style line at the top of a paragraph or list item. */
function labelledLine(adr: ParsedAdr, paragraph: Paragraph, label: RegExp): Field | null {
  const range = offsets(paragraph);
  if (!range) return null;
  const [lineStart, lineEnd] = lineOf(adr.text, range[0]);
  const line = adr.text.slice(lineStart, lineEnd);
  const match = label.exec(line);
  if (!match) return null;
  let valueStart = lineStart + match[0].length;
  let valueEnd = lineEnd;
  while (valueEnd > valueStart && /[\s*_]/.test(adr.text.charAt(valueEnd - 1))) valueEnd--;
  while (valueStart < valueEnd && /[\s*_]/.test(adr.text.charAt(valueStart))) valueStart++;
  // An HTML comment after the value ("accepted <!-- optional -->") is not part of it.
  const comment = adr.text.slice(valueStart, valueEnd).indexOf('<!--');
  if (comment >= 0) {
    valueEnd = valueStart + comment;
    while (valueEnd > valueStart && /\s/.test(adr.text.charAt(valueEnd - 1))) valueEnd--;
  }
  if (valueEnd <= valueStart) return null;
  return { value: adr.text.slice(valueStart, valueEnd), range: [valueStart, valueEnd] };
}

// The labels of a status or date line (and of a Status heading) in the languages MADR and Nygard
// templates are written in: "* Statut : accepté" (fr), "- Estado: aceptado" (es, pt),
// "* Datum: 2024-01-05" (de, nl), "Stato" (it). English "Status" alone marks the MADR 2 format,
// whose headings are English: a translated record is held to its folder's template, not MADR's.
export const STATUS_LABELS = 'status|statut|estado|stato';
const DATE_LABELS = 'date|fecha|datum';
const labelLine = (labels: string) => new RegExp(`^\\s*(?:[-*+]\\s+)?(?:\\*\\*|__)?(?:${labels})(?:\\*\\*|__)?\\s*:\\s*(?:\\*\\*|__)?`, 'i');
const STATUS_LABEL = labelLine(STATUS_LABELS);
const ENGLISH_STATUS_LABEL = labelLine('status');
const DATE_LABEL = labelLine(DATE_LABELS);
const STATUS_HEADING = new RegExp(`^(?:${STATUS_LABELS})\\s*:?$`, 'i');

/** Whether a header paragraph is a list item's ("- Status: accepted", MADR 2) rather than a line of its own. */
function inList(adr: ParsedAdr, paragraph: Paragraph): boolean {
  return adr.tree.children.some((node) => node.type === 'list' && node.children.some((item) => item.children.includes(paragraph)));
}

/** Paragraphs before the first section (an H2, or an H1 after the title): the title's metadata lines and MADR 2 bullets. */
function headerParagraphs(adr: ParsedAdr): Paragraph[] {
  const found: Paragraph[] = [];
  let titleSeen = false;
  for (const node of adr.tree.children) {
    if (node.type === 'heading' && (node.depth >= 2 || titleSeen)) break;
    if (node.type === 'heading') titleSeen = true;
    if (node.type === 'paragraph') found.push(node);
    if (node.type === 'list') for (const item of node.children) for (const child of item.children) if (child.type === 'paragraph') found.push(child);
  }
  return found;
}

/**
 * The Status section: an H2 (or deeper) "Status" heading, or an H1 one after the title (sets that
 * write every section as H1), with the nodes up to the next heading.
 */
function statusHeadingSection(adr: ParsedAdr): { title: string; content: RootContent[] } | null {
  const children = adr.tree.children;
  let titleSeen = false;
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    if (node.type !== 'heading') continue;
    const isTitle = node.depth === 1 && !titleSeen;
    if (node.depth === 1) titleSeen = true;
    const title = toString(node, { includeHtml: false }).trim();
    if (isTitle || !STATUS_HEADING.test(title)) continue;
    let end = i + 1;
    while (end < children.length && children[end]!.type !== 'heading') end++;
    return { title, content: children.slice(i + 1, end) };
  }
  return null;
}

function firstParagraphLine(adr: ParsedAdr, nodes: readonly RootContent[]): Field | null {
  for (const node of nodes) {
    const paragraph = node.type === 'paragraph' ? node : node.type === 'list' ? node.children[0]?.children.find((c) => c.type === 'paragraph') : undefined;
    if (!paragraph) continue;
    const range = offsets(paragraph);
    if (!range) continue;
    const [start, end] = lineOf(adr.text, range[0]);
    let valueStart = start;
    let valueEnd = end;
    while (valueStart < valueEnd && /[\s*_>-]/.test(adr.text.charAt(valueStart))) valueStart++;
    while (valueEnd > valueStart && /[\s*_]/.test(adr.text.charAt(valueEnd - 1))) valueEnd--;
    if (valueEnd > valueStart) return { value: adr.text.slice(valueStart, valueEnd), range: [valueStart, valueEnd] };
  }
  return null;
}

const MADR_HEADINGS = /^(context and problem statement|considered options|decision outcome|decision drivers|pros and cons of the options)$/i;

// Nygard's own headings: with a Nygard head (a Status section, a numbered title or a `Date:` line),
// they keep a record Nygard even when it adds a MADR heading such as "Considered Options".
const NYGARD_CONTEXT = /^context$/i;
const NYGARD_DECISION = /^decisions?$/i;

function detectFormat(adr: ParsedAdr, sections: Section[], bulletStatus: boolean, nygardHead: boolean): AdrFormat {
  const nygardBody = sections.some((section) => NYGARD_CONTEXT.test(section.title)) && sections.some((section) => NYGARD_DECISION.test(section.title));
  if (nygardBody && nygardHead && !bulletStatus) return 'nygard';
  if (sections.some((section) => MADR_HEADINGS.test(section.title))) return bulletStatus ? 'madr2' : 'madr';
  if (bulletStatus) return 'madr2';
  if (nygardHead) return 'nygard';
  // Frontmatter over a Nygard body (Context, Decision, Consequences) is still Nygard.
  if (sections.some((section) => /^consequences?$/i.test(section.title)) && sections.some((section) => /^context$/i.test(section.title))) return 'nygard';
  if (adr.frontmatter) return 'madr';
  return 'unknown';
}

/** GitHub's heading anchors ("## Decision Outcome" → "decision-outcome"), duplicates numbered. */
export function headingAnchors(adr: Pick<ParsedAdr, 'tree' | 'text'>): string[] {
  const slugger = new GithubSlugger();
  const anchors: string[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'heading') anchors.push(slugger.slug(toString(node)));
    else if ('children' in node) for (const child of (node as Parents).children) visit(child);
  };
  visit(adr.tree);
  // Explicit HTML anchors: <a name="x"></a>, <a id="x">.
  for (const match of adr.text.matchAll(/<a\s+(?:name|id)=["']([^"']+)["']/gi)) anchors.push(match[1]!);
  return anchors;
}

/** Heading anchors of any markdown text (a link target that is not an ADR). */
export function markdownAnchors(_path: string, text: string): string[] {
  const body = text.replace(/^\uFEFF/, '');
  return headingAnchors({ tree: parseMarkdown(body), text: body });
}

export function buildRecord(adr: ParsedAdr, catalogue: Catalogue): AdrRecord {
  const name = basename(adr.path);
  const h1s = adr.tree.children.filter((node): node is Heading => node.type === 'heading' && node.depth === 1);
  const h1 = h1s[0];
  const h1Text = h1 ? toString(h1).trim() : null;
  const h1Range = h1 ? offsets(h1) : null;
  const frontmatterTitle = scalarField(adr, 'title');
  const titleSource = h1Text ?? frontmatterTitle?.value ?? null;
  const titleMatch = titleSource ? titleNumber(titleSource) : null;
  const sections = sectionsOf(adr);

  // Status: frontmatter, else a "Status:" line or bullet under the title, else the Status section.
  let status = scalarField(adr, 'status');
  let bulletStatus = false;
  const header = headerParagraphs(adr);
  if (!status) {
    for (const paragraph of header) {
      status = labelledLine(adr, paragraph, STATUS_LABEL);
      if (status) {
        bulletStatus = inList(adr, paragraph) && ENGLISH_STATUS_LABEL.test(adr.text.slice(...lineOf(adr.text, offsets(paragraph)![0])));
        break;
      }
    }
  }
  const statusSection = statusHeadingSection(adr);
  if (!status && statusSection) status = firstParagraphLine(adr, statusSection.content);

  let date = scalarField(adr, 'date');
  let dateLine = false;
  if (!date) {
    for (const paragraph of header) {
      if ((date = labelledLine(adr, paragraph, DATE_LABEL))) {
        dateLine = !inList(adr, paragraph);
        break;
      }
    }
  }

  const relations: AdrRelation[] = [];
  for (const [key, kind] of FRONTMATTER_RELATIONS) {
    const field = frontmatterField(adr.frontmatter, key);
    if (!field || !adr.frontmatter) continue;
    const node = field.node;
    const items: YamlNode[] = node && isSeq(node) ? (node.items as YamlNode[]) : node ? [node] : [];
    for (const item of items) {
      if (!isScalar(item) || item.value === null || item.value === '') continue;
      const raw = typeof item.value === 'string' ? item.value : String(item.source ?? item.value);
      relations.push({ kind, ...referenceTarget(raw), raw, range: nodeRange(adr.frontmatter, item), inFrontmatter: true });
    }
  }
  // Relations in the status value itself ("superseded by ADR-0012", "accepted; supersedes ADR-0045",
  // "superseded by [20201016-x](20201016-x.md)").
  if (status) {
    let offset = 0;
    for (const part of status.value.split(';')) {
      // "Replaced by ADR-0012", "remplacé par [ADR 5](...)": a superseded synonym names the successor too.
      const kind = RELATION_WORDS.find(([pattern]) => pattern.test(part.replace(/[*_]/g, '').trim()))?.[1] ?? (startsWithSuccessor(part) ? 'superseded-by' : undefined);
      const start = status.range[0] + offset;
      const end = start + part.length;
      if (kind) {
        const links = adr.links.filter((link) => link.range[0] >= start && link.range[1] <= end);
        for (const link of links) relations.push({ kind, ...referenceTarget(link.url), raw: link.url, range: link.range });
        if (links.length === 0) {
          for (const match of part.matchAll(NUMBER_REFERENCE)) {
            const at = start + match.index;
            relations.push({ kind, target: null, number: Number(match[1] ?? match[2]), raw: match[0], range: [at, at + match[0].length] });
          }
        }
      }
      offset += part.length + 1;
    }
  }
  bodyRelations(adr, adr.tree.children, relations);

  // An English Status section is Nygard's; a translated one ("Statut") holds the record to its folder's template.
  const nygardHead = Boolean(statusSection && /^status\b/i.test(statusSection.title)) || dateLine || Boolean(h1Text && titleNumber(h1Text));
  const format = detectFormat(adr, sections, bulletStatus, nygardHead);

  return {
    path: adr.path,
    folder: dirname(adr.path),
    name,
    format,
    fileNumber: fileNumber(name),
    number: titleMatch && !titleMatch.placeholder ? numberInFile(adr, titleMatch.text, h1Text !== null ? h1Range : (frontmatterTitle?.range ?? null)) : null,
    title: titleSource ? stripTitleNumber(titleSource).trim() : null,
    h1Count: h1s.length,
    h1Range,
    frontmatterTitle,
    status,
    date,
    relations: dedupeRelations(relations),
    sections: sections.map((section) => ({ title: section.title, range: section.range })),
    anchors: headingAnchors(adr),
    links: adr.links.map((link) => ({ url: link.url, range: link.range })),
    images: adr.images.map((image) => ({ url: image.url, range: image.range })),
    patterns: declaredSlugs(adr, catalogue),
    ...mentionedSlugs(adr),
    ...(adr.directives.length > 0 ? { directives: adr.directives } : {}),
  };
}

/** The patterns the body mentions as used, once each, as the record's `mentioned` (absent when none). */
function mentionedSlugs(adr: ParsedAdr): Pick<AdrRecord, 'mentioned'> {
  const slugs = [...new Set(adr.mentions.filter((mention) => !mention.rejected).map((mention) => mention.slug))];
  return slugs.length > 0 ? { mentioned: slugs } : {};
}

/** The number written in a title, with the range of its digits in the file. */
function numberInFile(adr: ParsedAdr, digits: string, titleRange: [number, number] | null): AdrRecord['number'] {
  const at = titleRange ? adr.text.indexOf(digits, titleRange[0]) : -1;
  const range: [number, number] = at >= 0 && titleRange && at < titleRange[1] ? [at, at + digits.length] : (titleRange ?? [0, 0]);
  return { value: Number(digits), text: digits, range };
}

function dedupeRelations(relations: AdrRelation[]): AdrRelation[] {
  const seen = new Set<string>();
  return relations.filter((relation) => {
    const key = `${relation.kind}:${relation.range[0]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');

/** Where a pattern link points: the configured template, else the pattern's own page. */
export function patternLinkTarget(pattern: Pattern, settings: Pick<LintSettings, 'linkTemplate'>): string | null {
  if (settings.linkTemplate) {
    return settings.linkTemplate
      .replace(/\{slug\}/g, pattern.slug)
      .replace(/\{code\}/g, pattern.code ?? pattern.slug)
      .replace(/\{category\}/g, slugify(pattern.category));
  }
  return pattern.url;
}
