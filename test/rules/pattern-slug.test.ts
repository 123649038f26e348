import { ruleTester } from '../helpers/rule-tester.ts';

const ZERO_TRUST_CATALOGUE = 'categories: [Security Pattern]\npatterns:\n  - slug: zero-trust\n    name: Zero Trust\n    category: Security Pattern\n';

const useSlug = (written: string, what: string, slug: string) => `"${written}" is ${what}; use the slug "${slug}"`;

ruleTester('pattern-slug', {
  valid: [
    { name: 'slugs in a block list', code: '---\npatterns:\n  - saga-pattern\n  - cqrs-pattern\n---\n\n# Use sagas\n' },
    { name: 'slugs in a flow list', code: '---\npatterns: [saga-pattern, "outbox-pattern", \'sharding-pattern\']\n---\n' },
    {
      name: 'slugs in object form',
      code: '---\npatterns:\n  - slug: saga-pattern\n    category: Transaction Pattern\n  - {slug: cqrs-pattern}\n---\n',
    },
    { name: 'a single slug string', code: '---\npatterns: event-sourcing-pattern\n---\n' },
    { name: 'a slug of a user catalogue', code: '---\npatterns:\n  - zero-trust\n---\n', catalogue: ZERO_TRUST_CATALOGUE },
    { name: 'no patterns key, and an empty one', code: '---\nstatus: accepted\npatterns:\n---\n' },
    { name: 'names in the body are not references', code: '---\npatterns: [saga-pattern]\n---\n\nWe use the Saga Pattern and CQRS.\n' },
    {
      name: 'non-string items are frontmatter-fields’ to report',
      code: '---\npatterns:\n  - null\n  - slug: [x]\n  - {category: Data Pattern}\n---\n',
    },
  ],
  invalid: [
    {
      name: 'a name, fixed to the slug, comments kept',
      code: '---\npatterns:\n  - cqrs-pattern\n  - Saga Pattern # the main one\n  # more to come\n---\n',
      errors: [{ message: useSlug('Saga Pattern', 'the name of a pattern', 'saga-pattern'), line: 4, column: 5, endLine: 4, endColumn: 17 }],
      output: '---\npatterns:\n  - cqrs-pattern\n  - saga-pattern # the main one\n  # more to come\n---\n',
    },
    {
      name: 'names and aliases in any case',
      code: '---\npatterns:\n  - saga pattern\n  - SAGA\n  - command query responsibility segregation\n---\n',
      errors: [
        { message: useSlug('saga pattern', 'the name of a pattern', 'saga-pattern'), line: 3, column: 5, endLine: 3, endColumn: 17 },
        { message: useSlug('SAGA', 'an alias of a pattern', 'saga-pattern'), line: 4, column: 5, endLine: 4, endColumn: 9 },
        { message: useSlug('command query responsibility segregation', 'an alias of a pattern', 'cqrs-pattern'), line: 5, column: 5, endLine: 5, endColumn: 45 },
      ],
      output: '---\npatterns:\n  - saga-pattern\n  - saga-pattern\n  - cqrs-pattern\n---\n',
    },
    {
      name: 'a code, quoted and unquoted (a YAML number, read as written)',
      code: '---\npatterns:\n  - "05"\n  - 05\n  - 12\n---\n',
      errors: [
        { message: useSlug('05', 'the code of a pattern', 'cqrs-pattern'), line: 3, column: 5, endLine: 3, endColumn: 9 },
        { message: useSlug('05', 'the code of a pattern', 'cqrs-pattern'), line: 4, column: 5, endLine: 4, endColumn: 7 },
        { message: useSlug('12', 'the code of a pattern', 'event-sourcing-pattern'), line: 5, column: 5, endLine: 5, endColumn: 7 },
      ],
      output: '---\npatterns:\n  - cqrs-pattern\n  - cqrs-pattern\n  - event-sourcing-pattern\n---\n',
    },
    {
      name: 'a slug in the wrong case is called that, not a name',
      code: '---\npatterns: [Saga-Pattern]\n---\n',
      errors: [{ message: useSlug('Saga-Pattern', 'a slug in the wrong case', 'saga-pattern'), line: 2, column: 12, endLine: 2, endColumn: 24 }],
      output: '---\npatterns: [saga-pattern]\n---\n',
    },
    {
      name: 'a flow list: the fix replaces the quotes too',
      code: '---\npatterns: [Saga Pattern, "cqrs", \'Outbox Pattern\']\n---\n',
      errors: [
        { message: useSlug('Saga Pattern', 'the name of a pattern', 'saga-pattern'), line: 2, column: 12, endLine: 2, endColumn: 24 },
        { message: useSlug('cqrs', 'an alias of a pattern', 'cqrs-pattern'), line: 2, column: 26, endLine: 2, endColumn: 32 },
        { message: useSlug('Outbox Pattern', 'the name of a pattern', 'outbox-pattern'), line: 2, column: 34, endLine: 2, endColumn: 50 },
      ],
      output: '---\npatterns: [saga-pattern, cqrs-pattern, outbox-pattern]\n---\n',
    },
    {
      name: 'object form, block and flow: only the slug value changes',
      code:
        "---\npatterns:\n  - slug: 'saga' # why\n    category: Transaction Pattern\n" +
        '  - {slug: "Outbox Pattern", category: Data Pattern}\n---\n',
      errors: [
        { message: useSlug('saga', 'an alias of a pattern', 'saga-pattern'), line: 3, column: 11, endLine: 3, endColumn: 17 },
        { message: useSlug('Outbox Pattern', 'the name of a pattern', 'outbox-pattern'), line: 5, column: 12, endLine: 5, endColumn: 28 },
      ],
      output:
        '---\npatterns:\n  - slug: saga-pattern # why\n    category: Transaction Pattern\n' +
        '  - {slug: outbox-pattern, category: Data Pattern}\n---\n',
    },
    {
      name: 'a single string instead of a list',
      code: '---\npatterns: Saga Pattern\nstatus: accepted\n---\n',
      errors: [{ message: useSlug('Saga Pattern', 'the name of a pattern', 'saga-pattern'), line: 2, column: 11, endLine: 2, endColumn: 23 }],
      output: '---\npatterns: saga-pattern\nstatus: accepted\n---\n',
    },
    {
      name: 'a typo with one close slug is fixed',
      code: '---\npatterns:\n  - cqrs-patern\n  - sagapattern\n---\n',
      errors: [
        { message: 'Unknown pattern "cqrs-patern"; did you mean "cqrs-pattern"?', line: 3, column: 5, endLine: 3, endColumn: 16 },
        { message: 'Unknown pattern "sagapattern"; did you mean "saga-pattern"?', line: 4, column: 5, endLine: 4, endColumn: 16 },
      ],
      output: '---\npatterns:\n  - cqrs-pattern\n  - saga-pattern\n---\n',
    },
    {
      name: 'a misspelt name is as close as its slug form',
      code: '---\npatterns:\n  - Cirquit Breaker Pattern\n---\n',
      errors: [{ message: 'Unknown pattern "Cirquit Breaker Pattern"; did you mean "circuit-breaker-pattern"?', line: 3, column: 5, endLine: 3, endColumn: 28 }],
      output: '---\npatterns:\n  - circuit-breaker-pattern\n---\n',
    },
    {
      name: 'two equally close slugs: suggested, not fixed',
      code: '---\npatterns:\n  - data-pattern\n---\n',
      errors: [{ message: 'Unknown pattern "data-pattern"; did you mean "saga-pattern", "cqrs-pattern"?', line: 3, column: 5, endLine: 3, endColumn: 17 }],
    },
    {
      name: 'one suggestion that is too far to be a typo: not fixed',
      code: '---\npatterns: [outbox]\n---\n',
      errors: [{ message: 'Unknown pattern "outbox"; did you mean "outbox-pattern"?', line: 2, column: 12, endLine: 2, endColumn: 18 }],
    },
    {
      name: 'nothing close: where to find the slugs',
      code: '---\npatterns:\n  - blockchain\n---\n',
      errors: [{ message: 'Unknown pattern "blockchain"; run "adrlint catalogue" to list the slugs', line: 3, column: 5, endLine: 3, endColumn: 15 }],
    },
    {
      name: 'CRLF: positions on the real lines, the output keeps CRLF',
      code: '---\r\ntitle: Use sagas\r\npatterns:\r\n  - Saga Pattern\r\n  - cqrs-patern\r\n---\r\n\r\n# Use sagas\r\n',
      errors: [
        { message: useSlug('Saga Pattern', 'the name of a pattern', 'saga-pattern'), line: 4, column: 5, endLine: 4, endColumn: 17 },
        { message: 'Unknown pattern "cqrs-patern"; did you mean "cqrs-pattern"?', line: 5, column: 5, endLine: 5, endColumn: 16 },
      ],
      output: '---\r\ntitle: Use sagas\r\npatterns:\r\n  - saga-pattern\r\n  - cqrs-pattern\r\n---\r\n\r\n# Use sagas\r\n',
    },
    {
      name: 'BOM + CRLF: columns not shifted, the output keeps the BOM',
      code: '\uFEFF---\r\npatterns: ["Saga Pattern", sagapattern]\r\n---\r\n',
      errors: [
        { message: useSlug('Saga Pattern', 'the name of a pattern', 'saga-pattern'), line: 2, column: 12, endLine: 2, endColumn: 26 },
        { message: 'Unknown pattern "sagapattern"; did you mean "saga-pattern"?', line: 2, column: 28, endLine: 2, endColumn: 39 },
      ],
      output: '\uFEFF---\r\npatterns: [saga-pattern, saga-pattern]\r\n---\r\n',
    },
    {
      name: 'a name from a user catalogue',
      code: '---\npatterns:\n  - zero trust\n---\n',
      catalogue: ZERO_TRUST_CATALOGUE,
      errors: [{ message: useSlug('zero trust', 'the name of a pattern', 'zero-trust'), line: 3, column: 5, endLine: 3, endColumn: 15 }],
      output: '---\npatterns:\n  - zero-trust\n---\n',
    },
    {
      name: 'a block scalar: the fix keeps the line break after it',
      code: '---\npatterns:\n  - |\n    Saga Pattern\n  - cqrs-pattern\n---\n',
      errors: [{ message: useSlug('Saga Pattern', 'the name of a pattern', 'saga-pattern'), line: 3, column: 5, endLine: 4, endColumn: 17 }],
      output: '---\npatterns:\n  - saga-pattern\n  - cqrs-pattern\n---\n',
    },
    {
      name: 'an alias item is reported and replaced where written, the anchor left alone',
      code: '---\nsummary: &s Saga Pattern\npatterns: [*s]\n---\n',
      errors: [{ message: useSlug('Saga Pattern', 'the name of a pattern', 'saga-pattern'), line: 3, column: 12, endLine: 3, endColumn: 14 }],
      output: '---\nsummary: &s Saga Pattern\npatterns: [saga-pattern]\n---\n',
    },
    {
      name: 'an extra key after the slug does not move the report or the fix',
      code: '---\npatterns:\n  - slug: Saga Pattern\n    note: why\n---\n',
      errors: [{ message: useSlug('Saga Pattern', 'the name of a pattern', 'saga-pattern'), line: 3, column: 11, endLine: 3, endColumn: 23 }],
      output: '---\npatterns:\n  - slug: saga-pattern\n    note: why\n---\n',
    },
  ],
});
