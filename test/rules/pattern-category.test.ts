import { ruleTester } from '../helpers/rule-tester.ts';

const ZERO_TRUST_CATALOGUE = 'categories: [Security Pattern]\npatterns:\n  - slug: zero-trust\n    name: Zero Trust\n    category: Security Pattern\n';

const asCatalogue = (category: string) => `Write the category as the catalogue does: "${category}"`;
const inCategory = (slug: string, right: string, given: string) => `"${slug}" is in the category "${right}", not "${given}"`;
const notListed = (category: string, slug: string) => `"categories" does not list "${category}", the category of "${slug}"`;
const KNOWN =
  'Service Decomposition Pattern, Communication Pattern, Enterprise Pattern, Data Pattern, Transaction Pattern, Deployment Pattern, Migration Pattern, Fault Tolerance Pattern';

ruleTester('pattern-category', {
  valid: [
    {
      name: 'object references with their catalogue categories, all listed',
      code:
        '---\npatterns:\n  - slug: saga-pattern\n    category: Transaction Pattern\n  - {slug: cqrs-pattern, category: Data Pattern}\n' +
        '  - outbox-pattern\ncategories: [Transaction Pattern, Data Pattern]\n---\n',
    },
    { name: 'no categories key: nothing has to be listed', code: '---\npatterns: [saga-pattern, sidecar-pattern, cqrs-pattern]\n---\n' },
    { name: 'a single category string covering every pattern', code: '---\npatterns: [cqrs-pattern, outbox-pattern]\ncategories: Data Pattern\n---\n' },
    { name: 'categories without patterns', code: '---\ncategories:\n  - Migration Pattern\n  - Fault Tolerance Pattern\n---\n' },
    {
      name: 'a reference by name is checked against its pattern',
      code: '---\npatterns:\n  - slug: Saga Pattern\n    category: Transaction Pattern\n---\n',
    },
    {
      name: 'an unknown pattern has no category to compare (pattern-slug reports it)',
      code: '---\npatterns:\n  - slug: no-such-pattern\n    category: Data Pattern\ncategories: [Data Pattern]\n---\n',
    },
    {
      name: 'non-string categories are frontmatter-fields’ to report',
      code: '---\npatterns:\n  - slug: saga-pattern\n    category: [Data Pattern]\n---\n',
    },
    {
      name: 'a category added by a user catalogue',
      code: '---\npatterns:\n  - slug: zero-trust\n    category: Security Pattern\ncategories: [Security Pattern]\n---\n',
      catalogue: ZERO_TRUST_CATALOGUE,
    },
  ],
  invalid: [
    {
      name: 'an object category in the wrong case is fixed to the catalogue spelling',
      code: '---\npatterns:\n  - slug: saga-pattern\n    category: transaction pattern\n---\n',
      errors: [{ message: asCatalogue('Transaction Pattern'), line: 4, column: 15, endLine: 4, endColumn: 34 }],
      output: '---\npatterns:\n  - slug: saga-pattern\n    category: Transaction Pattern\n---\n',
    },
    {
      name: 'a wrong object category names the right one and is fixed to it',
      code: '---\npatterns:\n  - slug: cqrs-pattern\n    category: Transaction Pattern # why?\n---\n',
      errors: [{ message: inCategory('cqrs-pattern', 'Data Pattern', 'Transaction Pattern'), line: 4, column: 15, endLine: 4, endColumn: 34 }],
      output: '---\npatterns:\n  - slug: cqrs-pattern\n    category: Data Pattern # why?\n---\n',
    },
    {
      name: 'flow object form: the quotes are replaced too',
      code: '---\npatterns:\n  - {slug: saga-pattern, category: "Data Pattern"}\n---\n',
      errors: [{ message: inCategory('saga-pattern', 'Transaction Pattern', 'Data Pattern'), line: 3, column: 36, endLine: 3, endColumn: 50 }],
      output: '---\npatterns:\n  - {slug: saga-pattern, category: Transaction Pattern}\n---\n',
    },
    {
      name: 'a reference by name with a wrong category',
      code: '---\npatterns:\n  - slug: Saga Pattern\n    category: Data Pattern\n---\n',
      errors: [{ message: inCategory('saga-pattern', 'Transaction Pattern', 'Data Pattern'), line: 4, column: 15, endLine: 4, endColumn: 27 }],
      output: '---\npatterns:\n  - slug: Saga Pattern\n    category: Transaction Pattern\n---\n',
    },
    {
      name: 'categories entries: wrong case fixed, close typos fixed, far ones suggested, unknown ones listed',
      code: '---\ncategories:\n  - data pattern\n  - Migration Patterns\n  - Communications Pattern\n  - Deployment\n  - Security\n---\n',
      errors: [
        { message: asCatalogue('Data Pattern'), line: 3, column: 5, endLine: 3, endColumn: 17 },
        { message: 'Unknown category "Migration Patterns"; did you mean "Migration Pattern"?', line: 4, column: 5, endLine: 4, endColumn: 23 },
        { message: 'Unknown category "Communications Pattern"; did you mean "Communication Pattern"?', line: 5, column: 5, endLine: 5, endColumn: 27 },
        { message: 'Unknown category "Deployment"; did you mean "Deployment Pattern"?', line: 6, column: 5, endLine: 6, endColumn: 15 },
        { message: `Unknown category "Security"; known categories: ${KNOWN}`, line: 7, column: 5, endLine: 7, endColumn: 13 },
      ],
      output: '---\ncategories:\n  - Data Pattern\n  - Migration Pattern\n  - Communication Pattern\n  - Deployment\n  - Security\n---\n',
    },
    {
      name: 'a category only a user catalogue has is unknown without it',
      code: '---\ncategories: [Security Pattern]\n---\n',
      errors: [{ message: `Unknown category "Security Pattern"; known categories: ${KNOWN}`, line: 2, column: 14, endLine: 2, endColumn: 30 }],
    },
    {
      name: 'a pattern whose category is not listed: a warning, not fixed',
      code: '---\npatterns: [saga-pattern, cqrs-pattern, outbox-pattern]\ncategories: Data Pattern\n---\n',
      errors: [{ message: notListed('Transaction Pattern', 'saga-pattern'), line: 2, column: 12, endLine: 2, endColumn: 24, severity: 'warn' }],
    },
    {
      name: 'the warning points at the slug of an object reference',
      code: '---\npatterns:\n  - sharding-pattern\n  - slug: sidecar-pattern\n    category: Deployment Pattern\ncategories:\n  - Data Pattern\n---\n',
      errors: [{ message: notListed('Deployment Pattern', 'sidecar-pattern'), line: 4, column: 11, endLine: 4, endColumn: 26, severity: 'warn' }],
    },
    {
      name: 'a wrong category and an unlisted one: an error and a warning',
      code: '---\npatterns:\n  - slug: saga-pattern\n    category: Data Pattern\ncategories: [Data Pattern]\n---\n',
      errors: [
        { message: notListed('Transaction Pattern', 'saga-pattern'), line: 3, column: 11, endLine: 3, endColumn: 23, severity: 'warn' },
        { message: inCategory('saga-pattern', 'Transaction Pattern', 'Data Pattern'), line: 4, column: 15, endLine: 4, endColumn: 27, severity: 'error' },
      ],
      output: '---\npatterns:\n  - slug: saga-pattern\n    category: Transaction Pattern\ncategories: [Data Pattern]\n---\n',
    },
    {
      name: 'a listed category with a fixable typo counts as listed: one report',
      code: '---\npatterns: [saga-pattern]\ncategories: [Transaction Patterns]\n---\n',
      errors: [{ message: 'Unknown category "Transaction Patterns"; did you mean "Transaction Pattern"?', line: 3, column: 14, endLine: 3, endColumn: 34 }],
      output: '---\npatterns: [saga-pattern]\ncategories: [Transaction Pattern]\n---\n',
    },
    {
      name: 'a user catalogue category: the right one named and fixed',
      code: '---\npatterns:\n  - slug: zero-trust\n    category: Data Pattern\ncategories: [security pattern]\n---\n',
      catalogue: ZERO_TRUST_CATALOGUE,
      errors: [
        { message: inCategory('zero-trust', 'Security Pattern', 'Data Pattern'), line: 4, column: 15, endLine: 4, endColumn: 27 },
        { message: asCatalogue('Security Pattern'), line: 5, column: 14, endLine: 5, endColumn: 30 },
      ],
      output: '---\npatterns:\n  - slug: zero-trust\n    category: Security Pattern\ncategories: [Security Pattern]\n---\n',
    },
    {
      name: 'BOM + CRLF: positions on the real lines, the output keeps both',
      code: '\uFEFF---\r\npatterns:\r\n  - slug: cqrs-pattern\r\n    category: data pattern\r\ncategories:\r\n  - Data Patern\r\n---\r\n',
      errors: [
        { message: asCatalogue('Data Pattern'), line: 4, column: 15, endLine: 4, endColumn: 27 },
        { message: 'Unknown category "Data Patern"; did you mean "Data Pattern"?', line: 6, column: 5, endLine: 6, endColumn: 16 },
      ],
      output: '\uFEFF---\r\npatterns:\r\n  - slug: cqrs-pattern\r\n    category: Data Pattern\r\ncategories:\r\n  - Data Pattern\r\n---\r\n',
    },
    {
      name: 'block scalars: the message quotes one line, the fix keeps the line break',
      code: '---\ncategories: >\n  Data Patterns\npatterns:\n  - slug: cqrs-pattern\n    category: |\n      Data Pattern\n---\n',
      errors: [
        { message: 'Unknown category "Data Patterns"; did you mean "Data Pattern"?', line: 2, column: 13, endLine: 3, endColumn: 16 },
        { message: asCatalogue('Data Pattern'), line: 6, column: 15, endLine: 7, endColumn: 19 },
      ],
      output: '---\ncategories: Data Pattern\npatterns:\n  - slug: cqrs-pattern\n    category: Data Pattern\n---\n',
    },
    {
      name: 'aliases are reported and replaced where written, the anchor left alone',
      code: '---\nx: &c data pattern\ncategories: [*c]\npatterns:\n  - slug: saga-pattern\n    category: *c\n---\n',
      errors: [
        { message: asCatalogue('Data Pattern'), line: 3, column: 14, endLine: 3, endColumn: 16 },
        { message: notListed('Transaction Pattern', 'saga-pattern'), line: 5, column: 11, endLine: 5, endColumn: 23, severity: 'warn' },
        { message: inCategory('saga-pattern', 'Transaction Pattern', 'data pattern'), line: 6, column: 15, endLine: 6, endColumn: 17 },
      ],
      output: '---\nx: &c data pattern\ncategories: [Data Pattern]\npatterns:\n  - slug: saga-pattern\n    category: Transaction Pattern\n---\n',
    },
  ],
});
