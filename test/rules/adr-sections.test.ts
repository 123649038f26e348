import { ruleTester } from '../helpers/rule-tester.ts';

const missing = (section: string, template = 'nygard') => `Missing the "${section}" section the ${template} template asks for`;
const outOfOrder = (heading: string, where: string, template = 'nygard') => `"${heading}" is out of order: the ${template} template puts it ${where}`;

const NYGARD = '# 1. Record architecture decisions\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n\n## Context\n\nWe need a record.\n\n## Decision\n\nWe use ADRs.\n\n## Consequences\n\nSee the article.\n';
const MADR_JEKYLL = '---\nparent: Decisions\nnav_order: 6\n---\n# Use Names as Identifier\n\n';

ruleTester('adr-sections', {
  valid: [
    { name: 'adr-tools: Status, Context, Decision, Consequences', code: NYGARD },
    {
      name: 'MADR with its optional sections',
      code: `${MADR_JEKYLL}## Context and Problem Statement\n\nHow to refer?\n\n## Decision Drivers\n\n* Easy\n\n## Considered Options\n\n* Names\n\n## Decision Outcome\n\nNames.\n\n### Consequences\n\n* Good\n\n## Pros and Cons of the Options\n\n### Names\n\n## More Information\n`,
    },
    {
      name: 'log4brains: headings with <!-- optional --> and positive/negative consequences',
      code: '# Use Lunr for search\n\n- Status: accepted\n\n## Context and Problem Statement <!-- short -->\n\nSearch.\n\n## Considered Options\n\n- Lunr\n\n## Decision Outcome\n\nLunr.\n\n### Positive Consequences <!-- optional -->\n\n- Fast\n',
      filename: 'docs/adr/20201103-use-lunr-for-search.md',
    },
    {
      name: 'Nygard with a "Status:" line instead of a section',
      code: '# 3. Use Kafka\n\nStatus: Accepted\n\n## Context\n\nPolling.\n\n## Decision\n\nKafka.\n\n## Consequences\n\nDuplicates.\n',
    },
    {
      name: 'numbered headings, trailing colons, "Decision: ..." and "Negative Consequences"',
      code: '# 6. Log Conventions\n\n## 1. Status:\n\nImplemented\n\n## 2. Context and Problem Statement\n\nLogs differ.\n\n## 3. Decision: Log conventions\n\nJSON.\n\n## 4. Negative Consequences\n\nWork.\n',
    },
    {
      name: 'konflux: a frontmatter status over an unnumbered Nygard body (no Status section needed)',
      code: '---\ntitle: Namespace Name Format\nstatus: Accepted\n---\n\n# Namespace Name Format\n\n## Context\n\nNames clash.\n\n## Decision\n\nPrefix them.\n\n## Consequences\n\nLonger names.\n',
    },
    { name: 'a file of no known format is not checked', code: '# Notes from the architecture meeting\n\nWe talked about Kafka.\n' },
    {
      name: 'a configured list of sections',
      code: '# Use Kafka\n\n## Background\n\nPolling.\n\n## Proposal\n\nKafka.\n',
      options: { template: ['Background', 'Proposal'] },
    },
  ],
  invalid: [
    {
      name: 'Nygard without Consequences, at the H1',
      code: '# 9. Help scripts\n\nDate: 2016-02-16\n\n## Status\n\nAccepted\n\n## Context\n\nUsers need help.\n\n## Decision\n\nWrite help scripts.\n',
      errors: [{ message: missing('Consequences'), line: 1, column: 1, endLine: 1, endColumn: 18 }],
    },
    {
      name: 'Decision before Context, and no Consequences',
      code: '# 5. Publish order events\n\n## Status\n\nAccepted\n\n## Decision\n\nKafka.\n\n## Context\n\nPolling.\n',
      errors: [
        { message: missing('Consequences'), line: 1, column: 1, endLine: 1, endColumn: 26 },
        { message: outOfOrder('Decision', 'after "Context"'), line: 7, column: 1, endLine: 7, endColumn: 12 },
      ],
    },
    {
      name: 'a Status section moved to the end is the one out of order',
      code: '# 2. Use shell\n\n## Context\n\nPortable.\n\n## Decision\n\nShell.\n\n## Consequences\n\nQuoting.\n\n## Status\n\nAccepted\n',
      errors: [{ message: outOfOrder('Status', 'before "Context"'), line: 15, column: 1, endLine: 15, endColumn: 10 }],
    },
    {
      name: 'Nygard with no status anywhere needs the section',
      code: '# 4. Markdown format\n\n## Context\n\nText.\n\n## Decision\n\nMarkdown.\n\n## Consequences\n\nNone.\n',
      errors: [{ message: missing('Status'), line: 1, column: 1, endLine: 1, endColumn: 21 }],
    },
    {
      name: 'MADR without Considered Options, at the H1 under the frontmatter',
      code: `${MADR_JEKYLL}## Context and Problem Statement\n\nHow to refer?\n\n## Decision Outcome\n\nNames.\n`,
      errors: [{ message: missing('Considered Options', 'madr'), line: 5, column: 1, endLine: 5, endColumn: 26 }],
    },
    {
      name: '"Decision Drivers" is not the Decision Outcome',
      code: `${MADR_JEKYLL}## Context and Problem Statement\n\nHow?\n\n## Decision Drivers\n\n* Easy\n\n## Considered Options\n\n* Names\n`,
      errors: [{ message: missing('Decision Outcome', 'madr'), line: 5, column: 1, endLine: 5, endColumn: 26 }],
    },
    {
      name: 'log4brains: a short record with only a Decision',
      code: '# Avoid default exports\n\n- Status: accepted\n- Date: 2020-09-27\n\n## Decision\n\nNamed exports.\n\n## Links\n',
      filename: 'docs/adr/20200927-avoid-default-exports.md',
      errors: [
        { message: missing('Context and Problem Statement', 'madr'), line: 1, column: 1, endLine: 1, endColumn: 24 },
        { message: missing('Considered Options', 'madr'), line: 1, column: 1, endLine: 1, endColumn: 24 },
      ],
    },
    {
      name: 'template madr on an adr-tools record',
      code: NYGARD,
      options: { template: 'madr' },
      errors: [{ message: missing('Considered Options', 'madr'), line: 1, column: 1, endLine: 1, endColumn: 35 }],
    },
    {
      name: 'no H1 (a frontmatter title): at 1:1',
      code: '---\ntitle: "3. Use Kafka"\n---\n\n## Status\n\nAccepted\n\n## Context\n\nPolling.\n\n## Consequences\n\nDuplicates.\n',
      errors: [{ message: missing('Decision'), line: 1, column: 1, endLine: 1, endColumn: 1 }],
    },
    {
      name: 'a configured list: one missing, one out of order',
      code: '# Use Kafka\n\n## Proposal\n\nKafka.\n\n## Background\n\nPolling.\n',
      options: { template: ['Background', 'Proposal', 'Risks'] },
      errors: [
        { message: missing('Risks', 'configured'), line: 1, column: 1, endLine: 1, endColumn: 12 },
        { message: outOfOrder('Proposal', 'after "Background"', 'configured'), line: 3, column: 1, endLine: 3, endColumn: 12 },
      ],
    },
  ],
});
