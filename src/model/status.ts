// How a written status maps to a set's vocabulary. Real ADRs write more than the bare word
// ("Superseded by ADR-0012", "accepted; supersedes ADR-0045", "**Accepted**"), and other words
// for the standard statuses ("Approved", "Replaced by", "accepté"): src/model/status-words.ts lists them.
import { distance } from 'fastest-levenshtein';
import { STANDARD_STATUSES, STATUS_HINTS, STATUS_SYNONYMS, SUCCESSOR_PREPOSITIONS, type StandardStatus } from './status-words.ts';

export { STANDARD_STATUSES, type StandardStatus };

export const DEFAULT_STATUSES: string[] = [...STANDARD_STATUSES];

/**
 * The statuses a set may write, and where they come from: adrlint's defaults, the config's
 * `statuses`, or the list in the folder's template file (`template` names it).
 */
export interface StatusVocabulary {
  statuses: readonly string[];
  source: 'default' | 'config' | 'template';
  template?: string;
  /** The template's list is open ("… |"): another word is the set's own. */
  open?: true;
}

/** The vocabulary that applies: explicit config wins, then the folder template's list, then the defaults. */
export function statusVocabulary(
  config: { statuses: readonly string[]; statusesGiven: boolean },
  template: { path: string; statuses: string[] | null; statusesOpen?: boolean } | null,
): StatusVocabulary {
  if (config.statusesGiven) return { statuses: config.statuses, source: 'config' };
  if (template?.statuses)
    return { statuses: template.statuses, source: 'template', template: template.path.split(/[\\/]/).pop()!, ...(template.statusesOpen ? { open: true as const } : {}) };
  return { statuses: DEFAULT_STATUSES, source: 'default' };
}

/** A status as compared: no emphasis or code marks, one case, composed accents. */
function cleanStatus(written: string): string {
  return written.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().normalize('NFC').toLowerCase();
}

/** Without accents: "accepte" and "accepté" are the same word to the synonym tables. */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

const TRAILING_PREPOSITION = new RegExp(`\\s+(?:${SUCCESSOR_PREPOSITIONS.join('|')})$`, 'u');

/** A listed status without the preposition it is written with: "superseded by" → "superseded". */
function statusStem(status: string): string {
  return cleanStatus(status).replace(TRAILING_PREPOSITION, '');
}

/** Whether `cleaned` is `word`, or starts with it followed by something that does not continue the word. */
function startsWithWord(cleaned: string, word: string): boolean {
  return cleaned === word || (cleaned.startsWith(word) && /^[^\p{L}\p{N}]/u.test(cleaned.slice(word.length)));
}

/** The configured status a written one is, or null when none fits. */
export function matchStatus(written: string, statuses: readonly string[]): string | null {
  // adr-tools writes "Superceded by"; it is the same status.
  const cleaned = cleanStatus(written).replace(/^superceded\b/, 'superseded');
  for (const status of statuses) if (startsWithWord(cleaned, statusStem(status))) return status;
  return null;
}

function tableOf(table: Readonly<Record<StandardStatus, readonly string[]>>, withStandard: boolean): Array<[string, StandardStatus]> {
  const entries: Array<[string, StandardStatus]> = [];
  for (const status of STANDARD_STATUSES) {
    if (withStandard) entries.push([status, status]);
    for (const word of table[status]) entries.push([folded(word), status]);
  }
  // The longest word first: "partly superseded" is accepted before "superseded" is tried.
  return entries.sort(([a], [b]) => b.length - a.length);
}

const MEANINGS = tableOf(STATUS_SYNONYMS, true);
const HINTS = tableOf(STATUS_HINTS, false);

function lookUp(table: ReadonlyArray<[string, StandardStatus]>, written: string): StandardStatus | null {
  const cleaned = folded(cleanStatus(written));
  return table.find(([word]) => startsWithWord(cleaned, word))?.[1] ?? null;
}

/** The standard status a written one means: itself, or one of its synonyms. */
export function statusMeaning(written: string): StandardStatus | null {
  return lookUp(MEANINGS, written);
}

/** The standard status a written one most likely means, for a message: a synonym's, else a hint's. */
export function likelyMeaning(written: string): StandardStatus | null {
  return statusMeaning(written) ?? lookUp(HINTS, written);
}

