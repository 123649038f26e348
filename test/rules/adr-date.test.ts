import { ruleTester } from '../helpers/rule-tester.ts';

const nygard = (title: string, date: string) => `# ${title}\n\nDate: ${date}\n\n## Status\n\nAccepted\n`;
const madr = (title: string, date: string) => `---\nstatus: accepted\ndate: ${date}\n---\n\n# ${title}\n\n## Context and Problem Statement\n\nWhy.\n`;
const before = (date: string, days: number, other: string, otherDate: string) =>
  `Dated ${date}, ${days} days before "${other}" (${otherDate}), which it follows in number; write the date this decision was made`;
const after = (date: string, days: number, other: string, otherDate: string) =>
  `Dated ${date}, ${days} days after "${other}" (${otherDate}), which follows it in number; write the date this decision was made`;

// Records 1, 2 and 4 of a Nygard folder; record 3 is the one linted.
const AROUND_THREE = {
  'docs/adr/0001-record-architecture-decisions.md': nygard('1. Record architecture decisions', '2019-01-14'),
  'docs/adr/0002-use-postgresql.md': nygard('2. Use PostgreSQL', '2022-03-02'),
  'docs/adr/0004-use-grpc.md': nygard('4. Use gRPC', '2022-06-07'),
};
// ensembl: ADR 1 re-dated years after the records it introduced.
const AFTER_ONE = {
  'doc/adr/0002-build-setup.md': nygard('2. Build setup', '2018-08-28'),
  'doc/adr/0003-frontend-code.md': nygard('3. Frontend code', '2018-08-28'),
  'doc/adr/0004-state-management.md': nygard('4. State management', '2018-08-30'),
};

