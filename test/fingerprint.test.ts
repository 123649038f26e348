// One fingerprint (src/engine/fingerprint.ts), three published encodings: baseline files, SARIF
// partialFingerprints and the Action review's markers. Their values are held outside adrlint (files
// on disk, code-scanning alerts, comments on pull requests), so they are pinned here: a change to
// any of them must come with a new name (baseline version, SARIF key), never a changed value.
import { describe, expect, it } from 'vitest';
import { baselineFingerprint, placesIn, reviewFingerprint, sarifFingerprint } from '../src/engine/fingerprint.ts';

const TEXT = '# 1. Use sagas\r\n\r\n## Status\r\n\r\nAcepted on line 5\r\n';
const PROBLEM = { ruleId: 'adr-status', message: 'Unknown status "Acepted" (line 5)', line: 5, column: 1, endLine: 5, endColumn: 8 };
const POINT = { ...PROBLEM, endColumn: 1 };
const URI = 'docs/adr/0001-use-sagas.md';
const placeOf = placesIn(TEXT);
const facts = (problem: typeof PROBLEM) => ({ rule: problem.ruleId, message: problem.message, place: placeOf(problem) });

describe('problem fingerprint', () => {
  it('reads the flagged span and the line it starts on, without the line ending', () => {
    expect(placeOf(PROBLEM)).toEqual({ line: 'Acepted on line 5', span: 'Acepted' });
    expect(placeOf(POINT)).toEqual({ line: 'Acepted on line 5', span: '' });
  });

  it('keeps each published encoding', () => {
    expect(baselineFingerprint(facts(PROBLEM))).toBe('72b70abbb69a0c78cead');
    // A point flags its whole line.
    expect(baselineFingerprint(facts(POINT))).toBe('932cee8cde6534c40125');
    expect(sarifFingerprint(facts(PROBLEM), URI)).toBe('7952e9e1285d5c966123b54d23cf78b5');
    expect(sarifFingerprint({ rule: PROBLEM.ruleId, message: PROBLEM.message }, URI)).toBe('2ea3cfcffcadd2ab4af22ba9b425f122');
    expect(reviewFingerprint(facts(PROBLEM), URI)).toBe('b0801b290e55a7f00694');
  });

  it('does not move with the line: a problem pushed down by an edit above keeps its fingerprint', () => {
    const moved = placesIn(`Intro\n${TEXT}`);
    const down = { ...PROBLEM, line: 6, endLine: 6, message: 'Unknown status "Acepted" (line 6)' };
    expect(baselineFingerprint({ rule: down.ruleId, message: down.message, place: moved(down) })).toBe(baselineFingerprint(facts(PROBLEM)));
    expect(sarifFingerprint({ rule: down.ruleId, message: down.message, place: moved(down) }, URI)).toBe(sarifFingerprint(facts(PROBLEM), URI));
  });
});
