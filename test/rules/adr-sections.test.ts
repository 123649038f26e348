import { ruleTester } from '../helpers/rule-tester.ts';

// A built-in template by its name ("madr"), or the folder's own template file (ownTemplate).
const label = (template: string) => (template.startsWith("folder's") ? template : `${template} template`);
const missing = (section: string, template = 'nygard') => `Missing the "${section}" section the ${label(template)} asks for`;
const outOfOrder = (heading: string, where: string, template = 'nygard') => `"${heading}" is out of order: the ${label(template)} puts it ${where}`;
const ownTemplate = (file: string) => `folder's template ${file}`;

// A folder's own template, in French (MADR translated, as ansforge and SocialGouv write it):
// Facteurs de Décision and Liens optional, the other three required.
const FRENCH_TEMPLATE = [
  '# [titre du problème résolu et de sa solution]',
  '',
  '* Statut: [proposé | rejeté | accepté] <!-- optionnel -->',
  '',
  '## Contexte et Définition du Problème',
  '',
  '[Décrire le contexte]',
  '',
  '## Facteurs de Décision <!-- optionnel -->',
  '',
  '## Options considérées',
  '',
  '## Résultat de la Décision',
  '',
  '## Liens <!-- optionnel -->',
  '',
].join('\n');
const FRENCH_RECORD = (sections: string) => `# Gestion des dates\n\n* Statut : accepté\n\n${sections}`;
// Nygard's sections as the folder's template file (konflux keeps its ADR 0 as 0000-adr-template.md).
const NYGARD_TEMPLATE = '# 0. Record architecture decisions\n\nDate: 2022-06-17\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n## Decision\n\nADRs.\n\n## Consequences\n\nSee the article.\n';
// A template whose records repeat its second H1 (ansforge: metadata under the title, then the title again).
const TWO_H1_TEMPLATE = '# Exemple de template\n\n* statut : {proposé | accepté}\n\n# {titre court}\n\n## Contexte\n\n## Décision\n\n# Annexes <!-- optionnel -->\n';

const NYGARD = '# 1. Record architecture decisions\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n\n## Context\n\nWe need a record.\n\n## Decision\n\nWe use ADRs.\n\n## Consequences\n\nSee the article.\n';
const MADR_JEKYLL = '---\nparent: Decisions\nnav_order: 6\n---\n# Use Names as Identifier\n\n';

