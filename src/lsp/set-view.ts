// What the completion, hover and definition of a document read of its ADR set: the parts of one
// lint run of its text (src/lsp/lint-document.ts) — the records of the set (this document's from
// its unsaved text), the catalogue, the config and each folder's conventions.
import type { RunOutcome } from '../run/lint-project.ts';

export type LspSetView = Pick<RunOutcome, 'records' | 'catalogue' | 'config' | 'conventions'>;
