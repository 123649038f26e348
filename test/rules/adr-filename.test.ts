import { ruleTester } from '../helpers/rule-tester.ts';

const NYGARD = '# Use Kafka\n\n## Status\n\nAccepted\n';
const NUMBER_FORM = 'NNNN-kebab-title.md';
const DATE_FORM = 'YYYYMMDD-kebab-title.md';
const notNumbered = (name: string, better?: string) => `File name "${name}" does not follow ${NUMBER_FORM}${better ? `; rename it to "${better}"` : ''}`;
const notDated = (name: string, better?: string) => `File name "${name}" does not follow ${DATE_FORM}${better ? `; rename it to "${better}"` : ''}`;
const notFollowing = (name: string, form: string, better?: string) => `File name "${name}" does not follow ${form}${better ? `; rename it to "${better}"` : ''}`;
const at = (message: string) => ({ message, line: 1, column: 1, endLine: 1, endColumn: 1 });

// Folders with their own naming: the records of each, by name.
const folder = (path: string, names: string[]) => Object.fromEntries(names.map((name, index) => [`${path}/${name}`, `# ${index + 1}. Record ${index + 1}\n`]));
// pass-emploi: ADR-NNN- names, and its own template beside them.
const PREFIXED = { ...folder('docs/decisions', ['ADR-001-service-notifications.md', 'ADR-002-keycloak.md', 'ADR-003-gestion-des-dates.md']), 'docs/decisions/adr-template.md': '# Titre\n' };
const SNAKE = folder('docs/adr', ['adr_001_record_decisions.md', 'adr_002_use_shell_scripts.md', 'adr_003_use_bats.md']);
const UNPADDED = folder('docs/adr', ['1-record-decisions.md', '2-use-shell.md', '3-use-bats.md', '10-use-docker.md']);
const FOUR_DIGITS = folder('docs/adr', ['0001-record-decisions.md', '0002-use-shell.md', '0003-use-bats.md']);

// A log4brains folder: MADR 2 bullets under YYYYMMDD- names.
const LOG4BRAINS = {
  'docs/adr/20200924-use-markdown-decision-records.md': '# Use Markdown decision records\n\n- Status: accepted\n- Date: 2020-09-24\n',
  'docs/adr/20200926-number-the-records.md': '# Number the records\n\n- Status: superseded by [20201016-name-the-records](20201016-name-the-records.md)\n',
  'docs/adr/README.md': '# Architecture Decision Records\n',
};

