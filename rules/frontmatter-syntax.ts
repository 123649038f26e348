import type { Rule } from '../src/model/types.ts';
import { ruleDocsUrl } from '../src/model/rule-docs-url.ts';

export const meta = {
  id: 'frontmatter-syntax',
  description: 'The frontmatter block is closed, parses as YAML and is a mapping',
  defaultSeverity: 'error',
  fixable: true,
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
  const frontmatter = adr.frontmatter;
  const error = frontmatter?.error;
  if (!frontmatter || !error) return;
  const spaceless = missingSpaces(frontmatter.yamlText);
  if (spaceless.length === 0) {
    report({ range: error.range, message: `Invalid frontmatter: ${error.message}` });
    return;
  }
  // "tag:Web Client" is one string to YAML: a key needs a space after its colon. Every line being
  // `key:value` leaves no doubt about what was meant, so this is a fix, not a guess.
  const first = spaceless[0]!;
  const last = spaceless[spaceless.length - 1]!;
  const start = frontmatter.yamlOffset + first;
  const end = frontmatter.yamlOffset + last;
  const fixed = insertSpaces(adr.text.slice(start, end), spaceless.map((at) => at - first));
  const lineStart = lineStartOf(frontmatter.yamlText, first);
  const line = firstLine(frontmatter.yamlText.slice(lineStart));
  report({
    range: [frontmatter.yamlOffset + lineStart, frontmatter.yamlOffset + lineStart + line.length],
    message: `Invalid frontmatter: "${line}" is one value to YAML, not a key and its value; put a space after the colon ("${line.replace(':', ': ')}")`,
    fix: { range: [start, end], text: fixed },
  });
};

// A line written `key:value`: a word, a colon and no space (not "http://").
const KEY_WITHOUT_SPACE = /^[A-Za-z_][\w-]*:(?![\s/])/;

/** Offsets just after each key's colon, when every line of the YAML is `key:value` (else none). */
function missingSpaces(yaml: string): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const line of yaml.split(/(?<=\r\n|\r|\n)/)) {
    const content = line.replace(/\r?\n$|\r$/, '');
    if (content.trim() !== '' && !content.trimStart().startsWith('#')) {
      const match = KEY_WITHOUT_SPACE.exec(content);
      if (!match) return [];
      offsets.push(at + match[0].length);
    }
    at += line.length;
  }
  return offsets;
}

function insertSpaces(text: string, offsets: readonly number[]): string {
  let result = '';
  let from = 0;
  for (const offset of offsets) {
    result += `${text.slice(from, offset)} `;
    from = offset;
  }
  return result + text.slice(from);
}

function lineStartOf(text: string, offset: number): number {
  const before = text.slice(0, offset);
  return Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
}

function firstLine(text: string): string {
  return /^[^\r\n]*/.exec(text)![0];
}
