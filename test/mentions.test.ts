// Prose mention detection (parseAdr → adr.mentions) with the built-in catalogue: which words name a
// pattern, which look like they do but don't, and where mentions may and may not be found.
import { describe, expect, it } from 'vitest';
import { catalogueWithUser } from '../src/io/catalogue-file.ts';
import { parseAdr } from '../src/parse/parse-adr.ts';

const catalogue = catalogueWithUser(null, null);

const mentionsOf = (markdown: string) => parseAdr('/adr/0001-test.md', markdown, catalogue).mentions;
const found = (markdown: string) => mentionsOf(markdown).map(({ slug, text }) => ({ slug, text }));

type Row = [label: string, markdown: string, expected: Array<[slug: string, text: string]>];

const rows: Row[] = [
  // Names, aliases and their spellings
  ['pattern name', 'We chose the Saga Pattern.', [['saga-pattern', 'Saga Pattern']]],
  ['alias in lower case', 'Each step is a saga.', [['saga-pattern', 'saga']]],
  ['word in capitals', 'THE SAGA PATTERN', [['saga-pattern', 'SAGA PATTERN']]],
  ['plural -s', 'Two sagas and many sidecars.', [['saga-pattern', 'sagas'], ['sidecar-pattern', 'sidecars']]],
  ['plural of a two-word alias', 'Add circuit breakers to every client.', [['circuit-breaker-pattern', 'circuit breakers']]],
  ['hyphenated alias', 'A circuit-breaker guards the call.', [['circuit-breaker-pattern', 'circuit-breaker']]],
  ['name with hyphen', 'An Event-Driven Architecture.', [['event-driven-architecture', 'Event-Driven Architecture']]],
  ['name with space for hyphen', 'An event driven architecture.', [['event-driven-architecture', 'event driven architecture']]],
  ['name with hyphen for space', 'Introduce the strangler-fig pattern.', [['strangler-fig-pattern', 'strangler-fig pattern']]],
  ['longest term wins', 'Microservices Architecture, not microservices alone.', [
    ['microservices-architecture', 'Microservices Architecture'],
    ['microservices-architecture', 'microservices'],
  ]],
  ['service-oriented spelled both ways', 'service oriented architecture or Service-Oriented Architecture', [
    ['service-oriented-architecture', 'service oriented architecture'],
    ['service-oriented-architecture', 'Service-Oriented Architecture'],
  ]],
  ['long CQRS alias', 'Command and Query Responsibility Segregation splits models.', [
    ['cqrs-pattern', 'Command and Query Responsibility Segregation'],
  ]],
  ['transactional outbox', 'Publish through a transactional outbox.', [['outbox-pattern', 'transactional outbox']]],
  ['sharding aliases', 'database sharding puts rows in shards.', [['sharding-pattern', 'database sharding'], ['sharding-pattern', 'shards']]],
  ['event-sourced', 'The order aggregate is event-sourced.', [['event-sourcing-pattern', 'event-sourced']]],
  ['API gateway in any case', 'Put an api gateway in front; two API Gateways.', [
    ['api-gateway-pattern', 'api gateway'],
    ['api-gateway-pattern', 'API Gateways'],
  ]],
  ['possessive and sentence punctuation', 'The saga’s steps. (CQRS) "Sidecar"!', [
    ['saga-pattern', 'saga'],
    ['cqrs-pattern', 'CQRS'],
    ['sidecar-pattern', 'Sidecar'],
  ]],
  ['a term broken over two lines', 'We use the Saga\nPattern here.', [['saga-pattern', 'Saga\nPattern']]],

  // Acronyms: exact case only
  ['acronyms in capitals', 'CQRS, SOA and EDA.', [
    ['cqrs-pattern', 'CQRS'],
    ['service-oriented-architecture', 'SOA'],
    ['event-driven-architecture', 'EDA'],
  ]],
  ['acronyms in lower or mixed case are not mentions', 'cqrs, Soa, eda and Cqrs.', []],
  ['acronym followed by slash', 'CQRS/ES is common.', [['cqrs-pattern', 'CQRS']]],

  // Traps: words that look like a pattern but are not one
  ['"a microservice" is one service', 'Each microservice owns its data.', []],
  ['redux-saga library', 'The UI uses redux-saga and Redux Saga.', []],
  ['Amazon API Gateway product', 'Deployed on Amazon API Gateway.', []],
  ['MeshCircuitBreaker policy', 'Configure a MeshCircuitBreaker policy.', []],
  ['identifier saga_id', 'Store the saga_id column.', []],
  ['escaped identifier saga\\_id', 'Store the saga\\_id column.', []],
  ['"event-driven" alone', 'The UI is event-driven.', []],
  ['"gateway" alone', 'The payment gateway and the NAT gateway.', []],
  ['"outbox" alone', 'Check your outbox.', []],
  ['CQS is a different principle', 'Follow CQS in the API.', []],
  ['SOA record is DNS', 'Update the SOA record.', []],
  ['sidecar files are photo metadata', 'Lightroom writes sidecar files.', []],
  ['blockchain sharding', 'Not to be confused with blockchain sharding.', []],
  ['part of a longer word', 'Sagacity, sharded keys, shardingsphere.', []],

  // Where prose is, and where it is not
  ['heading', '# Use a saga\n', [['saga-pattern', 'saga']]],
  ['blockquote', '> A saga coordinates.\n', [['saga-pattern', 'saga']]],
  ['list item', '- CQRS for reads\n- a sidecar\n', [['cqrs-pattern', 'CQRS'], ['sidecar-pattern', 'sidecar']]],
  ['emphasis, strong and strikethrough', '*saga*, **CQRS**, ~~sidecar~~', [
    ['saga-pattern', 'saga'],
    ['cqrs-pattern', 'CQRS'],
    ['sidecar-pattern', 'sidecar'],
  ]],
  ['GFM table cells', '| Option | Pattern |\n|---|---|\n| A | saga |\n| B | CQRS |\n', [['saga-pattern', 'saga'], ['cqrs-pattern', 'CQRS']]],
  ['link text', 'See [the saga](https://example.com/x).', [['saga-pattern', 'saga']]],
  ['reference link text', 'See [CQRS][1].\n\n[1]: https://example.com/x\n', [['cqrs-pattern', 'CQRS']]],
  ['fenced code', '```\nsaga CQRS\n```\n', []],
  ['indented code', 'Text.\n\n    saga CQRS\n', []],
  ['inline code', 'Call `saga.start()` and `CQRS`.', []],
  ['link URL', 'See [docs](https://example.com/saga/cqrs).', []],
  ['link definition', '[docs]: https://example.com/saga "Saga Pattern"\n', []],
  ['bare URL', 'See https://x.com/saga for details.', []],
  ['angle-bracket autolink', 'See <https://x.com/saga>.', []],
  ['www autolink', 'See www.example.com/saga today.', []],
  ['e-mail address', 'Write to saga@example.com or cqrs.team@example.org.', []],
  ['a table cell is prose', '| Option | Notes |\n| --- | --- |\n| A | the saga |\n', [['saga-pattern', 'saga']]],
  ['URL that markdown does not link', 'Mirror at ftp://files.example.com/saga only.', []],
  ['image alt text', '![saga diagram](saga.png)', []],
  ['HTML block', '<div>\nA saga here.\n</div>\n', []],
  ['inline HTML element', 'Use <code>CQRS</code> and <a href="x">saga</a>; <b>sidecar</b>.', []],
  ['HTML comment', '<!-- saga, CQRS -->\n', []],
  ['text after a void HTML element is prose', 'Line<br>a saga', [['saga-pattern', 'saga']]],
  ['frontmatter', '---\ntitle: Saga Pattern\npatterns: [saga-pattern]\n---\n\nNo mention here.\n', []],
  ['text around a mistyped (text)[url] link', 'A saga (see)[https://x.com/saga] and CQRS.', [['saga-pattern', 'saga'], ['cqrs-pattern', 'CQRS']]],
];

