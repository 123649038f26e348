// What an ADR set does by its own habit, read before it is judged: whether it declares `patterns`,
// and what its template file (the folder's `template.md`, `0000-adr-template.md`, ...) asks for.
// Read from the folder's raw texts, before any ADR is parsed, so that workers and the cache can be
// given it as plain data. Rules read it from `context.conventions`; explicit config always wins.
import { createHash } from 'node:crypto';
import type { Heading, Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdown } from './parse-adr.ts';
import { TooComplexError } from './complexity.ts';
import { headingIsSection, sectionHeadingsOfText, sectionNames } from '../model/sections.ts';
import { patternLinkTarget, STATUS_LABELS } from './record.ts';
import { existingTarget, isExternalUrl, resolveLinkPath, splitUrl } from './link-targets.ts';
import type { Catalogue } from '../model/catalogue.ts';
import type { AdrRecord, FolderTemplate, ProjectIndex, SetConventions, TemplateSection } from '../model/types.ts';

export type { FolderTemplate, SetConventions, TemplateSection };

export const NO_CONVENTIONS: SetConventions = Object.freeze({ patternsAdopted: false, template: null });

// A `patterns:` key at the top level of a frontmatter block.
const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
const PATTERNS_KEY = /^patterns[ \t]*:/m;

/** Whether an ADR's text declares `patterns` in its frontmatter (without parsing it). */
export function declaresPatterns(source: string): boolean {
  const block = FRONTMATTER.exec(source.slice(0, 64 * 1024));
  return block !== null && PATTERNS_KEY.test(block[1]!);
}

export interface FolderFile {
  path: string;
  source: string;
}

/** The conventions of one folder: its ADRs' texts and, when it has one, its template file. */
export function folderConventions(adrs: readonly FolderFile[], template: FolderFile | null): SetConventions {
  return {
    patternsAdopted: adrs.some((adr) => declaresPatterns(adr.source)),
    template: template ? templateOf(template, adrs) : null,
  };
}

function templateOf(file: FolderFile, adrs: readonly FolderFile[]): FolderTemplate | null {
  try {
    return withSetUsage(readTemplate(file), adrs);
  } catch (error) {
    // A template too complex to parse tells nothing; the set is judged without one.
    if (error instanceof TooComplexError) return null;
    throw error;
  }
}

// A set this small has no habit to read: its template is followed as written.
const MIN_RECORDS_FOR_HABIT = 3;

/** The template's sections, each marked dropped when fewer than half of the folder's records write it. */
function withSetUsage(template: FolderTemplate, adrs: readonly FolderFile[]): FolderTemplate {
  if (adrs.length < MIN_RECORDS_FOR_HABIT) return template;
  const headings = adrs.map((adr) => sectionHeadingsOfText(adr.source));
  const sections = template.sections.map((section) => {
    const names = sectionNames(section.title);
    const writers = headings.filter((record) => record.some((heading) => headingIsSection(heading, names))).length;
    return { ...section, droppedBySet: writers * 2 < adrs.length };
  });
  return { ...template, sections };
}

/**
 * Conventions when only records are known (an in-memory lint without the folder's texts), and the
 * text of the ADR being linted: its own `patterns` key adopts them, whatever it declares.
 */
export function conventionsOfRecords(set: readonly AdrRecord[], linted?: { text: string }): SetConventions {
  return { patternsAdopted: set.some((record) => record.patterns.length > 0) || (linted !== undefined && declaresPatterns(linted.text)), template: null };
}

/** What telling the missing pattern pages of a folder takes: the config's template, the catalogue, the files around. */
export interface PatternPageCheck {
  linkTemplate: string | null;
  catalogue: Catalogue;
  project: ProjectIndex;
}

/**
 * Slugs of the catalogue patterns whose linkTemplate page, resolved from `folder`, is not there:
 * pattern-link does not write a link that adr-link would then report. Empty when the template names
 * no file (a URL, or no template).
 */
export function missingPatternPages(folder: string, { linkTemplate, catalogue, project }: PatternPageCheck): string[] {
  if (linkTemplate === null || isExternalUrl(linkTemplate)) return [];
  return catalogue.patterns
    .filter((pattern) => {
      const { path } = splitUrl(patternLinkTarget(pattern, { linkTemplate }) ?? '');
      return path !== '' && existingTarget(resolveLinkPath(path, folder, project.root), project) === null;
    })
    .map((pattern) => pattern.slug);
}

/** A folder's conventions with the pattern pages its links would miss, when there are any. */
export function withPatternPages(conventions: SetConventions, folder: string, check: PatternPageCheck | undefined): SetConventions {
  const missing = check ? missingPatternPages(folder, check) : [];
  return missing.length > 0 ? { ...conventions, missingPatternPages: missing } : conventions;
}

