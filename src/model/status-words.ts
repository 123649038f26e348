// The words ADR sets write for the standard statuses, as data. Every rule and command that reads a
// status goes through src/model/status.ts, which reads these tables; the README's "Statuses" section
// lists them (a test keeps it in step).
//
// A word is listed under a status only when it means that status and nothing else: "Approved" is
// accepted, "Declined" is rejected. A word that could mean two statuses ("On hold": still proposed,
// or an accepted decision paused? "Withdrawn": a proposal pulled, or a decision revoked?) is not a
// synonym: it stays unknown, and STATUS_HINTS names the status it most likely means in the message.
//
// Words are lower case; accents are compared folded ("accepte" finds "accepté"). A status matches
// a word when it is the word, or starts with it followed by a non-letter ("Replaced by ADR-0012",
// "Implemented (2024)").

export const STANDARD_STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;
export type StandardStatus = (typeof STANDARD_STATUSES)[number];

/** Words that mean a standard status: written, they count as it. */
export const STATUS_SYNONYMS: Readonly<Record<StandardStatus, readonly string[]>> = {
  // Not decided yet.
  proposed: [
    'draft',
    'pending',
    'in review',
    'under review',
    'in consideration',
    'under consideration',
    'in discussion',
    'under discussion',
    // fr, es, de, pt, it
    'proposé',
    'proposée',
    'brouillon',
    'en attente',
    'en discussion',
    'propuesto',
    'propuesta',
    'borrador',
    'en revisión',
    'vorgeschlagen',
    'entwurf',
    'proposto',
    'proposta',
    'rascunho',
    'em revisão',
    'bozza',
  ],
  // Decided, and in force. An amended or partly superseded decision still holds, in part.
  accepted: [
    'approved',
    'agreed',
    'adopted',
    'decided',
    'implemented',
    'implementable',
    'active',
    'amended',
    'partly superseded',
    'partially superseded',
    'accepté',
    'acceptée',
    'approuvé',
    'approuvée',
    'adopté',
    'adoptée',
    'validé',
    'validée',
    'aceptado',
    'aceptada',
    'aprobado',
    'aprobada',
    'akzeptiert',
    'angenommen',
    'genehmigt',
    'beschlossen',
    'aceito',
    'aceita',
    'aprovado',
    'aprovada',
    'accettato',
    'accettata',
    'approvato',
    'approvata',
  ],
  // Decided against.
  rejected: ['declined', 'refused', 'rejeté', 'rejetée', 'refusé', 'refusée', 'rechazado', 'rechazada', 'abgelehnt', 'rejeitado', 'rejeitada', 'rifiutato', 'rifiutata', 'respinto'],
  // No longer in force, and nothing named replaces it. ("obsolete" is the French "obsolète" too.)
  deprecated: ['obsolete', 'retired', 'déprécié', 'dépréciée', 'obsoleto', 'obsoleta', 'en desuso', 'veraltet', 'depreciado', 'deprecato', 'deprecata'],
  // Replaced by a newer decision ("Replaced by ADR-0012"). adr-tools spells "Superceded".
  superseded: ['superceded', 'replaced', 'remplacé', 'remplacée', 'reemplazado', 'reemplazada', 'sustituido', 'sustituida', 'ersetzt', 'substituído', 'substituída', 'sostituito', 'sostituita'],
};

/**
 * Words that lean towards a status without meaning it: never accepted as it, only named in the
 * unknown-status message as the closest in meaning.
 */
export const STATUS_HINTS: Readonly<Record<StandardStatus, readonly string[]>> = {
  // Paused or unfinished: most often a proposal that has not been decided.
  proposed: ['on hold', 'deferred', 'postponed', 'paused', 'parked', 'open', 'in progress', 'work in progress', 'wip', 'en cours'],
  // Finished, but a finished discussion may have ended in a rejection; merged, but maybe into another record.
  accepted: ['done', 'finished', 'final', 'complete', 'completed', 'merged', 'mergé', 'terminé'],
  // Given up: a proposal that was never decided, or a decision that was revoked.
  rejected: ['withdrawn', 'abandoned', 'cancelled', 'canceled', 'abandonné', 'annulé'],
  deprecated: ['outdated', 'archived', 'sunset', 'archivé'],
  superseded: [],
};

/**
 * The words that introduce a successor after a superseded word ("replaced by", "remplacé par",
 * "ersetzt durch"): a status value like "superseded by" names the status "superseded".
 */
export const SUCCESSOR_PREPOSITIONS = ['by', 'par', 'por', 'durch', 'da', 'door'] as const;
