import { basename } from 'node:path';
import { toString } from 'mdast-util-to-string';
import type { Nodes, Parents } from 'mdast';
import type { AdrRecord, FolderTemplate, ParsedAdr, Rule, SetConventions } from '../src/model/types.ts';
import { ruleDocsUrl } from '../src/model/rule-docs-url.ts';
import { headingIsSection, normaliseHeading, optionHeadingsAt, sectionNames } from '../src/model/sections.ts';

export interface Options {
  /** auto: per file from its format; madr; nygard; or a list of section names, in order. */
  template?: 'auto' | 'madr' | 'nygard' | string[];
}

export const meta = {
  id: 'adr-sections',
  description: 'The sections the ADR template requires are there, in order',
  defaultSeverity: 'warn',
  fixable: false,
  scope: 'file',
  docs: {
    url: ruleDocsUrl('adr-sections'),
    why: 'A template is a checklist: the context says why a decision was needed, the decision what was chosen, the consequences what it costs. A record without one of them leaves readers guessing, and sections in the usual order are found at a glance. The checklist is the set’s own: a folder’s template file (`template.md`, `0000-adr-template.md`, `adr-template.md`, ...) says which sections its records need and in what order, in the set’s language, before any built-in template. A section the template marks optional (`<!-- optional -->`, “optionnel”) is placed but never required, and so is one the set has consistently dropped: when a folder has 3 records or more and fewer than half of them write a template section, that is how the team works, not a mistake in each record, and reporting it everywhere would only be noise.',
    wrong: '# 5. Publish order events to Kafka\n\n## Status\n\nAccepted\n\n## Decision\n\nWe publish every order event to Kafka.\n\n## Context\n\nThree services poll the orders table.\n',
    right:
      '# 5. Publish order events to Kafka\n\n## Status\n\nAccepted\n\n## Context\n\nThree services poll the orders table.\n\n## Decision\n\nWe publish every order event to Kafka.\n\n## Consequences\n\nConsumers must handle duplicates.\n',
  },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      template: {
        type: ['string', 'array'],
        anyOf: [
          { type: 'string', enum: ['auto', 'madr', 'nygard'] },
          { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
        ],
        default: 'auto',
        description:
          '`madr` (Context and Problem Statement, Considered Options, Decision Outcome; Decision Drivers, Consequences, Confirmation, Pros and Cons and More Information are optional), `nygard` (Status, Context, Decision, Consequences; a Status may be a frontmatter field or a `Status:` line instead), a list of section names in order, or `auto`. In `auto`, the folder’s template file sets the sections (its H2s, and H1s after its title), minus those it marks optional and those fewer than half of the folder’s records write (with 3 records or more); without one, madr or nygard from each file’s format (a Nygard record, with a Status section, a numbered title or a `Date:` line, stays Nygard when it adds a section such as Considered Options). In `auto`, a file of no known format is not checked, nor one whose only sign of a format is a frontmatter and that has no sections. Headings match by meaning: numbering, case, accents, a trailing colon and the usual synonyms in English, French, German, Spanish, Portuguese and Italian do not matter, and a combined heading (“Considered Options and Decision Outcome”) is each section it names. An H1 after the title is a section (adr-title reports its level). A record with no sections whose short body links to the real document is a stub and is not checked.',
      },
    },
  },
} satisfies Rule['meta'];

/** The built-in templates' required sections (`adrlint init` names them too). */
export const TEMPLATES: Record<'madr' | 'nygard', string[]> = {
  madr: ['Context and Problem Statement', 'Considered Options', 'Decision Outcome'],
  nygard: ['Status', 'Context', 'Decision', 'Consequences'],
};

// MADR's core headings make a file MADR whatever else it has; others that only MADR uses
// ("Considered Options", "Decision Drivers") do not, when the body is otherwise Nygard's.
const MADR_CORE = ['context and problem statement', 'decision outcome'];
const NYGARD_CONCEPTS = ['status', 'context', 'decision', 'consequences'];

interface TemplateSection {
  title: string;
  /** Reported when missing (a section the template marks optional, or the set dropped, is not). */
  required: boolean;
}

interface Template {
  /** How messages name it: "the madr template", "the folder's template template.md". */
  label: string;
  sections: TemplateSection[];
  /** Extra H1s are the set's habit (its template has several): adr-title does not report them. */
  h1Habit: boolean;
}

function builtIn(name: 'madr' | 'nygard' | 'configured', titles: readonly string[]): Template {
  return { label: `${name} template`, sections: titles.map((title) => ({ title, required: true })), h1Habit: false };
}

/** The folder's template file, when it has sections: every one is placed, the required ones reported missing. */
function folderTemplate(template: FolderTemplate | null): Template | null {
  if (!template || template.sections.length === 0) return null;
  return {
    label: `folder's template ${basename(template.path)}`,
    sections: template.sections.map((section) => ({ title: section.title, required: !section.optional && !section.droppedBySet })),
    h1Habit: template.h1Count > 1,
  };
}

/** The template of a file: the option, else the folder's template file, else in auto mode its format. */
function templateOf(record: AdrRecord, headings: readonly string[], option: Options['template'], conventions: SetConventions): Template | null {
  if (Array.isArray(option)) return builtIn('configured', option);
  if (option === 'madr' || option === 'nygard') return builtIn(option, TEMPLATES[option]);
  const own = folderTemplate(conventions.template);
  if (own) return own;
  if (record.format === 'nygard') return builtIn('nygard', TEMPLATES.nygard);
  if (record.format === 'madr2') return builtIn('madr', TEMPLATES.madr);
  if (record.format !== 'madr') return null;
  if (headings.some((heading) => MADR_CORE.includes(heading))) return builtIn('madr', TEMPLATES.madr);
  // A frontmatter alone makes the record call a file MADR; a Nygard body under it is Nygard.
  const nygard = NYGARD_CONCEPTS.filter((concept) => headings.some((heading) => headingIsSection(heading, sectionNames(concept))));
  if (nygard.length >= 2) return builtIn('nygard', TEMPLATES.nygard);
  return headings.length > 0 ? builtIn('madr', TEMPLATES.madr) : null;
}