/** The vocabulary's word for a standard status: the standard word itself when listed, else the first synonym listed. */
export function wordFor(meaning: StandardStatus, statuses: readonly string[]): string | null {
  return statuses.find((status) => statusStem(status) === meaning) ?? statuses.find((status) => statusMeaning(statusStem(status)) === meaning) ?? null;
}

/**
 * What a written status is to a vocabulary:
 * - `known`: one of its words, or (defaults only, unless `exact`) a synonym of one;
 * - `synonym`: a word that means one of its statuses but is not the word it uses;
 * - `unknown`, with the closest word by spelling and by meaning, when there is one.
 */
export type StatusReading =
  | { kind: 'known'; status: string; meaning: StandardStatus | null }
  | { kind: 'synonym'; meaning: StandardStatus; word: string }
  | { kind: 'unknown'; bySpelling: string | null; byMeaning: string | null };

export function readStatus(written: string, vocabulary: StatusVocabulary, exact = false): StatusReading {
  const known = matchStatus(written, vocabulary.statuses);
  if (known) return { kind: 'known', status: known, meaning: statusMeaning(statusStem(known)) };
  const meaning = statusMeaning(written);
  const word = meaning ? wordFor(meaning, vocabulary.statuses) : null;
  if (meaning && word) return vocabulary.source === 'default' && !exact ? { kind: 'known', status: word, meaning } : { kind: 'synonym', meaning, word };
  const likely = likelyMeaning(written);
  const bySpelling = closestBySpelling(written, vocabulary.statuses);
  // An open list welcomes words of the set's own ("on hold" beside "proposed | … |"); a misspelt listed word is still a mistake.
  if (vocabulary.open && !bySpelling) return { kind: 'known', status: cleanStatus(written), meaning: likely };
  return { kind: 'unknown', bySpelling, byMeaning: likely ? wordFor(likely, vocabulary.statuses) : null };
}

/** The vocabulary word the written one is a typo of, if one is close enough. */
function closestBySpelling(written: string, statuses: readonly string[]): string | null {
  const cleaned = cleanStatus(written);
  const word = /^[\p{L}-]+(?: [\p{L}-]+)?/u.exec(cleaned)?.[0] ?? cleaned;
  let best: { status: string; cost: number } | null = null;
  for (const status of statuses) {
    const wanted = statusStem(status);
    const cost = Math.min(distance(cleaned, wanted), distance(word, wanted), distance(word.split(' ')[0] ?? word, wanted));
    if (cost <= Math.max(1, Math.floor(wanted.length / 4)) && (!best || cost < best.cost)) best = { status, cost };
  }
  return best?.status ?? null;
}

// A superseded word, then a preposition and something after it: "Replaced by ADR-0012",
// "remplacé par [ADR 5](...)", "Superseded by 0031".
const SUPERSEDED_WORDS = ['superseded', ...STATUS_SYNONYMS.superseded].map(folded);
const NAMES_SUCCESSOR = new RegExp(`(?:^|[^\\p{L}])(?:${SUPERSEDED_WORDS.join('|')})\\s+(?:${SUCCESSOR_PREPOSITIONS.join('|')})\\s+\\S`, 'iu');

/** Whether a status value names what supersedes the record ("superseded by ...", "replaced by ..."). */
export function statusNamesSuccessor(written: string): boolean {
  return NAMES_SUCCESSOR.test(folded(written.replace(/[*_`]/g, '')));
}

// The start of a status that says what supersedes the record, in any of the words above.
const SUCCESSOR_START = new RegExp(`^(?:${SUPERSEDED_WORDS.join('|')})\\s+(?:${SUCCESSOR_PREPOSITIONS.join('|')})(?![\\p{L}\\p{N}])`, 'iu');

/** Whether a status (or a part of it after a `;`) starts by naming a successor: "Replaced by [x](y)", "remplacé par ADR-5". */
export function startsWithSuccessor(written: string): boolean {
  return SUCCESSOR_START.test(folded(written.replace(/[*_`]/g, '').trim()));
}

/** Every word that may start a successor in a status, as written or without accents (for a quick scan of raw text). */
export const SUCCESSOR_WORD = new RegExp([...new Set([...STATUS_SYNONYMS.superseded, ...SUPERSEDED_WORDS])].join('|'), 'iu');
