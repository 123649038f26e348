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
