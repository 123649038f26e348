import { ruleTester } from '../helpers/rule-tester.ts';

const NO_TITLE = 'The ADR has no title; start it with a "# Title" heading (or give the frontmatter a title)';
const second = (title: string, line: number) => `"${title}" is a second H1; an ADR has one title (line ${line}), so make this a "##" section`;
const differs = (frontmatter: string, h1: string) => `The frontmatter title "${frontmatter}" differs from the H1 "${h1}"; make them the same`;
const placeholder = (title: string) => `The title "${title}" is still the template's placeholder; write the decision's own title`;
// ansforge's template: a title, its metadata, then the record's title again as a second H1.
const TWO_H1_TEMPLATE = '# Exemple de template\n\n* statut : {proposé | accepté}\n\n# {titre court, représentatif du problème résolu}\n\n## Contexte et énoncé du problème\n';

ruleTester('adr-title', {
  valid: [
    { name: 'adr-tools: one numbered H1', code: '# 1. Record architecture decisions\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n' },
    { name: 'MADR under Jekyll keys', code: '---\nparent: Decisions\nnav_order: 3\n---\n# Use Dashes in Filenames\n\n## Context and Problem Statement\n' },
    { name: 'no H1, a frontmatter title (Docusaurus)', code: '---\ntitle: Use Kafka for order events\nstatus: accepted\n---\n\n## Context\n\nThree services poll the orders table.\n' },
    { name: 'konflux: the same numbered title twice', code: '---\ntitle: "6. Log Conventions"\nstatus: Implemented\n---\n\n# 6. Log Conventions\n' },
    { name: 'a number in only one of them', code: '---\ntitle: Log Conventions\n---\n\n# 6. Log Conventions\n' },
    { name: 'ans: a zero-padded number joined to the frontmatter title', code: '---\ntitle: 0002-Licence des projets Github\n---\n\n# Licence des projets Github\n' },
    { name: '"ADR-0006 Title" and the plain title', code: '---\ntitle: Replace the message bus\n---\n\n# ADR-0006 Replace the message bus\n' },
    { name: 'case, inner quotes and spacing do not matter', code: `---\ntitle: '"Use  Kafka for EVENTS"'\n---\n\n# use kafka for events\n` },
    { name: 'emphasis and code in the H1', code: '---\ntitle: Use adr-tools now\n---\n\n# Use `adr-tools` *now*\n' },
    { name: 'a "# comment" in a code block is no H1', code: '# Use a base image\n\n```dockerfile\n# The base image is expected to contain /bin/opm\nFROM registry/opm\n```\n' },
    { name: 'a setext H1', code: 'Use Kafka\n=========\n\n## Context\n' },
    { name: 'the frontmatter title with the file\'s number in front ("0001-...")', code: '---\ntitle: 0001-Choix du modèle pour la rédaction des ADR\n---\n\n# Choix du modèle pour la rédaction des ADR\n' },
    { name: 'the frontmatter title with "ADR-12:" in front', code: '---\ntitle: "ADR-12: Use Kafka"\n---\n\n# Use Kafka\n' },
    {
      name: 'where the folder\'s template has several H1s, the records\' extra H1s are the set\'s habit',
      code: '---\ntitle: 0001-Choix du modèle\n---\n\n# Choix du modèle\n\n* statut : proposé\n\n# Formalisme des décisions\n\n## Contexte et énoncé du problème\n',
      filename: 'docs/decisions/0001-choix-du-modele.md',
      files: { 'docs/decisions/0000-modele-adr.md': TWO_H1_TEMPLATE },
    },
    { name: 'a real title written in brackets is no placeholder', code: '# [Gestion des Dates]\n\n* Statut : mergé\n' },
    {
      name: 'a bracketed title that is not the template\'s placeholder',
      code: '# [Pipeline Analytics]\n\n## Contexte\n',
      files: { 'docs/adr/adr-template.md': '# [short description of the decision]\n\n## Contexte\n' },
    },
    { name: 'a frontmatter that does not parse may hold the title: frontmatter-syntax reports it', code: '---\ntitle: [Use Kafka\nstatus: accepted\n---\n\n## Context\n' },
  ],
  invalid: [
    { name: 'no H1 and no frontmatter title', code: 'We use Kafka for order events.\n\n## Context\n', errors: [{ message: NO_TITLE, line: 1, column: 1, endLine: 1, endColumn: 1 }] },
    {
      name: 'an empty frontmatter title is no title',
      code: '---\ntitle: ""\nstatus: accepted\n---\n\n## Context\n',
      errors: [{ message: NO_TITLE, line: 1, column: 1, endLine: 1, endColumn: 1 }],
    },
    {
      name: 'a second H1 (a changelog at the end), at that heading',
      code: '# 54. Version tasks\n\n## Decision\n\nWe version tasks.\n\n# Changelog\n\n- 2024-05-01: first version\n',
      errors: [{ message: second('Changelog', 1), line: 7, column: 1, endLine: 7, endColumn: 12 }],
    },
    {
      name: 'a MADR example heading outside its code block, after frontmatter',
      code: '---\nparent: Decisions\n---\n# Add Status Field\n\n## Pros and Cons\n\nExample:\n\n# Write own MADR tooling\n\n# Use badges\n',
      errors: [
        { message: second('Write own MADR tooling', 4), line: 10, column: 1, endLine: 10, endColumn: 25 },
        { message: second('Use badges', 4), line: 12, column: 1, endLine: 12, endColumn: 13 },
      ],
    },
    {
      name: 'the frontmatter title says something else, at its value',
      code: '---\ntitle: Use PostgreSQL\n---\n\n# Use MySQL for orders\n',
      errors: [{ message: differs('Use PostgreSQL', 'Use MySQL for orders'), line: 2, column: 8, endLine: 2, endColumn: 22 }],
    },
    {
      name: 'a plain leading number is part of the title, not a record number',
      code: '---\ntitle: 3 replicas for the API\n---\n\n# Replicas for the API\n',
      errors: [{ message: differs('3 replicas for the API', 'Replicas for the API'), line: 2, column: 8, endLine: 2, endColumn: 30 }],
    },
    {
      name: 'konflux: the same number, a renamed title',
      code: '---\ntitle: "13. Konflux Test Stream - API contracts"\nstatus: Deprecated\n---\n\n# 13. Integration Service API contracts\n',
      errors: [
        {
          message: differs('13. Konflux Test Stream - API contracts', '13. Integration Service API contracts'),
          line: 2,
          column: 8,
          endLine: 2,
          endColumn: 49,
        },
      ],
    },
    {
      name: 'the folder\'s template has one H1: a second H1 is still reported',
      code: '# Use Kafka\n\n## Context\n\n# Decision\n',
      files: { 'docs/adr/template.md': '# {title}\n\n## Context\n\n## Decision\n' },
      errors: [{ message: second('Decision', 1), line: 5, column: 1, endLine: 5, endColumn: 11 }],
    },
    {
      name: 'a number glued to a word is part of the title: "2FA" is not "FA"',
      code: '---\ntitle: 2FA for admins\n---\n\n# FA for admins\n',
      errors: [{ message: differs('2FA for admins', 'FA for admins'), line: 2, column: 8, endLine: 2, endColumn: 22 }],
    },
    {
      name: 'the title is still the template\'s placeholder (a bracketed text that calls itself a title)',
      code: '# [titre du problème résolu et de sa solution]\n\n## Contexte et Définition du Problème\n',
      errors: [{ message: placeholder('[titre du problème résolu et de sa solution]'), line: 1, column: 1, endLine: 1, endColumn: 47 }],
    },
    {
      name: 'the title is the folder\'s template placeholder, word for word',
      code: '---\ntitle: Orders\n---\n\n# [short description of the decision]\n\n## Context\n',
      files: { 'docs/adr/adr-template.md': '# [Short description of the decision]\n\n## Context\n' },
      errors: [{ message: placeholder('[short description of the decision]'), line: 5, column: 1, endLine: 5, endColumn: 38 }],
    },
    { name: 'an empty H1', code: '#\n\n## Context\n', errors: [{ message: 'The H1 title is empty', line: 1, column: 1, endLine: 1, endColumn: 2 }] },
  ],
});
