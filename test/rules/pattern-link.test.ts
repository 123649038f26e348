import { ruleTester } from '../helpers/rule-tester.ts';

const PAGES = 'https://learn.microsoft.com/azure/architecture/patterns';
const SAGA = `${PAGES}/saga`;
const CQRS = `${PAGES}/cqrs`;
const SIDECAR = `${PAGES}/sidecar`;
const OUTBOX = 'https://microservices.io/patterns/data/transactional-outbox.html';

const link = (name: string, text: string, url: string) => `Link the first mention of ${name}: [${text}](${url})`;

const BFF_CATALOGUE = [
  'categories: [Edge Pattern]',
  'patterns:',
  '  - slug: bff-pattern',
  '    code: BFF-1',
  '    name: Backend for Frontend',
  '    category: Edge Pattern',
  '    url: https://samnewman.io/patterns/architectural/bff/',
  '  - slug: anti-corruption-layer',
  '    name: Anti-Corruption Layer',
  '    category: Edge Pattern',
  '',
].join('\n');

// Pattern pages beside the ADR folder, as linkTemplate "../patterns/{category}/{slug}.md" names them.
const PATTERN_PAGES = {
  'docs/patterns/transaction-pattern/saga-pattern.md': '# Saga Pattern\n',
  'docs/patterns/deployment-pattern/sidecar-pattern.md': '# Sidecar Pattern\n',
  'docs/patterns/saga-pattern.md': '# Saga Pattern\n',
  'docs/patterns/cqrs-pattern.md': '# CQRS Pattern\n',
  'docs/Pattern Pages/saga-pattern.md': '# Saga Pattern\n',
};
const UNADOPTED = { 'docs/adr/0002-billing.md': '# 2. Billing\n\nInvoices are read through CQRS.\n' };
const ADOPTED = { 'docs/adr/0002-billing.md': '---\npatterns: [cqrs-pattern]\n---\n\n# 2. Billing\n\nInvoices are read through CQRS.\n' };

