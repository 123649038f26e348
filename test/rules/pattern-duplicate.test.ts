import { ruleTester } from '../helpers/rule-tester.ts';

const dup = (slug: string, line: number) => `"${slug}" is already declared on line ${line}; remove this duplicate`;

ruleTester('pattern-duplicate', {
  valid: [
    { name: 'distinct slugs in a block list', code: '---\npatterns:\n  - saga-pattern\n  - cqrs-pattern\n---\n\n# Orders\n' },
    { name: 'distinct slugs in a flow list', code: '---\npatterns: [saga-pattern, cqrs-pattern, outbox-pattern]\n---\n' },
    { name: 'a single slug as a scalar', code: '---\npatterns: saga-pattern\n---\n' },
    { name: 'a single object reference', code: '---\npatterns:\n  slug: saga-pattern\n  category: Transaction Pattern\n---\n' },
    { name: 'no patterns key', code: '---\ntitle: Orders\n---\n\nWe use a saga and a saga.\n' },
    { name: 'empty list', code: '---\npatterns: []\n---\n' },
    { name: 'no frontmatter at all', code: '# Orders\n\nSaga, saga, saga.\n' },
    { name: 'same pattern mentioned twice in the body is not a declaration', code: '---\npatterns: [saga-pattern]\n---\n\nA saga. Another saga.\n' },
    { name: 'distinct unknown references', code: '---\npatterns: [foo, bar]\n---\n' },
    { name: 'non-string items are not compared', code: '---\npatterns:\n  - saga-pattern\n  - [1]\n  - [1]\n---\n' },
    { name: 'a broken frontmatter reports nothing here', code: '---\npatterns: [saga-pattern, saga-pattern\n---\n' },
    { name: 'other list keys may repeat values', code: '---\npatterns: [saga-pattern]\ntags: [saga-pattern, saga-pattern]\n---\n' },
  ],
  invalid: [
    {
      name: 'same slug twice in a block list',
      code: '---\npatterns:\n  - saga-pattern\n  - cqrs-pattern\n  - saga-pattern\n---\n',
      errors: [{ message: dup('saga-pattern', 3), line: 5, column: 5, endLine: 5, endColumn: 17, severity: 'error' }],
      output: '---\npatterns:\n  - saga-pattern\n  - cqrs-pattern\n---\n',
    },
    {
      name: 'same slug twice in a flow list',
      code: '---\npatterns: [saga-pattern, cqrs-pattern, saga-pattern]\n---\n',
      errors: [{ message: dup('saga-pattern', 2), line: 2, column: 40, endLine: 2, endColumn: 52 }],
      output: '---\npatterns: [saga-pattern, cqrs-pattern]\n---\n',
    },
    {
      name: 'every other form of the same pattern: name, code, alias, any case',
      code: "---\npatterns: [saga-pattern, Saga Pattern, '06', saga, SAGA]\n---\n",
      errors: [
        { message: dup('saga-pattern', 2), line: 2, column: 26 },
        { message: dup('saga-pattern', 2), line: 2, column: 40 },
        { message: dup('saga-pattern', 2), line: 2, column: 46 },
        { message: dup('saga-pattern', 2), line: 2, column: 52 },
      ],
      output: '---\npatterns: [saga-pattern]\n---\n',
    },
    {
      name: 'acronym alias before the slug: the later slug is the duplicate',
      code: '---\npatterns:\n  - CQRS\n  - cqrs-pattern\n---\n',
      errors: [{ message: dup('cqrs-pattern', 3), line: 4, column: 5, endColumn: 17 }],
      output: '---\npatterns:\n  - CQRS\n---\n',
    },
    {
      name: 'code written as a YAML number',
      code: '---\npatterns: [06, saga-pattern]\n---\n',
      errors: [{ message: dup('saga-pattern', 2), line: 2, column: 16 }],
      output: '---\npatterns: [06]\n---\n',
    },
    {
      name: 'a multi-line object item goes with all its lines',
      code: '---\npatterns:\n  - slug: saga-pattern\n    category: Transaction Pattern\n  - cqrs-pattern\n  - slug: saga\n    category: Transaction Pattern\ntitle: Orders\n---\n',
      errors: [{ message: dup('saga-pattern', 3), line: 6, column: 11, endLine: 6, endColumn: 15 }],
      output: '---\npatterns:\n  - slug: saga-pattern\n    category: Transaction Pattern\n  - cqrs-pattern\ntitle: Orders\n---\n',
    },
    {
      name: 'an object item duplicating a scalar item in a flow list',
      code: '---\npatterns: [saga-pattern, {slug: saga-pattern, category: Transaction Pattern}]\n---\n',
      errors: [{ message: dup('saga-pattern', 2), line: 2, column: 33 }],
      output: '---\npatterns: [saga-pattern]\n---\n',
    },
    {
      name: 'comments and odd indentation stay as written',
      code: '---\n# the patterns\npatterns:\n    -   saga-pattern   # first\n    # keep this note\n    -   saga-pattern\n    -   sidecar-pattern\n---\n',
      errors: [{ message: dup('saga-pattern', 4), line: 6, column: 9 }],
      output: '---\n# the patterns\npatterns:\n    -   saga-pattern   # first\n    # keep this note\n    -   sidecar-pattern\n---\n',
    },
    {
      name: 'list items at the same indentation as the key',
      code: '---\npatterns:\n- cqrs-pattern\n- cqrs-pattern\nstatus: accepted\n---\n',
      errors: [{ message: dup('cqrs-pattern', 3), line: 4, column: 3 }],
      output: '---\npatterns:\n- cqrs-pattern\nstatus: accepted\n---\n',
    },
    {
      name: 'CRLF line endings are kept',
      code: '---\r\npatterns:\r\n  - saga-pattern   # first\r\n  - saga-pattern # again\r\n  - cqrs-pattern\r\n---\r\n\r\nBody.\r\n',
      errors: [{ message: dup('saga-pattern', 3), line: 4, column: 5 }],
      output: '---\r\npatterns:\r\n  - saga-pattern   # first\r\n  - cqrs-pattern\r\n---\r\n\r\nBody.\r\n',
    },
    {
      name: 'with a BOM',
      code: '\uFEFF---\npatterns: [CQRS, cqrs-pattern]\n---\n',
      errors: [{ message: dup('cqrs-pattern', 2), line: 2, column: 18 }],
      output: '\uFEFF---\npatterns: [CQRS]\n---\n',
    },
    {
      name: 'multi-line flow list: the line goes, the comment on the line before stays',
      code: '---\npatterns: [\n  saga-pattern,  # first\n  saga-pattern\n]\n---\n',
      errors: [{ message: dup('saga-pattern', 3), line: 4, column: 3 }],
      output: '---\npatterns: [\n  saga-pattern,  # first\n]\n---\n',
    },
    {
      name: 'multi-line flow list with trailing commas',
      code: '---\npatterns: [\n  saga-pattern,\n  saga-pattern,\n  cqrs-pattern,\n]\n---\n',
      errors: [{ message: dup('saga-pattern', 3), line: 4, column: 3 }],
      output: '---\npatterns: [\n  saga-pattern,\n  cqrs-pattern,\n]\n---\n',
    },
    {
      name: 'multi-line flow list closed on the duplicate line',
      code: '---\npatterns: [\n  saga-pattern,\n  saga-pattern]\n---\n',
      errors: [{ message: dup('saga-pattern', 3), line: 4, column: 3 }],
      output: '---\npatterns: [\n  saga-pattern]\n---\n',
    },
    {
      name: 'three times: both later ones reported and removed',
      code: '---\npatterns:\n  - sidecar-pattern\n  - sidecar\n  - Sidecar Pattern\n---\n',
      errors: [
        { message: dup('sidecar-pattern', 3), line: 4, column: 5 },
        { message: dup('sidecar-pattern', 3), line: 5, column: 5 },
      ],
      output: '---\npatterns:\n  - sidecar-pattern\n---\n',
    },
    {
      name: 'an unknown reference repeated as written',
      code: '---\npatterns: [foo, saga-pattern, foo]\n---\n',
      errors: [{ message: dup('foo', 2), line: 2, column: 31, endColumn: 34 }],
      output: '---\npatterns: [foo, saga-pattern]\n---\n',
    },
    {
      name: 'a YAML alias of an earlier item is reported where it is written',
      code: '---\npatterns:\n  - &s saga-pattern\n  - *s\n---\n',
      errors: [{ message: dup('saga-pattern', 3), line: 4, column: 5, endColumn: 7 }],
      output: '---\npatterns:\n  - &s saga-pattern\n---\n',
    },
    {
      name: 'two different patterns each duplicated',
      code: '---\npatterns: [saga-pattern, cqrs-pattern, CQRS, saga]\n---\n',
      errors: [
        { message: dup('cqrs-pattern', 2), line: 2, column: 40 },
        { message: dup('saga-pattern', 2), line: 2, column: 46 },
      ],
      output: '---\npatterns: [saga-pattern, cqrs-pattern]\n---\n',
    },
  ],
});
