import { ruleDocsUrl } from '../src/model/rule-docs-url.ts';
import { dirname } from 'node:path';
import type { ParsedAdr, ProjectIndex, Rule } from '../src/model/types.ts';
import { patternLinkTarget } from '../src/parse/record.ts';
import { patternsWanted } from './support/patterns-wanted.ts';
import { isExternalUrl, resolveLinkPath, splitUrl } from '../src/parse/link-targets.ts';

export const meta = {
  id: 'pattern-link',
  description: 'The first prose mention of each pattern links to its page',
  defaultSeverity: 'warn',
  fixable: true,
  scope: 'file',
  docs: {
    url: ruleDocsUrl('pattern-link'),
    why: 'Readers of an ADR are not all architects. Linking the first mention of a pattern to its reference page explains the term where it is used, once, without cluttering the rest.',
    quiet:
      'On a set that has not adopted `patterns` (no ADR of the folder declares the key), unless the config asks for the rule (a `catalogue`, the rule set by name, the `strict` preset); `adrlint link` always links, as asking to link is asking for the rule. A pattern the file already links is left alone: a link anywhere in the file that points at its page (its `url`, or the `linkTemplate` target). Link text that only names the pattern (`[a saga link](https://example.org/x)`) does not link it; the first mention outside headings and links is the one to link. When the `linkTemplate` names a file that does not exist, the mention is reported without a fix: the link would only be adr-link\'s next error; `adrlint link` lists the missing pages once.',
    wrong: '# Order flow\n\nWe coordinate the steps with the Saga Pattern.\n',
    right: '# Order flow\n\nWe coordinate the steps with the [Saga Pattern](https://learn.microsoft.com/azure/architecture/patterns/saga).\n',
    // A set that has adopted `patterns`: the rule speaks there with the default config.
    files: { 'docs/adr/0002-declares-patterns.md': '---\npatterns: [cqrs-pattern]\n---\n\n# 2. Billing\n\nInvoices are read through CQRS.\n' },
  },
} satisfies Rule['meta'];

export const check: Rule['check'] = (context) => {
  const { adr, catalogue, settings, project, conventions, report } = context;
  // An opening `---` that never closes: where the frontmatter was meant to end is unknown.
  if (adr.unterminatedFrontmatter || !patternsWanted(context)) return;
  const done = new Set<string>();
  // The first mention outside headings and links is the one to link; link text that merely names the
  // pattern ("[a saga link](https://example.org/x)") does not link it, a link to its page does.
  for (const mention of adr.mentions) {
    if (mention.inHeading || mention.inLink || done.has(mention.slug)) continue;
    done.add(mention.slug);
    const pattern = catalogue.get(mention.slug);
    const target = pattern ? patternLinkTarget(pattern, settings) : null;
    if (!pattern || !target) continue;
    if (linksTo(adr, target, project) || (pattern.url && linksTo(adr, pattern.url, project))) continue;
    const shown = `[${oneLine(mention.text)}](${destination(target)})`;
    // A link to a page that is not there would only be adr-link's next error.
    if (conventions.missingPatternPages?.includes(pattern.slug)) {
      report({ range: mention.range, message: `Link the first mention of ${pattern.name} once its page exists: ${shown} leads to no file (linkTemplate)` });
      continue;
    }
    const link = `[${mention.text}](${destination(target)})`;
    const [start, end] = mention.range;
    // Right after a bare "!", the link would become an image: escape the "!".
    const bang = adr.text[start - 1] === '!' && adr.text[start - 2] !== '\\';
    report({
      range: mention.range,
      message: `Link the first mention of ${pattern.name}: ${shown}`,
      fix: bang ? { range: [start - 1, end], text: `\\!${link}` } : { range: mention.range, text: link },
    });
  }
};

/** Whether a link of the file points at `target`: the same URL, or for a relative one the same file. */
function linksTo(adr: ParsedAdr, target: string, project: ProjectIndex): boolean {
  const file = isExternalUrl(target) ? null : linkedFile(adr.path, target, project);
  return adr.links.some((link) => link.url === target || (file !== null && !isExternalUrl(link.url) && linkedFile(adr.path, link.url, project) === file));
}

function linkedFile(adrPath: string, url: string, project: ProjectIndex): string | null {
  const { path } = splitUrl(url.trim());
  return path === '' ? null : resolveLinkPath(path, dirname(adrPath), project.root);
}

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