ruleTester('adr-sections', {
  valid: [
    { name: 'adr-tools: Status, Context, Decision, Consequences', code: NYGARD },
    // A section's name with a qualifier, or one word more inside it, is still that section.
    {
      name: 'MADR options written per concern ("Considered options for provider discovery")',
      code: '# Service discovery\n\n## Context and Problem Statement\n\nX.\n\n## Considered options for provider discovery\n\n* A\n\n## Decision Outcome\n\nA.\n',
      options: { template: 'madr' },
    },
    {
      name: 'MADR options with a word inside ("Considered Evaluation Options")',
      code: '# Multi provider\n\n## Context and Problem Statement\n\nX.\n\n## Considered Evaluation Options\n\n* A\n\n## Decision Outcome\n\nA.\n',
      options: { template: 'madr' },
    },
    {
      name: 'one heading per option ("## Option 1: …", "## Option 2: …") is the options section',
      code: '# Errors\n\n## Context and Problem Statement\n\nX.\n\n## Option 1: codes\n\nA.\n\n## Option 2: types\n\nB.\n\n## Decision Outcome\n\nOption 2.\n',
      options: { template: 'madr' },
    },
    {
      // A set that writes "Alternatives considered" (not the template's "Considered Options") as an
      // appendix after its decision lays its records out its own way: not held to MADR's order.
      name: 'a section written under a synonym is not held to the template\'s order',
      code: '# E2E tests\n\n## Context and Problem Statement\n\nX.\n\n## Decision\n\nWe test.\n\n## Alternatives considered\n\n* Mocks\n',
      options: { template: 'madr' },
    },
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
      name: 'the folder\'s template: French headings, another wording of a section ("Options envisagées"), optional ones left out',
      code: FRENCH_RECORD('## Contexte et définition du problème\n\nDes dates.\n\n## Options Envisagées\n\n* UTC\n\n## Résultat de la Décision\n\nUTC.\n'),
      files: { 'docs/adr/adr-template.md': FRENCH_TEMPLATE },
    },
    {
      name: 'a template section fewer than half of the set writes (1 of 3) is one the set dropped: not required',
      code: FRENCH_RECORD('## Contexte\n\nDes dates.\n\n## Résultat de la Décision\n\nUTC.\n'),
      files: {
        'docs/adr/adr-template.md': FRENCH_TEMPLATE,
        'docs/adr/0002-b.md': FRENCH_RECORD('## Contexte\n\nB.\n\n## Résultat de la Décision\n\nB.\n'),
        'docs/adr/0003-c.md': FRENCH_RECORD('## Contexte\n\nC.\n\n## Options considérées\n\n* C\n\n## Résultat de la Décision\n\nC.\n'),
      },
    },
    {
      name: 'the folder\'s Nygard template: a Status line stands for the Status section',
      code: '# 7. Use Tekton\n\nDate: 2023-01-02\n\nStatus: Accepted\n\n## Context\n\nCI.\n\n## Decision\n\nTekton.\n\n## Consequences\n\nYAML.\n',
      files: { 'docs/adr/0000-adr-template.md': NYGARD_TEMPLATE },
    },
    {
      name: 'sections written as H1 after the title count (adr-title reports the level)',
      code: '# 3. Use Kafka\n\nDate: 2021-04-01\n\n# Status\n\nAccepted\n\n# Context\n\nPolling.\n\n# Decision\n\nKafka.\n\n# Consequences\n\nDuplicates.\n',
    },
    {
      name: 'a combined heading is each section it names',
      code: `${MADR_JEKYLL}## Context and Problem Statement\n\nHow to refer?\n\n## Considered Options and Decision Outcome\n\n* Names, chosen\n* Numbers\n`,
    },
    {
      name: 'Nygard with a "Considered Options" section stays Nygard: not held to MADR',
      code: '# 12. Cache sessions in Redis\n\nDate: 2019-03-04\n\n## Status\n\nAccepted\n\n## Context\n\nSessions are lost on deploy.\n\n## Considered Options\n\n* Redis\n* Sticky sessions\n\n## Decision\n\nRedis.\n\n## Consequences\n\nOne more service.\n',
    },
    {
      name: 'a frontmatter over a Nygard body with "Considered Options" is held to Nygard, not MADR',
      code: '---\ntitle: Namespace Name Format\nstatus: Accepted\n---\n\n# Namespace Name Format\n\n## Context\n\nNames clash.\n\n## Considered Options\n\n* Prefix\n* Suffix\n\n## Decision\n\nPrefix them.\n\n## Consequences\n\nLonger names.\n',
    },
    {
      name: 'a stub whose short body points to the real document is not held to a template',
      code: '# 14. Use OAuth for partners\n\nDate: 2020-05-06\n\nThis decision is recorded in [the platform ADRs](https://example.org/platform/adr/0031-oauth.md).\n',
      files: { 'docs/adr/0000-adr-template.md': NYGARD_TEMPLATE },
    },
    {
      name: 'a stub that says where it moved, with a bare URL and a Status line',
      code: '# 15. Use OAuth for partners\n\nStatus: Superseded\n\nMoved to https://wiki.example.org/adr/15\n',
    },
    {
      name: 'where the template has several H1s, records that follow it are held to its sections',
      code: '# Choix du modèle\n\n* statut : accepté\n\n# Formalisme des décisions\n\n## Contexte\n\nInformel.\n\n## Décision\n\nMADR.\n',
      files: { 'docs/adr/0000-modele-adr.md': TWO_H1_TEMPLATE },
    },
    {
      name: 'a configured list of sections',
      code: '# Use Kafka\n\n## Background\n\nPolling.\n\n## Proposal\n\nKafka.\n',
      options: { template: ['Background', 'Proposal'] },
    },
  ],
  invalid: [
    {
      name: '"Decision Drivers" is not the Decision, and one "Option 1" heading alone is no options section',
      code: '# Errors\n\n## Context and Problem Statement\n\nX.\n\n## Decision Drivers\n\n* speed\n\n## Option 1: codes\n\nA.\n',
      options: { template: 'madr' },
      errors: [
        { message: missing('Considered Options', 'madr'), line: 1, column: 1 },
        { message: missing('Decision Outcome', 'madr'), line: 1, column: 1 },
      ],
    },
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
      name: 'the folder\'s template: a required section missing, named as the template writes it, and the template file named',
      code: FRENCH_RECORD('## Contexte et définition du problème\n\nDes dates.\n\n## Résultat de la Décision\n\nUTC.\n'),
      files: { 'docs/adr/adr-template.md': FRENCH_TEMPLATE },
      errors: [{ message: missing('Options considérées', ownTemplate('adr-template.md')), line: 1, column: 1, endLine: 1, endColumn: 20 }],
    },
    {
      name: 'the folder\'s template orders its optional sections too',
      code: FRENCH_RECORD('## Contexte\n\nDes dates.\n\n## Options considérées\n\n* UTC\n\n## Résultat de la Décision\n\nUTC.\n\n## Facteurs de décision\n\n* Simple\n'),
      files: { 'docs/adr/adr-template.md': FRENCH_TEMPLATE },
      errors: [{ message: outOfOrder('Facteurs de décision', 'before "Options considérées"', ownTemplate('adr-template.md')), line: 17, column: 1, endLine: 17, endColumn: 24 }],
    },
    {
      name: 'a set of two is no habit: the template is followed as written',
      code: FRENCH_RECORD('## Contexte\n\nDes dates.\n\n## Résultat de la Décision\n\nUTC.\n'),
      files: { 'docs/adr/adr-template.md': FRENCH_TEMPLATE, 'docs/adr/0002-b.md': FRENCH_RECORD('## Contexte\n\nB.\n\n## Résultat de la Décision\n\nB.\n') },
      errors: [{ message: missing('Options considérées', ownTemplate('adr-template.md')), line: 1, column: 1, endLine: 1, endColumn: 20 }],
    },
    {
      name: 'the folder\'s template comes before the record\'s format: a MADR record in a Nygard folder',
      code: '# 8. Use Renovate\n\n## Context and Problem Statement\n\nUpdates.\n\n## Decision Outcome\n\nRenovate.\n',
      files: { 'docs/adr/0000-adr-template.md': NYGARD_TEMPLATE },
      errors: [
        { message: missing('Status', ownTemplate('0000-adr-template.md')), line: 1, column: 1, endLine: 1, endColumn: 18 },
        { message: missing('Consequences', ownTemplate('0000-adr-template.md')), line: 1, column: 1, endLine: 1, endColumn: 18 },
      ],
    },
    {
      name: 'an explicit template option wins over the folder\'s template',
      code: '# 7. Use Tekton\n\nDate: 2023-01-02\n\nStatus: Accepted\n\n## Context\n\nCI.\n\n## Decision\n\nTekton.\n\n## Consequences\n\nYAML.\n',
      files: { 'docs/adr/0000-adr-template.md': NYGARD_TEMPLATE },
      options: { template: ['Context', 'Decision', 'Risks'] },
      errors: [{ message: missing('Risks', 'configured'), line: 1, column: 1, endLine: 1, endColumn: 16 }],
    },
    {
      name: 'a Nygard set with extra sections: Considered Options and Risks, no Consequences, reported as Nygard',
      code: '# 16. Component development environment\n\nDate: 2019-02-27\n\n## Status\n\nAccepted\n\n## Context\n\nA design system.\n\n## Considered Options\n\n* Storybook\n* Styleguidist\n\n## Decision\n\nStorybook.\n\n## Risks\n\nUpgrades lag.\n',
      files: { 'docs/adr/0015-bytecode.md': NYGARD.replace('1. Record architecture decisions', '15. Bytecode') },
      errors: [{ message: missing('Consequences'), line: 1, column: 1, endLine: 1, endColumn: 40 }],
    },
    {
      name: 'Nygard with an H1 section: a missing section is reported, the H1 out of order is left to adr-title',
      code: '# 3. Use Kafka\n\nDate: 2021-04-01\n\n## Decision\n\nKafka.\n\n## Consequences\n\nDuplicates.\n\n# Context\n\nPolling.\n',
      errors: [{ message: missing('Status'), line: 1, column: 1, endLine: 1, endColumn: 15 }],
    },
    {
      name: 'where the template has several H1s, an H1 section out of order is reported here (adr-title does not)',
      code: '# Choix du modèle\n\n* statut : accepté\n\n# Formalisme des décisions\n\n## Contexte\n\nInformel.\n\n# Annexes\n\nVoir.\n\n## Décision\n\nMADR.\n',
      files: { 'docs/adr/0000-modele-adr.md': TWO_H1_TEMPLATE },
      errors: [{ message: outOfOrder('Annexes', 'after "Décision"', ownTemplate('0000-modele-adr.md')), line: 11, column: 1, endLine: 11, endColumn: 10 }],
    },
    {
      name: 'a record with no sections and no link is no stub',
      code: '# 14. Use OAuth for partners\n\nDate: 2020-05-06\n\nWe use OAuth for partners.\n',
      files: { 'docs/adr/0000-adr-template.md': NYGARD_TEMPLATE },
      errors: ['Status', 'Context', 'Decision', 'Consequences'].map((section) => ({
        message: missing(section, ownTemplate('0000-adr-template.md')),
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 29,
      })),
    },
    {
      name: 'a short record with a link in its decision is no stub',
      code: '# 15. Coordinate orders\n\nWe coordinate the order steps with a [saga](https://example.org/saga) and use CQRS.\n',
      errors: ['Status', 'Context', 'Decision', 'Consequences'].map((section) => ({ message: missing(section), line: 1, column: 1, endLine: 1, endColumn: 24 })),
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
