import { describe, expect, it } from 'vitest';
import { lintWithRule, ruleTester } from '../helpers/rule-tester.ts';

const DEFAULT_STATUSES = 'proposed, accepted, rejected, deprecated, superseded';
const ACCEPT_IN_CONFIG = 'add it to "statuses" in the config (adrlint init writes them)';
const unknownStatus = (status: string, { list = DEFAULT_STATUSES, hint = '', accept = ACCEPT_IN_CONFIG } = {}) =>
  `Unknown status "${status}"${hint ? ` (${hint})` : ''}; use one of ${list}, or ${accept}`;
const noSuccessor = (status: string) => `Status "${status}" does not say what supersedes it; write "superseded by" and a link to the newer ADR (or its number)`;
const KONFLUX_STATUSES = ['Proposed', 'Accepted', 'Implementable', 'Implemented', 'Replaced', 'Superseded', 'Deprecated'];

/** A Nygard record whose Status section says `status`: the status is on line 5, from column 1. */
const nygard = (status: string) => `# 4. Use PostgreSQL\n\n## Status\n\n${status}\n\n## Context\n\nOrders need transactions.\n`;

// Templates that list their statuses, as real sets write them.
const NYGARD_TEMPLATE = { 'docs/adr/template.md': '# N. Title\n\nDate: YYYY-MM-DD\n\n## Status\n\nProposed | Accepted | Deprecated | Superseded\n\n## Context\n\n## Decision\n\n## Consequences\n' };
const FRENCH_TEMPLATE = {
  'docs/adr/adr-template.md':
    '# [titre du problème résolu et de sa solution]\n\n* Statut: [proposé | rejeté | accepté | déprécié | … | remplacé par [ADR-0005](0005-example.md)] <!-- optionnel -->\n* Date: [YYYY-MM-DD] <!-- optionnel -->\n\n## Contexte et Définition du Problème\n',
};
const FRENCH_LIST = 'proposé, rejeté, accepté, déprécié, remplacé par';
/** A French MADR 2 record: the status bullet's value starts on line 3, column 12. */
const french = (status: string) => `# [Gestion des dates]\n\n* Statut : ${status}\n* Date : 2022-10-05\n\n## Contexte et définition du problème\n`;

