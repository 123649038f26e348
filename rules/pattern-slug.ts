import type { Rule } from '../src/types.ts';
import { ruleDocsUrl } from '../src/docs.ts';
import { distance } from 'fastest-levenshtein';

export const meta = {
  id: 'pattern-slug',
  description: 'Every pattern reference in the frontmatter is a catalogue slug',
  defaultSeverity: 'error',
  fixable: true,
  docs: {
    url: ruleDocsUrl('pattern-slug'),
    wrong: '---\npatterns:\n  - Saga Pattern\n  - cqrs-patern\n---\n',
    right: '---\npatterns:\n  - saga-pattern\n  - cqrs-pattern\n---\n',
  },
} satisfies Rule['meta'];

const FORM_LABEL = { name: 'the name', code: 'the code', alias: 'an alias', slug: 'the slug' } as const;

// An unknown reference is fixed only when a single slug is this close: a typo, not a guess.
const AUTOFIX_DISTANCE = 2;

export const check: Rule['check'] = ({ adr, catalogue, report }) => {
  for (const ref of adr.patterns) {
    if (ref.value === null) continue;
    const resolved = catalogue.resolve(ref.value);
    if (resolved?.form === 'slug') continue;
    if (resolved) {
      const { pattern, form } = resolved;
      report({
        range: ref.range,
        message: `"${ref.value}" is ${FORM_LABEL[form]} of a pattern; use the slug "${pattern.slug}"`,
        fix: { range: ref.range, text: pattern.slug },
        suggestions: [pattern.slug],
      });
      continue;
    }
    const suggestions = catalogue.suggestSlugs(ref.value);
    const only = suggestions.length === 1 ? suggestions[0] : undefined;
    const typo = only !== undefined && distance(ref.value.trim().toLowerCase(), only) <= AUTOFIX_DISTANCE ? only : undefined;
    report({
      range: ref.range,
      message:
        `Unknown pattern "${ref.value}"` +
        (suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '; run "adrlint catalogue" to list the slugs'),
      ...(typo ? { fix: { range: ref.range, text: typo } } : {}),
      suggestions,
    });
  }
};