/** A short, stable digest of conventions: cached file-rule problems are valid only under the same ones. */
export function conventionsFingerprint(conventions: SetConventions): string {
  if (!conventions.patternsAdopted && !conventions.template && !conventions.missingPatternPages) return '';
  return createHash('sha1').update(JSON.stringify(conventions)).digest('base64url').slice(0, 16);
}

// "{Title}", "[short title of solved problem]", "<title>": a heading that is only a placeholder.
export const PLACEHOLDER = /^\s*(?:\{[^}]*\}|\[[^\]]*\]|<[^>]*>)\s*$/;
const OPTIONAL = /\b(?:optional|optionnel(?:le)?s?|opcional|optionale?|facoltativ[oa])\b/i;

function headingDepthTitle(node: Heading): string {
  return toString(node, { includeHtml: false }).trim();
}

function htmlText(node: Nodes | undefined): string {
  return node && node.type === 'html' ? node.value : '';
}

/** Whether the template marks a heading optional: a comment in the heading or just before it. */
function markedOptional(heading: Heading, before: RootContent | undefined): boolean {
  const inHeading = heading.children.some((child) => child.type === 'html' && OPTIONAL.test(child.value));
  return inHeading || OPTIONAL.test(htmlText(before)) || OPTIONAL.test(headingDepthTitle(heading));
}

function readTemplate(file: FolderFile): FolderTemplate {
  const text = file.source.replace(/^\uFEFF/, '');
  const tree = parseMarkdown(text);
  const sections: TemplateSection[] = [];
  const titlePlaceholders: string[] = [];
  let h1Count = 0;
  tree.children.forEach((node, index) => {
    if (node.type !== 'heading' || node.depth > 2) return;
    const title = headingDepthTitle(node);
    if (node.depth === 1 && PLACEHOLDER.test(title)) titlePlaceholders.push(title);
    if (node.depth === 1 && ++h1Count === 1) return;
    if (!title || PLACEHOLDER.test(title)) return;
    sections.push({ title: title.replace(OPTIONAL_SUFFIX, '').trim(), depth: node.depth, optional: markedOptional(node, tree.children[index - 1]), droppedBySet: false });
  });
  return { path: file.path, sections, statuses: templateStatuses(text), statusesOpen: templateStatusesOpen(text), h1Count, titlePlaceholders };
}

// "(optional)" written into the heading text itself.
const OPTIONAL_SUFFIX = /\s*\((?:optional|optionnel|opcional|optional)\)\s*$/i;

// The status line of a template: frontmatter `status:`, a `Status:` / `* Statut :` line, or the
// first line under a `## Status` heading.
// A commented-out frontmatter key counts too ("# status: {proposed | ...}", MADR 4's template).
const STATUS_LINE = new RegExp(`^[ \\t]*(?:#[ \\t]*)?(?:[-*+][ \\t]+)?(?:\\*\\*|__)?(?:${STATUS_LABELS})(?:\\*\\*|__)?[ \\t]*:[ \\t]*(.+)$`, 'im');
const STATUS_HEADING = new RegExp(`^#{1,6}[ \\t]+(?:${STATUS_LABELS})[ \\t]*#*[ \\t]*\\r?\\n(?:[ \\t]*\\r?\\n)*(.+)$`, 'im');

function statusLine(text: string): string | null {
  const line = STATUS_LINE.exec(text)?.[1] ?? STATUS_HEADING.exec(text)?.[1];
  return line && line.includes('|') ? line : null;
}

/** Whether the template's list of statuses ends open ("proposed | accepted | … | superseded"): other words are welcome. */
export function templateStatusesOpen(text: string): boolean {
  const line = statusLine(text);
  return line !== null && /…|\.\.\.|\betc\b/i.test(line);
}

/** The statuses a template offers: "{proposed | rejected | accepted | ... | superseded by ADR-0123}". */
export function templateStatuses(text: string): string[] | null {
  const line = statusLine(text);
  if (!line) return null;
  const value = line
    .replace(/<!--.*?-->/g, '')
    .trim()
    .replace(/^["'`]+|["'`]+$/g, '')
    .replace(/^[{[(<]+|[}\])>]+$/g, '');
  const statuses: string[] = [];
  for (const part of value.split('|')) {
    // "superseded by [ADR-0005](0005-example.md)", "remplacé par 0123-ADR-description": the words only.
    const words = /^[\s"'`{[]*([\p{L}][\p{L}' -]*[\p{L}])/u.exec(part)?.[1]?.trim();
    const status = words?.replace(/[\s-]+adr$/i, '');
    if (status && !statuses.some((known) => known.toLowerCase() === status.toLowerCase())) statuses.push(status);
  }
  return statuses.length >= 2 ? statuses : null;
}