ruleTester('adr-status', {
  valid: [
    // From frontmatter-fields, which checked the frontmatter status before this rule.
    { name: 'status in any case', code: '---\nstatus: DEPRECATED\n---\n' },
    { name: '"superseded by ADR-0012" counts as superseded', code: '---\nstatus: superseded by ADR-0012\n---\n' },
    { name: 'a status with a link and markdown emphasis', code: '---\nstatus: "**Superseded** by [ADR-0012](0012-use-events.md)"\n---\n' },
    { name: 'a status followed by a note', code: '---\nstatus: accepted; supersedes ADR-0045\n---\n' },
    { name: 'configured statuses replace the list', code: '---\nstatus: Draft\n---\n', config: { statuses: ['draft', 'final'] } },
    { name: 'an alias to a good status', code: '---\ndefault: &s accepted\nstatus: *s\n---\n' },
    // Every format.
    { name: 'adr-tools: the Status section', code: '# 2. Implement as shell scripts\n\nDate: 2016-02-12\n\n## Status\n\nAccepted\n\n## Context\n\nADRs are text.\n' },
    {
      name: 'adr-tools spells "Superceded by" with a link',
      code: '# 1. Record decisions\n\n## Status\n\nSuperceded by [3. Use MADR](0003-use-madr.md)\n',
    },
    {
      name: 'log4brains: a superseded bullet with a link to a dated name',
      code: '# Use the ADR number as its unique ID\n\n- Status: superseded by [20201016-use-the-adr-slug](20201016-use-the-adr-slug.md)\n- Date: 2020-09-26\n',
      filename: 'docs/adr/20200926-use-the-adr-number.md',
    },
    {
      name: 'konflux: configured statuses, a successor in superseded_by',
      code: '---\ntitle: "28. Handle binding errors"\nstatus: Superseded\nsuperseded_by: ["0032"]\n---\n\n# 28. Handle binding errors\n\n## Status\n\nSuperseded\n',
      config: { statuses: KONFLUX_STATUSES },
    },
    { name: 'no status at all: MADR marks it optional', code: '---\nparent: Decisions\n---\n# Use Dashes in Filenames\n\n## Context and Problem Statement\n' },

    // Well-known synonyms count as the status they mean, silently, with the default statuses.
    ...['Approved', 'Agreed', 'Adopted', 'Implemented', 'Implementable', 'Active', 'Partly superseded', 'Amended'].map((status) => ({ name: `"${status}" is accepted`, code: nygard(status) })),
    ...['Pending', 'In Review', 'Under Review', 'Draft', 'In consideration'].map((status) => ({ name: `"${status}" is proposed`, code: nygard(status) })),
    ...['Declined', 'Refused'].map((status) => ({ name: `"${status}" is rejected`, code: nygard(status) })),
    ...['Obsolete', 'Retired'].map((status) => ({ name: `"${status}" is deprecated`, code: nygard(status) })),
    { name: '"Replaced by" a number is superseded, with its successor', code: nygard('Replaced by ADR-0012') },
    { name: '"Replaced by" a link', code: nygard('Replaced by [12. Use events](0012-use-events.md)') },
    { name: 'konflux: "Replaced", its successor in superseded_by', code: '---\ntitle: "1. Pipeline Service Phase 1"\nstatus: Replaced\nsuperseded_by: ["0009"]\n---\n\n# 1. Pipeline Service Phase 1\n' },
    { name: 'a MADR 2 bullet "Draft"', code: '# Use Lunr for search\n\n- Status: Draft\n- Date: 2020-11-03\n', filename: 'docs/adr/20201103-use-lunr-for-search.md' },
    // The common translations.
    ...['accepté', 'aceptado', 'akzeptiert', 'aceito', 'proposé', 'propuesto', 'vorgeschlagen', 'rejeté', 'rechazado', 'abgelehnt', 'déprécié', 'obsolète'].map((status) => ({
      name: `"${status}" in the frontmatter`,
      code: `---\nstatus: ${status}\n---\n`,
    })),
    { name: '"remplacé par" a link', code: '---\nstatus: "remplacé par [ADR-0005](0005-example.md)"\n---\n' },
    { name: 'accents left out are the same word ("accepte")', code: '---\nstatus: accepte\n---\n' },
    { name: 'a French MADR 2 bullet ("* Statut : accepté"), no template', code: french('accepté') },
    { name: 'a Spanish MADR 2 bullet ("- Estado: aceptado")', code: '# Usar Kafka\n\n- Estado: aceptado\n- Fecha: 2024-01-05\n' },

    // The folder template's statuses are the set's vocabulary.
    { name: 'a word of the template', code: nygard('Deprecated'), files: NYGARD_TEMPLATE },
    { name: 'a French set writing its template\'s words', code: french('proposé'), files: FRENCH_TEMPLATE },
    // Its list ends open ("déprécié | … | remplacé par"): the set may use words of its own.
    { name: 'an open template list takes the set\'s own word ("mergé")', code: french('mergé'), files: FRENCH_TEMPLATE },
    {
      name: 'MADR 4\'s template lists its statuses in a commented frontmatter key, open: "on hold" is the set\'s own',
      code: '---\nstatus: on hold\n---\n\n# Provide own tools\n',
      files: { 'docs/adr/adr-template.md': '---\n# These are optional elements.\n# status: "{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123"\n---\n\n# {short title}\n' },
    },
    { name: '"superseded by" in the template takes "remplacé par" with a link', code: french('remplacé par [ADR-0002](0002-x.md)'), files: FRENCH_TEMPLATE },
    { name: 'explicit config wins over the template', code: nygard('Final'), files: NYGARD_TEMPLATE, config: { statuses: ['Draft', 'Final'] } },
    {
      name: 'a template that lists no alternatives leaves the defaults',
      code: nygard('Approved'),
      files: { 'docs/adr/0000-adr-template.md': '# 0. Record architecture decisions\n\n## Status\n\nImplemented\n' },
    },

    // Where the status is written.
    { name: 'a Status section written as H1 after the title', code: '# 4. Use PostgreSQL\n\n# Status\n\nAccepted\n\n# Context\n\nOrders need transactions.\n' },
    { name: 'a frontmatter that does not parse, with a status in it, is frontmatter-syntax\'s', code: '---\nstatus: [oops\n---\n\n# 1. X\n\n## Status\n\nDone\n' },
  ],
  invalid: [
    {
      // A "---" first line with no YAML after it is a thematic break, not a frontmatter to skip the file for.
      name: 'a template\'s "---" rule above the title does not hide the status',
      code: '---\n\n' + nygard('Acepted'),
      errors: [{ message: unknownStatus('Acepted', { hint: 'did you mean "accepted"?' }), line: 7, column: 1, severity: 'error' }],
    },
    {
      name: 'an unknown status, at the value, with its closest meaning',
      code: '---\ntitle: Use sagas\nstatus: done\n---\n',
      errors: [{ message: unknownStatus('done', { hint: 'closest in meaning: "accepted"' }), line: 3, column: 9, endLine: 3, endColumn: 13 }],
    },
    {
      name: '"on hold" is not taken for proposed, but named as the closest',
      code: '---\nparent: Decisions\nnav_order: 3\nstatus: on hold\n---\n# Write Own MADR Tooling\n',
      errors: [{ message: unknownStatus('on hold', { hint: 'closest in meaning: "proposed"' }), line: 4, column: 9, endLine: 4, endColumn: 16 }],
    },
    {
      name: '"Withdrawn" is not taken for rejected, but named as the closest',
      code: nygard('Withdrawn'),
      errors: [{ message: unknownStatus('Withdrawn', { hint: 'closest in meaning: "rejected"' }), line: 5, column: 1, endLine: 5, endColumn: 10 }],
    },
    {
      name: 'a status with no close word',
      code: nygard('Blue'),
      errors: [{ message: unknownStatus('Blue'), line: 5, column: 1, endLine: 5, endColumn: 5 }],
    },
    {
      name: 'a status word that only starts like a known one',
      code: '---\nstatus: acceptedx\n---\n',
      errors: [{ message: unknownStatus('acceptedx', { hint: 'did you mean "accepted"?' }), line: 2, column: 9, endLine: 2, endColumn: 18 }],
    },
    {
      name: 'configured statuses: a default status is no longer known',
      code: '---\nstatus: accepted\n---\n',
      config: { statuses: ['Draft', 'Final'] },
      errors: [{ message: unknownStatus('accepted', { list: 'Draft, Final' }), line: 2, column: 9, endLine: 2, endColumn: 17 }],
    },
    {
      name: 'an empty status',
      code: '---\nstatus:\ndate: 2024-01-01\n---\n',
      errors: [{ message: `"status" must be one of ${DEFAULT_STATUSES}`, line: 2, column: 8, endLine: 2, endColumn: 8 }],
    },
    {
      name: 'a status that is a list',
      code: '---\nstatus: [accepted]\n---\n',
      errors: [{ message: `"status" must be one of ${DEFAULT_STATUSES}`, line: 2, column: 9, endLine: 2, endColumn: 19 }],
    },
    {
      name: 'Nygard: a typo in the Status section, at the word',
      code: nygard('Acepted'),
      errors: [{ message: unknownStatus('Acepted', { hint: 'did you mean "accepted"?' }), line: 5, column: 1, endLine: 5, endColumn: 8 }],
    },
    {
      name: 'a Status section written as H1 is read: a typo in it',
      code: '# 4. Use PostgreSQL\n\n# Status\n\nAcepted\n\n# Context\n\nOrders need transactions.\n',
      errors: [{ message: unknownStatus('Acepted', { hint: 'did you mean "accepted"?' }), line: 5, column: 1, endLine: 5, endColumn: 8 }],
    },
    {
      name: 'a frontmatter that is a single value hides no status: the body\'s is read (ensembl)',
      code: '---\ntag:Genome Browser\n---\n\n# 14. Breakpoints\n\nDate: 2018-11\n\n## Status\n\nDepreciated.\n',
      errors: [{ message: unknownStatus('Depreciated.', { hint: 'did you mean "deprecated"?' }), line: 11, column: 1, endLine: 11, endColumn: 13 }],
    },
    {
      name: 'superseded, but by what?',
      code: '# 1. Pipeline Service Phase 1\n\n## Status\n\nSuperseded\n\n## Context\n\nWe ran Tekton on kcp.\n',
      errors: [{ message: noSuccessor('Superseded'), line: 5, column: 1, endLine: 5, endColumn: 11 }],
    },
    {
      name: '"Replaced" is superseded: by what?',
      code: '---\ntitle: "2. Feature Flags"\nstatus: Replaced\n---\n\n# 2. Feature Flags\n',
      errors: [{ message: noSuccessor('Replaced'), line: 3, column: 9, endLine: 3, endColumn: 17 }],
    },
    {
      name: 'requireStatus: a Nygard record without one, at the H1',
      code: '# 7. Use Kafka\n\nDate: 2024-05-02\n\n## Context\n\nServices poll.\n',
      options: { requireStatus: true },
      errors: [{ message: `The ADR has no status; add a "## Status" section with one of ${DEFAULT_STATUSES}`, line: 1, column: 1, endLine: 1, endColumn: 15 }],
    },

    // exactVocabulary: synonyms of the default statuses are reported, with the word to write.
    {
      name: 'exactVocabulary: "Approved" means accepted',
      code: nygard('Approved'),
      options: { exactVocabulary: true },
      errors: [{ message: 'Status "Approved" means "accepted"; write "accepted"', line: 5, column: 1, endLine: 5, endColumn: 9, severity: 'error' }],
    },
    {
      name: 'exactVocabulary: "Replaced by" with a link means superseded',
      code: nygard('Replaced by [12. Use events](0012-use-events.md)'),
      options: { exactVocabulary: true },
      errors: [{ message: 'Status "Replaced by [12. Use events](0012-use-events.md)" means "superseded"; write "superseded"', line: 5, column: 1, endLine: 5, endColumn: 49 }],
    },
    {
      name: 'exactVocabulary: a French status',
      code: french('brouillon'),
      options: { exactVocabulary: true },
      errors: [{ message: 'Status "brouillon" means "proposed"; write "proposed"', line: 3, column: 12, endLine: 3, endColumn: 21 }],
    },
    {
      name: 'the configured statuses are the vocabulary: a synonym outside them is reported',
      code: nygard('Approved'),
      config: { statuses: ['proposed', 'accepted'] },
      errors: [{ message: 'Status "Approved" means "accepted"; write "accepted", as the configured statuses do', line: 5, column: 1, severity: 'error' }],
    },
    {
      name: 'a configured list with several words for accepted: the standard one is named',
      code: nygard('Agreed'),
      config: { statuses: KONFLUX_STATUSES },
      errors: [{ message: 'Status "Agreed" means "Accepted"; write "Accepted", as the configured statuses do', line: 5, column: 1 }],
    },

    // The folder template's statuses are the vocabulary.
    {
      name: 'a template that lists its statuses: a synonym outside them is a warning',
      code: nygard('Approved'),
      files: NYGARD_TEMPLATE,
      errors: [{ message: 'Status "Approved" means "Accepted"; write "Accepted", as template.md does', line: 5, column: 1, endLine: 5, endColumn: 9, severity: 'warn' }],
    },
    {
      name: 'a template that lists its statuses: a standard status it does not list is unknown',
      code: nygard('Rejected'),
      files: NYGARD_TEMPLATE,
      errors: [{ message: unknownStatus('Rejected', { list: 'Proposed, Accepted, Deprecated, Superseded', accept: 'add it to the statuses template.md lists' }), line: 5, column: 1, severity: 'error' }],
    },
    {
      name: 'a French template: "brouillon" means "proposé"',
      code: french('brouillon'),
      files: FRENCH_TEMPLATE,
      errors: [{ message: 'Status "brouillon" means "proposé"; write "proposé", as adr-template.md does', line: 3, column: 12, endLine: 3, endColumn: 21, severity: 'warn' }],
    },
    {
      name: 'a French template: an English word for one of its statuses',
      code: french('accepted'),
      files: FRENCH_TEMPLATE,
      errors: [{ message: 'Status "accepted" means "accepté"; write "accepté", as adr-template.md does', line: 3, column: 12, severity: 'warn' }],
    },
    {
      name: 'an open template list ("… |") takes other words, but not a misspelling of one of its own',
      code: french('acepté'),
      files: FRENCH_TEMPLATE,
      errors: [
        {
          message: unknownStatus('acepté', { list: FRENCH_LIST, hint: 'did you mean "accepté"?', accept: 'add it to the statuses adr-template.md lists' }),
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 18,
          severity: 'error',
        },
      ],
    },
    {
      name: 'a closed template list: a word outside it is unknown, with the closest in meaning',
      code: nygard('Done'),
      files: NYGARD_TEMPLATE,
      errors: [
        {
          message: unknownStatus('Done', { list: 'Proposed, Accepted, Deprecated, Superseded', hint: 'closest in meaning: "Accepted"', accept: 'add it to the statuses template.md lists' }),
          line: 5,
          column: 1,
          severity: 'error',
        },
      ],
    },
    {
      name: 'a French template: "remplacé par" with nothing after it',
      code: french('remplacé'),
      files: FRENCH_TEMPLATE,
      errors: [{ message: noSuccessor('remplacé'), line: 3, column: 12, endLine: 3, endColumn: 20 }],
    },
    {
      name: 'explicit config wins over the template: its list is the one named',
      code: nygard('Accepted'),
      files: NYGARD_TEMPLATE,
      config: { statuses: ['Draft', 'Final'] },
      errors: [{ message: unknownStatus('Accepted', { list: 'Draft, Final' }), line: 5, column: 1 }],
    },
  ],
});

describe('adr-status suggestions', () => {
  const suggestions = (code: string, settings: Parameters<typeof lintWithRule>[2] = {}) => lintWithRule('adr-status', code, settings).messages.map((m) => m.suggestions?.map((s) => s.fix.text));

  it('offers the closest words in the written case, and none for a status with a link', () => {
    expect(suggestions(nygard('Acepted'))).toEqual([['Accepted']]);
    expect(suggestions(nygard('on hold'))).toEqual([['proposed']]);
    expect(suggestions(nygard('Approved'), { options: { exactVocabulary: true } })).toEqual([['Accepted']]);
    expect(suggestions(french('brouillon'), { files: FRENCH_TEMPLATE })).toEqual([['proposé']]);
    expect(suggestions(nygard('Replaced by [12. Use events](0012-use-events.md)'), { options: { exactVocabulary: true } })).toEqual([undefined]);
    expect(suggestions(nygard('Blue'))).toEqual([undefined]);
  });
});
