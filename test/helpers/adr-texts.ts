// ADR texts the end-to-end tests share: a clean record, one with two errors and one with a
// warning, each with the Nygard sections adr-sections asks for of a numbered title.

/** The sections a numbered ADR needs (adr-sections), after everything the tests point at. */
export const SECTIONS = '\n## Context\n\nThe order flow spans three teams.\n\n## Decision\n\nAs written above.\n\n## Consequences\n\nMore moving parts.\n';

/** A clean ADR: a known status and date, a declared pattern, its first mention linked. */
export const CLEAN = `---
status: accepted
date: 2024-03-01
patterns: [saga-pattern]
---

# 1. Use sagas for orders

We coordinate the order steps with the [Saga Pattern](https://learn.microsoft.com/azure/architecture/patterns/saga).
${SECTIONS}`;

/** Two errors: an unknown status (2:9) and an unknown pattern slug with a fix (4:12). */
export const ERRORS = `---
status: done
date: 2024-03-02
patterns: [sagapatern]
---

# 2. Broken references

Nothing else here.
${SECTIONS}`;

/** One warning: an unlinked first mention of a declared pattern (9:38), fixable by linking it. */
export const WARNING = `---
status: accepted
date: 2024-03-03
patterns: [saga-pattern]
---

# 3. A warning only

We coordinate the order steps with a saga.
${SECTIONS}`;

/** The index block's markers (rules/support/index-block.ts). */
export const INDEX_START = '<!-- adrlint-index -->';
export const INDEX_END = '<!-- adrlint-index-end -->';

/** Three adr-tools records, the second superseded by the third: the index tests' set. */
export const INDEX_SET = {
  'docs/adr/0001-record-architecture-decisions.md': '# 1. Record architecture decisions\n\n## Status\n\nAccepted\n',
  'docs/adr/0002-use-postgresql.md': '# 2. Use PostgreSQL\n\n## Status\n\nSuperseded by [3. Use SQLite](0003-use-sqlite.md)\n',
  'docs/adr/0003-use-sqlite.md': '# 3. Use SQLite\n\n## Status\n\nAccepted\n\nSupersedes [2. Use PostgreSQL](0002-use-postgresql.md)\n',
};

/** The rows of INDEX_SET's table, as `adrlint index` writes them. */
export const INDEX_ROWS = [
  '| Number | Title | Status |',
  '| --- | --- | --- |',
  '| 0001 | [Record architecture decisions](0001-record-architecture-decisions.md) | Accepted |',
  '| 0002 | [Use PostgreSQL](0002-use-postgresql.md) | Superseded by [0003](0003-use-sqlite.md) |',
  '| 0003 | [Use SQLite](0003-use-sqlite.md) | Accepted |',
];
