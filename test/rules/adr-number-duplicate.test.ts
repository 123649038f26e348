import { describe, expect, it } from 'vitest';
import { ruleTester } from '../helpers/rule-tester.ts';
import { check } from '../../rules/adr-number-duplicate.ts';
import type { AdrRecord, ReportDescriptor, RuleContext } from '../../src/model/types.ts';

const adr = (title: string) => `# ${title}\n\n## Status\n\nAccepted\n`;
const at = (message: string) => ({ message, line: 1, column: 1, endLine: 1, endColumn: 1 });

ruleTester('adr-number-duplicate', {
  valid: [
    {
      name: 'every number once',
      code: adr('2. Use Kafka'),
      filename: 'docs/adr/0002-use-kafka.md',
      files: { 'docs/adr/0001-record-decisions.md': adr('1. Record decisions'), 'docs/adr/0003-use-grpc.md': adr('3. Use gRPC') },
    },
    {
      name: 'a subfolder numbers its records on its own',
      code: adr('2. Use Kafka'),
      filename: 'docs/adr/0002-use-kafka.md',
      files: { 'docs/adr/payments/0002-use-stripe.md': adr('2. Use Stripe') },
    },
    {
      name: 'an image with the same number is not an ADR',
      code: adr('8. Use C4 diagrams'),
      filename: 'docs/decisions/0008-use-c4-diagrams.md',
      files: { 'docs/decisions/0008-example.png': '\u0089PNG', 'docs/decisions/0008-example.drawio': '<mxfile/>' },
    },
    {
      name: 'log4brains: the same day twice is two dates, not numbers',
      code: '# Use Prettier\n\n- Status: accepted\n',
      filename: 'docs/adr/20200925-use-prettier.md',
      files: { 'docs/adr/20200925-multi-packages-architecture.md': '# Multi-packages architecture\n\n- Status: accepted\n' },
    },
    {
      name: 'files without a number in their name (README, index) are no duplicates',
      code: adr('Use Kafka'),
      filename: 'docs/adr/use-kafka.md',
      files: { 'docs/adr/README.md': '# Decisions\n', 'docs/adr/index.md': '# Index\n' },
    },
    {
      name: 'only the file names count, not the titles',
      code: adr('2. Use Kafka'),
      filename: 'docs/adr/0003-use-kafka.md',
      files: { 'docs/adr/0002-use-postgresql.md': adr('2. Use PostgreSQL') },
    },
    {
      name: 'ADR- and adr_ prefixed names are numbered too (distinct numbers)',
      code: adr('2. Use Kafka'),
      filename: 'docs/decisions/ADR-002-use-kafka.md',
      files: { 'docs/decisions/ADR-001-record.md': adr('1. Record'), 'docs/decisions/adr_003_dates.md': adr('3. Dates') },
    },
    { name: '0001 and 0010 differ', code: adr('1. Record decisions'), filename: 'docs/adr/0001-record-decisions.md', files: { 'docs/adr/0010-use-kafka.md': adr('10. Use Kafka') } },
  ],
  invalid: [
    {
      name: 'two records share a number: the other is named, with the next free number',
      code: adr('2. Publish order events to Kafka'),
      filename: 'docs/adr/0002-publish-order-events-to-kafka.md',
      files: { 'docs/adr/0001-record-decisions.md': adr('1. Record decisions'), 'docs/adr/0002-use-postgresql.md': adr('2. Use PostgreSQL') },
      errors: [at('ADR number 0002 is also used by "0002-use-postgresql.md"; give one of them the next free number, 0003')],
    },
    {
      name: 'three records share a number: the others in name order, two free numbers after the highest',
      code: adr('4. Use gRPC'),
      filename: 'docs/adr/0004-use-grpc.md',
      files: {
        'docs/adr/0004-use-rest.md': adr('4. Use REST'),
        'docs/adr/0004-use-graphql.md': adr('4. Use GraphQL'),
        'docs/adr/0009-use-kafka.md': adr('9. Use Kafka'),
      },
      errors: [at('ADR number 0004 is also used by "0004-use-graphql.md", "0004-use-rest.md"; give 2 of them the free numbers 0010 and 0011')],
    },
    {
      name: 'two colliding pairs: each gets its own free number, in the order of the numbers (the lower pair)',
      code: adr('3. Use gRPC'),
      filename: 'docs/adr/0003-use-grpc.md',
      files: {
        'docs/adr/0003-use-rest.md': adr('3. Use REST'),
        'docs/adr/0104-use-kafka.md': adr('104. Use Kafka'),
        'docs/adr/0104-use-nats.md': adr('104. Use NATS'),
        'docs/adr/0105-use-redis.md': adr('105. Use Redis'),
      },
      errors: [at('ADR number 0003 is also used by "0003-use-rest.md"; give one of them the next free number, 0106')],
    },
    {
      name: 'two colliding pairs: each gets its own free number, in the order of the numbers (the higher pair)',
      code: adr('104. Use NATS'),
      filename: 'docs/adr/0104-use-nats.md',
      files: {
        'docs/adr/0003-use-grpc.md': adr('3. Use gRPC'),
        'docs/adr/0003-use-rest.md': adr('3. Use REST'),
        'docs/adr/0104-use-kafka.md': adr('104. Use Kafka'),
        'docs/adr/0105-use-redis.md': adr('105. Use Redis'),
      },
      errors: [at('ADR number 0104 is also used by "0104-use-kafka.md"; give one of them the next free number, 0107')],
    },
    {
      name: 'pass-emploi style ADR-NNN- names: the number as written',
      code: adr('2. Use Kafka'),
      filename: 'docs/decisions/ADR-002-use-kafka.md',
      files: { 'docs/decisions/ADR-002-keycloak.md': adr('2. Keycloak'), 'docs/decisions/ADR-003-dates.md': adr('3. Dates') },
      errors: [at('ADR number 002 is also used by "ADR-002-keycloak.md"; give one of them the next free number, 004')],
    },
    {
      name: 'the same number in three and four digits',
      code: adr('2. Use shell scripts'),
      filename: 'doc/adr/002-use-shell-scripts.md',
      files: { 'doc/adr/0002-use-python.md': adr('2. Use Python') },
      errors: [at('ADR number 002 is also used by "0002-use-python.md"; give one of them the next free number, 003')],
    },
    {
      name: 'frontmatter records (konflux style) with the same number',
      code: '---\ntitle: "31. Sprayproxy"\nstatus: Replaced\n---\n\n# 31. Sprayproxy\n\n## Status\n\nReplaced\n',
      filename: 'ADR/0031-sprayproxy.md',
      files: { 'ADR/0031-webhook-fanout.md': '---\ntitle: "31. Webhook fan-out"\n---\n\n# 31. Webhook fan-out\n' },
      errors: [at('ADR number 0031 is also used by "0031-webhook-fanout.md"; give one of them the next free number, 0032')],
    },
    {
      name: 'a .markdown file shares the number',
      code: adr('Use Markdown'),
      filename: 'docs/adr/0000-use-markdown.md',
      files: { 'docs/adr/0000-use-asciidoc.markdown': adr('Use AsciiDoc') },
      errors: [at('ADR number 0000 is also used by "0000-use-asciidoc.markdown"; give one of them the next free number, 0001')],
    },
  ],
});

describe('adr-number-duplicate across folders', () => {
  const record = (path: string, fileNumber: number | null): AdrRecord =>
    ({ path, folder: path.slice(0, path.lastIndexOf('/')), name: path.slice(path.lastIndexOf('/') + 1), fileNumber }) as AdrRecord;

  it('compares a record only with the records of its own folder', () => {
    const linted = record('/repo/docs/adr/0002-use-kafka.md', 2);
    const set = [linted, record('/repo/docs/adr/payments/0002-use-stripe.md', 2), record('/repo/docs/other/0002-x.md', 2), record('/repo/docs/adr/0002-use-rabbitmq.md', 2)];
    const reports: ReportDescriptor[] = [];
    check({ record: linted, set, project: { list: () => [] }, report: (descriptor: ReportDescriptor) => reports.push(descriptor) } as unknown as RuleContext);
    expect(reports.map((report) => report.message)).toEqual(['ADR number 0002 is also used by "0002-use-rabbitmq.md"; give one of them the next free number, 0003']);
  });
});