describe('prose mentions', () => {
  it.each(rows)('%s', (_label, markdown, expected) => {
    expect(found(markdown)).toEqual(expected.map(([slug, text]) => ({ slug, text })));
  });
});

describe('mention ranges and flags', () => {
  it('gives exact ranges into the text', () => {
    const markdown = 'We chose the Saga Pattern and CQRS.';
    expect(mentionsOf(markdown)).toEqual([
      { slug: 'saga-pattern', text: 'Saga Pattern', range: [13, 25], inHeading: false, inLink: false, rejected: false },
      { slug: 'cqrs-pattern', text: 'CQRS', range: [30, 34], inHeading: false, inLink: false, rejected: false },
    ]);
    for (const mention of mentionsOf(markdown)) expect(markdown.slice(...mention.range)).toBe(mention.text);
  });

  it('marks mentions in headings and in link text', () => {
    const markdown = '# Saga\n\nRead [about CQRS](https://x.com/a).\n';
    expect(mentionsOf(markdown)).toEqual([
      { slug: 'saga-pattern', text: 'Saga', range: [2, 6], inHeading: true, inLink: false, rejected: false },
      { slug: 'cqrs-pattern', text: 'CQRS', range: [20, 24], inHeading: false, inLink: true, rejected: false },
    ]);
  });

  it('marks setext headings', () => {
    expect(mentionsOf('Sidecar\n=======\n\nBody.\n')).toEqual([
      { slug: 'sidecar-pattern', text: 'Sidecar', range: [0, 7], inHeading: true, inLink: false, rejected: false },
    ]);
  });

  it('is exact on CRLF files after a frontmatter', () => {
    const markdown = '---\r\ntitle: x\r\n---\r\n\r\nLine one.\r\nA saga and\r\nCQRS here.\r\n';
    const mentions = mentionsOf(markdown);
    expect(mentions.map((m) => m.range)).toEqual([
      [35, 39],
      [45, 49],
    ]);
    const adr = parseAdr('/adr/0001-test.md', markdown, catalogue);
    expect(mentions.map((m) => adr.lines.position(m.range[0]))).toEqual([
      { line: 6, column: 3 },
      { line: 7, column: 1 },
    ]);
    for (const mention of mentions) expect(markdown.slice(...mention.range)).toBe(mention.text);
  });

  it('counts offsets after the BOM (the text without it)', () => {
    const adr = parseAdr('/adr/0001-test.md', '\uFEFF---\ntitle: x\n---\nA saga.\n', catalogue);
    expect(adr.bom).toBe(true);
    expect(adr.mentions.map((m) => m.range)).toEqual([[19, 23]]);
    expect(adr.text.slice(19, 23)).toBe('saga');
    expect(adr.lines.position(19)).toEqual({ line: 4, column: 3 });
  });

  it('maps a term spanning a blockquote line back to the source as written', () => {
    const markdown = '> We use a Saga\n> Pattern here.\n';
    expect(mentionsOf(markdown)).toEqual([
      { slug: 'saga-pattern', text: 'Saga\n> Pattern', range: [11, 25], inHeading: false, inLink: false, rejected: false },
    ]);
  });

  it('keeps character references in the text and range', () => {
    const markdown = 'A Saga&nbsp;Pattern.';
    expect(mentionsOf(markdown)).toEqual([
      { slug: 'saga-pattern', text: 'Saga&nbsp;Pattern', range: [2, 19], inHeading: false, inLink: false, rejected: false },
    ]);
  });

  it('lists mentions in document order', () => {
    const markdown = '# CQRS\n\n- a sidecar\n\n> a saga\n\n| x |\n|---|\n| sharding |\n';
    expect(mentionsOf(markdown).map((m) => m.slug)).toEqual(['cqrs-pattern', 'sidecar-pattern', 'saga-pattern', 'sharding-pattern']);
  });
});

