import { ruleTester } from '../helpers/rule-tester.ts';

const nygard = (number: number, title: string, status: string, ...rest: string[]) =>
  [`# ${number}. ${title}`, '', 'Date: 2024-01-01', '', '## Status', '', status, '', ...rest.flatMap((line) => [line, '']), '## Decision', '', 'We decide.', ''].join('\n');

const konflux = (title: string, keys: string[]) => ['---', `title: "${title}"`, 'status: Accepted', ...keys, 'applies_to:', '  - integration-service', '---', '', `# ${title}`, '', '## Status', '', 'Accepted', ''].join('\n');

const claim = (other: string, says: string) => new RegExp(`^${other.replace(/\./g, '\\.')} ${says}, but this ADR does not say`);

ruleTester('adr-supersede', {
  valid: [
    {
      name: '"Extends" and "Extended by" on both sides agree',
      filename: 'docs/adr/0016-events.md',
      code: nygard(16, 'Events', 'Accepted', 'Extends [22. Event subsystem](0022-event-subsystem.md)'),
      files: { 'docs/adr/0022-event-subsystem.md': nygard(22, 'Event subsystem', 'Extended by [ADR-0016](0016-events.md)') },
    },
    {
      name: 'both sides say so: Nygard lines with links',
      filename: 'docs/adr/0001-use-postgresql.md',
      code: nygard(1, 'Use PostgreSQL', 'Superseded', 'Superseded by [2. Use MySQL](0002-use-mysql.md)'),
      files: { 'docs/adr/0002-use-mysql.md': nygard(2, 'Use MySQL', 'Accepted', 'Supersedes [1. Use PostgreSQL](0001-use-postgresql.md)') },
    },
    {
      name: 'by number in the frontmatter on one side, by .html page link on the other (konflux)',
      filename: 'docs/adr/0031-sprayproxy.md',
      code: konflux('31. Sprayproxy', ['superseded_by: ["0039"]']),
      files: { 'docs/adr/0039-workspace-deprecation.md': nygard(39, 'Workspace deprecation', 'Accepted', 'Supersedes [ADR 31. Sprayproxy](0031-sprayproxy.html)') },
    },
    {
      name: 'a string value, a number list, ./ paths, a #fragment, a path from the repository root, a number in a status line',
      filename: 'docs/adr/0001-a.md',
      code: '---\nstatus: superseded\nsuperseded-by: "0002"\namends: ./0003-c.md#decision\nsupersedes:\n  - "0004"\n---\n\n# A\n',
      files: {
        'docs/adr/0002-b.md': '---\nstatus: accepted\nsupersedes: [1]\n---\n\n# B\n',
        'docs/adr/0004-d.md': '# 4. D\n\nStatus: superseded by ADR-0001\n\n## Context\n\nText.\n',
        'docs/adr/0003-c.md': '# 3. C\n\n## Status\n\nAccepted\n\nAmended by [1. A](/docs/adr/0001-a.md)\n',
      },
    },
    {
      name: 'MADR 2 / log4brains: "superseded by" in the status bullet, "Supersedes" bullet on the other side',
      filename: 'docs/adr/20200926-use-the-adr-number.md',
      code: '# Use the ADR number\n\n- Status: superseded by [20201016-use-the-adr-slug](20201016-use-the-adr-slug.md)\n- Date: 2020-09-26\n\n## Context and Problem Statement\n\nIds.\n',
      files: {
        'docs/adr/20201016-use-the-adr-slug.md': '# Use the ADR slug\n\n- Status: accepted\n- Date: 2020-10-16\n\n## Context and Problem Statement\n\nIds.\n\n## Links\n\n- Supersedes [20200926-use-the-adr-number](20200926-use-the-adr-number.md)\n',
      },
    },
    {
      name: '"Partially supersedes" asks nothing of the other record (konflux 0067)',
      filename: 'docs/adr/0029-component-dependencies.md',
      code: konflux('29. Component Dependencies', []),
      files: { 'docs/adr/0067-nudging.md': nygard(67, 'Nudging', 'Proposed', 'Partially supersedes [ADR 29. Component Dependencies](0029-component-dependencies.html)') },
    },
    {
      name: 'a number two files share is adr-number-duplicate\'s problem, not a missing side',
      filename: 'docs/adr/0001-a.md',
      code: nygard(1, 'A', 'Superseded', 'Superseded by ADR-0002'),
      files: { 'docs/adr/0002-b.md': nygard(2, 'B', 'Accepted'), 'docs/adr/0002-c.md': nygard(2, 'C', 'Accepted') },
    },
    {
      name: 'external references and ADRs of other logs outside the linted folder are not checked',
      filename: 'docs/adr/0001-a.md',
      code: nygard(1, 'A', 'Accepted', 'Supersedes [the old log](https://example.com/adr/0004-old.html)', 'Amends [3. Legacy](../legacy/0003-legacy.md)'),
      files: { 'docs/legacy/0003-legacy.md': nygard(3, 'Legacy', 'Accepted') },
    },
    {
      name: 'a status "Replaced by" a link is a supersede, and the other side says so',
      filename: 'docs/adr/0001-use-postgresql.md',
      code: nygard(1, 'Use PostgreSQL', 'Replaced by [2. Use MySQL](0002-use-mysql.md)'),
      files: { 'docs/adr/0002-use-mysql.md': nygard(2, 'Use MySQL', 'Accepted', 'Supersedes [1. Use PostgreSQL](0001-use-postgresql.md)') },
    },
  ],
  invalid: [
    {
      name: 'the other record supersedes this one, this one is silent (Nygard: a Status line in adr-tools\' form)',
      filename: 'docs/adr/0001-use-postgresql.md',
      code: nygard(1, 'Use PostgreSQL', 'Accepted'),
      files: { 'docs/adr/0002-use-mysql.md': nygard(2, 'Use MySQL', 'Accepted', 'Supersedes [1. Use PostgreSQL](0001-use-postgresql.md)') },
      errors: [
        {
          message: '0002-use-mysql.md supersedes this ADR, but this ADR does not say it is superseded by 0002-use-mysql.md',
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 9,
        },
      ],
      output: nygard(1, 'Use PostgreSQL', 'Accepted', 'Superseded by [2. Use MySQL](0002-use-mysql.md)'),
    },
    {
      name: 'this record is said to supersede another, and does not say so',
      filename: 'docs/adr/0002-use-mysql.md',
      code: nygard(2, 'Use MySQL', 'Accepted'),
      files: { 'docs/adr/0001-use-postgresql.md': nygard(1, 'Use PostgreSQL', 'Superseded', 'Superseded by [2. Use MySQL](0002-use-mysql.md)') },
      errors: [{ message: '0001-use-postgresql.md says it is superseded by this ADR, but this ADR does not say it supersedes 0001-use-postgresql.md', line: 7, column: 1 }],
      output: nygard(2, 'Use MySQL', 'Accepted', 'Supersedes [1. Use PostgreSQL](0001-use-postgresql.md)'),
    },
    {
      name: '"Extended by" is an amendment: the record it names must say that it extends (amends) this one',
      filename: 'docs/adr/0016-events.md',
      code: nygard(16, 'Events', 'Accepted'),
      files: { 'docs/adr/0022-event-subsystem.md': nygard(22, 'Event subsystem', 'Extended by [ADR-0016](0016-events.md)') },
      errors: [{ message: '0022-event-subsystem.md says it is amended by this ADR, but this ADR does not say it amends 0022-event-subsystem.md', line: 7, column: 1 }],
      output: nygard(16, 'Events', 'Accepted', 'Amends [22. Event subsystem](0022-event-subsystem.md)'),
    },
    {
      name: 'amended by another record: the line goes after the existing relation lines',
      filename: 'docs/adr/0005-help-comments.md',
      code: nygard(5, 'Help comments', 'Accepted', 'Amends [4. Markdown](0004-markdown.md)'),
      files: {
        'docs/adr/0004-markdown.md': nygard(4, 'Markdown', 'Accepted', 'Amended by [5. Help comments](0005-help-comments.md)'),
        'docs/adr/0009-help-scripts.md': nygard(9, 'Help scripts', 'Accepted', 'Amends [5. Help comments](0005-help-comments.md)'),
      },
      errors: [{ message: '0009-help-scripts.md amends this ADR, but this ADR does not say it is amended by 0009-help-scripts.md', line: 7, column: 1 }],
      output: nygard(5, 'Help comments', 'Accepted', 'Amends [4. Markdown](0004-markdown.md)', 'Amended by [9. Help scripts](0009-help-scripts.md)'),
    },
    {
      name: 'konflux: the key is there, a flow list: the item is appended, quoted and padded like the others',
      filename: 'docs/adr/0037-promotes.md',
      code: konflux('37. Promotes', ['supersedes: ["0015"]', 'superseded_by: ["0038"]']),
      files: {
        'docs/adr/0015-two-phase.md': konflux('15. Two phase', ['superseded_by: ["0037"]']),
        'docs/adr/0038-composite-removal.md': konflux('38. Composite removal', ['supersedes: ["0037"]']),
        'docs/adr/0040-later.md': konflux('40. Later', ['supersedes: ["0037"]']),
      },
      errors: [{ message: claim('0040-later.md', 'supersedes this ADR'), line: 5, column: 1, endColumn: 14 }],
      output: konflux('37. Promotes', ['supersedes: ["0015"]', 'superseded_by: ["0038", "0040"]']),
    },
    {
      name: 'konflux, CRLF: absent keys are added after status, spelled like the file\'s other keys, in one edit',
      filename: 'docs/adr/0038-composite-removal.md',
      code: konflux('38. Composite removal', []).replace(/\n/g, '\r\n'),
      files: {
        'docs/adr/0037-promotes.md': konflux('37. Promotes', ['superseded_by: ["0038"]']),
        'docs/adr/0042-clusters.md': konflux('42. Clusters', ['supersedes: ["0038"]']),
      },
      errors: [
        { message: claim('0037-promotes.md', 'says it is superseded by this ADR'), line: 3, column: 9, endColumn: 17 },
        { message: claim('0042-clusters.md', 'supersedes this ADR'), line: 3, column: 9 },
      ],
      output: konflux('38. Composite removal', ['supersedes: ["0037"]', 'superseded_by: ["0042"]']).replace(/\n/g, '\r\n'),
    },
    {
      name: 'a block list: a new item line with the same indentation and prefix',
      filename: 'docs/adr/0001-a.md',
      code: '---\nstatus: superseded\nsuperseded-by:\n  - ADR-0002\ndate: 2024-01-01\n---\n\n# A\n',
      files: {
        'docs/adr/0002-b.md': '---\nstatus: accepted\nsupersedes: [ADR-0001]\n---\n\n# B\n',
        'docs/adr/0003-c.md': '---\nstatus: accepted\nsupersedes: [ADR-0001]\n---\n\n# C\n',
      },
      errors: [{ message: claim('0003-c.md', 'supersedes this ADR'), line: 3, column: 1 }],
      output: '---\nstatus: superseded\nsuperseded-by:\n  - ADR-0002\n  - ADR-0003\ndate: 2024-01-01\n---\n\n# A\n',
    },
    {
      name: 'a single string becomes a list, quoted as written',
      filename: 'docs/adr/0001-a.md',
      code: "---\nstatus: superseded\nsuperseded-by: '0002'\n---\n\n# A\n",
      files: {
        'docs/adr/0002-b.md': '---\nstatus: accepted\nsupersedes: [1]\n---\n\n# B\n',
        'docs/adr/0003-c.md': '---\nstatus: accepted\nsupersedes: [1]\n---\n\n# C\n',
      },
      errors: [{ message: claim('0003-c.md', 'supersedes this ADR'), line: 3, column: 1 }],
      output: "---\nstatus: superseded\nsuperseded-by: ['0002', '0003']\n---\n\n# A\n",
    },
    {
      name: 'MADR 2 bullets: a "Superseded by" bullet after the status bullet, with the same marker',
      filename: 'docs/adr/20200926-use-the-adr-number.md',
      code: '# Use the ADR number\n\n* Status: accepted\n* Date: 2020-09-26\n\n## Context and Problem Statement\n\nIds.\n',
      files: {
        'docs/adr/20201016-use-the-adr-slug.md': '# Use the ADR slug\n\n* Status: accepted\n\n## Context and Problem Statement\n\nIds.\n\n## Links\n\n* Supersedes [20200926-use-the-adr-number](20200926-use-the-adr-number.md)\n',
      },
      errors: [{ message: claim('20201016-use-the-adr-slug.md', 'supersedes this ADR'), line: 3, column: 11 }],
      output: '# Use the ADR number\n\n* Status: accepted\n* Superseded by [Use the ADR slug](20201016-use-the-adr-slug.md)\n* Date: 2020-09-26\n\n## Context and Problem Statement\n\nIds.\n',
    },
    {
      name: 'a status "remplacé par" a number that no ADR has (MADR 2 in French)',
      filename: 'docs/adr/0001-a.md',
      code: '# A\n\n* Statut : remplacé par ADR-0009\n* Date : 2024-01-05\n',
      errors: [{ message: 'Superseded by ADR 9, but no ADR of this folder has that number', line: 3, column: 25, endColumn: 33 }],
    },
    {
      name: 'a status "Replaced by" another record: that record is asked to say it supersedes this one',
      filename: 'docs/adr/0002-use-mysql.md',
      code: nygard(2, 'Use MySQL', 'Accepted'),
      files: { 'docs/adr/0001-use-postgresql.md': nygard(1, 'Use PostgreSQL', 'Replaced by [2. Use MySQL](0002-use-mysql.md)') },
      errors: [{ message: '0001-use-postgresql.md says it is superseded by this ADR, but this ADR does not say it supersedes 0001-use-postgresql.md', line: 7, column: 1 }],
      output: nygard(2, 'Use MySQL', 'Accepted', 'Supersedes [1. Use PostgreSQL](0001-use-postgresql.md)'),
    },
    {
      name: 'an unresolved number is reported at the reference, with no fix',
      filename: 'docs/adr/0001-a.md',
      code: '---\nstatus: superseded\nsuperseded-by: ["0009"]\n---\n\n# A\n',
      errors: [{ message: 'Superseded by ADR 9, but no ADR of this folder has that number', line: 3, column: 17, endColumn: 23 }],
    },
    {
      name: 'numbers resolve per folder: ADR 2 of the parent folder is not this folder\'s',
      filename: 'docs/adr/billing/0003-invoices.md',
      code: nygard(3, 'Invoices', 'Accepted', 'Supersedes ADR-0002'),
      files: { 'docs/adr/0002-payments.md': nygard(2, 'Payments', 'Superseded', 'Superseded by ADR-0003') },
      errors: [{ message: 'Supersedes ADR 2, but no ADR of this folder has that number', line: 9, column: 12, endColumn: 20 }],
    },
    {
      name: 'a link to a renamed record: "did you mean", and the fix writes the new name (the .html page kept)',
      filename: 'docs/adr/0015-two-phase.md',
      code: nygard(15, 'Two phase', 'Superseded', 'Superseded by [ADR 36. Promotes](0036-promotes.html)'),
      files: { 'docs/adr/0037-promotes.md': nygard(37, 'Promotes', 'Accepted', 'Supersedes [ADR 15. Two phase](0015-two-phase.html)') },
      errors: [{ message: 'Superseded by "0036-promotes.html", which does not exist; did you mean "0037-promotes.html"?', line: 9, column: 15 }],
      output: nygard(15, 'Two phase', 'Superseded', 'Superseded by [ADR 36. Promotes](0037-promotes.html)'),
    },
    {
      name: 'a link to this record\'s old name claims this record too, so one --fix run writes both sides',
      filename: 'docs/adr/0003-c.md',
      code: nygard(3, 'C', 'Accepted'),
      files: { 'docs/adr/0002-b.md': nygard(2, 'B', 'Accepted', 'Amends [3. C](0003-see.md)') },
      errors: [{ message: '0002-b.md amends this ADR (linking it as "0003-see.md"), but this ADR does not say it is amended by 0002-b.md', line: 7, column: 1 }],
      output: nygard(3, 'C', 'Accepted', 'Amended by [2. B](0002-b.md)'),
    },
    {
      name: 'CRLF, Nygard: the new line keeps the file\'s line endings, and adr-tools\' "Superceded" spelling',
      filename: 'docs/adr/0003-c.md',
      code: '# 3. C\r\n\r\n## Status\r\n\r\nAccepted\r\n\r\nSupercedes [1. A](0001-a.md)\r\n\r\n## Context\r\n\r\nText.\r\n',
      files: {
        'docs/adr/0001-a.md': '# 1. A\n\n## Status\n\nSuperceded by [3. C](0003-c.md)\n',
        'docs/adr/0004-d.md': '# 4. D\n\n## Status\n\nAccepted\n\nSupercedes [3. C](0003-c.md)\n',
      },
      errors: [{ message: claim('0004-d.md', 'supersedes this ADR'), line: 5, column: 1 }],
      output: '# 3. C\r\n\r\n## Status\r\n\r\nAccepted\r\n\r\nSupercedes [1. A](0001-a.md)\r\n\r\nSuperceded by [4. D](0004-d.md)\r\n\r\n## Context\r\n\r\nText.\r\n',
    },
  ],
});
