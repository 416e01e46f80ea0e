/** Calendar arithmetic on ISO dates ("YYYY-MM-DD", or a timestamp whose first ten characters are one). */

/** The date part of an ISO date or timestamp, or null when it is not a real calendar date. */
export function toIsoDate(value: string): string | null {
  const date = value.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date ? date : null;
}

/**
 * The same day `months` calendar months earlier, as "YYYY-MM-DD". The day is kept even when the month is
 * shorter (2024-03-31 minus one month is "2024-02-31"): compared as text it still sorts after the last real
 * day of that month, which is what a window start needs.
 */
export function monthsBefore(isoDate: string, months: number): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${isoDate.slice(8, 10)}`;
}

/** True when `date` lies in the `months` months up to and including `today` (both ISO dates). */
export function isWithinTrailingMonths(date: string, today: string, months: number): boolean {
  return date <= today && date >= monthsBefore(today, months);
}
