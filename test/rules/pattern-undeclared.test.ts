import { describe, expect, it } from 'vitest';
import { lintWithRule, ruleTester } from '../helpers/rule-tester.ts';

// A set of two ADRs (the linted one is docs/adr/0001-test.md) where nothing declares `patterns`.
const UNADOPTED = { 'docs/adr/0002-billing.md': '# 2. Billing\n\nInvoices are read through CQRS.\n' };
// The same set once one ADR declares `patterns`.
const ADOPTED = { 'docs/adr/0002-billing.md': '---\npatterns: [cqrs-pattern]\n---\n\n# 2. Billing\n\nInvoices are read through CQRS.\n' };
const SAGA_ADR = '# 1. Order flow\n\nWe coordinate the steps with a saga.\n';
const SAGA_ADR_FIXED = '---\npatterns:\n  - saga-pattern\n---\n\n# 1. Order flow\n\nWe coordinate the steps with a saga.\n';

// A MADR record whose decision chose the saga: the other option's microservices and the negated
// gateway are not uses; the chosen option, the decision and the consequences are.
const MADR = [
  '---',
  'status: accepted',
  '---',
  '',
  '# Coordinate orders',
  '',
  '## Considered Options',
  '',
  '* Saga with compensations',
  '* Two-phase commit over microservices',
  '',
  '## Decision Outcome',
  '',
  'Chosen option: "Saga with compensations", because each step stays local.',
  'The order service does not act as a shared API gateway.',
  '',
  '### Consequences',
  '',
  '* Good, because CQRS read models stay simple.',
  '',
  '## Pros and Cons of the Options',
  '',
  '### Two-phase commit over microservices',
  '',
  '* Bad, because using microservices would introduce many complexities.',
  '',
].join('\n');

const undeclared = (text: string, slug: string) => `"${text}" mentions the pattern "${slug}"; declare it under "patterns" in the frontmatter`;

