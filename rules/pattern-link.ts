import type { Rule } from '../src/types.ts';
import { ruleDocsUrl } from '../src/docs.ts';
import { patternLinkTarget } from '../src/record.ts';

export const meta = {
  id: 'pattern-link',
  description: 'The first prose mention of each pattern links to its page',
  defaultSeverity: 'warn',
  fixable: true,
  docs: {
    url: ruleDocsUrl('pattern-link'),
    wrong: '# Order flow\n\nWe coordinate the steps with the Saga Pattern.\n',
    right: '# Order flow\n\nWe coordinate the steps with the [Saga Pattern](https://learn.microsoft.com/azure/architecture/patterns/saga).\n',
  },
} satisfies Rule['meta'];

export const check: Rule['check'] = ({ adr, catalogue, settings, report }) => {
  const linkedUrls = new Set(adr.links.map((link) => link.url));
  const done = new Set<string>();
  // A pattern counts as linked when any mention of it is link text, or any link goes to its page.
  for (const mention of adr.mentions) if (mention.inLink) done.add(mention.slug);
  for (const mention of adr.mentions) {
    if (mention.inHeading || done.has(mention.slug)) continue;
    done.add(mention.slug);
    const pattern = catalogue.get(mention.slug);
    const target = pattern ? patternLinkTarget(pattern, settings) : null;
    if (!pattern || !target) continue;
    if (linkedUrls.has(target) || (pattern.url && linkedUrls.has(pattern.url))) continue;
    report({
      range: mention.range,
      message: `Link the first mention of ${pattern.name}: [${mention.text}](${target})`,
      fix: { range: mention.range, text: `[${mention.text}](${target})` },
    });
  }
};
