import { ruleTester } from '../helpers/rule-tester.ts';

const unmentioned = (slug: string, name: string) =>
  `"${slug}" is declared but the text never mentions ${name}; say how the decision uses it, or remove it`;

ruleTester('pattern-unmentioned', {
  valid: [
    { name: 'the rule docs example', code: '---\npatterns: [sharding-pattern]\n---\n\n# Split the orders table\n\nWe apply sharding to orders by customer.\n' },
    { name: 'mentioned by an alias', code: '---\npatterns: [saga-pattern]\n---\n\nEach step is a saga.\n' },
    { name: 'mentioned in a plural form', code: '---\npatterns: [circuit-breaker-pattern]\n---\n\nAll clients get circuit breakers.\n' },
    { name: 'mentioned only in a heading', code: '---\npatterns: [cqrs-pattern]\n---\n\n# CQRS for the catalogue\n\nReads and writes split.\n' },
    { name: 'mentioned only in link text', code: '---\npatterns: [outbox-pattern]\n---\n\nSee [the outbox pattern](https://x.com/a).\n' },
    { name: 'mentioned in a table cell', code: '---\npatterns: [sidecar-pattern]\n---\n\n| Concern | How |\n|---|---|\n| TLS | a sidecar |\n' },
    {
      name: 'declared by name, code and alias, each mentioned',
      code: "---\npatterns: [Event Sourcing Pattern, '11', EDA]\n---\n\nThe ledger is event-sourced, sharding by account, in an event-driven architecture.\n",
    },
    { name: 'declared in object form, mentioned', code: '---\npatterns:\n  - slug: strangler-fig-pattern\n    category: Migration Pattern\n---\n\nA strangler fig around the monolith.\n' },
    { name: 'no patterns declared', code: '---\nstatus: accepted\n---\n\nNothing about patterns.\n' },
    { name: 'no frontmatter', code: '# Orders\n\nNothing about patterns.\n' },
    { name: 'an unknown reference is pattern-slug’s business', code: '---\npatterns: [no-such-pattern]\n---\n\nNothing.\n' },
    { name: 'a broken frontmatter declares nothing', code: '---\npatterns: [saga-pattern\n---\n\nNothing.\n' },
  ],
  invalid: [
    {
      name: 'the rule docs example, wrong',
      code: '---\npatterns: [sharding-pattern]\n---\n\n# Split the orders table\n\nWe split orders by customer.\n',
      errors: [
        { message: unmentioned('sharding-pattern', 'Sharding Pattern'), line: 2, column: 12, endLine: 2, endColumn: 28, severity: 'error' },
      ],
    },
    {
      name: 'reported at the reference as written (a name)',
      code: '---\npatterns:\n  - Saga Pattern\n---\n\nOrders are placed.\n',
      errors: [{ message: unmentioned('saga-pattern', 'Saga Pattern'), line: 3, column: 5, endColumn: 17 }],
    },
    {
      name: 'object form: at the slug',
      code: '---\npatterns:\n  - slug: cqrs-pattern\n    category: Data Pattern\n---\n\nNothing.\n',
      errors: [{ message: unmentioned('cqrs-pattern', 'CQRS Pattern'), line: 3, column: 11, endColumn: 23 }],
    },
    {
      name: 'only the unmentioned one of two',
      code: '---\npatterns: [saga-pattern, outbox-pattern]\n---\n\nThe saga publishes events.\n',
      errors: [{ message: unmentioned('outbox-pattern', 'Outbox Pattern'), line: 2, column: 26, endColumn: 40 }],
    },
    {
      name: 'mentions in code do not count',
      code: '---\npatterns: [saga-pattern]\n---\n\n```\nsaga.start()\n```\n\nCall `saga.next()`.\n',
      errors: [{ message: unmentioned('saga-pattern', 'Saga Pattern'), line: 2, column: 12 }],
    },
    {
      name: 'mentions in URLs, images and HTML do not count',
      code: '---\npatterns: [sidecar-pattern]\n---\n\nSee https://x.com/sidecar and ![sidecar](s.png).\n\n<p>sidecar</p>\n',
      errors: [{ message: unmentioned('sidecar-pattern', 'Sidecar Pattern'), line: 2, column: 12 }],
    },
    {
      name: 'a mention in the frontmatter does not count',
      code: '---\ntitle: Use the Saga Pattern\npatterns: [saga-pattern]\n---\n\nOrders are placed.\n',
      errors: [{ message: unmentioned('saga-pattern', 'Saga Pattern'), line: 3, column: 12 }],
    },
    {
      name: 'traps are not mentions',
      code: '---\npatterns: [cqrs-pattern, microservices-architecture, api-gateway-pattern]\n---\n\nWe follow CQS and cqrs-like naming; each microservice sits behind Amazon API Gateway.\n',
      errors: [
        { message: unmentioned('cqrs-pattern', 'CQRS Pattern'), line: 2, column: 12 },
        { message: unmentioned('microservices-architecture', 'Microservices Architecture'), line: 2, column: 26 },
        { message: unmentioned('api-gateway-pattern', 'API Gateway Pattern'), line: 2, column: 54 },
      ],
    },
    {
      name: 'an acronym in lower case is not a mention',
      code: '---\npatterns: [EDA]\n---\n\nOur eda notebooks.\n',
      errors: [{ message: unmentioned('event-driven-architecture', 'Event-Driven Architecture'), line: 2, column: 12, endColumn: 15 }],
    },
    {
      name: 'a single scalar reference',
      code: '---\npatterns: strangler-fig-pattern\n---\n\nWe rewrite the billing module.\n',
      errors: [{ message: unmentioned('strangler-fig-pattern', 'Strangler Fig Pattern'), line: 2, column: 11 }],
    },
    {
      name: 'a pattern declared twice is reported once, at its first reference',
      code: '---\npatterns:\n  - saga\n  - Saga Pattern\n---\n\nNothing.\n',
      errors: [{ message: unmentioned('saga-pattern', 'Saga Pattern'), line: 3, column: 5 }],
    },
    {
      name: 'a file without a body',
      code: '---\npatterns: [shard]\n---\n',
      errors: [{ message: unmentioned('sharding-pattern', 'Sharding Pattern'), line: 2, column: 12, endColumn: 17 }],
    },
    {
      name: 'CRLF and a BOM',
      code: '\uFEFF---\r\nstatus: accepted\r\npatterns:\r\n  - outbox-pattern\r\n---\r\n\r\nNo mention.\r\n',
      errors: [{ message: unmentioned('outbox-pattern', 'Outbox Pattern'), line: 4, column: 5, endLine: 4, endColumn: 19 }],
    },
    {
      name: 'a pattern from a user catalogue',
      code: '---\npatterns: [bff-pattern]\n---\n\nEach client gets its own API.\n',
      catalogue: 'categories: [Edge Pattern]\npatterns:\n  - slug: bff-pattern\n    name: Backend for Frontend\n    category: Edge Pattern\n',
      errors: [{ message: unmentioned('bff-pattern', 'Backend for Frontend'), line: 2, column: 12 }],
    },
  ],
});
