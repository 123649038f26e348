import type { Rule } from '../src/model/types.ts';
import { ruleDocsUrl } from '../src/model/rule-docs-url.ts';
import { declaredSlugs } from '../src/parse/record.ts';
import { declarePatterns } from './support/yaml-edits.ts';
import { patternsWanted } from './support/patterns-wanted.ts';

export interface Options {
  /** How many prose mentions make a pattern count as used (a passing "like a saga" is one). */
  minMentions?: number;
}

export const meta = {
  id: 'pattern-undeclared',
  description: 'Patterns the body mentions are declared in the frontmatter',
  defaultSeverity: 'warn',
  fixable: true,
  scope: 'file',
  docs: {
    url: ruleDocsUrl('pattern-undeclared'),
    why: 'The `patterns` list is how readers and tools find every decision that uses a pattern. A record that discusses a saga without declaring it is invisible to that search.',
    quiet:
      'On a set that has not adopted `patterns` (no ADR of the folder declares the key), unless the config asks for the rule: a `catalogue` of its own, the rule set in `rules`, `--rule` or the remark plugin\'s options, or the `strict` preset. A team that never used a catalogue is not told to, word by word; `adrlint report` lists those mentions, and the command that declares them all. Mentions that do not say the ADR uses the pattern never count: one in a considered option the decision did not choose (MADR\'s Considered Options and Pros and Cons of the Options, for an option other than the `Chosen option: "…"`), and one in a clause that negates or sets it aside ("we will not use a saga", "does not act as an API gateway", "instead of CQRS", "rather than microservices", "no need for a sidecar"). Mentions in the title, the decision, the chosen option and the consequences count.',
    wrong: '---\nstatus: accepted\n---\n\n# Order flow\n\nWe coordinate the steps with a saga.\n',
    right: '---\nstatus: accepted\npatterns: [saga-pattern]\n---\n\n# Order flow\n\nWe coordinate the steps with a saga.\n',
    // A set that has adopted `patterns`: the rule speaks there with the default config.
    files: { 'docs/adr/0002-declares-patterns.md': '---\npatterns: [cqrs-pattern]\n---\n\n# 2. Billing\n\nInvoices are read through CQRS.\n' },
  },
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      minMentions: { type: 'integer', minimum: 1, default: 1, description: 'How many prose mentions make a pattern count as used.' },
    },
  },
} satisfies Rule['meta'];

export const check: Rule<Options>['check'] = (context) => {
  const { adr, catalogue, options, report } = context;
  if (!patternsWanted(context)) return;
  // Without a readable frontmatter we cannot tell what is declared; frontmatter-syntax says why.
  // An opening `---` that never closes is a broken frontmatter too, not a file without one.
  if ((adr.frontmatter && !adr.frontmatter.data) || adr.unterminatedFrontmatter) return;
  const declared = new Set(declaredSlugs(adr, catalogue));
  // A typo that pattern-slug will fix declares its pattern already: adding it again would duplicate it.
  for (const ref of adr.patterns) {
    const typo = ref.value === null ? null : catalogue.typoOf(ref.value);
    if (typo) declared.add(typo);
  }
  const minMentions = options?.minMentions ?? 1;
  // A rejected option or a negated clause ("instead of a saga") does not use the pattern.
  const uses = adr.mentions.filter((mention) => !mention.rejected);
  const counts = new Map<string, number>();
  for (const mention of uses) counts.set(mention.slug, (counts.get(mention.slug) ?? 0) + 1);
  const firstMentions = new Map<string, (typeof adr.mentions)[number]>();
  for (const mention of uses) {
    if (declared.has(mention.slug) || firstMentions.has(mention.slug)) continue;
    if ((counts.get(mention.slug) ?? 0) < minMentions) continue;
    firstMentions.set(mention.slug, mention);
  }
  // One edit declares every missing pattern, so a single pass fixes them all; each report
  // carries it and the fixer applies it once.
  const fix = declarePatterns(adr, [...firstMentions.keys()]);
  for (const [slug, mention] of firstMentions) {
    report({
      range: mention.range,
      message: `"${oneLine(mention.text)}" mentions the pattern "${slug}"; declare it under "patterns" in the frontmatter`,
      ...(fix ? { fix } : {}),
    });
  }
};

/** A mention as one line of a message: a line break (and a blockquote's `>` after it) becomes a space. */
function oneLine(text: string): string {
  return text.replace(/[ \t]*(?:\r\n|\r|\n)[ \t>]*/g, ' ');
}
