import { ruleTester } from '../helpers/rule-tester.ts';
import { INDEX_END, INDEX_ROWS, INDEX_SET, INDEX_START } from '../helpers/adr-texts.ts';

const S = INDEX_START;
const E = INDEX_END;
const files = INDEX_SET;
const [header, rule, ...rows] = INDEX_ROWS.map((row) => `${row}\n`);
const HEAD = header! + rule!;
const [ROW1, ROW2, ROW3] = rows as [string, string, string];
const table = (rows: string) => `# Decisions\n\nIntro.\n\n${S}\n\n${HEAD}${rows}\n${E}\n\nOutro.\n`;
const right = table(ROW1 + ROW2 + ROW3);
const readme = { filename: 'docs/adr/README.md', files };

ruleTester('adr-index', {
  valid: [
    { name: 'the block as generated', code: right, ...readme },
    { name: 'an index without markers: the block is opt-in', code: '# Decisions\n\n- [ADR 1](0001-record-architecture-decisions.md)\n', ...readme },
    { name: 'an ADR is not an index', code: files['docs/adr/0001-record-architecture-decisions.md'], filename: 'docs/adr/0001-record-architecture-decisions.md', files },
    { name: 'markers shown in a code block are not a block', code: `# Decisions\n\n\`\`\`markdown\n${S}\n| stale |\n${E}\n\`\`\`\n`, ...readme },
    {
      name: 'the list template',
      code: `${S}\n\n- 0001 [Record architecture decisions](0001-record-architecture-decisions.md) (Accepted)\n- 0002 [Use PostgreSQL](0002-use-postgresql.md) (Superseded by [0003](0003-use-sqlite.md))\n- 0003 [Use SQLite](0003-use-sqlite.md) (Accepted)\n\n${E}\n`,
      ...readme,
      config: { indexTemplate: 'list' },
    },
    {
      name: 'a custom template',
      code: `${S}\n\n* ADR-{0001}: Record architecture decisions <0001-record-architecture-decisions.md> Accepted\n* ADR-{0002}: Use PostgreSQL <0002-use-postgresql.md> Superseded by [0003](0003-use-sqlite.md)\n* ADR-{0003}: Use SQLite <0003-use-sqlite.md> Accepted\n\n${E}\n`.replace(/\{(\d+)\}/g, '$1'),
      ...readme,
      config: { indexTemplate: '* ADR-{number}: {title} <{link}> {status}' },
    },
  ],
  invalid: [
    {
      name: 'a custom template with {date} and {patterns}: the fix writes them',
      code: `${S}\n${E}\n`,
      filename: 'docs/adr/README.md',
      files: { 'docs/adr/0001-use-sagas.md': '---\nstatus: accepted\ndate: 2026-01-02\npatterns: [saga-pattern, outbox-pattern]\n---\n# Use sagas\n' },
      config: { indexTemplate: '{number} | {title} | {status} | {date} | {patterns} | {link}' },
      errors: [{ message: 'The index block is empty; it should list the 1 ADR of the set', line: 1, column: 1 }],
      output: `${S}\n\n0001 | Use sagas | accepted | 2026-01-02 | saga-pattern, outbox-pattern | 0001-use-sagas.md\n\n${E}\n`,
    },
    {
      name: 'a missing entry, at the line where it belongs',
      code: table(ROW1 + ROW3),
      ...readme,
      errors: [{ message: 'The index lacks ADR 0002 "Use PostgreSQL" (0002-use-postgresql.md)', line: 10, column: 1 }],
      output: right,
    },
    {
      name: 'an extra entry',
      code: table(ROW1 + ROW2 + ROW3 + '| 0004 | [Gone](0004-gone.md) | Accepted |\n'),
      ...readme,
      errors: [{ message: 'The index lists "| 0004 | [Gone](0004-gone.md) | Accepted |", which is no ADR of the set', line: 12, column: 1 }],
      output: right,
    },
    {
      name: 'a renamed title',
      code: table(ROW1 + ROW2 + ROW3.replace('[Use SQLite]', '[Use SQLite everywhere]')),
      ...readme,
      errors: [{ message: 'The index gives ADR 0003 an old title; it is now "Use SQLite"', line: 11, column: 1 }],
      output: right,
    },
    {
      name: 'a changed status, and a superseded record without its successor',
      code: table(ROW1 + '| 0002 | [Use PostgreSQL](0002-use-postgresql.md) | Accepted |\n' + ROW3),
      ...readme,
      errors: [{ message: 'The index gives ADR 0002 "Use PostgreSQL" (0002-use-postgresql.md) an old status; it is now "Superseded by [0003](0003-use-sqlite.md)"', line: 10, column: 1 }],
      output: right,
    },
    {
      name: 'entries out of order',
      code: table(ROW2 + ROW1 + ROW3),
      ...readme,
      errors: [{ message: 'The index lists the ADRs out of order', line: 9, column: 1 }],
      output: right,
    },
    {
      name: 'an empty block is filled',
      code: `# Decisions\n\n${S}\n${E}\n`,
      ...readme,
      errors: [{ message: 'The index block is empty; it should list the 3 ADRs of the set', line: 3, column: 1 }],
      output: `# Decisions\n\n${S}\n\n${HEAD}${ROW1}${ROW2}${ROW3}\n${E}\n`,
    },
    {
      name: 'a CRLF index keeps its line endings, and every byte outside the block',
      code: table(ROW1 + ROW3).replace(/\n/g, '\r\n').replace('Outro.', 'Outro  \t é.'),
      ...readme,
      errors: [{ message: /lacks ADR 0002/, line: 10, column: 1 }],
      output: right.replace(/\n/g, '\r\n').replace('Outro.', 'Outro  \t é.'),
    },
    {
      name: 'index.md is an index too',
      code: table(ROW1 + ROW2),
      filename: 'docs/adr/index.md',
      files,
      errors: [{ message: /lacks ADR 0003/, line: 12, column: 1 }],
      output: right,
    },
    {
      name: 'an unclosed block is reported, not fixed',
      code: `# Decisions\n\n${S}\n\n${HEAD}`,
      ...readme,
      errors: [{ message: 'The index block opens with <!-- adrlint-index --> but never closes with <!-- adrlint-index-end -->', line: 3, column: 1 }],
    },
    {
      name: "the config's index without markers gets the block at its end",
      code: '# Decisions\n\nSee below.',
      filename: 'docs/adr/DECISIONS.md',
      files,
      config: { index: '/repo/docs/adr/DECISIONS.md' },
      errors: [{ message: "The index (the config's \"index\") has no <!-- adrlint-index --> … <!-- adrlint-index-end --> block", line: 1, column: 1 }],
      output: `# Decisions\n\nSee below.\n\n${S}\n\n${HEAD}${ROW1}${ROW2}${ROW3}\n${E}\n`,
    },
  ],
});
