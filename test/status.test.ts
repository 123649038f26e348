// What written statuses mean: the synonym table (src/model/status-words.ts) and how every reader of a
// status (adr-status, adr-supersede, the report, `adrlint new`) maps one to a set's vocabulary.
import { describe, expect, it } from 'vitest';
import { STANDARD_STATUSES, STATUS_HINTS, STATUS_SYNONYMS } from '../src/model/status-words.ts';
import { likelyMeaning, matchStatus, readStatus, startsWithSuccessor, statusMeaning, statusNamesSuccessor, statusVocabulary, wordFor } from '../src/model/status.ts';

const DEFAULTS = statusVocabulary({ statuses: [...STANDARD_STATUSES], statusesGiven: false }, null);

describe('the synonym table', () => {
  it('lists each word once, and each word means the status it is listed under', () => {
    const seen = new Map<string, string>();
    for (const [table, name] of [
      [STATUS_SYNONYMS, 'synonym'],
      [STATUS_HINTS, 'hint'],
    ] as const) {
      for (const status of STANDARD_STATUSES) {
        for (const word of table[status]) {
          const folded = word.normalize('NFD').replace(/\p{M}/gu, '');
          expect(seen.get(folded), `${word} is listed twice`).toBeUndefined();
          seen.set(folded, status);
          expect(word, 'lower case').toBe(word.toLowerCase());
          if (name === 'synonym') expect(statusMeaning(word), word).toBe(status);
          else expect([statusMeaning(word), likelyMeaning(word)], word).toEqual([null, status]);
        }
      }
    }
  });

  // Each word the issue asked about, decided: a synonym where it can only mean that status.
  it.each([
    ['Approved', 'accepted'],
    ['Pending', 'proposed'],
    ['In Review', 'proposed'],
    ['Under Review', 'proposed'],
    ['Draft', 'proposed'],
    ['Declined', 'rejected'],
    ['Obsolete', 'deprecated'],
    ['Partly superseded', 'accepted'],
    ['Implemented', 'accepted'],
    ['Implementable', 'accepted'],
    ['Agreed', 'accepted'],
    ['Active', 'accepted'],
    ['Retired', 'deprecated'],
    ['Replaced by ADR-0012', 'superseded'],
    ['Superceded by [2. X](0002-x.md)', 'superseded'],
    ['accepté', 'accepted'],
    ['proposé', 'proposed'],
    ['rejeté', 'rejected'],
    ['déprécié', 'deprecated'],
    ['obsolète', 'deprecated'],
    ['remplacé par 0123-ADR-description', 'superseded'],
    ['aceptado', 'accepted'],
    ['propuesto', 'proposed'],
    ['rechazado', 'rejected'],
    ['akzeptiert', 'accepted'],
    ['vorgeschlagen', 'proposed'],
    ['abgelehnt', 'rejected'],
    ['aceito', 'accepted'],
    ['**Approved** (2024-01-05)', 'accepted'],
  ])('"%s" means %s', (written, status) => expect(statusMeaning(written)).toBe(status));

  // Words that could mean two statuses stay unknown; the message names the likelier one.
  it.each([
    ['Done', 'accepted'],
    ['On hold', 'proposed'],
    ['Withdrawn', 'rejected'],
    ['Abandoned', 'rejected'],
    ['mergé', 'accepted'],
  ])('"%s" is no synonym, but leans to %s', (written, status) => {
    expect(statusMeaning(written)).toBeNull();
    expect(likelyMeaning(written)).toBe(status);
  });

  it('reads whole words only: "Not accepted", "Activated", "Drafting" mean nothing', () => {
    for (const written of ['Not accepted', 'Activated', 'Drafting', 'Replacement', 'In']) expect(statusMeaning(written), written).toBeNull();
  });
});

