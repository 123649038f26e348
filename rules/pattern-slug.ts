import type { PatternRef, Rule } from '../src/model/types.ts';
import { ruleDocsUrl } from '../src/model/rule-docs-url.ts';

export const meta = {
  id: 'pattern-slug',
  description: 'Every pattern reference in the frontmatter is a catalogue slug',
  defaultSeverity: 'error',
  fixable: true,
  scope: 'file',
  docs: {
    url: ruleDocsUrl('pattern-slug'),
    why: 'A slug is the one stable key of a pattern: reports, links and searches group ADRs by it. Names and aliases drift ("CQRS", "Command Query Responsibility Segregation"); a typo makes the reference point nowhere.',
    wrong: '---\npatterns:\n  - Saga Pattern\n  - cqrs-patern\n---\n',
    right: '---\npatterns:\n  - saga-pattern\n  - cqrs-pattern\n---\n',
  },
} satisfies Rule['meta'];

const FORM_LABEL = { name: 'the name', code: 'the code', alias: 'an alias', slug: 'the slug' } as const;


export const check: Rule['check'] = ({ adr, catalogue, report }) => {
  for (const ref of adr.patterns) {
    if (ref.value === null) continue;
    const resolved = catalogue.resolve(ref.value);
    if (resolved?.form === 'slug') continue;
    const written = ref.value.trim();
    const { range, fixable } = referenceRange(adr.text, ref);
    if (resolved) {
      const { pattern, form } = resolved;
      // resolve() calls a slug in another case a name; say what it is.
      const what = written.toLowerCase() === pattern.slug ? 'a slug in the wrong case' : `${FORM_LABEL[form]} of a pattern`;
      report({
        range,
        message: `"${written}" is ${what}; use the slug "${pattern.slug}"`,
        ...(fixable ? { fix: { range, text: pattern.slug } } : {}),
        suggestions: fixable ? [pattern.slug] : [],
      });
      continue;
    }
    const suggestions = catalogue.suggestSlugs(ref.value);
    const typo = catalogue.typoOf(written);
    report({
      range,
      message:
        `Unknown pattern "${written}"` +
        (suggestions.length ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : '; run "adrlint catalogue" to list the slugs'),
      ...(typo && fixable ? { fix: { range, text: typo } } : {}),
      suggestions: fixable ? suggestions : [],
    });
  }
};

/**
 * Where to report and whether that text may be replaced. An alias (`- *s`) resolves to the
 * anchored scalar elsewhere: point at the alias as written and replace it, leaving the anchor
 * alone; an alias inside an object item (`- slug: *s`) is reported at the item, not fixed. A
 * block scalar's range runs past its line break: a fix must not swallow it.
 */
function referenceRange(text: string, ref: PatternRef): { range: [number, number]; fixable: boolean } {
  const inItem = ref.range[0] >= ref.itemRange[0] && ref.range[1] <= ref.itemRange[1];
  if (inItem) return { range: withoutTrailingSpace(text, ref.range), fixable: true };
  const item = withoutTrailingSpace(text, ref.itemRange);
  return { range: item, fixable: text.charAt(item[0]) === '*' };
}

function withoutTrailingSpace(text: string, [start, end]: [number, number]): [number, number] {
  let trimmed = end;
  while (trimmed > start && /\s/.test(text.charAt(trimmed - 1))) trimmed--;
  return [start, trimmed];
}
