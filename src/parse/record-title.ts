// The number a title starts with ("12. Title", "ADR-0012: Title", "0001-Title") or the placeholder a
// template left there ("NNNN. Title"), and a title as compared with others.
// A leading ADR number in a title: "12. Title", "12: Title", "12 - Title", "ADR-0012: Title",
// "ADR-0006 Title" (after an ADR prefix no separator is needed), "0001-Title" (zero-padded, joined
// to the title). A plain number with no separator ("3 replicas for the API") is part of the title.
const TITLE_NUMBER = /^(?:ADR[-_ ]?#?(\d{1,6})(?:\s*[.:]|\s+[-–—])?\s+|(\d{1,6})(?:[.:]|\s+[-–—])\s+|(0\d{1,5})[-_](?=\p{L}))/diu;
// A number left as the template wrote it: "n. Title", "NNNN. Title", "XXXX - Title", "ADR-NNN Title",
// "{number}. Title". A lone n or x only before a dot ("X: the platform" is a title).
const PLACEHOLDER = String.raw`[nx]{2,}|\?+|\{[^}\d]*\}|<[^>\d]*>`;
const TITLE_PLACEHOLDER = new RegExp(String.raw`^(?:ADR[-_ ]?#?(${PLACEHOLDER}|[nx])(?:\s*[.:]|\s+[-–—])?\s+|(${PLACEHOLDER})(?:[.:]|\s+[-–—])\s+|([nx])\.\s+)`, 'diu');

/** The number or placeholder a title starts with: as written, where it is in the title, and where the title proper starts. */
export interface TitleNumber {
  text: string;
  start: number;
  /** Where the title after the number starts. */
  titleStart: number;
  /** A placeholder ("n", "NNNN") rather than digits. */
  placeholder: boolean;
}

export function titleNumber(title: string): TitleNumber | null {
  for (const [pattern, placeholder] of [
    [TITLE_NUMBER, false],
    [TITLE_PLACEHOLDER, true],
  ] as const) {
    const match = pattern.exec(title);
    if (!match) continue;
    const group = [1, 2, 3].find((index) => match[index] !== undefined)!;
    return { text: match[group]!, start: match.indices![group]![0], titleStart: match[0].length, placeholder };
  }
  return null;
}

/** A title without the number or placeholder it starts with. */
export function stripTitleNumber(title: string): string {
  const number = titleNumber(title);
  return number ? title.slice(number.titleStart) : title;
}

/** A title as compared: no surrounding quotes or number, no emphasis marks, one case, single spaces. */
export function comparableTitle(title: string): string {
  const unquoted = title.trim().replace(/^(["'])(.*)\1$/s, '$2').trim();
  return stripTitleNumber(unquoted)
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
