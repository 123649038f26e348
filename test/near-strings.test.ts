// The one did-you-mean helper (src/model/near-strings.ts `nearStrings`) with each caller's threshold.
import { describe, expect, it } from 'vitest';
import { nearStrings } from '../src/model/near-strings.ts';
import { closest as closestArgument } from '../src/commands/arguments.ts';
import { closest as closestSlug } from '../src/model/catalogue.ts';
import { suggestRule } from '../src/run/config.ts';

describe('nearStrings', () => {
  it('keeps the candidates within the threshold, closest first, ties in the candidates’ order', () => {
    expect(nearStrings('fixx', ['format', 'fix-type', 'fox', 'fix'], 2)).toEqual(['fix', 'fox']);
    expect(nearStrings('fix', ['fox', 'fax'], 1)).toEqual(['fox', 'fax']);
    expect(nearStrings('fix', ['fax', 'fox'], 1)).toEqual(['fax', 'fox']);
    expect(nearStrings('fixx', ['fox', 'fix'], 1)).toEqual(['fix']);
    expect(nearStrings('fix', ['fox', 'fax'], 1, { limit: 1 })).toEqual(['fox']);
    expect(nearStrings('zzzz', ['fix'], 2)).toEqual([]);
  });

  it('takes a candidate that begins with the word only when asked, and only for 3 characters or more', () => {
    expect(nearStrings('event', ['event-sourcing-with-snapshots'], 2)).toEqual([]);
    expect(nearStrings('event', ['event-sourcing-with-snapshots'], 2, { prefixes: true })).toEqual(['event-sourcing-with-snapshots']);
    expect(nearStrings('ev', ['event-sourcing'], 0, { prefixes: true })).toEqual([]);
  });

  it('gives each caller its own threshold', () => {
    // Flags and commands: nothing under 3 characters, 1 edit at 3, 2 from 4.
    expect(closestArgument('fx', ['fix'])).toBeUndefined();
    expect(closestArgument('fxx', ['fix'])).toBe('fix');
    expect(closestArgument('fqz', ['fix'])).toBeUndefined();
    expect(closestArgument('fixx', ['fox', 'fix'])).toBe('fix');
    expect(closestArgument('reprot', ['report', 'rules'])).toBe('report');
    // Rule ids: within 4 edits.
    expect(suggestRule('adr-stats')).toBe('; did you mean "adr-status"?');
    expect(suggestRule('no-such-thing-at-all')).toBe('');
    // Catalogue slugs: a third of the word, at least 2, and those that begin with it.
    expect(closestSlug('sag', ['cqrs', 'sagas-pattern', 'saga'], 3)).toEqual(['saga', 'sagas-pattern']);
  });
});
