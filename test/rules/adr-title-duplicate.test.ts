import { ruleTester } from '../helpers/rule-tester.ts';

const adr = (title: string) => `# ${title}\n\n## Status\n\nAccepted\n`;
const same = (other: string, title: string) => `"${other}" has the same title, "${title}"; give this record a title of its own`;

ruleTester('adr-title-duplicate', {
  valid: [
    {
      name: 'every title once',
      code: adr('2. Use Kafka for order events'),
      filename: 'docs/adr/0002-use-kafka-for-order-events.md',
      files: { 'docs/adr/0001-record-decisions.md': adr('1. Record decisions'), 'docs/adr/0003-use-kafka-for-payments.md': adr('3. Use Kafka for payments') },
    },
    {
      name: 'a successor that keeps the title of the record it supersedes (by number)',
      code: '# 21. Testing\n\n## Status\n\nAccepted\n\nSupersedes ADR-0011.\n',
      filename: 'docs/adr/0021-testing.md',
      files: { 'docs/adr/0011-testing.md': '# 11. Testing\n\n## Status\n\nSuperseded by [21. Testing](0021-testing.md)\n' },
    },
    {
      name: 'a successor named by the older record only (a link)',
      code: adr('22. Event subsystem'),
      filename: 'docs/adr/0022-event-subsystem.md',
      files: { 'docs/adr/0008-event-subsystem.md': '# 8. Event subsystem\n\n## Status\n\nSuperseded by [22](0022-event-subsystem.md)\n' },
    },
    {
      name: 'the earlier of two records with one title is not reported',
      code: adr('3. Use Kafka'),
      filename: 'docs/adr/0003-use-kafka.md',
      files: { 'docs/adr/0007-use-kafka.md': adr('7. Use Kafka') },
    },
    {
      name: 'subfolders have their own "Record architecture decisions"',
      code: adr('1. Record architecture decisions'),
      filename: 'docs/adr/payments/0001-record-architecture-decisions.md',
      files: { 'docs/adr/0001-record-architecture-decisions.md': adr('1. Record architecture decisions') },
    },
    {
      name: 'records without a title are not compared',
      code: 'No title here.\n',
      filename: 'docs/adr/0004-untitled.md',
      files: { 'docs/adr/0003-untitled.md': 'No title either.\n' },
    },
    {
      name: 'the folder template is not a record',
      code: adr('1. Title'),
      filename: 'docs/adr/0001-title.md',
      files: { 'docs/adr/template.md': adr('1. Title') },
    },
  ],
  invalid: [
    {
      name: 'a copied record never retitled: reported on the later one, the earlier named, at the H1',
      code: adr('7. Use Kafka for order events'),
      filename: 'docs/adr/0007-use-kafka-for-payment-events.md',
      files: { 'docs/adr/0003-use-kafka-for-order-events.md': adr('3. Use Kafka for order events') },
      errors: [{ message: same('0003-use-kafka-for-order-events.md', 'Use Kafka for order events'), line: 1, column: 1, endLine: 1, endColumn: 32 }],
    },
    {
      name: 'case, emphasis and spacing aside, and with the number written another way',
      code: '# ADR-0009: Use *Kafka*  for events\n',
      filename: 'docs/adr/0009-use-kafka.md',
      files: { 'docs/adr/0002-kafka.md': adr('2. Use Kafka for Events') },
      errors: [{ message: same('0002-kafka.md', 'Use Kafka  for events'), line: 1, column: 1 }],
    },
    {
      name: 'three copies: each later one names the first',
      code: adr('5. Use Kafka'),
      filename: 'docs/adr/0005-use-kafka.md',
      files: { 'docs/adr/0004-use-kafka.md': adr('4. Use Kafka'), 'docs/adr/0002-use-kafka.md': adr('2. Use Kafka') },
      errors: [{ message: same('0002-use-kafka.md', 'Use Kafka'), line: 1, column: 1 }],
    },
    {
      name: 'a frontmatter title without an H1 (Docusaurus), at the title',
      code: '---\ntitle: Use Kafka\n---\n\nBody.\n',
      filename: 'docs/adr/0004-use-kafka-again.md',
      files: { 'docs/adr/0001-use-kafka.md': '---\ntitle: Use Kafka\n---\n\nBody.\n' },
      errors: [{ message: same('0001-use-kafka.md', 'Use Kafka'), line: 2, column: 8, endLine: 2, endColumn: 17 }],
    },
    {
      name: 'log4brains: the later date-named record',
      code: '# Use Lunr for search\n\n- Status: accepted\n',
      filename: 'docs/adr/20201103-use-lunr-for-search.md',
      files: { 'docs/adr/20200924-use-lunr-for-search.md': '# Use Lunr for search\n\n- Status: proposed\n' },
      errors: [{ message: same('20200924-use-lunr-for-search.md', 'Use Lunr for search'), line: 1, column: 1 }],
    },
  ],
});