ruleTester('pattern-undeclared', {
  valid: [
    { name: 'default config, no ADR of the set declares patterns: silent', code: SAGA_ADR, files: UNADOPTED, byDefault: true },
    {
      name: 'default config: patterns declared in another folder do not adopt them here',
      code: SAGA_ADR,
      files: { ...UNADOPTED, 'docs/other/0001-x.md': '---\npatterns: [cqrs-pattern]\n---\n\n# X\n' },
      byDefault: true,
    },
    {
      name: 'default config: the folder template declaring patterns is not an ADR of the set',
      code: SAGA_ADR,
      files: { ...UNADOPTED, 'docs/adr/template.md': '---\npatterns: []\n---\n\n# {Title}\n' },
      byDefault: true,
    },
    {
      name: 'negated and set-aside mentions are not uses',
      code: '---\nstatus: accepted\n---\n\nThis service does not act as a shared API gateway. We use two-phase commit instead of a saga, rather than CQRS.\n',
    },
    {
      name: 'a considered option the decision did not choose is not a use',
      code: '---\nstatus: accepted\n---\n\n## Considered Options\n\n* Microservices\n* A modular monolith\n\n## Decision Outcome\n\nChosen option: "A modular monolith".\n\n## Pros and Cons of the Options\n\n### Microservices\n\n* Bad, because using microservices would introduce many complexities.\n',
    },
    {
      name: 'a typo that pattern-slug fixes already declares its pattern',
      code: '---\npatterns: [sagapatern]\n---\n\nWe use the saga pattern.\n',
    },
    { name: 'mentioned and declared by slug', code: '---\npatterns: [saga-pattern]\n---\n\nWe coordinate the steps with a saga.\n' },
    {
      name: 'declared by name, code and alias',
      code: "---\npatterns: [Saga Pattern, '05', sidecar]\n---\n\nA saga, CQRS for reads and a sidecar per pod.\n",
    },
    {
      name: 'declared in object form',
      code: '---\npatterns:\n  - slug: outbox-pattern\n    category: Data Pattern\n---\n\nEvents leave through a transactional outbox.\n',
    },
    { name: 'no mention at all', code: '---\nstatus: accepted\n---\n\n# Orders\n\nWe keep one database.\n' },
    { name: 'mentions only in code', code: '---\nstatus: accepted\n---\n\n```ts\nconst saga = new Saga();\n```\n\nCall `CQRS.dispatch()`.\n' },
    {
      name: 'mentions only in URLs, images, HTML and definitions',
      code: '---\nstatus: accepted\n---\n\nSee https://x.com/saga and ![sidecar](s.png).\n\n<div>CQRS</div>\n\n[ref]: https://x.com/outbox "Outbox Pattern"\n',
    },
    { name: 'traps are not mentions', code: '---\nstatus: accepted\n---\n\nEach microservice uses redux-saga behind Amazon API Gateway; store the saga_id.\n' },
    { name: 'acronyms in the wrong case are not mentions', code: '---\nstatus: accepted\n---\n\nWe considered cqrs and soa.\n' },
    { name: 'mentions in the frontmatter do not count', code: '---\ntitle: Saga Pattern for orders\n---\n\nWe split the steps.\n' },
    {
      name: 'a broken frontmatter (YAML error): cannot tell what is declared',
      code: '---\npatterns: [saga-pattern\n---\n\nWe use a saga.\n',
    },
    { name: 'a frontmatter that is not a mapping', code: '---\n- saga-pattern\n---\n\nWe use a saga.\n' },
    { name: 'an opening --- that never closes', code: '---\ntitle: Orders\n\nWe use a saga.\n' },
    { name: 'minMentions: a single passing mention is not enough', code: '---\nstatus: accepted\n---\n\nOne saga step is one local transaction.\n', options: { minMentions: 2 } },
    {
      name: 'minMentions: a declared pattern is fine however often it is mentioned',
      code: '---\npatterns: [saga-pattern]\n---\n\nA saga. The saga. Sagas.\n',
      options: { minMentions: 2 },
    },
    {
      name: 'a user catalogue pattern, declared',
      code: '---\npatterns: [bff-pattern]\n---\n\nEach client gets a backend for frontend.\n',
      catalogue: 'categories: [Edge Pattern]\npatterns:\n  - slug: bff-pattern\n    name: Backend for Frontend\n    category: Edge Pattern\n',
    },
  ],
  invalid: [
    {
      name: 'default config, the same set once one ADR declares patterns: the rule applies',
      code: SAGA_ADR,
      files: ADOPTED,
      byDefault: true,
      output: SAGA_ADR_FIXED,
      errors: [{ message: undeclared('saga', 'saga-pattern'), line: 3, column: 32, endColumn: 36, severity: 'warn' }],
    },
    {
      name: 'default config: an empty patterns key in the ADR itself adopts them',
      code: '---\npatterns: []\n---\n\nWe use a saga.\n',
      files: UNADOPTED,
      byDefault: true,
      output: '---\npatterns: [saga-pattern]\n---\n\nWe use a saga.\n',
      errors: [{ message: undeclared('saga', 'saga-pattern'), line: 5, column: 10 }],
    },
    {
      name: 'explicit config (the rule set by name) applies on a set that never adopted patterns',
      code: SAGA_ADR,
      files: UNADOPTED,
      output: SAGA_ADR_FIXED,
      errors: [{ message: undeclared('saga', 'saga-pattern'), line: 3, column: 32 }],
    },
    {
      name: 'a catalogue in the config applies the rule on a set that never adopted patterns',
      code: SAGA_ADR,
      files: UNADOPTED,
      byDefault: true,
      catalogue: 'categories: [Edge Pattern]\npatterns:\n  - slug: bff-pattern\n    name: Backend for Frontend\n    category: Edge Pattern\n',
      output: SAGA_ADR_FIXED,
      errors: [{ message: undeclared('saga', 'saga-pattern'), line: 3, column: 32 }],
    },
    {
      name: 'the strict preset names every rule: it applies on a set that never adopted patterns',
      code: SAGA_ADR,
      files: UNADOPTED,
      byDefault: true,
      config: { extends: 'strict' },
      output: SAGA_ADR_FIXED,
      errors: [{ message: undeclared('saga', 'saga-pattern'), line: 3, column: 32, severity: 'error' }],
    },
    {
      name: 'MADR: the chosen option, the decision and the consequences count; the rejected option and the negated gateway do not',
      code: MADR,
      output: MADR.replace('status: accepted\n', 'status: accepted\npatterns:\n  - saga-pattern\n  - cqrs-pattern\n'),
      errors: [
        { message: undeclared('Saga', 'saga-pattern'), line: 9, column: 3, endColumn: 7 },
        { message: undeclared('CQRS', 'cqrs-pattern'), line: 19, column: 17, endColumn: 21 },
      ],
    },
    {
      name: 'the first mention that is a use is the one reported',
      code: '---\nstatus: accepted\n---\n\nWe considered not using a saga.\n\nThe saga coordinates the steps.\n',
      output: '---\nstatus: accepted\npatterns:\n  - saga-pattern\n---\n\nWe considered not using a saga.\n\nThe saga coordinates the steps.\n',
      errors: [{ message: undeclared('saga', 'saga-pattern'), line: 7, column: 5, endColumn: 9 }],
    },
    {
      name: 'the rule docs example',
      code: '---\nstatus: accepted\n---\n\n# Order flow\n\nWe coordinate the steps with a saga.\n',
      output: '---\nstatus: accepted\npatterns:\n  - saga-pattern\n---\n\n# Order flow\n\nWe coordinate the steps with a saga.\n',
      errors: [{ message: undeclared('saga', 'saga-pattern'), line: 7, column: 32, endLine: 7, endColumn: 36, severity: 'warn' }],
    },
    {
      name: 'reported once per pattern, at its first mention',
      code: '---\nstatus: accepted\n---\n\nA saga here, a saga there.\nSagas everywhere.\n',
      output: '---\nstatus: accepted\npatterns:\n  - saga-pattern\n---\n\nA saga here, a saga there.\nSagas everywhere.\n',
      errors: [{ message: undeclared('saga', 'saga-pattern'), line: 5, column: 3, endColumn: 7 }],
    },
    {
      name: 'a heading mention is the first mention',
      code: '---\nstatus: accepted\n---\n\n# Why a Saga Pattern\n\nWe use a saga.\n',
      output: '---\nstatus: accepted\npatterns:\n  - saga-pattern\n---\n\n# Why a Saga Pattern\n\nWe use a saga.\n',
      errors: [{ message: undeclared('Saga Pattern', 'saga-pattern'), line: 5, column: 9, endColumn: 21 }],
    },
    {
      name: 'a file without frontmatter',
      code: '# Read models\n\nWe apply CQRS to the catalogue.\n',
      output: '---\npatterns:\n  - cqrs-pattern\n---\n\n# Read models\n\nWe apply CQRS to the catalogue.\n',
      errors: [{ message: undeclared('CQRS', 'cqrs-pattern'), line: 3, column: 10, endColumn: 14 }],
    },
    {
      name: 'several patterns, in order of their first mention',
      code: '---\npatterns: [saga-pattern]\n---\n\nThe saga writes to a transactional outbox; an API gateway fronts it.\nThe outbox pattern is polled.\n',
      output: '---\npatterns: [saga-pattern, outbox-pattern, api-gateway-pattern]\n---\n\nThe saga writes to a transactional outbox; an API gateway fronts it.\nThe outbox pattern is polled.\n',
      errors: [
        { message: undeclared('transactional outbox', 'outbox-pattern'), line: 5, column: 22, endColumn: 42 },
        { message: undeclared('API gateway', 'api-gateway-pattern'), line: 5, column: 47, endColumn: 58 },
      ],
    },
    {
      name: 'only the undeclared one of a declared pair',
      code: '---\npatterns: [Saga Pattern, CQRS]\n---\n\n## Sidecars\n\nA saga and CQRS and sidecars.\n',
      output: '---\npatterns: [Saga Pattern, CQRS, sidecar-pattern]\n---\n\n## Sidecars\n\nA saga and CQRS and sidecars.\n',
      errors: [{ message: undeclared('Sidecars', 'sidecar-pattern'), line: 5, column: 4, endColumn: 12 }],
    },
    {
      name: 'declared under another key does not count',
      code: '---\ntags: [saga-pattern]\n---\n\nWe use a saga.\n',
      output: '---\ntags: [saga-pattern]\npatterns:\n  - saga-pattern\n---\n\nWe use a saga.\n',
      errors: [{ message: undeclared('saga', 'saga-pattern'), line: 5, column: 10 }],
    },
    {
      name: 'an empty patterns key declares nothing',
      code: '---\npatterns:\n---\n\nEvent sourcing keeps the history.\n',
      output: '---\npatterns: [event-sourcing-pattern]\n---\n\nEvent sourcing keeps the history.\n',
      errors: [{ message: undeclared('Event sourcing', 'event-sourcing-pattern'), line: 5, column: 1, endColumn: 15 }],
    },
    {
      name: 'an unknown reference declares nothing',
      code: '---\npatterns: [sagas-pattern]\n---\n\nWe use a saga.\n',
      output: '---\npatterns: [sagas-pattern, saga-pattern]\n---\n\nWe use a saga.\n',
      errors: [{ message: undeclared('saga', 'saga-pattern'), line: 5, column: 10 }],
    },
    {
      name: 'mentions in link text, lists, tables and blockquotes count',
      code: '---\nstatus: accepted\n---\n\n- see [sharding](https://x.com/a)\n\n| a | Circuit breakers |\n|---|---|\n\n> a strangler fig\n',
      output: '---\nstatus: accepted\npatterns:\n  - sharding-pattern\n  - circuit-breaker-pattern\n  - strangler-fig-pattern\n---\n\n- see [sharding](https://x.com/a)\n\n| a | Circuit breakers |\n|---|---|\n\n> a strangler fig\n',
      errors: [
        { message: undeclared('sharding', 'sharding-pattern'), line: 5, column: 8, endColumn: 16 },
        { message: undeclared('Circuit breakers', 'circuit-breaker-pattern'), line: 7, column: 7, endColumn: 23 },
        { message: undeclared('strangler fig', 'strangler-fig-pattern'), line: 10, column: 5, endColumn: 18 },
      ],
    },
    {
      name: 'hyphen or space and plural forms',
      code: '---\nstatus: accepted\n---\n\nAn event driven architecture of microservices.\n',
      output: '---\nstatus: accepted\npatterns:\n  - event-driven-architecture\n  - microservices-architecture\n---\n\nAn event driven architecture of microservices.\n',
      errors: [
        { message: undeclared('event driven architecture', 'event-driven-architecture'), line: 5, column: 4 },
        { message: undeclared('microservices', 'microservices-architecture'), line: 5, column: 33 },
      ],
    },
    {
      name: 'acronym in exact case',
      code: '---\nstatus: accepted\n---\n\nThe platform was SOA, then EDA.\n',
      output: '---\nstatus: accepted\npatterns:\n  - service-oriented-architecture\n  - event-driven-architecture\n---\n\nThe platform was SOA, then EDA.\n',
      errors: [
        { message: undeclared('SOA', 'service-oriented-architecture'), line: 5, column: 18 },
        { message: undeclared('EDA', 'event-driven-architecture'), line: 5, column: 28 },
      ],
    },
    {
      name: 'CRLF and a BOM: positions as in the file',
      code: '\uFEFF---\r\nstatus: accepted\r\n---\r\n\r\nFirst line.\r\nWe use [CQRS](https://x.com) here.\r\n',
      output: '\uFEFF---\r\nstatus: accepted\r\npatterns:\r\n  - cqrs-pattern\r\n---\r\n\r\nFirst line.\r\nWe use [CQRS](https://x.com) here.\r\n',
      errors: [{ message: undeclared('CQRS', 'cqrs-pattern'), line: 6, column: 9, endLine: 6, endColumn: 13 }],
    },
    {
      name: 'a term over two lines is quoted on one line',
      code: '---\nstatus: accepted\n---\n\nReads use Command Query\r\n  Responsibility Segregation.\n',
      output: '---\nstatus: accepted\npatterns:\n  - cqrs-pattern\n---\n\nReads use Command Query\r\n  Responsibility Segregation.\n',
      errors: [{ message: undeclared('Command Query Responsibility Segregation', 'cqrs-pattern'), line: 5, column: 11, endLine: 6, endColumn: 29 }],
    },
    {
      name: 'minMentions: 2 reports at the first of two mentions',
      code: '---\nstatus: accepted\n---\n\n# Sharding\n\nBeside one saga step, sharding helps here.\n',
      options: { minMentions: 2 },
      output: '---\nstatus: accepted\npatterns:\n  - sharding-pattern\n---\n\n# Sharding\n\nBeside one saga step, sharding helps here.\n',
      errors: [{ message: undeclared('Sharding', 'sharding-pattern'), line: 5, column: 3, endColumn: 11 }],
    },
    {
      name: 'minMentions: 1 is the default',
      code: '---\nstatus: accepted\n---\n\nOne saga step is one local transaction.\n',
      options: { minMentions: 1 },
      output: '---\nstatus: accepted\npatterns:\n  - saga-pattern\n---\n\nOne saga step is one local transaction.\n',
      errors: [{ message: undeclared('saga', 'saga-pattern'), line: 5, column: 5 }],
    },
    {
      name: 'a pattern from a user catalogue',
      code: '---\nstatus: accepted\n---\n\nEach client gets a Backend for Frontend.\n',
      catalogue: 'categories: [Edge Pattern]\npatterns:\n  - slug: bff-pattern\n    name: Backend for Frontend\n    category: Edge Pattern\n',
      output: '---\nstatus: accepted\npatterns:\n  - bff-pattern\n---\n\nEach client gets a Backend for Frontend.\n',
      errors: [{ message: undeclared('Backend for Frontend', 'bff-pattern'), line: 5, column: 20 }],
    },
    {
      name: 'fix: a block list keeps its odd indentation and comments',
      code: '---\nstatus: accepted   # kept\npatterns:\n    -   cqrs-pattern # why\n---\n\nA saga.\n',
      output: '---\nstatus: accepted   # kept\npatterns:\n    -   cqrs-pattern # why\n    -   saga-pattern\n---\n\nA saga.\n',
      errors: [{ message: undeclared('saga', 'saga-pattern'), line: 7, column: 3 }],
    },
    {
      name: 'fix: a block list of objects gets a slug item after the last line of the last object',
      code: '---\npatterns:\n  - slug: cqrs-pattern\n    category: Data Pattern\nstatus: accepted\n---\n\nA saga.\n',
      output: '---\npatterns:\n  - slug: cqrs-pattern\n    category: Data Pattern\n  - saga-pattern\nstatus: accepted\n---\n\nA saga.\n',
      errors: [{ message: undeclared('saga', 'saga-pattern'), line: 8, column: 3 }],
    },
    {
      name: 'fix: an empty flow list',
      code: '---\npatterns: []\n---\n\nA saga and CQRS.\n',
      output: '---\npatterns: [saga-pattern, cqrs-pattern]\n---\n\nA saga and CQRS.\n',
      errors: [
        { message: undeclared('saga', 'saga-pattern'), line: 5, column: 3 },
        { message: undeclared('CQRS', 'cqrs-pattern'), line: 5, column: 12 },
      ],
    },
    {
      name: 'fix: a single string becomes a flow list, quotes kept',
      code: '---\npatterns: "cqrs-pattern"\n---\n\nA saga.\n',
      output: '---\npatterns: ["cqrs-pattern", saga-pattern]\n---\n\nA saga.\n',
      errors: [{ message: undeclared('saga', 'saga-pattern'), line: 5, column: 3 }],
    },
    {
      name: 'fix: a key with no value, a comment after it kept',
      code: '---\npatterns: # none yet\nstatus: proposed\n---\n\nA saga.\n',
      output: '---\npatterns: [saga-pattern] # none yet\nstatus: proposed\n---\n\nA saga.\n',
      errors: [{ message: undeclared('saga', 'saga-pattern'), line: 6, column: 3 }],
    },
    {
      name: 'fix: patterns: ~',
      code: '---\npatterns: ~\n---\n\nA saga.\n',
      output: '---\npatterns: [saga-pattern]\n---\n\nA saga.\n',
      errors: [{ message: undeclared('saga', 'saga-pattern'), line: 5, column: 3 }],
    },
    {
      name: 'fix: an empty frontmatter block',
      code: '---\n---\n\nA saga.\n',
      output: '---\npatterns:\n  - saga-pattern\n---\n\nA saga.\n',
      errors: [{ message: undeclared('saga', 'saga-pattern'), line: 4, column: 3 }],
    },
    {
      name: 'fix: CRLF frontmatter gets CRLF lines',
      code: '---\r\nstatus: accepted\r\n---\r\n\r\nA saga.\r\n',
      output: '---\r\nstatus: accepted\r\npatterns:\r\n  - saga-pattern\r\n---\r\n\r\nA saga.\r\n',
      errors: [{ message: undeclared('saga', 'saga-pattern'), line: 5, column: 3 }],
    },
    {
      name: 'fix: a file without frontmatter that starts with a heading, BOM and CRLF kept',
      code: '\uFEFF# Use sagas\r\n\r\nA saga.\r\n',
      output: '\uFEFF---\r\npatterns:\r\n  - saga-pattern\r\n---\r\n\r\n# Use sagas\r\n\r\nA saga.\r\n',
      errors: [{ message: undeclared('sagas', 'saga-pattern'), line: 1, column: 7 }],
    },
  ],
});

describe('pattern-undeclared options', () => {
  it.each([
    [{ minMentions: 0 }, /minMentions: must be >= 1/],
    [{ minMentions: 1.5 }, /minMentions: must be integer/],
    [{ minMentions: '2' }, /minMentions: must be integer/],
    [{ minimum: 2 }, /unknown key "minimum"/],
  ])('rejects %j', (options, message) => {
    expect(() => lintWithRule('pattern-undeclared', 'A saga.\n', { options })).toThrow(message);
  });
});
