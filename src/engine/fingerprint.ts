// The one fingerprint of a problem: what recognises it again in a later run while lines move. It is
// made of the problem's rule, its message (digits blanked in the baseline and SARIF: some messages
// quote a line number), the text it flags and the text of the line it starts on, never the line's
// number. Three outputs hold it, each in the encoding it was first published with, because readers
// outside adrlint keep the values: baseline files on disk (`fingerprint`), GitHub code scanning's
// alerts (SARIF `partialFingerprints`, key adrlint/v1) and the hidden markers of the Action's review
// comments on open pull requests. A new encoding for any of them needs a new name (a new baseline
// version, a new SARIF key), never a changed value, or every known problem would show as new.
import { createHash } from 'node:crypto';
import { createLineIndex } from '../model/positions.ts';
import type { Diagnostic, LineIndex } from '../model/types.ts';

/** Where a problem is, as text: the line it starts on (without its line ending) and the span it flags. */
export interface ProblemPlace {
  line: string;
  span: string;
}

/** What a fingerprint is made of. */
export interface ProblemFacts {
  rule: string | null;
  message: string;
  /** Absent when the problem's text is not known (a result without its source). */
  place?: ProblemPlace;
}

/** The places of problems in one text (positions as the engine gives them: 1-based, UTF-16 columns). */
export function placesIn(text: string, lines: LineIndex = createLineIndex(text)): (problem: Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>) => ProblemPlace {
  return ({ line, column, endLine, endColumn }) => {
    const lineStart = lines.offset({ line, column: 1 });
    const lineEnd = text.slice(lineStart).search(/[\r\n]/);
    return {
      line: lineEnd === -1 ? text.slice(lineStart) : text.slice(lineStart, lineStart + lineEnd),
      span: text.slice(lines.offset({ line, column }), lines.offset({ line: endLine, column: endColumn })),
    };
  };
}

const digest = (input: string, length: number) => createHash('sha256').update(input).digest('hex').slice(0, length);

/** Digits blanked: a message that quotes a line number or a count says the same when lines move. */
const blankDigits = (message: string, blank: string) => message.replace(/\d+/g, blank);

/** The baseline's fingerprint (its file is an entry field of its own): the flagged text, or its whole line for a point. */
export function baselineFingerprint({ rule, message, place }: ProblemFacts): string {
  const flagged = place ? place.span.trim() || place.line.trim() : '';
  return digest(JSON.stringify([rule, blankDigits(message, '0'), flagged]), 20);
}

/** SARIF's partialFingerprints value, before its occurrence count: with the artifact's URI. */
export function sarifFingerprint({ rule, message, place }: ProblemFacts, uri: string): string {
  const where = place ? [place.line.trim(), place.span] : [];
  return digest(JSON.stringify([rule, uri, ...where, blankDigits(message, '#')]), 32);
}

/** The Action review comment's marker: with the repository-relative path, the message as written. */
export function reviewFingerprint({ rule, message, place }: ProblemFacts, path: string): string {
  return digest([rule ?? '', path, message, place?.line ?? ''].join('\0'), 20);
}