ruleTester('pattern-link', {
  valid: [
    { name: 'the rule docs example, right', code: `# Order flow\n\nWe coordinate the steps with the [Saga Pattern](${SAGA}).\n` },
    { name: 'default config, no ADR of the set declares patterns: silent', code: 'We use a saga.\n', files: UNADOPTED, byDefault: true },
    {
      name: 'a link to the templated page written another way',
      code: 'We use a saga; see [the page](./../patterns/saga-pattern.md#top).\n',
      config: { linkTemplate: '../patterns/{slug}.md' },
      files: PATTERN_PAGES,
    },
    { name: 'a link to the pattern page, whatever its text', code: `We use a saga. Read [this page](${SAGA}).\n` },
    { name: 'an autolink to the pattern page', code: `We use CQRS. See <${CQRS}>.\n` },
    { name: 'a reference link to the pattern page', code: `A sidecar per pod, as [described][1].\n\n[1]: ${SIDECAR}\n` },
    { name: 'mentions only in a heading', code: '# Saga Pattern\n\n## Why CQRS\n\nNothing else.\n' },
    {
      name: 'mentions only in code, inline code, HTML, images and URLs',
      code: '```\nsaga\n```\n\nCall `CQRS.send()`; <span>sidecar</span>; ![outbox pattern](o.png); https://x.com/sharding\n\n<div>\nEvent sourcing\n</div>\n',
    },
    { name: 'a link definition is not a mention', code: '[saga]: https://wiki.example.com/saga "Saga Pattern"\n' },
    { name: 'mentions only in the frontmatter', code: '---\ntitle: Saga Pattern\npatterns: [saga-pattern]\n---\n\nOrders are placed.\n' },
    { name: 'traps are not mentions', code: 'A microservice uses redux-saga behind Amazon API Gateway; store the saga_id; the UI is event-driven; cqrs.\n' },
    {
      name: 'linkTemplate: a link to the templated page',
      code: 'We use a saga; see [the catalogue](../patterns/transaction-pattern/saga-pattern.md).\n',
      config: { linkTemplate: '../patterns/{category}/{slug}.md' },
      files: PATTERN_PAGES,
    },
    {
      name: 'a user catalogue pattern without a url or template: nothing to link to',
      code: 'We add an anti-corruption layer.\n',
      catalogue: BFF_CATALOGUE,
    },
    { name: 'an opening --- that never closes', code: '---\ntitle: Orders\n\nWe use a saga.\n' },
    { name: 'no mention at all', code: '# Orders\n\nOne database, one service.\n' },
  ],
  invalid: [
    {
      name: 'default config, the same set once one ADR declares patterns: the rule applies',
      code: 'We use a saga.\n',
      files: ADOPTED,
      byDefault: true,
      errors: [{ message: link('Saga Pattern', 'saga', SAGA), line: 1, column: 10, endColumn: 14 }],
      output: `We use a [saga](${SAGA}).\n`,
    },
    {
      name: 'explicit config (the rule set by name) applies on a set that never adopted patterns',
      code: 'We use a saga.\n',
      files: UNADOPTED,
      errors: [{ message: link('Saga Pattern', 'saga', SAGA), line: 1, column: 10, endColumn: 14 }],
      output: `We use a [saga](${SAGA}).\n`,
    },
    {
      name: 'link text that names a pattern does not link it: the first mention outside links is linked',
      code: 'Read [a saga link](https://example.org/x), then the saga runs.\n',
      errors: [{ message: link('Saga Pattern', 'saga', SAGA), line: 1, column: 53, endColumn: 57 }],
      output: `Read [a saga link](https://example.org/x), then the [saga](${SAGA}) runs.\n`,
    },
    {
      name: 'a later mention in link text to another page does not link it either',
      code: 'We use a saga.\n\nMore in [our saga notes](https://wiki.example.com/orders).\n',
      errors: [{ message: link('Saga Pattern', 'saga', SAGA), line: 1, column: 10, endColumn: 14 }],
      output: `We use a [saga](${SAGA}).\n\nMore in [our saga notes](https://wiki.example.com/orders).\n`,
    },
    {
      name: 'linkTemplate: a page that does not exist is not linked to (no fix)',
      code: 'We use a saga and a sidecar.\n',
      config: { linkTemplate: '../patterns/{category}/{slug}.md' },
      files: { 'docs/patterns/transaction-pattern/saga-pattern.md': '# Saga Pattern\n' },
      errors: [
        { message: link('Saga Pattern', 'saga', '../patterns/transaction-pattern/saga-pattern.md'), line: 1, column: 10 },
        {
          message: 'Link the first mention of Sidecar Pattern once its page exists: [sidecar](../patterns/deployment-pattern/sidecar-pattern.md) leads to no file (linkTemplate)',
          line: 1,
          column: 21,
          endColumn: 28,
        },
      ],
      output: 'We use a [saga](../patterns/transaction-pattern/saga-pattern.md) and a sidecar.\n',
    },
    {
      name: 'the rule docs example',
      code: '# Order flow\n\nWe coordinate the steps with the Saga Pattern.\n',
      errors: [{ message: link('Saga Pattern', 'Saga Pattern', SAGA), line: 3, column: 34, endLine: 3, endColumn: 46, severity: 'warn' }],
      output: `# Order flow\n\nWe coordinate the steps with the [Saga Pattern](${SAGA}).\n`,
    },
    {
      name: 'only the first prose mention, keeping its text and case',
      code: 'SAGA first, then the Saga Pattern, then sagas.\n',
      errors: [{ message: link('Saga Pattern', 'SAGA', SAGA), line: 1, column: 1, endColumn: 5 }],
      output: `[SAGA](${SAGA}) first, then the Saga Pattern, then sagas.\n`,
    },
    {
      name: 'a heading mention is skipped; the first prose mention is linked',
      code: '# Saga\n\nWe chose the Saga Pattern. A saga again.\n',
      errors: [{ message: link('Saga Pattern', 'Saga Pattern', SAGA), line: 3, column: 14, endColumn: 26 }],
      output: `# Saga\n\nWe chose the [Saga Pattern](${SAGA}). A saga again.\n`,
    },
    {
      name: 'a setext heading is a heading too',
      code: 'Sidecars\n========\n\nEach pod gets sidecars.\n',
      errors: [{ message: link('Sidecar Pattern', 'sidecars', SIDECAR), line: 4, column: 15, endColumn: 23 }],
      output: `Sidecars\n========\n\nEach pod gets [sidecars](${SIDECAR}).\n`,
    },
    {
      name: 'each pattern once, in document order',
      code: 'A saga reads through CQRS.\n\nThe saga and CQRS again; the transactional outbox publishes.\n',
      errors: [
        { message: link('Saga Pattern', 'saga', SAGA), line: 1, column: 3, endColumn: 7 },
        { message: link('CQRS Pattern', 'CQRS', CQRS), line: 1, column: 22, endColumn: 26 },
        { message: link('Outbox Pattern', 'transactional outbox', OUTBOX), line: 3, column: 30, endColumn: 50 },
      ],
      output: `A [saga](${SAGA}) reads through [CQRS](${CQRS}).\n\nThe saga and CQRS again; the [transactional outbox](${OUTBOX}) publishes.\n`,
    },
    {
      name: 'one pattern linked, another not',
      code: `See the [saga](${SAGA}). CQRS splits reads.\n`,
      errors: [{ message: link('CQRS Pattern', 'CQRS', CQRS), line: 1, column: 19 + SAGA.length, endColumn: 23 + SAGA.length }],
      output: `See the [saga](${SAGA}). [CQRS](${CQRS}) splits reads.\n`,
    },
    {
      name: 'a link elsewhere to another page does not count',
      code: 'Read [the wiki](https://wiki.example.com/orders): we use a saga.\n',
      errors: [{ message: link('Saga Pattern', 'saga', SAGA), line: 1, column: 60, endColumn: 64 }],
      output: `Read [the wiki](https://wiki.example.com/orders): we use a [saga](${SAGA}).\n`,
    },
    {
      name: 'a mention in inline code or HTML is skipped; the next prose one is linked',
      code: 'Call `saga.start()` in <code>saga</code>, then the saga runs.\n',
      errors: [{ message: link('Saga Pattern', 'saga', SAGA), line: 1, column: 52, endColumn: 56 }],
      output: `Call \`saga.start()\` in <code>saga</code>, then the [saga](${SAGA}) runs.\n`,
    },
    {
      name: 'in a list item, a table cell and a blockquote',
      code: '- a sidecar per pod\n\n| Store | How |\n|---|---|\n| orders | CQRS |\n\n> the saga\n',
      errors: [
        { message: link('Sidecar Pattern', 'sidecar', SIDECAR), line: 1, column: 5, endColumn: 12 },
        { message: link('CQRS Pattern', 'CQRS', CQRS), line: 5, column: 12, endColumn: 16 },
        { message: link('Saga Pattern', 'saga', SAGA), line: 7, column: 7, endColumn: 11 },
      ],
      output: `- a [sidecar](${SIDECAR}) per pod\n\n| Store | How |\n|---|---|\n| orders | [CQRS](${CQRS}) |\n\n> the [saga](${SAGA})\n`,
    },
    {
      name: 'inside emphasis',
      code: 'We use **event sourcing** for the ledger.\n',
      errors: [
        {
          message: link('Event Sourcing Pattern', 'event sourcing', `${PAGES}/event-sourcing`),
          line: 1,
          column: 10,
          endColumn: 24,
        },
      ],
      output: `We use **[event sourcing](${PAGES}/event-sourcing)** for the ledger.\n`,
    },
    {
      name: 'a term over two lines is wrapped as written',
      code: 'We use the Saga\nPattern.\n',
      errors: [{ message: link('Saga Pattern', 'Saga Pattern', SAGA), line: 1, column: 12, endLine: 2, endColumn: 8 }],
      output: `We use the [Saga\nPattern](${SAGA}).\n`,
    },
    {
      name: 'a term over two blockquote lines: the message is one line, the fix keeps the prefix',
      code: '> We use a saga\r\n> pattern here.\r\n',
      errors: [{ message: link('Saga Pattern', 'saga pattern', SAGA), line: 1, column: 12, endLine: 2, endColumn: 10 }],
      output: `> We use a [saga\r\n> pattern](${SAGA}) here.\r\n`,
    },
    {
      name: 'CRLF and a BOM are kept',
      code: '\uFEFF---\r\ntitle: Ledger\r\n---\r\n\r\nWe use\r\nEvent Sourcing.\r\n',
      errors: [
        { message: link('Event Sourcing Pattern', 'Event Sourcing', `${PAGES}/event-sourcing`), line: 6, column: 1, endLine: 6, endColumn: 15 },
      ],
      output: `\uFEFF---\r\ntitle: Ledger\r\n---\r\n\r\nWe use\r\n[Event Sourcing](${PAGES}/event-sourcing).\r\n`,
    },
    {
      name: 'linkTemplate with {category} (slugified) and {slug}',
      code: 'We use a saga and a sidecar.\n',
      config: { linkTemplate: '../patterns/{category}/{slug}.md' },
      files: PATTERN_PAGES,
      errors: [
        { message: link('Saga Pattern', 'saga', '../patterns/transaction-pattern/saga-pattern.md'), line: 1, column: 10 },
        { message: link('Sidecar Pattern', 'sidecar', '../patterns/deployment-pattern/sidecar-pattern.md'), line: 1, column: 21 },
      ],
      output: 'We use a [saga](../patterns/transaction-pattern/saga-pattern.md) and a [sidecar](../patterns/deployment-pattern/sidecar-pattern.md).\n',
    },
    {
      name: 'linkTemplate with {code}',
      code: 'Reads go through CQRS.\n',
      config: { linkTemplate: 'https://patterns.example.com/{code}' },
      errors: [{ message: link('CQRS Pattern', 'CQRS', 'https://patterns.example.com/05'), line: 1, column: 18 }],
      output: 'Reads go through [CQRS](https://patterns.example.com/05).\n',
    },
    {
      name: 'linkTemplate: the pattern linked to its templated page is skipped, another is linked',
      code: 'Our [saga](../patterns/saga-pattern.md) reads through CQRS.\n',
      config: { linkTemplate: '../patterns/{slug}.md' },
      files: PATTERN_PAGES,
      errors: [{ message: link('CQRS Pattern', 'CQRS', '../patterns/cqrs-pattern.md'), line: 1, column: 55, endColumn: 59 }],
      output: 'Our [saga](../patterns/saga-pattern.md) reads through [CQRS](../patterns/cqrs-pattern.md).\n',
    },
    {
      name: 'linkTemplate with a space: the destination goes in angle brackets',
      code: 'We use a saga.\n',
      config: { linkTemplate: '../Pattern Pages/{slug}.md' },
      files: PATTERN_PAGES,

      errors: [{ message: link('Saga Pattern', 'saga', '<../Pattern Pages/saga-pattern.md>'), line: 1, column: 10 }],
      output: 'We use a [saga](<../Pattern Pages/saga-pattern.md>).\n',
    },
    {
      name: 'right after a bare "!", the "!" is escaped so the link is not an image',
      code: 'Finally!Sagas work.\n',
      errors: [{ message: link('Saga Pattern', 'Sagas', SAGA), line: 1, column: 9, endColumn: 14 }],
      output: `Finally\\![Sagas](${SAGA}) work.\n`,
    },
    {
      name: 'a user catalogue pattern with a url',
      code: 'Each client gets a backend for frontend.\n',
      catalogue: BFF_CATALOGUE,
      errors: [{ message: link('Backend for Frontend', 'backend for frontend', 'https://samnewman.io/patterns/architectural/bff/'), line: 1, column: 20 }],
      output: 'Each client gets a [backend for frontend](https://samnewman.io/patterns/architectural/bff/).\n',
    },
  ],
});
