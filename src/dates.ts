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
