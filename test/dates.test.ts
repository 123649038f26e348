// Dates as written in ADRs: an ISO date at the start of a `Date:` value, checked as a frontmatter
// date is; and the "today" the engine gives rules.
import { describe, expect, it } from 'vitest';
import { formatDay, latestToday, leadingIsoDate } from '../src/model/dates.ts';

describe('leadingIsoDate', () => {
  it('reads the date a value starts with, and nothing after it', () => {
    expect(leadingIsoDate('2018-08-30; Last update date: 2019-04-09')).toMatchObject({ text: '2018-08-30', problem: null });
    expect(formatDay(leadingIsoDate('2024-02-29 (leap day)')!.day!)).toBe('2024-02-29');
    expect(formatDay(leadingIsoDate('2018-11')!.day!)).toBe('2018-11-01');
  });

  it('says why a date is not one', () => {
    expect(leadingIsoDate('2023-13-10')).toEqual({ text: '2023-13-10', day: null, problem: '"2023-13-10" has no month 13' });
    expect(leadingIsoDate('2024-02-30')?.problem).toBe('"2024-02-30" is not a real date: 2024-02 has 29 days');
    expect(leadingIsoDate('2025-11019')?.problem).toBe('"2025-11019" is not a date in the form YYYY-MM-DD');
    expect(leadingIsoDate('2018-00')?.problem).toBe('"2018-00" has no month 00');
  });

  it('leaves dates written another way alone', () => {
    expect(leadingIsoDate('Oct 29, 2022')).toBeNull();
    expect(leadingIsoDate('12/03/2023')).toBeNull();
    expect(leadingIsoDate('[YYYY-MM-DD when the decision was last updated]')).toBeNull();
  });
});

describe('latestToday', () => {
  it('is the date where it is latest on Earth (UTC+14)', () => {
    expect(latestToday(new Date('2026-12-01T09:59:00Z'))).toBe('2026-12-01');
    expect(latestToday(new Date('2026-12-01T10:00:00Z'))).toBe('2026-12-02');
  });
});
