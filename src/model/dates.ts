// A date as written: YYYY-MM-DD and a day that exists (2024-02-30 does not, 2024-02-29 does).
export function checkIsoDate(written: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(written.trim());
  if (!match) return `"${written}" is not a date in the form YYYY-MM-DD`;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return `"${written}" has no month ${match[2]}`;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return `"${written}" is not a real date: ${year}-${match[2]} has ${daysInMonth} days`;
  return null;
}

/** A date written in the body (`Date: 2024-05-02`, `* Date: 2024-05-02; last update …`), read. */
export interface WrittenDate {
  /** The date as written, without what follows it. */
  text: string;
  /** Days since 1970-01-01 (a YYYY-MM date: its first day); null when it is not a real date. */
  day: number | null;
  /** Why it is not a real date. */
  problem: string | null;
}

const DAY_MS = 86_400_000;

/**
 * The date a value starts with, when it is written as an ISO date (it starts with a year and a
 * dash): checked as a frontmatter date is, a year and month alone ("2018-11") allowed. Null for a
 * value written any other way ("Oct 29, 2022", a placeholder): no form to hold it to.
 */
export function leadingIsoDate(value: string): WrittenDate | null {
  const text = /^[^\s;,()]+/.exec(value.trim())?.[0].replace(/[.:!]+$/, '') ?? '';
  if (!/^\d{4}-/.test(text)) return null;
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) {
    const number = Number(month[2]);
    if (number < 1 || number > 12) return { text, day: null, problem: `"${text}" has no month ${month[2]}` };
    return { text, day: Date.UTC(Number(month[1]), number - 1, 1) / DAY_MS, problem: null };
  }
  const problem = checkIsoDate(text);
  if (problem) return { text, day: null, problem };
  const [year, monthNumber, day] = text.split('-').map(Number) as [number, number, number];
  return { text, day: Date.UTC(year, monthNumber - 1, day) / DAY_MS, problem: null };
}

/** A day number as YYYY-MM-DD. */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Today as YYYY-MM-DD where it is latest on Earth (UTC+14): a record dated today in Auckland is not
 * "in the future" on a CI runner in UTC. Read once per run; rules get it as `settings.today`.
 */
export function latestToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}