ruleTester('adr-date', {
  valid: [
    { name: 'dates in the order of the numbers', code: nygard('3. Use Kafka', '2022-04-19'), filename: 'docs/adr/0003-use-kafka.md', files: AROUND_THREE },
    { name: 'within the margin (60 days before the record below)', code: nygard('3. Use Kafka', '2022-01-01'), filename: 'docs/adr/0003-use-kafka.md', files: AROUND_THREE },
    {
      name: 'the neighbour of an odd one out is not reported',
      code: nygard('2. Use PostgreSQL', '2022-03-02'),
      filename: 'docs/adr/0002-use-postgresql.md',
      files: { ...AROUND_THREE, 'docs/adr/0003-use-kafka.md': nygard('3. Use Kafka', '2019-01-14') },
    },
    { name: 'ensembl: the records after a re-dated ADR 1 are not reported', code: nygard('2. Build setup', '2018-08-28'), filename: 'doc/adr/0002-build-setup.md', files: { ...AFTER_ONE, 'doc/adr/0001-record-architecture-decisions.md': nygard('1. Record architecture decisions', '2023-02-16') } },
    { name: 'a date written another way is not judged', code: nygard('3. Use Kafka', 'Oct 29, 2022'), filename: 'docs/adr/0003-use-kafka.md', files: AROUND_THREE },
    { name: 'a year and month', code: nygard('3. Use Kafka', '2022-04'), filename: 'docs/adr/0003-use-kafka.md', files: AROUND_THREE },
    { name: 'what follows the date on its line', code: nygard('5. Unit tests', '2018-08-30; Last update date: 2019-04-09'), filename: 'doc/adr/0005-unit-tests.md', files: AFTER_ONE },
    { name: 'today is not in the future', code: nygard('3. Use Kafka', '2026-12-01'), filename: 'docs/adr/0003-use-kafka.md' },
    { name: 'a day ahead of the clock is today somewhere', code: nygard('3. Use Kafka', '2026-12-02'), filename: 'docs/adr/0003-use-kafka.md', today: '2026-12-02' },
    { name: 'a frontmatter date that is no day is left to frontmatter-fields', code: madr('Use Kafka', '2024-02-30'), filename: 'docs/decisions/0003-use-kafka.md' },
    {
      name: 'MADR: the date is the last update, so a later date than the next record is no problem',
      code: madr('Use MADR', '2024-10-16'),
      filename: 'docs/decisions/0001-use-madr.md',
      files: { 'docs/decisions/0002-use-cc0.md': madr('Use CC0', '2017-12-13'), 'docs/decisions/0003-use-dashes.md': madr('Use dashes', '2018-01-10') },
    },
    {
      name: 'log4brains: date-named records have no numbers to follow',
      code: '# Use Lunr\n\n- Status: accepted\n- Date: 2020-01-13\n',
      filename: 'docs/adr/20201103-use-lunr.md',
      files: { 'docs/adr/20200924-use-markdown.md': '# Use Markdown\n\n- Status: accepted\n- Date: 2021-09-24\n' },
    },
    { name: 'a placeholder left by the template is not a date', code: '# Use Kafka\n\n* Date: [YYYY-MM-DD when the decision was last updated]\n', filename: 'docs/adr/0003-use-kafka.md' },
  ],
  invalid: [
    {
      name: 'a month that does not exist, at the date',
      code: nygard('3. Use Kafka', '2023-13-10'),
      filename: 'docs/adr/0003-use-kafka.md',
      errors: [{ message: 'Invalid date: "2023-13-10" has no month 13', line: 3, column: 7, endLine: 3, endColumn: 17 }],
    },
    {
      name: 'MADR 2 bullets',
      code: '# Use Kafka\n\n* Status: accepted\n* Date: 2024-14-02\n\n## Context and Problem Statement\n',
      filename: 'docs/adr/0003-use-kafka.md',
      errors: [{ message: 'Invalid date: "2024-14-02" has no month 14', line: 4, column: 9, endLine: 4, endColumn: 19 }],
    },
    {
      name: 'a day that does not exist, with more text after it',
      code: nygard('3. Use Kafka', '2024-02-30 (planned)'),
      filename: 'docs/adr/0003-use-kafka.md',
      errors: [{ message: 'Invalid date: "2024-02-30" is not a real date: 2024-02 has 29 days', line: 3, column: 7, endLine: 3, endColumn: 17 }],
    },
    {
      name: 'konflux: a mistyped date',
      code: nygard('60. Component groups', '2025-11019'),
      filename: 'ADR/0060-component-groups.md',
      errors: [{ message: 'Invalid date: "2025-11019" is not a date in the form YYYY-MM-DD', line: 3, column: 7, endLine: 3, endColumn: 17 }],
    },
    {
      name: 'a date after today',
      code: nygard('3. Use Kafka', '2027-03-01'),
      filename: 'docs/adr/0003-use-kafka.md',
      errors: [{ message: 'Dated 2027-03-01, a day still to come; write the date this decision was made', line: 3, column: 7, endLine: 3, endColumn: 17 }],
    },
    {
      name: 'the date of ADR 1 copied with the template: years before the record below',
      code: nygard('3. Use Kafka', '2019-01-14'),
      filename: 'docs/adr/0003-use-kafka.md',
      files: AROUND_THREE,
      errors: [{ message: before('2019-01-14', 1143, '0002-use-postgresql.md', '2022-03-02'), line: 3, column: 7, endLine: 3, endColumn: 17 }],
    },
    {
      name: 'ensembl: ADR 1 dated years after the records that follow it',
      code: nygard('1. Record architecture decisions', '2023-02-16'),
      filename: 'doc/adr/0001-record-architecture-decisions.md',
      files: AFTER_ONE,
      errors: [{ message: after('2023-02-16', 1633, '0002-build-setup.md', '2018-08-28'), line: 3, column: 7 }],
    },
    {
      name: 'a smaller margin',
      code: nygard('3. Use Kafka', '2022-01-01'),
      filename: 'docs/adr/0003-use-kafka.md',
      files: AROUND_THREE,
      options: { margin: 30 },
      errors: [{ message: before('2022-01-01', 60, '0002-use-postgresql.md', '2022-03-02'), line: 3, column: 7 }],
    },
    {
      name: 'MADR: a date before the record below is reported, at the frontmatter value',
      code: madr('Use dashes', '2017-01-10'),
      filename: 'docs/decisions/0003-use-dashes.md',
      files: { 'docs/decisions/0001-use-madr.md': madr('Use MADR', '2017-09-18'), 'docs/decisions/0002-use-cc0.md': madr('Use CC0', '2017-12-13'), 'docs/decisions/0004-use-yaml.md': madr('Use YAML', '2018-02-01') },
      errors: [{ message: before('2017-01-10', 337, '0002-use-cc0.md', '2017-12-13'), line: 3, column: 7, endLine: 3, endColumn: 17 }],
    },
    {
      name: 'six records kept the date of ADR 1: each is reported against the record below it in the run',
      code: nygard('6. Use Redis', '2019-01-14'),
      filename: 'docs/adr/0006-use-redis.md',
      files: {
        ...AROUND_THREE,
        'docs/adr/0003-use-kafka.md': nygard('3. Use Kafka', '2019-01-14'),
        'docs/adr/0005-use-nats.md': nygard('5. Use NATS', '2019-01-14'),
        'docs/adr/0007-use-s3.md': nygard('7. Use S3', '2022-09-01'),
        'docs/adr/0008-use-cdn.md': nygard('8. Use a CDN', '2023-01-20'),
      },
      errors: [{ message: before('2019-01-14', 1240, '0004-use-grpc.md', '2022-06-07'), line: 3, column: 7 }],
    },
  ],
});