// A mention says the ADR uses the pattern unless it stands in an option the decision did not choose,
// or in a clause that negates or sets it aside. Each row: the text, then each mention's text and
// whether it is rejected.
type UseRow = [label: string, markdown: string, expected: Array<[text: string, rejected: boolean]>];

const clauses: UseRow[] = [
  ['a plain use', 'We coordinate the steps with a saga.', [['saga', false]]],
  ['"not" before it', 'This service does not act as a shared API gateway.', [['API gateway', true]]],
  ['"instead of"', 'We coordinate with two-phase commit instead of a saga.', [['saga', true]]],
  ['"rather than"', 'Reads go to the primary rather than CQRS.', [['CQRS', true]]],
  ['"we will not use" over a list', 'We will not use microservices, sagas or CQRS.', [['microservices', true], ['sagas', true], ['CQRS', true]]],
  ['"without"', 'A modular monolith without microservices.', [['microservices', true]]],
  ['"avoid"', 'We avoid event sourcing here.', [['event sourcing', true]]],
  ['"no need for"', 'There is no need for an API gateway.', [['API gateway', true]]],
  ['"decided against"', 'We decided against microservices.', [['microservices', true]]],
  ['"unlike"', 'Unlike a saga, this is one local transaction.', [['saga', true]]],
  ['a contraction', "We don't need event sourcing.", [['event sourcing', true]]],
  ['the negation in emphasis, the mention in a link', 'We do **not** use a [saga](https://x.com).', [['saga', true]]],
  ['French', 'Nous utilisons une file plutôt que CQRS, sans saga.', [['CQRS', true], ['saga', true]]],
  ['the cue after the mention negates the other term', 'We use a saga instead of CQRS.', [['saga', false], ['CQRS', true]]],
  ['a negation about the pattern, not of it', 'The saga does not retry.', [['saga', false]]],
  ['a new sentence ends the negation', 'We do not poll. A transactional outbox publishes.', [['transactional outbox', false]]],
  ['"but" ends the negation', "We don't need event sourcing but CQRS helps.", [['event sourcing', true], ['CQRS', false]]],
  ['a comma before a new subject ends it', 'Instead of polling, we use a transactional outbox.', [['transactional outbox', false]]],
  ['a new subject ends it', 'To avoid data loss we use a transactional outbox.', [['transactional outbox', false]]],
  ['"not only" is no negation', 'Not only a saga: CQRS too.', [['saga', false], ['CQRS', false]]],
  ['too far from the cue', 'We do not expect every single order and refund step of the saga to fail.', [['saga', false]]],
  ['"no" negates its own noun phrase', 'There is no shared API gateway. No single team owns the saga.', [['API gateway', true], ['saga', false]]],
  ['a comma before "the" opens a new clause', 'Without changing the clients, the API gateway routes calls.', [['API gateway', false]]],
  ['a list after the negation stays negated', 'We will not use a saga, an outbox pattern or CQRS.', [['saga', true], ['outbox pattern', true], ['CQRS', true]]],
  ['a negated verb that sets aside is a use', 'Clients must not bypass the API gateway.', [['API gateway', false]]],
  ['a heading is a clause too', '## Why not a saga\n\nWe use CQRS.', [['saga', true], ['CQRS', false]]],
];

