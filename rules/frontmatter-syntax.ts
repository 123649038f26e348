import type { Rule } from '../src/types.ts';
import { ruleDocsUrl } from '../src/docs.ts';

export const meta = {
  id: 'frontmatter-syntax',
  description: 'The frontmatter block is closed, parses as YAML and is a mapping',
  defaultSeverity: 'error',
  fixable: false,
  scope: 'file',
  docs: {
    url: ruleDocsUrl('frontmatter-syntax'),
    why: 'A frontmatter block that does not parse hides every field in it: the status, the date and the declared patterns are all lost to tools and to site generators, often silently.',
    wrong: '---\nstatus: accepted\npatterns: [saga-pattern\n---\n\n# Use sagas\n',
    right: '---\nstatus: accepted\npatterns: [saga-pattern]\n---\n\n# Use sagas\n',
  },
} satisfies Rule['meta'];

export const check: Rule['check'] = ({ adr, report }) => {
  if (adr.unterminatedFrontmatter) {
    report({
      range: adr.unterminatedFrontmatter,
      message: 'The frontmatter opened by "---" on line 1 is never closed; add a "---" line after the YAML',
    });
    return;
  }
  const error = adr.frontmatter?.error;
  if (error) report({ range: error.range, message: `Invalid frontmatter: ${error.message}` });
};
