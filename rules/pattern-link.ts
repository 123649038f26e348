import type { Rule } from '../src/types.ts';
import { ruleDocsUrl } from '../src/docs.ts';
import { patternLinkTarget } from '../src/record.ts';

export const meta = {
  id: 'pattern-link',
  description: 'The first prose mention of each pattern links to its page',
  defaultSeverity: 'warn',
  fixable: true,
  scope: 'file',
  docs: {
    url: ruleDocsUrl('pattern-link'),
    why: 'Readers of an ADR are not all architects. Linking the first mention of a pattern to its reference page explains the term where it is used, once, without cluttering the rest.',
    wrong: '# Order flow\n\nWe coordinate the steps with the Saga Pattern.\n',
    right: '# Order flow\n\nWe coordinate the steps with the [Saga Pattern](https://learn.microsoft.com/azure/architecture/patterns/saga).\n',
  },
} satisfies Rule['meta'];

export const check: Rule['check'] = ({ adr, catalogue, settings, report }) => {
  // An opening `---` that never closes: where the frontmatter was meant to end is unknown.
  if (adr.unterminatedFrontmatter) return;
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
    const link = `[${mention.text}](${destination(target)})`;
    const [start, end] = mention.range;
    // Right after a bare "!", the link would become an image: escape the "!".
    const bang = adr.text[start - 1] === '!' && adr.text[start - 2] !== '\\';
    report({
      range: mention.range,
      message: `Link the first mention of ${pattern.name}: [${oneLine(mention.text)}](${destination(target)})`,
      fix: bang ? { range: [start - 1, end], text: `\\!${link}` } : { range: mention.range, text: link },
    });
  }
};

/** A link destination as markdown needs it: in angle brackets when it has spaces or unbalanced parentheses. */
function destination(url: string): string {
  let depth = 0;
  for (const char of url) {
    if (char === '(') depth++;
    else if (char === ')' && --depth < 0) break;
  }
  if (depth === 0 && !/[\s<>]/.test(url)) return url;
  return `<${url.replace(/[\r\n]/g, '').replace(/</g, '%3C').replace(/>/g, '%3E')}>`;
}

/** A mention as one line of a message: a line break (and a blockquote's `>` after it) becomes a space. */
function oneLine(text: string): string {
  return text.replace(/[ \t]*(?:\r\n|\r|\n)[ \t>]*/g, ' ');
}