const MADR = [
  '# Coordinate orders', // 1
  '',
  '## Considered Options', // 3
  '',
  '* Saga with compensations', // 5
  '* Two-phase commit over microservices', // 6
  '',
  '## Decision Outcome', // 8
  '',
  'Chosen option: "Saga with compensations", because each step stays local.', // 10
  '',
  '### Consequences', // 12
  '',
  '* Good, because CQRS read models stay simple.', // 14
  '',
  '## Pros and Cons of the Options', // 16
  '',
  '### Saga with compensations', // 18
  '',
  '* Good, because no API gateway is needed.', // 20
  '',
  '### Two-phase commit over microservices', // 22
  '',
  '* Bad, because using microservices would introduce many complexities.', // 24
  '* Bad, because a sidecar per service is needed.', // 25
  '',
].join('\n');

const options: UseRow[] = [
  [
    'MADR: the chosen option, the decision and the consequences count; the other option does not',
    MADR,
    [
      ['Saga', false],
      ['microservices', true],
      ['Saga', false],
      ['CQRS', false],
      ['Saga', false],
      ['API gateway', true],
      ['microservices', true],
      ['microservices', true],
      ['sidecar', true],
    ],
  ],
  [
    'the chosen option named by its prefix ("Option 2")',
    '## Considered Options\n\n- Option 1: a saga\n- Option 2: CQRS\n\n## Decision Outcome\n\nChosen option: "Option 2".\n',
    [['saga', true], ['CQRS', false]],
  ],
  [
    'the chosen option named in other words: the option that shares most of them',
    '## Pros and Cons of the Options\n\n### Run a sidecar in every pod\n\nOne sidecar each.\n\n### Give the gateway read access across the cluster\n\nAn API gateway.\n\n## Decision Outcome\n\nChosen option: "give read access across all the cluster", because it is simplest.\n',
    [['sidecar', true], ['sidecar', true], ['API gateway', false]],
  ],
  [
    'an unquoted chosen option, in French',
    '## Options considérées\n\n* Microservices\n* Monolithe avec CQRS\n\n## Résultat de la décision\n\nOption choisie : Monolithe avec CQRS car plus simple.\n',
    [['Microservices', true], ['CQRS', false], ['CQRS', false]],
  ],
  [
    'no chosen option: every option is only considered, the decision still counts',
    '## Alternatives\n\n- A saga\n- Event sourcing\n\n## Decision\n\nWe use event sourcing.\n',
    [['saga', true], ['Event sourcing', true], ['event sourcing', false]],
  ],
  [
    'a heading that combines options and the decision is not an options section',
    '## Considered Options and Decision Outcome\n\nWe use a saga.\n',
    [['saga', false]],
  ],
];

describe('mentions that do not say the ADR uses the pattern', () => {
  it.each([...clauses, ...options])('%s', (_label, markdown, expected) => {
    expect(mentionsOf(markdown).map((m): [string, boolean] => [m.text, m.rejected])).toEqual(expected);
  });
});

// Issue #12 (many problems in one file): each mention's clause was read from the start of its
// paragraph, so a paragraph of 60,000 mentions took minutes.
describe('a paragraph of many mentions', () => {
  it('reads each mention’s clause from the text just before it', () => {
    const markdown = `${'We use a saga. '.repeat(40_000)}We will not use CQRS, but a sidecar.\n`;
    const started = performance.now();
    const mentions = mentionsOf(markdown);
    // A sanity bound only (a linear read takes a second or two here; the quadratic one, minutes).
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(mentions).toHaveLength(40_002);
    expect(mentions.slice(-3).map((m): [string, boolean] => [m.text, m.rejected])).toEqual([
      ['saga', false],
      ['CQRS', true],
      ['sidecar', false],
    ]);
  });
});
