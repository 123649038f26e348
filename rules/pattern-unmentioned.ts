import type { Rule } from '../src/model/types.ts';
import { ruleDocsUrl } from '../src/model/rule-docs-url.ts';

export const meta = {
  id: 'pattern-unmentioned',
  description: 'Declared patterns are mentioned in the body',
  defaultSeverity: 'off',
  fixable: false,
  scope: 'file',
  docs: {
    url: ruleDocsUrl('pattern-unmentioned'),
    why: 'A declared pattern that the text never discusses is a claim without an explanation: either the record should say how the decision uses it, or the declaration is stale.',
    wrong: '---\npatterns: [sharding-pattern]\n---\n\n# Split the orders table\n\nWe split orders by customer.\n',
    right: '---\npatterns: [sharding-pattern]\n---\n\n# Split the orders table\n\nWe apply sharding to orders by customer.\n',
  },
} satisfies Rule['meta'];

export const check: Rule['check'] = ({ adr, catalogue, report }) => {
  const mentioned = new Set(adr.mentions.map((mention) => mention.slug));
  for (const ref of adr.patterns) {
    const pattern = ref.value === null ? undefined : catalogue.resolve(ref.value)?.pattern;
    if (!pattern || mentioned.has(pattern.slug)) continue;
    // Once per pattern, at its first reference; a repeated reference is pattern-duplicate's.
    mentioned.add(pattern.slug);
    report({
      range: ref.range,
      message: `"${pattern.slug}" is declared but the text never mentions ${pattern.name}; say how the decision uses it, or remove it`,
    });
  }
};
