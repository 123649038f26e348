import { ruleTester } from '../helpers/rule-tester.ts';

const DATE_FORM = '"date" must be a date in the form YYYY-MM-DD';

ruleTester('frontmatter-fields', {
  valid: [
    {
      name: 'every known field with a good value',
      code:
        '---\nstatus: Accepted\ndate: 2024-02-29\npatterns:\n  - saga-pattern\n  - slug: cqrs-pattern\n    category: Data Pattern\n' +
        '  - {slug: outbox-pattern}\ncategories: [Data Pattern, Transaction Pattern]\n---\n\n# Use sagas\n',
    },
    { name: 'a quoted date', code: "---\ndate: '2024-02-29'\n---\n" },
    { name: 'a date followed by a comment', code: '---\ndate: 2024-12-31 # new year\n---\n' },
    {
      name: 'unknown top-level keys are never reported',
      code:
        '---\ntitle: Use sagas\ndecision-makers: [alice, bob]\nparent: Decisions\nnav_order: 3\ntags:\n  - data\n' +
        'consulted: {team: payments}\nStatus: whatever\nDATE: never\n---\n',
    },
    { name: 'patterns as one string, categories as one string', code: '---\npatterns: saga-pattern\ncategories: Transaction Pattern\n---\n' },
    { name: 'one object reference without a list', code: '---\npatterns:\n  slug: saga-pattern\n  category: Transaction Pattern\n---\n' },
    { name: 'codes written as numbers are references (pattern-slug checks them)', code: '---\npatterns: [05, "06"]\n---\n' },
    { name: 'empty patterns and categories declare nothing', code: '---\npatterns:\ncategories: []\n---\n' },
    { name: 'broken YAML is frontmatter-syntax’s to report', code: '---\nstatus: done\ndate: [\n---\n' },
    { name: 'status is adr-status’s to check', code: '---\nstatus: done\ndate: 2024-01-01\n---\n' },
    { name: 'field-like lines in the body are not frontmatter', code: '# Use sagas\n\nstatus: nonsense\ndate: 2024-02-30\n' },
  ],
  invalid: [
    {
      name: 'unquoted 2024-02-30 is checked as written, not rolled over to March',
      code: '---\nstatus: accepted\ndate: 2024-02-30\n---\n',
      errors: [{ message: 'Invalid date: "2024-02-30" is not a real date: 2024-02 has 29 days', line: 3, column: 7, endLine: 3, endColumn: 17 }],
    },
    {
      name: 'no 29 February in a common year',
      code: '---\ndate: 2023-02-29\n---\n',
      errors: [{ message: 'Invalid date: "2023-02-29" is not a real date: 2023-02 has 28 days', line: 2, column: 7, endLine: 2, endColumn: 17 }],
    },
    {
      name: 'month 13',
      code: '---\ndate: 2024-13-01\n---\n',
      errors: [{ message: 'Invalid date: "2024-13-01" has no month 13', line: 2, column: 7, endLine: 2, endColumn: 17 }],
    },
    {
      name: 'day 00',
      code: '---\ndate: 2024-01-00\n---\n',
      errors: [{ message: 'Invalid date: "2024-01-00" is not a real date: 2024-01 has 31 days', line: 2, column: 7, endLine: 2, endColumn: 17 }],
    },
    {
      name: 'a short date',
      code: '---\ndate: 24-1-1\n---\n',
      errors: [{ message: 'Invalid date: "24-1-1" is not a date in the form YYYY-MM-DD', line: 2, column: 7, endLine: 2, endColumn: 13 }],
    },
    {
      name: 'a quoted impossible date, the quotes in the range',
      code: '---\ndate: "2024-04-31"\n---\n',
      errors: [{ message: 'Invalid date: "2024-04-31" is not a real date: 2024-04 has 30 days', line: 2, column: 7, endLine: 2, endColumn: 19 }],
    },
    {
      name: 'a timestamp is not a date',
      code: '---\ndate: 2024-01-01T10:00:00Z\n---\n',
      errors: [{ message: 'Invalid date: "2024-01-01T10:00:00Z" is not a date in the form YYYY-MM-DD', line: 2, column: 7, endLine: 2, endColumn: 27 }],
    },
    {
      name: 'a compact date (a YAML number)',
      code: '---\ndate: 20240101\n---\n',
      errors: [{ message: 'Invalid date: "20240101" is not a date in the form YYYY-MM-DD', line: 2, column: 7, endLine: 2, endColumn: 15 }],
    },
    {
      name: 'an empty date says what is wanted',
      code: '---\ndate:\n---\n',
      errors: [{ message: DATE_FORM, line: 2, column: 6, endLine: 2, endColumn: 6 }],
    },
    { name: 'a ~ date', code: '---\ndate: ~\n---\n', errors: [{ message: DATE_FORM, line: 2, column: 7, endLine: 2, endColumn: 8 }] },
    { name: 'a list of dates', code: '---\ndate: [2024-01-01]\n---\n', errors: [{ message: DATE_FORM, line: 2, column: 7, endLine: 2, endColumn: 19 }] },
    {
      name: 'a bad date in a BOM + CRLF file is on the real line and column',
      code: '\uFEFF---\r\nstatus: accepted\r\ndate: 2023-02-29\r\n---\r\n',
      errors: [{ message: 'Invalid date: "2023-02-29" is not a real date: 2023-02 has 28 days', line: 3, column: 7, endLine: 3, endColumn: 17 }],
    },
    {
      name: 'patterns that is neither a slug nor a list',
      code: '---\npatterns: true\n---\n',
      errors: [{ message: '"patterns" must be a slug or a list of slugs, not a boolean', line: 2, column: 11, endLine: 2, endColumn: 15 }],
    },
    {
      name: 'list items that are not slugs',
      code: '---\npatterns:\n  - saga-pattern\n  - null\n  -\n  - [a, b]\n  - true\n  - ""\n---\n',
      errors: [
        { message: 'A pattern reference must be a slug, not empty', line: 4, column: 5, endLine: 4, endColumn: 9 },
        { message: 'A pattern reference must be a slug, not empty', line: 5, column: 4, endLine: 5, endColumn: 4 },
        { message: 'A pattern reference must be a slug or {slug, category}, not a list', line: 6, column: 5, endLine: 6, endColumn: 11 },
        { message: 'A pattern reference must be a slug, not a boolean', line: 7, column: 5, endLine: 7, endColumn: 9 },
        { message: 'A pattern reference must be a slug, not an empty string', line: 8, column: 5, endLine: 8, endColumn: 7 },
      ],
    },
    {
      name: 'non-string slugs in block objects, each at its value node',
      code: '---\npatterns:\n  - slug:\n      name: x\n  - slug: [a, b]\n  - slug: null\n---\n',
      errors: [
        { message: '"slug" must be a string, not a mapping', line: 4, column: 7, endLine: 4, endColumn: 14 },
        { message: '"slug" must be a string, not a list', line: 5, column: 11, endLine: 5, endColumn: 17 },
        { message: '"slug" must be a string, not empty', line: 6, column: 11, endLine: 6, endColumn: 15 },
      ],
    },
    {
      name: 'non-string slugs in flow objects, each at its value node',
      code: '---\npatterns: [saga-pattern, {slug: {a: 1}}, {slug: [x]}]\n---\n',
      errors: [
        { message: '"slug" must be a string, not a mapping', line: 2, column: 33, endLine: 2, endColumn: 39 },
        { message: '"slug" must be a string, not a list', line: 2, column: 49, endLine: 2, endColumn: 52 },
      ],
    },
    {
      name: 'a non-string category in object form, at the category value',
      code: '---\npatterns:\n  - slug: saga-pattern\n    category: [Transaction Pattern]\n  - slug: cqrs-pattern\n    category:\n---\n',
      errors: [
        { message: '"category" must be a string, not a list', line: 4, column: 15, endLine: 4, endColumn: 36 },
        { message: '"category" must be a string, not empty', line: 6, column: 14, endLine: 6, endColumn: 14 },
      ],
    },
    {
      name: 'unknown keys and a missing slug in reference objects',
      code: '---\npatterns:\n  - slug: saga-pattern\n    categry: x\n  - category: Data Pattern\n  - {slug: cqrs-pattern, note: x}\n---\n',
      errors: [
        { message: 'Unknown key "categry" in a pattern reference (expected slug and optional category)', line: 4, column: 5, endLine: 4, endColumn: 12 },
        { message: 'A pattern reference object needs a "slug"', line: 5, column: 5, endLine: 5, endColumn: 27 },
        { message: 'Unknown key "note" in a pattern reference (expected slug and optional category)', line: 6, column: 26, endLine: 6, endColumn: 30 },
      ],
    },
    {
      name: 'categories as a mapping (range ends at the value, not the next line)',
      code: '---\ncategories:\n  Data Pattern: yes\n---\n',
      errors: [{ message: '"categories" must be a category name or a list of them, not a mapping', line: 3, column: 3, endLine: 3, endColumn: 20 }],
    },
    {
      name: 'categories as a number',
      code: '---\ncategories: 3\n---\n',
      errors: [{ message: '"categories" must be a category name or a list of them, not a number', line: 2, column: 13, endLine: 2, endColumn: 14 }],
    },
    {
      name: 'category entries that are not strings',
      code: '---\ncategories: [Data Pattern, 3, [x], null]\n---\n',
      errors: [
        { message: 'A category must be a string, not a number', line: 2, column: 28, endLine: 2, endColumn: 29 },
        { message: 'A category must be a string, not a list', line: 2, column: 31, endLine: 2, endColumn: 34 },
        { message: 'A category must be a string, not empty', line: 2, column: 36, endLine: 2, endColumn: 40 },
      ],
    },
  ],
});