describe('a vocabulary', () => {
  it('is the config\'s when given, else the template\'s list, else the defaults', () => {
    const template = { path: '/r/docs/adr/adr-template.md', statuses: ['proposé', 'accepté'] };
    expect(statusVocabulary({ statuses: ['Draft'], statusesGiven: true }, template)).toEqual({ statuses: ['Draft'], source: 'config' });
    expect(statusVocabulary({ statuses: [...STANDARD_STATUSES], statusesGiven: false }, template)).toEqual({ statuses: ['proposé', 'accepté'], source: 'template', template: 'adr-template.md' });
    expect(statusVocabulary({ statuses: [...STANDARD_STATUSES], statusesGiven: false }, { path: '/t.md', statuses: null }).source).toBe('default');
  });

  it('takes a listed status written with its preposition, or without: "superseded by", "remplacé par"', () => {
    expect(matchStatus('Superseded', ['proposed', 'superseded by'])).toBe('superseded by');
    expect(matchStatus('remplacé par [ADR-0005](0005-x.md)', ['proposé', 'remplacé par'])).toBe('remplacé par');
    expect(matchStatus('Superseded by ADR-0012', ['superseded'])).toBe('superseded');
    expect(matchStatus('Supersededly', ['superseded'])).toBeNull();
  });

  it('names its own word for a meaning: the standard word when listed, else its first synonym', () => {
    expect(wordFor('accepted', ['Proposed', 'Implementable', 'Accepted'])).toBe('Accepted');
    expect(wordFor('accepted', ['Proposed', 'Implementable', 'Implemented'])).toBe('Implementable');
    expect(wordFor('superseded', ['proposé', 'remplacé par'])).toBe('remplacé par');
    expect(wordFor('rejected', ['proposé', 'accepté'])).toBeNull();
  });

  it('reads a status: known, a synonym to report, or unknown with the closest words', () => {
    expect(readStatus('Approved', DEFAULTS)).toEqual({ kind: 'known', status: 'accepted', meaning: 'accepted' });
    expect(readStatus('Approved', DEFAULTS, true)).toEqual({ kind: 'synonym', meaning: 'accepted', word: 'accepted' });
    const french = { statuses: ['proposé', 'accepté', 'remplacé par'], source: 'template' as const, template: 'adr-template.md' };
    expect(readStatus('Accepté', french)).toEqual({ kind: 'known', status: 'accepté', meaning: 'accepted' });
    expect(readStatus('brouillon', french)).toEqual({ kind: 'synonym', meaning: 'proposed', word: 'proposé' });
    expect(readStatus('rejected', french)).toEqual({ kind: 'unknown', bySpelling: null, byMeaning: null });
    expect(readStatus('mergé', french)).toEqual({ kind: 'unknown', bySpelling: null, byMeaning: 'accepté' });
    expect(readStatus('Acepted', DEFAULTS)).toEqual({ kind: 'unknown', bySpelling: 'accepted', byMeaning: null });
  });
});

describe('a successor in a status', () => {
  it('is named by a superseded word, a preposition and something after it, in any of the languages', () => {
    for (const written of ['Superseded by ADR-0012', '**Superseded** by [x](y)', 'Replaced by 0031', 'remplacé par [ADR-0005](0005-x.md)', 'Reemplazado por ADR-3', 'Ersetzt durch ADR-3', 'accepted; superseded by 12'])
      expect(statusNamesSuccessor(written), written).toBe(true);
    for (const written of ['Superseded', 'Replaced', 'Replaced by', 'Deprecated by ADR-30']) expect(statusNamesSuccessor(written), written).toBe(false);
  });

  it('starts a relation when the status begins with one (not "Partly superseded by")', () => {
    expect(startsWithSuccessor('Replaced by [2](0002-x.md)')).toBe(true);
    expect(startsWithSuccessor(' remplacé par ADR-2')).toBe(true);
    expect(startsWithSuccessor('Partly superseded by ADR-2')).toBe(false);
    expect(startsWithSuccessor('Replacement by ADR-2')).toBe(false);
  });
});