ruleTester('adr-filename', {
  valid: [
    { name: 'four digits and a kebab-case title', code: NYGARD, filename: 'docs/adr/0042-use-kafka.md' },
    { name: 'three digits', code: NYGARD, filename: 'doc/adr/007-use-kafka.md' },
    { name: 'letters of any case and digits in the title', code: NYGARD, filename: 'docs/decisions/0001-use-CC0-or-MIT-as-license.md' },
    { name: 'the .markdown extension', code: NYGARD, filename: 'docs/adr/0008-use-iso-8601-format-for-dates.markdown' },
    { name: 'auto: a log4brains folder uses dates', code: '# Use Lunr\n\n- Status: accepted\n', filename: 'docs/adr/20201103-use-lunr-for-search.md', files: LOG4BRAINS },
    { name: 'auto: a lone dated file follows its own convention', code: '# Use Lunr\n', filename: 'docs/adr/20201103-use-lunr-for-search.md' },
    { name: 'pass-emploi: ADR-NNN- names are the set\'s convention', code: NYGARD, filename: 'docs/decisions/ADR-004-pipeline-analytics.md', files: PREFIXED },
    { name: 'a snake-case folder with an adr_ prefix', code: NYGARD, filename: 'docs/adr/adr_004_use_kafka.md', files: SNAKE },
    { name: 'a one-word title fits any word separator', code: NYGARD, filename: 'docs/adr/adr_004_kafka.md', files: SNAKE },
    { name: 'a prefix without a separator', code: NYGARD, filename: 'docs/adr/ADR0003-use-kafka.md', files: folder('docs/adr', ['ADR0001-record.md', 'ADR0002-use-shell.md']) },
    { name: 'numbers not padded', code: NYGARD, filename: 'docs/adr/12-use-kafka.md', files: UNPADDED },
    { name: 'a number wider than the padding', code: NYGARD, filename: 'docs/adr/10000-use-kafka.md', files: FOUR_DIGITS },
    { name: 'capitals in the title (acronyms) among lower-case names', code: NYGARD, filename: 'docs/adr/0024-BLAST-database-files.md', files: FOUR_DIGITS },
    { name: 'a lone record follows its own naming', code: NYGARD, filename: 'docs/adr/ADR-00042-use-grpc.md' },
    {
      name: 'a configured pattern replaces the convention',
      code: NYGARD,
      filename: 'docs/adr/ADR-007-use-kafka.md',
      options: { pattern: '^ADR-\\d{3}-[a-z-]+\\.md$' },
    },
  ],
  invalid: [
    {
      name: 'underscores, a space and a short number: the name as it should be, case kept',
      code: NYGARD,
      filename: 'docs/adr/7_Use PostgreSQL.md',
      errors: [at(notNumbered('7_Use PostgreSQL.md', '0007-Use-PostgreSQL.md'))],
    },
    {
      name: 'no number anywhere: only the form',
      code: NYGARD,
      filename: 'docs/adr/use-kafka.md',
      errors: [at(notNumbered('use-kafka.md'))],
    },
    {
      name: 'no number in the name, but one in the Nygard title',
      code: '# 12. Use Kafka\n\nDate: 2024-05-02\n',
      filename: 'docs/adr/use-kafka.md',
      errors: [at(notNumbered('use-kafka.md', '0012-use-kafka.md'))],
    },
    {
      name: 'a number padded to the width the folder uses',
      code: NYGARD,
      filename: 'doc/adr/12-use-kafka.md',
      files: { 'doc/adr/001-record-decisions.md': '# 1. Record decisions\n', 'doc/adr/002-use-shell.md': '# 2. Use shell\n' },
      errors: [at(notFollowing('12-use-kafka.md', 'NNN-kebab-title.md', '012-use-kafka.md'))],
    },
    {
      name: 'an ADR- prefix and five digits among NNNN- names',
      code: NYGARD,
      filename: 'docs/adr/ADR-00042-use-grpc.md',
      files: FOUR_DIGITS,
      errors: [at(notNumbered('ADR-00042-use-grpc.md', '0042-use-grpc.md'))],
    },
    {
      name: 'pass-emploi: a name without the set\'s ADR- prefix',
      code: NYGARD,
      filename: 'docs/decisions/0005-use-kafka.md',
      files: PREFIXED,
      errors: [at(notFollowing('0005-use-kafka.md', 'ADR-NNN-kebab-title.md', 'ADR-005-use-kafka.md'))],
    },
    {
      name: 'the prefix in another case',
      code: NYGARD,
      filename: 'docs/decisions/adr-005-use-kafka.md',
      files: PREFIXED,
      errors: [at(notFollowing('adr-005-use-kafka.md', 'ADR-NNN-kebab-title.md', 'ADR-005-use-kafka.md'))],
    },
    {
      name: 'a dash in a snake-case folder',
      code: NYGARD,
      filename: 'docs/adr/adr_004-use-kafka.md',
      files: SNAKE,
      errors: [at(notFollowing('adr_004-use-kafka.md', 'adr_NNN_snake_title.md', 'adr_004_use_kafka.md'))],
    },
    {
      name: 'underscores between the words in a kebab-case folder',
      code: NYGARD,
      filename: 'docs/adr/0004-use_kafka.md',
      files: FOUR_DIGITS,
      errors: [at(notNumbered('0004-use_kafka.md', '0004-use-kafka.md'))],
    },
    {
      name: 'a padded number in a folder that pads none',
      code: NYGARD,
      filename: 'docs/adr/007-use-kafka.md',
      files: UNPADDED,
      errors: [at(notFollowing('007-use-kafka.md', 'N-kebab-title.md', '7-use-kafka.md'))],
    },
    {
      name: 'convention number wins over the folder\'s ADR- prefix (its width kept)',
      code: NYGARD,
      filename: 'docs/decisions/ADR-004-pipeline-analytics.md',
      files: PREFIXED,
      options: { convention: 'number' },
      errors: [at(notNumbered('ADR-004-pipeline-analytics.md', '004-pipeline-analytics.md'))],
    },
    {
      name: 'only a number: the title comes from the H1',
      code: '# Adopt gRPC for internal calls\n',
      filename: 'docs/adr/0005.md',
      errors: [at(notNumbered('0005.md', '0005-adopt-grpc-for-internal-calls.md'))],
    },
    {
      name: 'a dot in the title and an upper-case extension',
      code: NYGARD,
      filename: 'docs/adr/0002-use-node.js.MD',
      errors: [at(notNumbered('0002-use-node.js.MD', '0002-use-node-js.md'))],
    },
    {
      name: 'auto: an undated file in a log4brains folder takes the date of its Date bullet',
      code: '# Use Lunr for search\n\n- Status: accepted\n- Date: 2020-11-03\n',
      filename: 'docs/adr/use-lunr-for-search.md',
      files: LOG4BRAINS,
      errors: [at(notDated('use-lunr-for-search.md', '20201103-use-lunr-for-search.md'))],
    },
    {
      name: 'auto: a numbered file in a log4brains folder, the number replaced by the date',
      code: '# Use Lunr for search\n\n- Status: accepted\n- Date: 2020-11-03\n',
      filename: 'docs/adr/0003-use-lunr-for-search.md',
      files: LOG4BRAINS,
      errors: [at(notDated('0003-use-lunr-for-search.md', '20201103-use-lunr-for-search.md'))],
    },
    {
      name: 'auto: a dated file among mostly numbered ADRs, with no number to derive',
      code: '# Use gRPC\n',
      filename: 'docs/adr/20240105-use-grpc.md',
      files: { 'docs/adr/0001-record-decisions.md': '# 1. Record decisions\n', 'docs/adr/0002-use-kafka.md': '# 2. Use Kafka\n' },
      errors: [at(notNumbered('20240105-use-grpc.md'))],
    },
    {
      name: 'convention number: a dated name with a numbered title',
      code: '# 3. Use Markdown\n',
      filename: 'docs/adr/20200924-use-markdown.md',
      options: { convention: 'number' },
      errors: [at(notNumbered('20200924-use-markdown.md', '0003-use-markdown.md'))],
    },
    {
      name: 'convention date without a date to derive',
      code: NYGARD,
      filename: 'docs/adr/0001-use-kafka.md',
      options: { convention: 'date' },
      errors: [at(notDated('0001-use-kafka.md'))],
    },
    {
      name: 'a configured pattern the name does not match',
      code: NYGARD,
      options: { pattern: '^ADR-\\d{3}-[a-z-]+\\.md$' },
      errors: [at('File name "0001-test.md" does not match the configured pattern /^ADR-\\d{3}-[a-z-]+\\.md$/')],
    },
  ],
});
