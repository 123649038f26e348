// The normalised view of one ADR that set-wide rules and reports read: number, title, status,
// date, supersede/amend relations, links, sections, patterns and format, whatever style the file
// is written in (MADR 3/4 frontmatter, MADR 2 / log4brains bullets, Nygard / adr-tools).
// One builder: from a full parse, or as a fast path from a parse of the file's head only
// (src/parse/record-head.ts), whose other fields the builder then reads from a full parse on first use.
import { basename, dirname } from 'node:path';
import type { Heading, Nodes, Paragraph, Parents, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { isScalar } from 'yaml';
import GithubSlugger from 'github-slugger';
import type { Catalogue, Pattern } from '../model/catalogue.ts';
import { parseMarkdown } from './parse-adr.ts';
import { frontmatterField, keyRange, nodeRange } from './frontmatter.ts';
import { fileNumber } from '../model/naming.ts';
import type { AdrFormat, AdrRecord, Field, LintSettings, ParsedAdr } from '../model/types.ts';
import { lineOf, offsets } from './node-range.ts';
import { relationsOf } from './record-relations.ts';
import { stripTitleNumber, titleNumber } from './record-title.ts';
import { withBodyOnDemand } from './record-body.ts';

export { fileNumber } from '../model/naming.ts';

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
  return anchorPlaces(adr).map((place) => place.anchor);
}

/** Each anchor of the file (its headings', then explicit HTML ones) and the offset of what it names. */
export function anchorPlaces(adr: Pick<ParsedAdr, 'tree' | 'text'>): Array<{ anchor: string; offset: number }> {
  const slugger = new GithubSlugger();
  const places: Array<{ anchor: string; offset: number }> = [];
  const visit = (node: Nodes) => {
    if (node.type === 'heading') places.push({ anchor: slugger.slug(toString(node)), offset: node.position?.start.offset ?? 0 });
    else if ('children' in node) for (const child of (node as Parents).children) visit(child);
  };
  visit(adr.tree);
  // Explicit HTML anchors: <a name="x"></a>, <a id="x">.
  for (const match of adr.text.matchAll(/<a\s+(?:name|id)=["']([^"']+)["']/gi)) places.push({ anchor: match[1]!, offset: match.index });
  return places;
}

/** Heading anchors of any markdown text (a link target that is not an ADR). */
export function markdownAnchors(_path: string, text: string): string[] {
  const body = text.replace(/^\uFEFF/, '');
  return headingAnchors({ tree: parseMarkdown(body), text: body });
}

/**
 * The record of a parsed ADR. With `full`, `adr` is the parse of the file's head only: the fields
 * a head tells exactly (name, numbers, title, date, relations) are read from it, and the others from
 * `full()` (the whole file parsed) when something first reads them.
 */
export function buildRecord(adr: ParsedAdr, catalogue: Catalogue, full?: () => ParsedAdr): AdrRecord {
  const record = recordOf(adr, catalogue);
  return full ? resumedRecord(record, catalogue, full) : record;
}

/** A record built from a head before (kept in the cache), its other fields read from `full()` on first use. */
export function resumedRecord(head: AdrRecord, catalogue: Catalogue, full: () => ParsedAdr): AdrRecord {
  return withBodyOnDemand(head, () => recordOf(full(), catalogue));
}

/**
 * A record kept whole before (in the cache): its body from `kept()`, or from `full()` when that
 * gives none; its disable directives, which every linted file's problems go through, as kept with the head.
 */
export function storedRecord(head: AdrRecord, catalogue: Catalogue, kept: () => AdrRecord | null, full: () => ParsedAdr): AdrRecord {
  return withBodyOnDemand(head, () => kept() ?? recordOf(full(), catalogue), { directives: head.directives });
}

function recordOf(adr: ParsedAdr, catalogue: Catalogue): AdrRecord {
  const name = basename(adr.path);
  const title = titleOf(adr);
  const sections = sectionsOf(adr);
  const header = headerParagraphs(adr);
  const statusSection = statusHeadingSection(adr);
  const { status, bulletStatus } = statusOf(adr, header, statusSection);
  const { date, dateLine } = dateOf(adr, header);
  // An English Status section is Nygard's; a translated one ("Statut") holds the record to its folder's template.
  const nygardHead = Boolean(statusSection && /^status\b/i.test(statusSection.title)) || dateLine || Boolean(title.h1Text && titleNumber(title.h1Text));
  return {
    path: adr.path,
    folder: dirname(adr.path),
    name,
    format: detectFormat(adr, sections, bulletStatus, nygardHead),
    fileNumber: fileNumber(name),
    number: title.number && !title.number.placeholder ? numberInFile(adr, title.number.text, title.h1Text !== null ? title.h1Range : (title.frontmatterTitle?.range ?? null)) : null,
    title: title.source ? stripTitleNumber(title.source).trim() : null,
    h1Count: title.h1Count,
    h1Range: title.h1Range,
    frontmatterTitle: title.frontmatterTitle,
    status,
    date,
    relations: relationsOf(adr, status),
    sections: sections.map((section) => ({ title: section.title, range: section.range })),
    anchors: headingAnchors(adr),
    links: adr.links.map((link) => ({ url: link.url, range: link.range })),
    images: adr.images.map((image) => ({ url: image.url, range: image.range })),
    patterns: declaredSlugs(adr, catalogue),
    ...mentionedSlugs(adr),
    ...(adr.directives.length > 0 ? { directives: adr.directives } : {}),
  };
}

/** The title: the first H1's text, else the frontmatter `title`, and the number it starts with. */
function titleOf(adr: ParsedAdr) {
  const h1s = adr.tree.children.filter((node): node is Heading => node.type === 'heading' && node.depth === 1);
  const h1 = h1s[0];
  const h1Text = h1 ? toString(h1).trim() : null;
  const frontmatterTitle = scalarField(adr, 'title');
  const source = h1Text ?? frontmatterTitle?.value ?? null;
  return { h1Count: h1s.length, h1Text, h1Range: h1 ? offsets(h1) : null, frontmatterTitle, source, number: source ? titleNumber(source) : null };
}

/** Status: frontmatter, else a "Status:" line or bullet under the title, else the Status section. */
function statusOf(adr: ParsedAdr, header: readonly Paragraph[], statusSection: { content: RootContent[] } | null): { status: Field | null; bulletStatus: boolean } {
  const status = scalarField(adr, 'status');
  if (status) return { status, bulletStatus: false };
  for (const paragraph of header) {
    const line = labelledLine(adr, paragraph, STATUS_LABEL);
    if (line) return { status: line, bulletStatus: inList(adr, paragraph) && ENGLISH_STATUS_LABEL.test(adr.text.slice(...lineOf(adr.text, offsets(paragraph)![0]))) };
  }
  return { status: statusSection ? firstParagraphLine(adr, statusSection.content) : null, bulletStatus: false };
}

/** Date: frontmatter, else a "Date:" line or bullet under the title (a line of its own marks a Nygard head). */
function dateOf(adr: ParsedAdr, header: readonly Paragraph[]): { date: Field | null; dateLine: boolean } {
  const date = scalarField(adr, 'date');
  if (date) return { date, dateLine: false };
  for (const paragraph of header) {
    const line = labelledLine(adr, paragraph, DATE_LABEL);
    if (line) return { date: line, dateLine: !inList(adr, paragraph) };
  }
  return { date: null, dateLine: false };
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
