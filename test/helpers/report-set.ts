// A small ADR set for the HTML report's tests (test/report-html*.test.ts): every status meaning, a
// supersede and an amend relation, declared and only-mentioned patterns, an ADR with no date, and
// lint problems of both severities (a fixable one among them).
const front = (lines: string[], title: string, body: string) => ['---', ...lines, '---', '', `# ${title}`, '', body, ''].join('\n');

/** An adr-tools record superseded by a link to 0002-use-event-sourcing.md (the report tests' first ADR). */
export const SUPERSEDED_POSTGRESQL = [
  '# 1. Use PostgreSQL',
  '',
  'Date: 2024-01-10',
  '',
  '## Status',
  '',
  'Superseded by [2. Use event sourcing](0002-use-event-sourcing.md)',
  '',
  '## Context',
  '',
  'Orders need a store.',
  '',
  '## Decision',
  '',
  'We use PostgreSQL.',
  '',
  '## Consequences',
  '',
  'One database to run.',
  '',
].join('\n');

export const REPORT_SET: Record<string, string> = {
  '.git/HEAD': 'ref: refs/heads/main\n',
  'docs/adr/README.md': '# Decisions\n',
  'docs/adr/0001-use-postgresql.md': SUPERSEDED_POSTGRESQL,
  'docs/adr/0002-use-event-sourcing.md': front(
    ['status: accepted', 'date: 2024-03-02', 'supersedes: ["0001"]', 'patterns: [event-sourcing-pattern, cqrs-pattern]'],
    'Use event sourcing',
    '## Context and Problem Statement\n\nAuditors want every change to an order.\n\n## Decision Outcome\n\nChosen option: event sourcing, with CQRS read models.',
  ),
  // "on hold" is not a status the default config knows: an error.
  'docs/adr/0003-publish-through-an-outbox.md': front(
    ['status: on hold', 'date: 2024-05-20', 'patterns: [outbox-pattern]'],
    'Publish order events through an outbox',
    '## Context and Problem Statement\n\nEvents get lost when the broker is down.\n\n## Decision Outcome\n\nChosen option: an outbox table.',
  ),
  // Mentions the Saga Pattern without declaring it: pattern-undeclared, a fixable warning.
  'docs/adr/0004-split-the-order-service.md': front(
    ['status: accepted', 'date: 2024-05-28', 'amends: ["0002"]', 'patterns: [microservices-architecture]'],
    'Split the order service',
    '## Context and Problem Statement\n\nThe order service is too big.\n\n## Decision Outcome\n\nChosen option: split it, and coordinate the parts with the Saga Pattern.',
  ),
  'docs/adr/0005-use-a-circuit-breaker.md': front(
    ['status: proposed', 'date: 2024-07-01', 'patterns: [circuit-breaker-pattern]'],
    'Use a circuit breaker',
    '## Context and Problem Statement\n\nThe payment API times out.\n\n## Decision Outcome\n\nChosen option: a circuit breaker.',
  ),
  'docs/adr/0006-use-kafka.md': front(
    ['status: rejected'],
    'Use Kafka',
    '## Context and Problem Statement\n\nWe need a broker.\n\n## Decision Outcome\n\nChosen option: none yet.',
  ),
};

/** The decisions of REPORT_SET, in the report's order. */
export const REPORT_SET_ADRS = Object.keys(REPORT_SET).filter((path) => /\/\d{4}-/.test(path));
