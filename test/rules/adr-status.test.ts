import { ruleTester } from '../helpers/rule-tester.ts';

const DEFAULT_STATUSES = 'proposed, accepted, rejected, deprecated, superseded';
const unknownStatus = (status: string, list = DEFAULT_STATUSES, closest?: string) =>
  `Unknown status "${status}"; use one of ${list}${closest ? `; did you mean "${closest}"?` : ''}`;
const noSuccessor = (status: string) => `Status "${status}" does not say what supersedes it; write "superseded by" and a link to the newer ADR (or its number)`;
const KONFLUX_STATUSES = ['Proposed', 'Accepted', 'Implementable', 'Implemented', 'Replaced', 'Superseded', 'Deprecated'];

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
  ],
  invalid: [
    {
      name: 'an unknown status, at the value',
      code: '---\ntitle: Use sagas\nstatus: done\n---\n',
      errors: [{ message: unknownStatus('done'), line: 3, column: 9, endLine: 3, endColumn: 13 }],
    },
    {
      name: 'a status word that only starts like a known one',
      code: '---\nstatus: acceptedx\n---\n',
      errors: [{ message: unknownStatus('acceptedx', DEFAULT_STATUSES, 'accepted'), line: 2, column: 9, endLine: 2, endColumn: 18 }],
    },
    {
      name: 'configured statuses: a default status is no longer known',
      code: '---\nstatus: accepted\n---\n',
      config: { statuses: ['Draft', 'Final'] },
      errors: [{ message: unknownStatus('accepted', 'Draft, Final'), line: 2, column: 9, endLine: 2, endColumn: 17 }],
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
      code: '# 4. Use PostgreSQL\n\n## Status\n\nAcepted\n\n## Context\n\nOrders need transactions.\n',
      errors: [{ message: unknownStatus('Acepted', DEFAULT_STATUSES, 'accepted'), line: 5, column: 1, endLine: 5, endColumn: 8 }],
    },
    {
      name: 'MADR 2: an unknown bullet status',
      code: '# Use Lunr for search\n\n- Status: Draft\n- Date: 2020-11-03\n',
      filename: 'docs/adr/20201103-use-lunr-for-search.md',
      errors: [{ message: unknownStatus('Draft'), line: 3, column: 11, endLine: 3, endColumn: 16 }],
    },
    {
      name: 'superseded, but by what?',
      code: '# 1. Pipeline Service Phase 1\n\n## Status\n\nSuperseded\n\n## Context\n\nWe ran Tekton on kcp.\n',
      errors: [{ message: noSuccessor('Superseded'), line: 5, column: 1, endLine: 5, endColumn: 11 }],
    },
    {
      name: 'requireStatus: a Nygard record without one, at the H1',
      code: '# 7. Use Kafka\n\nDate: 2024-05-02\n\n## Context\n\nServices poll.\n',
      options: { requireStatus: true },
      errors: [{ message: `The ADR has no status; add a "## Status" section with one of ${DEFAULT_STATUSES}`, line: 1, column: 1, endLine: 1, endColumn: 15 }],
    },
  ],
});
