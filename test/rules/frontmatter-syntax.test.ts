import { ruleTester } from '../helpers/rule-tester.ts';

const UNCLOSED = 'The frontmatter opened by "---" on line 1 is never closed; add a "---" line after the YAML';
const NOT_A_LIST = 'Invalid frontmatter: frontmatter must be a mapping of keys to values, not a list';
const NOT_A_VALUE = 'Invalid frontmatter: frontmatter must be a mapping of keys to values, not a single value';
const COMPACT = 'Invalid frontmatter: Nested mappings are not allowed in compact mappings';

// Ten anchors deep, each list repeating the previous one ten times: 10^4 nodes once expanded.
const ALIAS_BOMB =
  '---\n' +
  'a: &a [x, x, x, x, x, x, x, x, x, x]\n' +
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n' +
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n' +
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n' +
  '---\n\n# Laughs\n';

ruleTester('frontmatter-syntax', {
  valid: [
    { name: 'no frontmatter at all', code: '# Use sagas\n\nWe use the Saga Pattern.\n' },
    {
      name: 'a well-formed mapping',
      code: '---\ntitle: Use sagas\nstatus: accepted\ndate: 2024-01-01\npatterns: [saga-pattern]\n---\n\n# Use sagas\n',
    },
    { name: 'an empty frontmatter block', code: '---\n---\n\n# Use sagas\n' },
    { name: 'a frontmatter of comments only', code: '---\n# nothing decided yet\n---\n\n# Use sagas\n' },
    { name: 'closing fence at the end of the file, no newline', code: '---\nstatus: accepted\n---' },
    { name: 'opening fence with trailing spaces', code: '---   \nstatus: accepted\n---\n' },
    { name: 'a few legitimate aliases', code: '---\nowner: &o alice\nreviewer: *o\ndeciders: [*o, *o]\n---\n' },
    {
      name: 'a thematic break later in the body is not frontmatter',
      code: '---\nstatus: accepted\n---\n\n# Title\n\n---\n\nmore: [\n',
    },
    { name: 'a "---" that is not on the first line is not frontmatter', code: '\n---\nstatus: a: b\n---\n' },
    { name: 'CRLF line endings and a BOM', code: '\uFEFF---\r\nstatus: accepted\r\ndate: 2024-01-01\r\n---\r\n\r\n# T\r\n' },
    // YAML 1.2 counts a lone CR as a line break, as micromark and the line index do.
    // A "---" first line with no YAML after it is a thematic break (a template's separator), as remark reads it.
    { name: 'a rule, a blank line and the title', code: '---\n\n# Use sagas\n\n## Status\n\nAccepted\n' },
    { name: 'a rule and the title right below', code: '---\n# Use sagas\n\nAccepted.\n' },
    { name: 'a file that is only a rule', code: '---\n' },
    { name: 'lone CR line endings (classic Mac)', code: '---\rstatus: accepted\rdate: 2024-01-01\r---\r\r# T\r' },
  ],
  invalid: [
    {
      name: 'a key written without a space after its colon is one string to YAML: fixed by adding the space',
      code: '---\ntag:Web Client\n---\n\n# 12. Integration Tests\n',
      errors: [{ message: 'Invalid frontmatter: "tag:Web Client" is one value to YAML, not a key and its value; put a space after the colon ("tag: Web Client")', line: 2, column: 1, endLine: 2, endColumn: 15 }],
      output: '---\ntag: Web Client\n---\n\n# 12. Integration Tests\n',
    },
    {
      name: 'every line without its space (CRLF, a comment between): one fix for all, the line breaks kept',
      code: '---\r\ntag:Web\r\n# owner below\r\nowner:alice\r\n---\r\n# T\r\n',
      errors: [{ message: 'Invalid frontmatter: "tag:Web" is one value to YAML, not a key and its value; put a space after the colon ("tag: Web")', line: 2, column: 1 }],
      output: '---\r\ntag: Web\r\n# owner below\r\nowner: alice\r\n---\r\n# T\r\n',
    },
    {
      name: 'a single value that is not key:value (a URL) is not guessed at',
      code: '---\nhttp://example.org\n---\n# T\n',
      errors: [{ message: NOT_A_VALUE, line: 2, column: 1 }],
    },
    {
      name: 'an unclosed flow sequence (the docs example), reported where the parser gives up',
      code: '---\nstatus: accepted\npatterns: [saga-pattern\n---\n\n# Use sagas\n',
      errors: [
        {
          message: 'Invalid frontmatter: Flow sequence in block collection must be sufficiently indented and end with a ]',
          line: 4,
          column: 1,
        },
      ],
    },
    {
      name: 'an unclosed flow mapping',
      code: '---\nstatus: accepted\ntitle: {a: 1\n---\n',
      errors: [{ message: 'Invalid frontmatter: Flow map in block collection must be sufficiently indented and end with a }', line: 4, column: 1 }],
    },
    {
      name: 'a missing closing quote',
      code: '---\nstatus: accepted\ntitle: "unterminated\n---\n',
      errors: [{ message: 'Invalid frontmatter: Missing closing "quote', line: 4, column: 1 }],
    },
    {
      name: 'a nested mapping in a compact one, at its exact column',
      code: '---\nstatus: accepted\ntitle: a: b\n---\n',
      errors: [{ message: COMPACT, line: 3, column: 8, endLine: 3, endColumn: 9 }],
    },
    {
      name: 'a duplicate key',
      code: '---\nstatus: accepted\nstatus: rejected\n---\n',
      errors: [{ message: 'Invalid frontmatter: Map keys must be unique', line: 3, column: 1, endLine: 3, endColumn: 2 }],
    },
    {
      name: 'a tab used as indentation',
      code: '---\ntitle: Use sagas\nstatus: accepted\n\tdate: 2024-01-01\n---\n',
      errors: [{ message: 'Invalid frontmatter: Tabs are not allowed as indentation', line: 4, column: 1 }],
    },
    {
      name: 'two YAML documents in one frontmatter',
      code: '---\na: 1\n...\nb: 2\n---\n',
      errors: [{ message: 'Invalid frontmatter: Source contains multiple documents; please use YAML.parseAllDocuments()', line: 4, column: 1 }],
    },
    {
      name: 'CRLF: the error is on the real file line',
      code: '---\r\nstatus: accepted\r\ntitle: a: b\r\n---\r\n',
      errors: [{ message: COMPACT, line: 3, column: 8, endLine: 3, endColumn: 9 }],
    },
    {
      name: 'an error at the end of a line (LF): it ends at the next line',
      code: '---\npatterns: \n!\n  - saga-pattern\n---\n',
      errors: [{ message: 'Invalid frontmatter: A block sequence may not be used as an implicit map key', line: 2, column: 11, endLine: 3, endColumn: 1 }],
    },
    {
      name: 'an error at the end of a line (CRLF): as in the LF file, never between CR and LF',
      code: '---\r\npatterns: \r\n!\r\n  - saga-pattern\r\n---\r\n',
      errors: [{ message: 'Invalid frontmatter: A block sequence may not be used as an implicit map key', line: 2, column: 11, endLine: 3, endColumn: 1 }],
    },
    {
      name: 'a BOM does not shift columns',
      code: '\uFEFF---\nstatus: accepted\ntitle: a: b\n---\n',
      errors: [{ message: COMPACT, line: 3, column: 8, endLine: 3, endColumn: 9 }],
    },
    {
      name: 'a BOM and CRLF together',
      code: '\uFEFF---\r\ndate: 2024-01-01\r\nstatus: accepted\r\ntitle: a: b\r\n---\r\n',
      errors: [{ message: COMPACT, line: 4, column: 8, endLine: 4, endColumn: 9 }],
    },
    {
      name: 'an opening fence that is never closed',
      code: '---\nstatus: accepted\ndate: 2024-01-01\n\n# Use sagas\n\nWe decided.\n',
      errors: [{ message: UNCLOSED, line: 1, column: 1, endLine: 1, endColumn: 4 }],
    },
    {
      name: 'an unclosed fence in a BOM + CRLF file',
      code: '\uFEFF---\r\nstatus: accepted\r\n\r\n# Use sagas\r\n',
      errors: [{ message: UNCLOSED, line: 1, column: 1, endLine: 1, endColumn: 4 }],
    },
    {
      name: 'a block list instead of a mapping (range ends at the last item, not the next line)',
      code: '---\n- status: accepted\n- date: 2024-01-01\n---\n',
      errors: [{ message: NOT_A_LIST, line: 2, column: 1, endLine: 3, endColumn: 19 }],
    },
    {
      name: 'a flow list instead of a mapping',
      code: '---\n[a, b]\n---\n',
      errors: [{ message: NOT_A_LIST, line: 2, column: 1, endLine: 2, endColumn: 7 }],
    },
    {
      name: 'a plain scalar instead of a mapping',
      code: '---\njust a string\n---\n',
      errors: [{ message: NOT_A_VALUE, line: 2, column: 1, endLine: 2, endColumn: 14 }],
    },
    { name: 'a number instead of a mapping', code: '---\n42\n---\n', errors: [{ message: NOT_A_VALUE, line: 2, column: 1, endLine: 2, endColumn: 3 }] },
    {
      name: 'a quoted string instead of a mapping',
      code: '---\n"just a string"\n---\n',
      errors: [{ message: NOT_A_VALUE, line: 2, column: 1, endLine: 2, endColumn: 16 }],
    },
    {
      name: 'a tagged scalar (binary) instead of a mapping, at its value',
      code: '---\n!!binary aGVsbG8=\n---\n',
      errors: [{ message: NOT_A_VALUE, line: 2, column: 10, endLine: 2, endColumn: 18 }],
    },
    {
      name: 'an alias bomb is reported, not expanded',
      code: ALIAS_BOMB,
      errors: [
        {
          message: 'Invalid frontmatter: Excessive alias count indicates a resource exhaustion attack (more than 100 alias expansions)',
          line: 2,
          column: 1,
        },
      ],
    },
    {
      name: 'an alias to an anchor that does not exist, at the alias and without the alias-bomb wording',
      code: '---\nstatus: accepted\nowner: *nobody\n---\n',
      errors: [
        {
          message: 'Invalid frontmatter: Unresolved alias "*nobody": no anchor "&nobody" comes before it',
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 15,
        },
      ],
    },
  ],
});
