import { ruleTester } from '../helpers/rule-tester.ts';

const mismatch = (where: string, title: string, file: string) => `The ${where} says ${title} but the file name says ${file}; make them agree`;
const placeholder = (where: string, text: string, number: string) => `The ${where} has the placeholder "${text}" for its number; write ${number}, the file name's number`;

ruleTester('adr-number-mismatch', {
  valid: [
    { name: 'adr-tools: "# 5." in 0005-', code: '# 5. Help comments\n\nDate: 2016-02-13\n\n## Status\n\nAccepted\n', filename: 'doc/adr/0005-help-comments.md' },
    { name: 'MADR: no number in the title', code: '---\nparent: Decisions\nnav_order: 7\n---\n# Use Dashes in Filenames\n', filename: 'docs/decisions/0005-use-dashes-in-filenames.md' },
    {
      name: 'konflux: frontmatter title and H1 both agree with the name',
      code: '---\ntitle: "31. Sprayproxy"\nstatus: Replaced\n---\n\n# 31. Sprayproxy\n',
      filename: 'ADR/0031-sprayproxy.md',
    },
    { name: 'number zero', code: '# 0. Record architecture decisions\n', filename: 'ADR/0000-adr-template.md' },
    { name: '"ADR-0012:" is 12', code: '# ADR-0012: Use Kafka\n', filename: 'docs/adr/0012-use-kafka.md' },
    { name: 'log4brains: a dated name has no number to compare', code: '# 1. Use Markdown\n\n- Status: accepted\n', filename: 'docs/adr/20200924-use-markdown.md' },
    { name: 'a name without a number', code: '# 3. Use Kafka\n', filename: 'docs/adr/use-kafka.md' },
    { name: 'a title that starts with a plain number is not numbered', code: '# 3 replicas for the API\n', filename: 'docs/adr/0007-three-replicas.md' },
    { name: 'a year with no separator is part of the title', code: '# 2024 roadmap for the platform\n', filename: 'docs/adr/0007-roadmap.md' },
    { name: '"ADR-0006 Title": no separator after an ADR prefix', code: '# ADR-0006 Replace the message bus\n', filename: 'docs/adr/ADR-0006-replace-the-message-bus.md' },
    { name: '"X: Title" is a title, not a placeholder', code: '# X: the platform formerly known as Twitter\n', filename: 'docs/adr/0009-x.md' },
    { name: 'a placeholder in a name without a number has nothing to write', code: '# NNNN. Use Kafka\n', filename: 'docs/adr/use-kafka.md' },
    { name: 'a number inside the title is not its number', code: '# Use ISO 8601 Format for Dates\n', filename: 'doc/adr/0008-use-iso-8601-format-for-dates.md' },
  ],
  invalid: [
    {
      name: 'the H1 number differs, at its digits, with the file number offered',
      code: '# 12. Publish order events to Kafka\n\nDate: 2024-05-02\n',
      filename: 'docs/adr/0011-publish-order-events-to-kafka.md',
      errors: [{ message: mismatch('title', '12', '0011'), line: 1, column: 3, endLine: 1, endColumn: 5 }],
    },
    {
      name: '"ADR-0012:" in a 0011 file',
      code: '# ADR-0012: Use Kafka\n',
      filename: 'docs/adr/0011-use-kafka.md',
      errors: [{ message: mismatch('title', '0012', '0011'), line: 1, column: 7, endLine: 1, endColumn: 11 }],
    },
    {
      name: 'a frontmatter title without an H1 (Docusaurus), at the digits inside the quotes',
      code: '---\ntitle: "7. Change Management Process"\nstatus: Accepted\n---\n\nWe review changes weekly.\n',
      filename: 'ADR/0008-change-management.md',
      errors: [{ message: mismatch('frontmatter title', '7', '0008'), line: 2, column: 9, endLine: 2, endColumn: 10 }],
    },
    {
      name: 'konflux: the H1 agrees but the frontmatter title was not renumbered',
      code: '---\ntitle: "38. Remove composite snapshots"\n---\n\n# 39. Remove composite snapshots\n',
      filename: 'ADR/0039-remove-composite-snapshots.md',
      errors: [{ message: mismatch('frontmatter title', '38', '0039'), line: 2, column: 9, endLine: 2, endColumn: 11 }],
    },
    {
      name: 'a copied record: both titles keep the old number',
      code: '---\ntitle: 4. Use Kafka\n---\n\n# 4. Use Kafka\n',
      filename: 'docs/adr/0007-use-kafka.md',
      errors: [
        { message: mismatch('frontmatter title', '4', '0007'), line: 2, column: 8, endLine: 2, endColumn: 9 },
        { message: mismatch('title', '4', '0007'), line: 5, column: 3, endLine: 5, endColumn: 4 },
      ],
    },
    {
      name: '"ADR-0006 Title" in an ADR-0008- file',
      code: '# ADR-0006 Replace the message bus\n',
      filename: 'docs/adr/ADR-0008-replace-the-message-bus.md',
      errors: [{ message: mismatch('title', '0006', '0008'), line: 1, column: 7, endLine: 1, endColumn: 11 }],
    },
    {
      name: 'an adr_NNN_ file name',
      code: '# 4. Use Kafka\n',
      filename: 'docs/adr/adr_005_use_kafka.md',
      errors: [{ message: mismatch('title', '4', '005'), line: 1, column: 3, endLine: 1, endColumn: 4 }],
    },
    {
      name: 'a zero-padded number joined to the frontmatter title (ans style)',
      code: '---\ntitle: 0003-Licence des projets\n---\n\n# Licence des projets\n',
      filename: 'docs/decisions/0002-licence-des-projets.md',
      errors: [{ message: mismatch('frontmatter title', '0003', '0002'), line: 2, column: 8, endLine: 2, endColumn: 12 }],
    },
    {
      name: 'the placeholder "n." left in the title: fixed to the file number',
      code: '# n. Login.gov\n\nDate: 2021-03-04\n',
      filename: 'docs/adr/0012-login-gov.md',
      errors: [{ message: placeholder('title', 'n', '12'), line: 1, column: 3, endLine: 1, endColumn: 4 }],
      output: '# 12. Login.gov\n\nDate: 2021-03-04\n',
    },
    {
      name: 'the placeholder "NNNN." keeps its width',
      code: '# NNNN. Use Kafka\n',
      filename: 'docs/adr/0012-use-kafka.md',
      errors: [{ message: placeholder('title', 'NNNN', '0012'), line: 1, column: 3, endLine: 1, endColumn: 7 }],
      output: '# 0012. Use Kafka\n',
    },
    {
      name: 'XXXX after an ADR prefix, in the frontmatter title and the H1',
      code: '---\ntitle: "ADR-XXXX: Use Kafka"\n---\n\n# ADR-XXXX: Use Kafka\n',
      filename: 'docs/adr/ADR-0031-use-kafka.md',
      errors: [
        { message: placeholder('frontmatter title', 'XXXX', '0031'), line: 2, column: 13, endLine: 2, endColumn: 17 },
        { message: placeholder('title', 'XXXX', '0031'), line: 5, column: 7, endLine: 5, endColumn: 11 },
      ],
      output: '---\ntitle: "ADR-0031: Use Kafka"\n---\n\n# ADR-0031: Use Kafka\n',
    },
    {
      name: 'a {number} placeholder',
      code: '# {number}. Use Kafka\n',
      filename: 'docs/adr/0003-use-kafka.md',
      errors: [{ message: placeholder('title', '{number}', '3'), line: 1, column: 3, endLine: 1, endColumn: 11 }],
      output: '# 3. Use Kafka\n',
    },
    {
      name: 'a three-digit name',
      code: '# 2 - Use shell scripts\n',
      filename: 'doc/adr/003-use-shell-scripts.md',
      errors: [{ message: mismatch('title', '2', '003'), line: 1, column: 3, endLine: 1, endColumn: 4 }],
    },
    {
      name: 'a BOM and CRLF: the real line and column',
      code: '\uFEFF---\r\nstatus: accepted\r\n---\r\n\r\n# 10. Namespace Metadata\r\n',
      filename: 'ADR/0011-namespace-metadata.md',
      errors: [{ message: mismatch('title', '10', '0011'), line: 5, column: 3, endLine: 5, endColumn: 5 }],
    },
  ],
});