// A stub's body: a short text whose point is a link ("Moved to [the wiki](...)", "See [ADR 12 of
// the platform](...)"): it says it points elsewhere, or the links make up much of it. Its
// "Status:" / "Date:" lines are not part of it.
const STUB_MAX_TEXT = 300;
const STUB_LINK_SHARE = 1 / 3;
const BARE_URL = /(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|\bwww\.)[^\s<>]+/g;
const POINTER = /\b(?:see|moved|migrated|documented|recorded|described|kept|lives|voir|d[ée]plac[ée]e?|document[ée]e?|d[ée]crite?|siehe|verschoben|dokumentiert|movido|documentad[oa])\b/i;
const METADATA_LINE = /^[\p{L} ]{1,24}:(?:[ \t][^\n]*)?$/u;

/** A node's text with its links left out. */
function unlinkedText(node: Nodes): string {
  if (node.type === 'link' || node.type === 'linkReference') return '';
  if ('children' in node) return (node as Parents).children.map((child) => unlinkedText(child)).join(node.type === 'list' ? '\n' : '');
  return toString(node);
}

/** A record with no sections whose short body only points elsewhere. */
function isPointerStub(adr: ParsedAdr, record: AdrRecord): boolean {
  if (record.sections.length > 0) return false;
  const body = adr.tree.children.filter((node) => ['paragraph', 'list', 'blockquote'].includes(node.type) && !METADATA_LINE.test(toString(node).trim()));
  const text = body.map((node) => toString(node)).join('\n').trim();
  if (!text || text.length > STUB_MAX_TEXT) return false;
  const unlinked = body.map((node) => unlinkedText(node)).join('\n');
  const prose = unlinked.replace(BARE_URL, '').trim();
  if (prose.length === text.length) return false;
  return POINTER.test(prose) || 1 - prose.length / text.length >= STUB_LINK_SHARE;
}

export const check: Rule<Options>['check'] = ({ adr, record, options, conventions, report }) => {
  const headings = record.sections.map((section) => normaliseHeading(section.title));
  const template = templateOf(record, headings, options?.template, conventions);
  if (!template || isPointerStub(adr, record)) return;
  const depths = new Map(adr.tree.children.flatMap((node) => (node.type === 'heading' ? [[node.position?.start.offset ?? -1, node.depth] as const] : [])));
  const depthOf = (index: number) => depths.get(record.sections[index]!.range[0]) ?? 2;

  // Each section: the first heading that names it, of the shallowest depth that has one.
  const found: Array<{ name: string; index: number; ownName: boolean }> = [];
  for (const section of template.sections) {
    const names = sectionNames(section.title);
    const candidates = headings.flatMap((heading, index) => (headingIsSection(heading, names) ? [index] : []));
    const options = names.includes('considered options') ? optionHeadingsAt(headings) : null;
    if (candidates.length === 0 && options !== null) {
      // "## Option 1: …", "## Option 2: …": the options, one heading each.
      if (!found.some((entry) => entry.index === options)) found.push({ name: section.title, index: options, ownName: false });
      continue;
    }
    if (candidates.length === 0) {
      // Nygard's Status may be a frontmatter field or a "Status:" line instead of a section.
      if (section.required && !(names.includes('status') && record.status)) {
        report({ range: record.h1Range ?? [0, 0], message: `Missing the "${section.title}" section the ${template.label} asks for` });
      }
      continue;
    }
    const shallowest = Math.min(...candidates.map(depthOf));
    const index = candidates.find((candidate) => depthOf(candidate) === shallowest)!;
    // A combined heading stands for several sections at one place: it is placed once.
    const ownName = headingIsSection(headings[index]!, [normaliseHeading(section.title)]);
    if (!found.some((entry) => entry.index === index)) found.push({ name: section.title, index, ownName });
  }

  // Only sections written under the template's own names are held to its order: a set that
  // writes "Alternatives considered" instead of "Considered Options" lays its records out its own way.
  const placed = found.filter((entry) => entry.ownName);
  // The longest run of sections already in template order stays; the others are out of place.
  const keep = longestIncreasing(placed.map((entry) => entry.index));
  placed.forEach((entry, position) => {
    if (keep.has(position)) return;
    // An extra H1 is adr-title's to report (unless the set's template has several): not twice.
    if (depthOf(entry.index) === 1 && !template.h1Habit) return;
    const next = placed.find((other, at) => at > position && keep.has(at));
    const previous = placed.filter((_, at) => at < position && keep.has(at)).pop();
    const where = next ? `before "${next.name}"` : `after "${previous?.name ?? ''}"`;
    report({ range: record.sections[entry.index]!.range, message: `"${record.sections[entry.index]!.title}" is out of order: the ${template.label} puts it ${where}` });
  });
};

/** Positions of a longest strictly increasing subsequence of `values` (the earliest one on ties). */
function longestIncreasing(values: readonly number[]): Set<number> {
  const length = values.map(() => 1);
  const from = values.map(() => -1);
  for (let i = 0; i < values.length; i++)
    for (let j = 0; j < i; j++)
      if (values[j]! < values[i]! && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        from[i] = j;
      }
  let end = -1;
  for (let i = 0; i < values.length; i++) if (end < 0 || length[i]! > length[end]!) end = i;
  const keep = new Set<number>();
  for (let i = end; i >= 0; i = from[i]!) keep.add(i);
  return keep;
}
