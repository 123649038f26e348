import type { AdrRecord, Rule } from '../src/types.ts';
import { ruleDocsUrl } from '../src/docs.ts';

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
    why: 'A template is a checklist: the context says why a decision was needed, the decision what was chosen, the consequences what it costs. A record without one of them leaves readers guessing, and sections in the usual order are found at a glance.',
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
          '`madr` (Context and Problem Statement, Considered Options, Decision Outcome; Decision Drivers, Consequences, Confirmation, Pros and Cons and More Information are optional), `nygard` (Status, Context, Decision, Consequences; Status may be a frontmatter field or a `Status:` line instead), a list of section names in order, or `auto`: madr or nygard from each file’s format. In `auto`, a file of no known format is not checked, nor one whose only sign of a format is a frontmatter and that has no sections.',
      },
    },
  },
} satisfies Rule['meta'];

/** Headings that stand for the same section, as normalised by `normalise`. */
const SYNONYMS: Record<string, string[]> = {
  status: ['status'],
  context: ['context', 'context and problem statement', 'problem statement'],
  options: ['considered options', 'options', 'options considered', 'alternatives', 'alternatives considered', 'considered alternatives'],
  decision: ['decision', 'decisions', 'decision outcome'],
  consequences: ['consequences', 'consequence', 'positive consequences', 'negative consequences'],
};

const TEMPLATES: Record<'madr' | 'nygard', string[]> = {
  madr: ['Context and Problem Statement', 'Considered Options', 'Decision Outcome'],
  nygard: ['Status', 'Context', 'Decision', 'Consequences'],
};

// Headings only MADR uses: a file with one of them is MADR, whatever else it has.
const MADR_ONLY = ['context and problem statement', 'considered options', 'decision outcome', 'decision drivers', 'pros and cons of the options'];

/** A heading as compared: no numbering ("1. ", "2.3 ", "A) "), emphasis or trailing colon; one case. */
function normalise(heading: string): string {
  return heading
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:\d+(?:\.\d+)*[.)]?|[a-z][.)])\s+/i, '')
    .replace(/\s*:$/, '')
    .toLowerCase();
}

/** The names a required section may be written as. */
function namesOf(section: string): string[] {
  const name = normalise(section);
  return Object.values(SYNONYMS).find((names) => names.includes(name)) ?? [name];
}

/** "Decision", "Decision Outcome" and "Decision: log conventions" are the Decision; "Decision Drivers" is not. */
function matches(heading: string, names: readonly string[]): boolean {
  return names.some((name) => heading === name || (heading.startsWith(name) && /^\s*[:(\-–—,]/.test(heading.slice(name.length))));
}

/** The template of a file: the option, or in auto mode its format (MADR only when its headings are). */
function templateOf(record: AdrRecord, headings: readonly string[], option: Options['template']): { name: string; sections: string[] } | null {
  if (Array.isArray(option)) return { name: 'configured', sections: option };
  if (option === 'madr' || option === 'nygard') return { name: option, sections: TEMPLATES[option] };
  if (record.format === 'nygard') return { name: 'nygard', sections: TEMPLATES.nygard };
  if (record.format === 'madr2') return { name: 'madr', sections: TEMPLATES.madr };
  if (record.format !== 'madr') return null;
  if (headings.some((heading) => MADR_ONLY.includes(heading))) return { name: 'madr', sections: TEMPLATES.madr };
  // A frontmatter alone makes the record call a file MADR; a Nygard body under it is Nygard.
  const nygard = ['context', 'decision', 'consequences', 'status'].filter((concept) => headings.some((heading) => matches(heading, SYNONYMS[concept]!)));
  if (nygard.length >= 2) return { name: 'nygard', sections: TEMPLATES.nygard };
  return headings.length > 0 ? { name: 'madr', sections: TEMPLATES.madr } : null;
}

export const check: Rule<Options>['check'] = ({ adr, record, options, report }) => {
  const headings = record.sections.map((section) => normalise(section.title));
  const template = templateOf(record, headings, options?.template);
  if (!template) return;
  const depthOf = (index: number) => /^#{2,6}/.exec(adr.text.slice(record.sections[index]!.range[0]))?.[0].length ?? 2;

  // Each required section: the first matching heading of the shallowest depth that has one.
  const found: Array<{ name: string; index: number }> = [];
  for (const name of template.sections) {
    const names = namesOf(name);
    const candidates = headings.flatMap((heading, index) => (matches(heading, names) ? [index] : []));
    if (candidates.length === 0) {
      // Nygard's Status may be a frontmatter field or a "Status:" line instead of a section.
      if (names.includes('status') && record.status) continue;
      report({ range: record.h1Range ?? [0, 0], message: `Missing the "${name}" section the ${template.name} template asks for` });
      continue;
    }
    const shallowest = Math.min(...candidates.map(depthOf));
    found.push({ name, index: candidates.find((index) => depthOf(index) === shallowest)! });
  }

  // The longest run of sections already in template order stays; the others are out of place.
  const keep = longestIncreasing(found.map((entry) => entry.index));
  found.forEach((entry, position) => {
    if (keep.has(position)) return;
    const next = found.find((other, at) => at > position && keep.has(at));
    const previous = found.filter((_, at) => at < position && keep.has(at)).pop();
    const where = next ? `before "${next.name}"` : `after "${previous?.name ?? ''}"`;
    report({ range: record.sections[entry.index]!.range, message: `"${record.sections[entry.index]!.title}" is out of order: the ${template.name} template puts it ${where}` });
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
